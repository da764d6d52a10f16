#include "report/render/render_internal.hpp"

namespace redress::report::render {

core::Result<std::string> RenderXlsx(const AnnualReport&) {
  return core::FailField("format", "xlsx is not available yet");
}

}  // namespace redress::report::render
