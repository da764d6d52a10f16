// Fuzzes the streaming multipart/form-data parser (src/http/multipart.cpp). The first byte picks
// the chunk size the rest is fed in; the bytes are a body with the boundary "b". Whatever the
// input and however it is split: the parser accepts or refuses with kMalformedRequest, every part
// it begins it ends before another begins, and the bytes it hands over for each part are the same
// whatever the chunk size.

#include "http/multipart.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.hpp"
#include "http/problem.hpp"

namespace {

struct Recorder final : redress::http::MultipartSink {
  std::vector<std::string> parts;
  bool open = false;
  redress::core::Status BeginPart(const redress::http::PartHeader& header) override {
    redress::fuzz::Check(!open, "a part begins only after the one before ended");
    redress::fuzz::Check(!header.name.empty(), "a part has a name");
    parts.emplace_back();
    open = true;
    return {};
  }
  redress::core::Status PartData(std::string_view bytes) override {
    redress::fuzz::Check(open, "data belongs to a part");
    parts.back().append(bytes);
    return {};
  }
  redress::core::Status EndPart() override {
    redress::fuzz::Check(open, "only a begun part ends");
    open = false;
    return {};
  }
};

// Feeds `body` in chunks of `chunk`; the parts, or nothing when refused.
std::optional<std::vector<std::string>> Parse(std::string_view body, std::size_t chunk) {
  Recorder recorder;
  redress::http::MultipartParser parser("b", recorder);
  for (std::size_t at = 0; at < body.size(); at += chunk) {
    auto fed = parser.Feed(body.substr(at, chunk));
    if (!fed) {
      redress::fuzz::Check(
          redress::http::RefusalOf(fed.error()) == redress::http::RequestRefusal::kMalformedRequest,
          "a refusal is a malformed request");
      return std::nullopt;
    }
  }
  if (!parser.Finish()) return std::nullopt;
  return recorder.parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 16;
  const std::string_view body = redress::fuzz::AsText(data + 1, size - 1);
  const auto whole = Parse(body, body.size() + 1);
  const auto split = Parse(body, chunk);
  redress::fuzz::Check(whole.has_value() == split.has_value(),
                       "accepted or refused whatever the chunk size");
  if (whole && split) redress::fuzz::Check(*whole == *split, "the same parts whatever the chunks");
  return 0;
}
