#pragma once

// The strict reader of JSON input shared by the mappings of the API (json_mapping.hpp): an
// object's members are read by name and type; a member nobody asked for, or of the wrong JSON
// type, is a shape problem (400); an unacceptable value is a value problem (422). Internal to
// redress::http.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "http/problem.hpp"

namespace redress::http {

using nlohmann::json;

// The values of an enum a field accepts, and the core's parser of their names.
template <typename Enum>
struct EnumDomain {
  std::span<const Enum> values;
  std::optional<Enum> (*parse)(std::string_view);
};

template <typename Enum>
inline std::string AllowedNames(const EnumDomain<Enum>& domain) {
  std::string names;
  for (Enum value : domain.values) {
    if (!names.empty()) names += ", ";
    names += ToString(value);  // the core's or the app's, by argument-dependent lookup
  }
  return names;
}

// What a field may say, judged once the value has the right JSON type.
inline std::string DateMessage(std::string_view text) {
  return "must be a real date written YYYY-MM-DD, got '" + std::string(text) + "'";
}

// Parses a date a client sent; the message on failure names what was wrong.
inline std::optional<core::Date> ParseClientDate(std::string_view text, std::string& message) {
  std::optional<core::Date> date = core::Date::Parse(text);
  if (!date) {
    message = DateMessage(text);
    return std::nullopt;
  }
  if (!core::InCalendarRange(*date)) {
    message = "must be between " + std::to_string(core::kFirstCalendarYear) + " and " +
              std::to_string(core::kLastCalendarYear);
    return std::nullopt;
  }
  return date;
}

// The field problems of one input, of two kinds: shape (unknown field, wrong JSON type) and value.
class InputErrors {
 public:
  void Malformed(std::string field, std::string message) {
    malformed_.push_back({std::move(field), std::move(message), core::FieldErrorCode::kMalformed});
  }
  void Invalid(std::string field, std::string message,
               core::FieldErrorCode code = core::FieldErrorCode::kInvalid) {
    invalid_.push_back({std::move(field), std::move(message), code});
  }
  bool empty() const { return malformed_.empty() && invalid_.empty(); }

  // The error to return; call only when !empty(). Shape problems win: a value is judged only in
  // an input of the right shape.
  tl::unexpected<core::Error> ToError() const {
    const bool malformed = !malformed_.empty();
    const std::vector<core::FieldError>& fields = malformed ? malformed_ : invalid_;
    std::string summary = fields.size() == 1
                              ? fields.front().field + ": " + fields.front().message
                              : std::to_string(fields.size()) +
                                    (malformed ? " fields are malformed" : " fields are invalid");
    // Both are kInvalidInput: a malformed field's code (kMalformed) is what makes it a 400
    // (http/problem.hpp, RequestRefusal).
    return tl::unexpected(core::Error{core::ErrorCode::kInvalidInput, std::move(summary), fields});
  }

 private:
  std::vector<core::FieldError> malformed_;
  std::vector<core::FieldError> invalid_;
};

enum class Presence { kOptional, kRequired };

// Whether a text holds nothing but spaces: what a form's empty field sends.
inline bool IsBlankText(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

inline bool IsBlankString(const json& value) {
  return value.is_string() && IsBlankText(value.get_ref<const std::string&>());
}

// Reads the members of one JSON object strictly: each getter names a member it knows and checks
// its type; Finish reports every member no getter asked for. Members are named in errors by their
// path from the body ("complainant.email").
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path, InputErrors& errors)
      : object_(object), path_(std::move(path)), errors_(errors) {}

  std::string FieldName(std::string_view name) const {
    return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
  }

  // The member, or nullptr when absent or null (a required one is then reported missing). A
  // blank text is the core's to judge, with the rest of the input (core::RequireText).
  const json* Member(std::string_view name, Presence presence) {
    known_.emplace(name);
    auto found = object_.find(name);
    if (found == object_.end() || found->is_null()) {
      if (presence == Presence::kRequired) {
        errors_.Invalid(FieldName(name), "is required", core::FieldErrorCode::kRequired);
      }
      return nullptr;
    }
    return &*found;
  }

