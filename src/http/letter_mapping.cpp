#include "http/letter_mapping.hpp"

#include <sodium.h>

#include <string>
#include <utility>

#include "http/json_reader.hpp"
#include "http/json_writer.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

constexpr core::PreferredChannel kChannels[] = {
    core::PreferredChannel::kEmail, core::PreferredChannel::kPost, core::PreferredChannel::kBoth};
constexpr core::LetterFormat kFormats[] = {
    core::LetterFormat::kStandard, core::LetterFormat::kLargePrint, core::LetterFormat::kEasyRead};

constexpr EnumDomain<core::LetterType> kTypeDomain{core::kAllLetterTypes, core::ParseLetterType};
constexpr EnumDomain<core::PreferredChannel> kChannelDomain{kChannels, core::ParsePreferredChannel};
constexpr EnumDomain<core::LetterFormat> kFormatDomain{kFormats, core::ParseLetterFormat};
constexpr EnumDomain<core::Regime> kRegimeDomain{core::kAllRegimes, core::ParseRegime};
constexpr EnumDomain<core::Vulnerability> kVulnerabilityDomain{core::kAllVulnerabilities,
                                                               core::ParseVulnerability};

// The most pages the letter numbers of a complaint reach in practice is tens; a bound keeps the
// integer an int.
constexpr std::int64_t kMaxLetterNumber = 100000;

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

json PartsToJson(const core::LetterParts& p) {
  json actions = json::array();
  for (const core::LetterAction& action : p.outstanding_actions) {
    actions.push_back({{"description", action.description}, {"due_on", DateOrNull(action.due_on)}});
  }
  return {{"complaint_definition", p.complaint_definition},
          {"outcome_sought", p.outcome_sought},
          {"not_responsible_for", p.not_responsible_for},
          {"response_date", DateOrNull(p.response_date)},
          {"extension_reason", p.extension_reason},
          {"new_date", DateOrNull(p.new_date)},
          {"decisions", p.decisions},
          {"reasons", p.reasons},
          {"remedies", p.remedies},
          {"outstanding_actions", std::move(actions)},
          {"escalation", p.escalation},
          {"ombudsman", p.ombudsman},
          {"refusal_explanation", p.refusal_explanation},
          {"progress", p.progress},
          {"resolution", p.resolution},
          {"body", p.body}};
}

json PartNames(const std::vector<core::LetterPart>& parts) {
  json names = json::array();
  for (core::LetterPart part : parts) names.push_back(std::string(core::ToString(part)));
  return names;
}

json DeliveryToJson(const app::OutboxMessage& delivery) {
  return {{"state", std::string(app::ToString(delivery.state))},
          {"recipient", delivery.recipient},
          {"attempts", delivery.attempts},
          {"message_id", delivery.message_id},
          {"last_error", TextOrNull(delivery.last_error)}};
}

// Null unless posting would make the letter miss its deadline; the assumption is the one in
// force on the issue date, so that the reader sees what the warning rests on.
json PostingWarningToJson(const app::LetterDraft& draft) {
  if (!draft.posting_warning) return nullptr;
  return {{"expected_delivery", draft.posting_warning->expected_delivery.ToIso()},
          {"deadline", draft.posting_warning->deadline.ToIso()},
          {"assumption", std::string(core::PostalAssumptionOn(draft.letter.issued_on).basis)}};
}

json PostalToJson(const app::IssuedLetter& letter,
                  const std::optional<app::LetterPrinting>& printing) {
  if (letter.channel == core::PreferredChannel::kEmail) return nullptr;
  if (!printing) {
    return {{"state", "waiting"},
            {"print_batch", nullptr},
            {"printed_by", nullptr},
            {"printed_at", nullptr}};
  }
  return {{"state", "printed"},
          {"print_batch", printing->batch_date.ToIso()},
          {"printed_by", printing->printed_by},
          {"printed_at", printing->printed_at}};
}

}  // namespace

