// Fuzzes the strict JSON reader (src/http/json_reader.hpp): the bytes are a request body, parsed as
// ParseJsonBody does, then read by an ObjectReader that asks for every member with a getter the
// member's name picks (so the fuzzer reaches each getter with values of every JSON type, nested
// objects and arrays included), plus a required member that is absent.

#include "http/json_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/regime.hpp"
#include "fuzz/fuzz_support.hpp"

namespace redress::fuzz {
namespace {

using http::ObjectReader;
using http::Presence;

constexpr http::EnumDomain<core::Regime> kRegimeDomain{core::kAllRegimes, core::ParseRegime};
// Deep enough for every body the API takes; deeper nesting is read as a member like any other.
constexpr int kMaxDepth = 16;

void ReadMembers(ObjectReader& reader, const nlohmann::json& object, int depth) {
  for (const auto& member : object.items()) {
    const std::string& name = member.key();
    const nlohmann::json& value = member.value();
    const Presence presence = name.size() % 2 == 0 ? Presence::kRequired : Presence::kOptional;
    const bool nested = depth < kMaxDepth;
    switch (name.size() % 11) {
      case 0:
        reader.Text(name, presence);
        break;
      case 1:
        reader.OptionalText(name);
        break;
      case 2:
        reader.Boolean(name, presence);
        break;
      case 3:
        reader.Date(name, presence);
        break;
      case 4:
        reader.Integer(name, presence, -1000, 1000);
        break;
      case 5:
        reader.Number(name, presence, 0.0, 100.0);
        break;
      case 6:
        reader.Enumerated(name, presence, kRegimeDomain);
        break;
      case 7:
        reader.TextList(name);
        break;
      case 8:
        if (nested) {
          reader.Object(name, presence, [&](ObjectReader& inner) {
            ReadMembers(inner, value.is_object() ? value : nlohmann::json::object(), depth + 1);
          });
        }
        break;
      case 9:
        if (nested) {
          // EachObject hands over only the elements that are objects, in order.
          std::size_t next = 0;
          reader.EachObject(name, [&](ObjectReader& inner) {
            while (next < value.size() && !value[next].is_object()) ++next;
            Check(next < value.size(), "EachObject hands over only the array's objects");
            ReadMembers(inner, value[next++], depth + 1);
          });
        }
        break;
      default:
        reader.DateOr(name, Today());
        break;
    }
  }
  reader.Integer("absent member", Presence::kRequired, 0, 1);
}

}  // namespace
}  // namespace redress::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  std::optional<nlohmann::json> body = fuzz::ParseBody(fuzz::AsText(data, size));
  if (!body) return 0;
  core::Result<int> read = http::ReadBody<int>(*body, [&](http::ObjectReader& reader) {
    fuzz::ReadMembers(reader, *body, 0);
    return 0;
  });
  fuzz::Check(!read, "a required member that is absent is reported");
  fuzz::CheckRefusal(read.error());
  fuzz::Render(*body);
  return 0;
}