  // Whether `member` is a blank string, which a choice or a date reads as absent: reported
  // missing when required, as the core's input cannot hold no choice or no date.
  bool Blank(const json& member, std::string_view name, Presence presence) {
    if (!IsBlankString(member)) return false;
    if (presence == Presence::kRequired) {
      errors_.Invalid(FieldName(name), "is required", core::FieldErrorCode::kRequired);
    }
    return true;
  }

  std::string Text(std::string_view name, Presence presence = Presence::kOptional) {
    const json* member = Member(name, presence);
    if (member == nullptr) return {};
    if (!member->is_string()) {
      errors_.Malformed(FieldName(name), "must be a string");
      return {};
    }
    return member->get<std::string>();
  }

  // The text when present, nullopt when absent or null: for partial updates.
  std::optional<std::string> OptionalText(std::string_view name) {
    const json* member = Member(name, Presence::kOptional);
    if (member == nullptr) return std::nullopt;
    if (!member->is_string()) {
      errors_.Malformed(FieldName(name), "must be a string");
      return std::nullopt;
    }
    return member->get<std::string>();
  }

  std::optional<bool> Boolean(std::string_view name, Presence presence) {
    const json* member = Member(name, presence);
    if (member == nullptr) return std::nullopt;
    if (!member->is_boolean()) {
      errors_.Malformed(FieldName(name), "must be true or false");
      return std::nullopt;
    }
    return member->get<bool>();
  }

  // A blank string is no date: absent (a form's empty date field).
  std::optional<core::Date> Date(std::string_view name, Presence presence) {
    const json* member = Member(name, presence);
    if (member == nullptr || Blank(*member, name, presence)) return std::nullopt;
    if (!member->is_string()) {
      errors_.Malformed(FieldName(name), "must be a string holding a date YYYY-MM-DD");
      return std::nullopt;
    }
    std::string message;
    std::optional<core::Date> date =
        ParseClientDate(member->get_ref<const std::string&>(), message);
    if (!date) errors_.Invalid(FieldName(name), message, core::FieldErrorCode::kInvalidDate);
    return date;
  }

  // A date that defaults to `fallback` when absent.
  core::Date DateOr(std::string_view name, core::Date fallback) {
    return Date(name, Presence::kOptional).value_or(fallback);
  }

  std::optional<std::int64_t> Integer(std::string_view name, Presence presence,
                                      std::int64_t min_value, std::int64_t max_value) {
    const json* member = Member(name, presence);
    if (member == nullptr) return std::nullopt;
    if (!member->is_number_integer()) {
      errors_.Malformed(FieldName(name), "must be an integer");
      return std::nullopt;
    }
    // An unsigned value beyond int64 is out of range like any other too-large value.
    const bool too_large = member->is_number_unsigned() &&
                           member->get<std::uint64_t>() >
                               static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    const std::int64_t value =
        too_large ? std::numeric_limits<std::int64_t>::max() : member->get<std::int64_t>();
    if (too_large || value < min_value || value > max_value) {
      errors_.Invalid(
          FieldName(name),
          "must be between " + std::to_string(min_value) + " and " + std::to_string(max_value),
          core::FieldErrorCode::kOutOfRange);
      return std::nullopt;
    }
    return value;
  }

  // A JSON number (integer or not) within [min_value, max_value].
  std::optional<double> Number(std::string_view name, Presence presence, double min_value,
                               double max_value) {
    const json* member = Member(name, presence);
    if (member == nullptr) return std::nullopt;
    if (!member->is_number()) {
      errors_.Malformed(FieldName(name), "must be a number");
      return std::nullopt;
    }
    const double value = member->get<double>();
    if (value < min_value || value > max_value) {
      errors_.Invalid(
          FieldName(name),
          "must be between " + ShortNumber(min_value) + " and " + ShortNumber(max_value),
          core::FieldErrorCode::kOutOfRange);
      return std::nullopt;
    }
    return value;
  }

