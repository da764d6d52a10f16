#include "http/correspondence_admin_handlers.hpp"

#include <string>
#include <utility>

#include "app/correspondence_settings.hpp"
#include "core/ombudsman.hpp"
#include "http/json_reader.hpp"
#include "http/json_writer.hpp"
#include "http/letter_mapping.hpp"
#include "http/responses.hpp"
#include "letters/letter_template.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr core::Ombudsman kOmbudsmen[] = {core::Ombudsman::kHousingOmbudsman,
                                          core::Ombudsman::kLgsco};
constexpr EnumDomain<core::Ombudsman> kOmbudsmanDomain{kOmbudsmen, core::ParseOmbudsman};
constexpr EnumDomain<core::LetterType> kTypeDomain{core::kAllLetterTypes, core::ParseLetterType};
constexpr EnumDomain<core::Regime> kRegimeDomain{core::kAllRegimes, core::ParseRegime};
constexpr std::int64_t kMaxStage = 3;

core::Result<app::TemplatePreview> ParseTemplatePreview(const json& body) {
  return ReadBody<app::TemplatePreview>(body, [](ObjectReader& reader) {
    app::TemplatePreview p;
    p.draft.type =
        reader.Enumerated("type", Presence::kRequired, kTypeDomain).value_or(p.draft.type);
    p.draft.regime = reader.Enumerated("regime", Presence::kOptional, kRegimeDomain);
    p.draft.text = reader.Text("text", Presence::kRequired);
    p.reference = reader.OptionalText("reference");
    if (p.reference && IsBlankText(*p.reference)) p.reference.reset();
    if (!p.draft.regime) {
      p.regime =
          reader.Enumerated("sample_regime", Presence::kOptional, kRegimeDomain).value_or(p.regime);
    }
    p.stage =
        static_cast<int>(reader.Integer("stage", Presence::kOptional, 1, kMaxStage).value_or(1));
    return p;
  });
}

core::Result<core::OmbudsmanContact> ParseOmbudsmanContact(const json& body) {
  return ReadBody<core::OmbudsmanContact>(body, [](ObjectReader& reader) {
    core::OmbudsmanContact c;
    c.ombudsman =
        reader.Enumerated("ombudsman", Presence::kRequired, kOmbudsmanDomain).value_or(c.ombudsman);
    c.valid_from = reader.Date("valid_from", Presence::kRequired).value_or(c.valid_from);
    c.name = reader.Text("name", Presence::kRequired);
    c.web_form = reader.Text("web_form");
    c.phone = reader.Text("phone");
    c.postal_address = reader.Text("postal_address");
    c.email = reader.Text("email");
    c.time_limit = reader.Text("time_limit", Presence::kRequired);
    c.source = reader.Text("source");
    return c;
  });
}

json OmbudsmanContactToJson(const app::AddedOmbudsmanContact& entry, bool in_force) {
  const core::OmbudsmanContact& c = entry.contact;
  return {{"ombudsman", std::string(core::ToString(c.ombudsman))},
          {"valid_from", c.valid_from.ToIso()},
          {"name", c.name},
          {"web_form", c.web_form},
          {"phone", c.phone},
          {"postal_address", c.postal_address},
          {"email", TextOrNull(c.email)},
          {"time_limit", c.time_limit},
          {"source", c.source},
          {"built_in", entry.added_by.empty()},
          {"in_force", in_force},
          {"added_by", TextOrNull(entry.added_by)},
          {"added_at", TextOrNull(entry.added_at)}};
}

// "HH:MM" → minutes after midnight, "24:00" allowed as the end of the day; nullopt when
// malformed, which app::SaveOfficeHours refuses naming the field.
std::optional<int> ReadTime(ObjectReader& reader, std::string_view name, bool end_of_day) {
  std::string text = reader.Text(name, Presence::kRequired);
  if (end_of_day && text == "24:00") return 24 * 60;
  return core::ParseMinuteOfDay(text);
}

json OfficeHoursToJson(const core::OfficeHours& hours,
                       const std::optional<app::SavedOfficeHours>& saved) {
  return {{"start", app::MinuteOfDay(hours.start_minute)},
          {"end", app::MinuteOfDay(hours.end_minute)},
          {"source", saved ? "saved" : "serve_flag"},
          {"saved_by", saved ? json(saved->saved_by) : json(nullptr)},
          {"saved_at", saved ? json(saved->saved_at) : json(nullptr)}};
}

// What a template of this type may name: the case's facts, the parts the type allows in some
// regime and stage it serves, and inside the sections the action's and the Ombudsman's fields.
json PlaceholdersOf(core::LetterType type, std::optional<core::Regime> only) {
  json names = json::array();
  for (std::string_view name : letters::CasePlaceholders()) names.push_back(std::string(name));
  for (core::LetterPart part : core::kAllLetterParts) {
    bool allowed = false;
    for (core::Regime regime : core::kAllRegimes) {
      if (only && *only != regime) continue;
      for (int stage = 1; stage <= core::RulesFor(regime).stage_count(); ++stage) {
        allowed = allowed || core::AllowsPart({type, regime, stage}, part);
      }
    }
    if (!allowed) continue;
    std::string name(core::ToString(part));
    names.push_back(name);
    if (part == core::LetterPart::kOutstandingActions) {
      for (std::string_view field : letters::ActionPlaceholders()) {
        names.push_back(name + "." + std::string(field));
      }
    }
    if (part == core::LetterPart::kOmbudsman) {
      for (std::string_view field : letters::OmbudsmanPlaceholders()) {
        names.push_back(name + "." + std::string(field));
      }
    }
  }
  return names;
}

}  // namespace