core::Result<app::LetterRequest> ParseLetterRequest(const json& body) {
  return ReadBody<app::LetterRequest>(body, [](ObjectReader& reader) {
    app::LetterRequest r;
    r.type = reader.Enumerated("type", Presence::kRequired, kTypeDomain).value_or(r.type);
    r.issued_on = reader.Date("issued_on", Presence::kOptional);
    if (reader.Boolean("record_event", Presence::kOptional).value_or(false)) {
      r.record_event = app::RecordEvent::kYes;
    }
    r.channel = reader.Enumerated("channel", Presence::kOptional, kChannelDomain);
    r.format = reader.Enumerated("format", Presence::kOptional, kFormatDomain);
    if (auto corrects = reader.Integer("corrects", Presence::kOptional, 1, kMaxLetterNumber)) {
      r.corrects = static_cast<int>(*corrects);
    }
    reader.Object("parts", Presence::kOptional, [&r](ObjectReader& parts) {
      core::LetterParts& p = r.parts;
      p.complaint_definition = parts.Text("complaint_definition");
      p.outcome_sought = parts.Text("outcome_sought");
      p.not_responsible_for = parts.Text("not_responsible_for");
      p.extension_reason = parts.Text("extension_reason");
      p.decisions = parts.Text("decisions");
      p.reasons = parts.Text("reasons");
      p.remedies = parts.Text("remedies");
      parts.EachObject("outstanding_actions", [&p](ObjectReader& action) {
        core::LetterAction a;
        a.description = action.Text("description");
        a.due_on = action.Date("due_on", Presence::kOptional);
        p.outstanding_actions.push_back(std::move(a));
      });
      p.escalation = parts.Text("escalation");
      p.refusal_explanation = parts.Text("refusal_explanation");
      p.progress = parts.Text("progress");
      p.resolution = parts.Text("resolution");
      p.body = parts.Text("body");
    });
    return r;
  });
}

json LetterToJson(const app::IssuedLetter& letter, const std::vector<app::OutboxMessage>& messages,
                  const std::optional<app::LetterPrinting>& printing) {
  json deliveries = json::array();
  for (const app::OutboxMessage& message : messages) deliveries.push_back(DeliveryToJson(message));
  std::string self = "/api/v1/complaints/" + letter.complaint_reference + "/letters/" +
                     std::to_string(letter.number);
  return {{"number", letter.number},
          {"reference", letter.complaint_reference},
          {"type", std::string(core::ToString(letter.type))},
          {"stage", letter.stage},
          {"issued_on", letter.issued_on.ToIso()},
          {"issued_by", letter.issued_by},
          {"issued_at", letter.issued_at},
          {"channel", std::string(core::ToString(letter.channel))},
          {"format", std::string(core::ToString(letter.format))},
          {"recipient",
           {{"name", letter.recipient_name},
            {"email", TextOrNull(letter.recipient_email)},
            {"address", TextOrNull(letter.recipient_address)}}},
          {"template_version", letter.template_version},
          {"pages", letter.pages},
          {"sha256", letter.sha256},
          {"corrects", letter.corrects ? json(*letter.corrects) : json(nullptr)},
          {"pdf", self + "/pdf"},
          {"delivery", messages.empty() ? json(nullptr) : DeliveryToJson(messages.back())},
          {"messages", std::move(deliveries)},
          {"postal", PostalToJson(letter, printing)}};
}

json FullLetterToJson(const app::IssuedLetter& letter,
                      const std::vector<app::OutboxMessage>& messages,
                      const std::optional<app::LetterPrinting>& printing) {
  json body = LetterToJson(letter, messages, printing);
  body["text"] = letter.text;
  body["html"] = letter.html;
  return body;
}