  template <typename Enum>
  std::optional<Enum> Enumerated(std::string_view name, Presence presence,
                                 const EnumDomain<Enum>& domain) {
    // A blank string is no choice: absent (a form's radios with none chosen).
    const json* member = Member(name, presence);
    if (member == nullptr || Blank(*member, name, presence)) return std::nullopt;
    if (!member->is_string()) {
      errors_.Malformed(FieldName(name), "must be a string, one of: " + AllowedNames(domain));
      return std::nullopt;
    }
    std::optional<Enum> value = domain.parse(member->get_ref<const std::string&>());
    if (!value) {
      errors_.Invalid(
          FieldName(name),
          "must be one of: " + AllowedNames(domain) + "; got '" + member->get<std::string>() + "'",
          core::FieldErrorCode::kNotInList);
    }
    return value;
  }

  // An optional list of names of `domain`; each unknown one named by its index (kNotInList).
  template <typename Enum>
  std::vector<Enum> EnumeratedList(std::string_view name, const EnumDomain<Enum>& domain) {
    std::vector<Enum> values;
    const json* member = Member(name, Presence::kOptional);
    if (member == nullptr) return values;
    if (!member->is_array()) {
      errors_.Malformed(FieldName(name), "must be an array of: " + AllowedNames(domain));
      return values;
    }
    for (std::size_t i = 0; i < member->size(); ++i) {
      const json& element = (*member)[i];
      std::optional<Enum> value =
          element.is_string() ? domain.parse(element.get_ref<const std::string&>()) : std::nullopt;
      if (value) {
        values.push_back(*value);
      } else {
        errors_.Invalid(ElementName(name, i), "must be one of: " + AllowedNames(domain),
                        core::FieldErrorCode::kNotInList);
      }
    }
    return values;
  }

  // A required list must hold at least one string.
  std::vector<std::string> TextList(std::string_view name,
                                    Presence presence = Presence::kOptional) {
    std::vector<std::string> texts;
    const json* member = Member(name, presence);
    if (member == nullptr) return texts;
    if (!member->is_array()) {
      errors_.Malformed(FieldName(name), "must be an array of strings");
      return texts;
    }
    for (std::size_t i = 0; i < member->size(); ++i) {
      const json& element = (*member)[i];
      if (!element.is_string()) {
        errors_.Malformed(ElementName(name, i), "must be a string");
        continue;
      }
      texts.push_back(element.get<std::string>());
    }
    if (presence == Presence::kRequired && member->empty()) {
      errors_.Invalid(FieldName(name), "needs at least one", core::FieldErrorCode::kRequired);
    }
    return texts;
  }

  // Calls read(ObjectReader&) for the member when it is an object; false when absent.
  template <typename Read>
  bool Object(std::string_view name, Presence presence, Read&& read) {
    const json* member = Member(name, presence);
    if (member == nullptr) return false;
    if (!member->is_object()) {
      errors_.Malformed(FieldName(name), "must be an object");
      return false;
    }
    ObjectReader nested(*member, FieldName(name), errors_);
    read(nested);
    nested.Finish();
    return true;
  }

  // Calls read(ObjectReader&) for each element of an array of objects.
  template <typename Read>
  void EachObject(std::string_view name, Read&& read) {
    const json* member = Member(name, Presence::kOptional);
    if (member == nullptr) return;
    if (!member->is_array()) {
      errors_.Malformed(FieldName(name), "must be an array of objects");
      return;
    }
    for (std::size_t i = 0; i < member->size(); ++i) {
      const json& element = (*member)[i];
      if (!element.is_object()) {
        errors_.Malformed(ElementName(name, i), "must be an object");
        continue;
      }
      ObjectReader nested(element, ElementName(name, i), errors_);
      read(nested);
      nested.Finish();
    }
  }

  // Reports each member no getter asked for.
  void Finish() {
    for (const auto& [name, value] : object_.items()) {
      if (!known_.contains(name)) errors_.Malformed(FieldName(name), "unknown field");
    }
  }