std::string RelayWithoutSecret(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  std::size_t end = url.find('/', start);
  std::string_view authority =
      url.substr(start, end == std::string_view::npos ? url.npos : end - start);
  std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, start)) + std::string(url.substr(start + at + 1));
}

void RegisterTemplateAdminRoutes(Router& router, std::shared_ptr<app::LetterContext> context) {
  router.Add({"POST", "/api/v1/letter-templates/preview", kAuth, P::kManageConfiguration,
              [context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ParseTemplatePreview(*body);
                if (!parsed) return Problem(parsed.error(), request);
                auto draft = app::PreviewLetterTemplate(*context, *request.actor, *parsed);
                if (!draft) return Problem(draft.error(), request);
                return JsonAnswer(kOk, DraftToJson(*draft));
              }});
  router.Add({"GET", "/api/v1/letter-templates/versions", kAuth, P::kManageConfiguration,
              [context](const Request& request) {
                core::FieldErrors errors;
                std::optional<core::LetterType> type;
                std::optional<core::Regime> regime;
                auto t = request.query.find("type");
                if (t == request.query.end() || !(type = core::ParseLetterType(t->second))) {
                  errors.Add("type", "must name a letter type", core::FieldErrorCode::kInvalid);
                }
                auto r = request.query.find("regime");
                if (r != request.query.end() && !r->second.empty() &&
                    !(regime = core::ParseRegime(r->second))) {
                  errors.Add("regime", "must name a regime", core::FieldErrorCode::kInvalid);
                }
                if (!errors.empty()) return Problem(errors.ToError().value(), request);
                auto versions = app::LetterTemplateHistory(*context, *type, regime);
                if (!versions) return Problem(versions.error(), request);
                json items = json::array();
                for (const app::LetterTemplate& v : *versions) {
                  items.push_back(LetterTemplateToJson(v));
                }
                return JsonAnswer(kOk, {{"versions", std::move(items)},
                                        {"placeholders", PlaceholdersOf(*type, regime)}});
              }});
  router.Add({"GET", "/api/v1/ombudsman-contacts", kAuth, P::kManageConfiguration,
              [context](const Request& request) {
                auto found = app::ListOmbudsmanContacts(*context);
                if (!found) return Problem(found.error(), request);
                std::vector<core::OmbudsmanContact> blocks;
                for (const app::AddedOmbudsmanContact& e : *found) blocks.push_back(e.contact);
                core::Date today = context->clock.Today();
                json items = json::array();
                for (std::size_t i = 0; i < found->size(); ++i) {
                  const core::OmbudsmanContact& in_force =
                      core::OmbudsmanContactOn(blocks, blocks[i].ombudsman, today);
                  items.push_back(OmbudsmanContactToJson((*found)[i], &in_force == &blocks[i]));
                }
                return JsonAnswer(kOk, items);
              }});
  router.Add({"POST", "/api/v1/ombudsman-contacts", kAuth, P::kManageConfiguration,
              [context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ParseOmbudsmanContact(*body);
                if (!parsed) return Problem(parsed.error(), request);
                auto added = app::AddOmbudsmanContact(*context, *request.actor, *parsed);
                if (!added) return Problem(added.error(), request);
                return CreatedAt("/api/v1/ombudsman-contacts",
                                 OmbudsmanContactToJson(*added, false));
              }});
}

void RegisterMailAdminRoutes(Router& router, app::Store& store, const app::Clock& clock,
                             app::Mailer* mailer, MailSettings settings) {
  auto context = std::make_shared<app::LetterContext>(
      app::LetterContext{store, clock, std::string(app::kMessageIdDomain)});
  auto shown = std::make_shared<const MailSettings>(std::move(settings));
  router.Add({"GET", "/api/v1/mail-settings", kAuth, P::kManageConfiguration,
              [shown, mailer](const Request&) {
                return JsonAnswer(kOk, {{"sender", TextOrNull(shown->sender)},
                                        {"relay", TextOrNull(RelayWithoutSecret(shown->relay_url))},
                                        {"tls", shown->tls},
                                        {"relay_configured", mailer != nullptr}});
              }});
  router.Add({"POST", "/api/v1/mail-settings/test-email", kAuth, P::kManageConfiguration,
              [context, shown, mailer](const Request& request) {
                core::Status sent =
                    app::SendTestEmail(*context, mailer, *request.actor, shown->sender);
                if (!sent) return Problem(sent.error(), request);
                return JsonAnswer(kOk, {{"sent", true}});
              }});
  router.Add({"GET", "/api/v1/office-hours", kAuth, P::kManageConfiguration,
              [context, shown](const Request& request) {
                auto saved = app::LoadOfficeHours(*context);
                if (!saved) return Problem(saved.error(), request);
                core::OfficeHours hours = *saved ? (*saved)->hours : shown->office_hours;
                return JsonAnswer(kOk, OfficeHoursToJson(hours, *saved));
              }});
  router.Add({"PUT", "/api/v1/office-hours", kAuth, P::kManageConfiguration,
              [context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ReadBody<core::OfficeHours>(*body, [](ObjectReader& reader) {
                  core::OfficeHours hours;
                  hours.start_minute = ReadTime(reader, "start", false).value_or(-1);
                  hours.end_minute = ReadTime(reader, "end", true).value_or(-1);
                  return hours;
                });
                if (!parsed) return Problem(parsed.error(), request);
                auto saved = app::SaveOfficeHours(*context, *request.actor, *parsed);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, OfficeHoursToJson(saved->hours, *saved));
              }});
}

}  // namespace redress::http
