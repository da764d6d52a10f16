#include "letters/letter_template.hpp"

#include <algorithm>
#include <array>
#include <kainjow/mustache.hpp>
#include <string>

namespace redress::letters {
namespace {

namespace mustache = kainjow::mustache;

// Switches the template to GOV.UK Notify's delimiters; the template itself may not switch again.
constexpr std::string_view kNotifyDelimiters = "{{=(( ))=}}";
constexpr std::string_view kOpen = "((";
constexpr std::string_view kClose = "))";

constexpr std::array<std::string_view, 7> kCasePlaceholders{
    "organisation", "reference",   "complainant_name", "stage_name",
    "stage",        "received_on", "issued_on"};
constexpr std::array<std::string_view, 2> kActionPlaceholders{"description", "due_on"};
constexpr std::array<std::string_view, 6> kOmbudsmanPlaceholders{
    "ombudsman_name",    "ombudsman_web_form", "ombudsman_phone",
    "ombudsman_address", "ombudsman_email",    "ombudsman_time_limit"};

constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string Trim(std::string_view text) {
  auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// Inserted text may not make a heading of a line: a line of it that starts with '#' gets an
// invisible word joiner (U+2060) in front, so the renderers print it as the text it is.
std::string EscapeValue(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  bool line_start = true;
  for (char c : value) {
    if (line_start && c == '#') out += "\u2060";
    out += c;
    line_start = c == '\n';
  }
  return out;
}

mustache::data Text(std::string_view value) { return mustache::data(std::string(value)); }

mustache::data OptionalDate(const std::optional<core::Date>& date) {
  return date ? Text(LongDate(*date)) : Text("");
}

}  // namespace

std::vector<std::string_view> CasePlaceholders() {
  return {kCasePlaceholders.begin(), kCasePlaceholders.end()};
}
std::vector<std::string_view> ActionPlaceholders() {
  return {kActionPlaceholders.begin(), kActionPlaceholders.end()};
}
std::vector<std::string_view> OmbudsmanPlaceholders() {
  return {kOmbudsmanPlaceholders.begin(), kOmbudsmanPlaceholders.end()};
}

core::Status CheckTemplate(const core::LetterContext& context, std::string_view text) {
  core::FieldErrors errors;
  mustache::mustache parsed{std::string(kNotifyDelimiters) + std::string(text)};
  if (!parsed.is_valid()) {
    errors.Add("text", "the template does not parse: " + parsed.error_message(),
               core::FieldErrorCode::kInvalid);
    return errors.ToError();
  }
  // Every tag, read in order with the sections it is in. The parser accepted the text, so each
  // "((" opens a tag that "))" closes.
  std::vector<std::string> sections;
  std::vector<core::LetterPart> named;
  std::size_t at = 0;
  while ((at = text.find(kOpen, at)) != std::string_view::npos) {
    std::size_t end = text.find(kClose, at + kOpen.size());
    if (end == std::string_view::npos) break;
    std::string tag = Trim(text.substr(at + kOpen.size(), end - at - kOpen.size()));
    at = end + kClose.size();
    char kind = tag.empty() ? ' ' : tag.front();
    if (kind == '!') continue;  // a comment
    if (kind == '&' || kind == '{' || kind == '>' || kind == '=') {
      errors.Add("text",
                 "((" + tag +
                     ")): a template may not insert text unescaped, include another "
                     "or change its delimiters",
                 core::FieldErrorCode::kInvalid);
      continue;
    }
    bool opens = kind == '#' || kind == '^';
    bool closes = kind == '/';
    std::string name = (opens || closes) ? Trim(std::string_view(tag).substr(1)) : tag;
    if (closes) {
      if (!sections.empty()) sections.pop_back();
      continue;
    }
    auto inside = [&sections](std::string_view section) {
      return std::find(sections.begin(), sections.end(), section) != sections.end();
    };
    bool known = Contains(kCasePlaceholders, name) ||
                 (inside("outstanding_actions") && Contains(kActionPlaceholders, name)) ||
                 (inside("ombudsman") && Contains(kOmbudsmanPlaceholders, name));
    if (auto part = core::ParseLetterPart(name);
        !known && part && core::AllowsPart(context, *part)) {
      known = true;
      named.push_back(*part);
    }
    if (!known) {
      errors.Add("text",
                 "((" + name + ")) is not a placeholder of a " +
                     std::string(core::ToString(context.type)) + " letter",
                 core::FieldErrorCode::kNotInList);
    }
    if (opens) sections.push_back(name);
  }
  for (core::LetterPart part : core::RequiredParts(context)) {
    if (std::find(named.begin(), named.end(), part) == named.end()) {
      errors.Add("text",
                 "the template leaves out ((" + std::string(core::ToString(part)) + ")), which a " +
                     std::string(core::ToString(context.type)) + " letter must contain",
                 core::FieldErrorCode::kRequired);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

std::string LongDate(core::Date date) {
  return std::to_string(date.day()) + " " + std::string(kMonths[date.month() - 1]) + " " +
         std::to_string(date.year());
}

core::Result<std::string> RenderLetterText(std::string_view template_text,
                                           const LetterModel& model) {
  mustache::mustache parsed{std::string(kNotifyDelimiters) + std::string(template_text)};
  if (!parsed.is_valid()) {
    return core::Fail(core::ErrorCode::kInternal,
                      "a stored template does not parse: " + parsed.error_message());
  }
  parsed.set_custom_escape(EscapeValue);
  const core::LetterParts& parts = model.parts;
  mustache::data data;
  data.set("organisation", Text(model.organisation));
  data.set("reference", Text(model.reference));
  data.set("complainant_name", Text(model.complainant_name));
  data.set("stage_name", Text(model.stage_name));
  data.set("stage", Text(std::to_string(model.stage)));
  data.set("received_on", Text(LongDate(model.received_on)));
  data.set("issued_on", Text(LongDate(model.issued_on)));
  data.set("complaint_definition", Text(parts.complaint_definition));
  data.set("outcome_sought", Text(parts.outcome_sought));
  data.set("not_responsible_for", Text(parts.not_responsible_for));
  data.set("response_date", OptionalDate(parts.response_date));
  data.set("extension_reason", Text(parts.extension_reason));
  data.set("new_date", OptionalDate(parts.new_date));
  data.set("decisions", Text(parts.decisions));
  data.set("reasons", Text(parts.reasons));
  data.set("remedies", Text(parts.remedies));
  mustache::data actions{mustache::data::type::list};
  for (const core::LetterAction& action : parts.outstanding_actions) {
    mustache::data item;
    item.set("description", Text(action.description));
    item.set("due_on", OptionalDate(action.due_on));
    actions.push_back(item);
  }
  data.set("outstanding_actions", actions);
  data.set("escalation", Text(parts.escalation));
  data.set("refusal_explanation", Text(parts.refusal_explanation));
  data.set("progress", Text(parts.progress));
  data.set("resolution", Text(parts.resolution));
  data.set("body", Text(parts.body));
  if (parts.ombudsman && model.ombudsman) {
    const core::OmbudsmanContact& contact = *model.ombudsman;
    mustache::data block;
    block.set("ombudsman_name", Text(contact.name));
    block.set("ombudsman_web_form", Text(contact.web_form));
    block.set("ombudsman_phone", Text(contact.phone));
    block.set("ombudsman_address", Text(contact.postal_address));
    // Empty renders a ((#ombudsman_email)) section not at all: no email where none is taken.
    block.set("ombudsman_email",
              contact.email.empty() ? mustache::data(false) : Text(contact.email));
    block.set("ombudsman_time_limit", Text(contact.time_limit));
    data.set("ombudsman", block);
  } else {
    data.set("ombudsman", mustache::data(false));
  }
  std::string text = parsed.render(data);
  if (!parsed.is_valid()) {
    return core::Fail(core::ErrorCode::kInternal,
                      "the letter was not rendered: " + parsed.error_message());
  }
  return text;
}

}  // namespace redress::letters
