#include "report/render/render_internal.hpp"

namespace redress::report::render {

core::Result<std::string> RenderPdf(const AnnualReport&) {
  return core::FailField("format", "pdf is not available yet");
}

}  // namespace redress::report::render