json DraftToJson(const app::LetterDraft& draft) {
  const app::IssuedLetter& l = draft.letter;
  return {{"type", std::string(core::ToString(l.type))},
          {"stage", l.stage},
          {"issued_on", l.issued_on.ToIso()},
          {"channel", std::string(core::ToString(l.channel))},
          {"format", std::string(core::ToString(l.format))},
          {"recipient",
           {{"name", l.recipient_name},
            {"email", TextOrNull(l.recipient_email)},
            {"address", TextOrNull(l.recipient_address)}}},
          {"template_version", l.template_version},
          {"pages", l.pages},
          {"text", l.text},
          {"html", l.html},
          {"pdf_base64", Base64(l.pdf)},
          {"parts", PartsToJson(draft.parts)},
          {"required", PartNames(draft.required)},
          {"missing", PartNames(draft.missing)},
          {"posting_warning", PostingWarningToJson(draft)}};
}

json OutboxCountsToJson(const app::OutboxCounts& counts) {
  return {{"queued", counts.queued},
          {"sending", counts.sending},
          {"sent", counts.sent},
          {"failed", counts.failed}};
}

core::Result<app::LetterTemplate> ParseLetterTemplate(const json& body) {
  return ReadBody<app::LetterTemplate>(body, [](ObjectReader& reader) {
    app::LetterTemplate t;
    t.type = reader.Enumerated("type", Presence::kRequired, kTypeDomain).value_or(t.type);
    t.regime = reader.Enumerated("regime", Presence::kOptional, kRegimeDomain);
    t.text = reader.Text("text", Presence::kRequired);
    return t;
  });
}

json LetterTemplateToJson(const app::LetterTemplate& t) {
  return {{"type", std::string(core::ToString(t.type))},
          {"regime", NameOrNull(t.regime)},
          {"version", t.version},
          {"text", t.text},
          {"saved_by", TextOrNull(t.saved_by)},
          {"saved_at", TextOrNull(t.saved_at)}};
}

core::Result<core::ContactPreferences> ParseContactPreferences(const json& body) {
  // Read by hand rather than ReadBody, so that the needs' length is judged in the same round as
  // the rest.
  InputErrors errors;
  ObjectReader reader(body, "", errors);
  core::ContactPreferences p;
  p.channel = reader.Enumerated("channel", Presence::kRequired, kChannelDomain).value_or(p.channel);
  p.format = reader.Enumerated("format", Presence::kOptional, kFormatDomain).value_or(p.format);
  if (auto language = reader.OptionalText("language")) p.language = *language;
  if (reader.Boolean("copy_representative", Presence::kOptional).value_or(false)) {
    p.copy_representative = core::ContactPreferences::CopyRepresentative::kYes;
  }
  const auto bounded = [&](std::string_view name, std::string& field) {
    if (auto text = reader.OptionalText(name)) field = std::move(*text);
    if (field.size() > core::kMaxNeedsTextLength) {
      errors.Invalid(std::string(name),
                     "must be at most " + std::to_string(core::kMaxNeedsTextLength) +
                         " characters, got " + std::to_string(field.size()),
                     core::FieldErrorCode::kTooLong);
    }
  };
  bounded("adjustments", p.adjustments);
  // Each category once, in the list's order, however the request orders or repeats them.
  const std::vector<core::Vulnerability> named =
      reader.EnumeratedList("vulnerabilities", kVulnerabilityDomain);
  p.vulnerabilities = core::SplitVulnerabilities(core::JoinVulnerabilities(named));
  bounded("vulnerability_note", p.vulnerability_note);
  reader.Finish();
  if (!errors.empty()) return errors.ToError();
  return p;
}

json ContactPreferencesToJson(const core::ContactPreferences& p) {
  json vulnerabilities = json::array();
  for (core::Vulnerability vulnerability : p.vulnerabilities) {
    vulnerabilities.push_back(std::string(core::ToString(vulnerability)));
  }
  return {{"channel", std::string(core::ToString(p.channel))},
          {"format", std::string(core::ToString(p.format))},
          {"language", p.language},
          {"copy_representative",
           p.copy_representative == core::ContactPreferences::CopyRepresentative::kYes},
          {"font_size_points", core::FontSizePoints(p.format)},
          {"adjustments", p.adjustments},
          {"vulnerabilities", std::move(vulnerabilities)},
          {"vulnerability_note", p.vulnerability_note},
          {"has_needs", core::HasNeeds(p)}};
}

}  // namespace redress::http