 private:
  // 100.000000 as "100", 0.5 as "0.5".
  static std::string ShortNumber(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  std::string ElementName(std::string_view name, std::size_t index) const {
    return FieldName(name) + "[" + std::to_string(index) + "]";
  }

  const json& object_;
  std::string path_;
  InputErrors& errors_;
  std::set<std::string, std::less<>> known_;
};

// The most objects and arrays open inside one another, and the most values (objects, arrays,
// members' values and array elements), a request body may hold. The largest legitimate body (an
// Ombudsman case with its findings and remedies) has a few hundred values and a depth under 6;
// without a bound, 1 MiB of "[" or a wide array made the parser hold 36 to 85 MB for one request
// (fuzz run, bench/RESULTS.md).
inline constexpr std::size_t kMaxJsonDepth = 32;
inline constexpr std::size_t kMaxJsonValues = 10000;

// Parses a request body. Refuses as malformed (kMalformed, 400) text that is not JSON, naming
// "body", a body nested deeper than kMaxJsonDepth or holding more than kMaxJsonValues values, and
// an object that gives a member twice at any depth, naming the member by its path
// ("complainant.email", "remedies[1].kind"): the standard leaves a duplicate's meaning open, and
// parsers disagree (first wins, last wins), so a proxy or audit log could read a different request
// from the one the server acts on.
inline core::Result<json> ParseStrictJson(std::string_view text) {
  // One frame per open object or array: the object's members so far, or the array's next index.
  struct Frame {
    bool is_array = false;
    std::string path;  // of the container itself
    std::set<std::string, std::less<>> keys;
    std::string key;  // the member being read
    std::size_t next_index = 0;
  };
  std::vector<Frame> frames;
  std::optional<std::string> duplicate;
  std::size_t values = 0;
  bool too_large = false;
  // The path of the value starting now inside the innermost container.
  const auto child_path = [&frames]() -> std::string {
    if (frames.empty()) return "";
    Frame& top = frames.back();
    if (top.is_array) return top.path + "[" + std::to_string(top.next_index++) + "]";
    return top.path.empty() ? top.key : top.path + "." + top.key;
  };
  const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    // Past a bound, everything is discarded as it is read, so memory stays flat to the end.
    const bool opens =
        event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (opens || event == json::parse_event_t::value) ++values;
    // `depth` counts the containers around the one opening: kMaxJsonDepth may be open at once.
    if (too_large || values > kMaxJsonValues ||
        (opens && static_cast<std::size_t>(depth) >= kMaxJsonDepth)) {
      too_large = true;
      return false;
    }
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start: {
        Frame frame;
        frame.is_array = event == json::parse_event_t::array_start;
        frame.path = child_path();
        frames.push_back(std::move(frame));
        break;
      }
      case json::parse_event_t::key: {
        Frame& top = frames.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.emplace(top.key).second && !duplicate) {
          duplicate = top.path.empty() ? top.key : top.path + "." + top.key;
        }
        break;
      }
      case json::parse_event_t::value:
        if (!frames.empty() && frames.back().is_array) ++frames.back().next_index;
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames.pop_back();
        break;
    }
    return true;
  };
  json value = json::parse(text, callback, /*allow_exceptions=*/false);
  if (too_large) {
    const std::string why = "nested deeper than " + std::to_string(kMaxJsonDepth) +
                            " levels or holding more than " + std::to_string(kMaxJsonValues) +
                            " values";
    return tl::unexpected(MalformedField("body", why));
  }
  if (value.is_discarded()) {
    return tl::unexpected(MalformedField("body", "not valid JSON"));
  }
  if (duplicate) {
    return tl::unexpected(MalformedField(*duplicate, "is given more than once"));
  }
  return value;
}

// Runs read(ObjectReader&) over the whole body and returns its value, or every field problem.
template <typename T, typename Read>
core::Result<T> ReadBody(const json& body, Read&& read) {
  InputErrors errors;
  ObjectReader reader(body, "", errors);
  T value = read(reader);
  reader.Finish();
  if (!errors.empty()) return errors.ToError();
  return value;
}

}  // namespace redress::http
