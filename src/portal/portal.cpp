#include "portal/portal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "app/secrets.hpp"
#include "core/date.hpp"
#include "portal/portal_support.hpp"

namespace redress::portal {

namespace {

constexpr std::int64_t kCodeWindowSeconds = 15 * 60;
constexpr std::int64_t kSubmissionWindowSeconds = 60 * 60;
constexpr std::string_view kHoneypotField = "website";
constexpr std::string_view kCsrfField = "csrf_token";

// No script at all, styles and fonts from the portal only, forms posted only to it, never framed.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

// The non-blank lines of a text, trimmed (configured texts: one paragraph a line).
std::vector<std::string> LinesOf(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    if (std::string_view line = Trim(text.substr(0, end)); !line.empty()) lines.emplace_back(line);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

// The value of the cookie `name` in a Cookie header, or "".
std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    std::string_view pair = Trim(header.substr(0, end));
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return pair.substr(equals + 1);
    }
  }
  return {};
}

// The options with a key for the codes and CSRF tokens: a random one for this process when none
// was configured.
PortalOptions WithCodeKey(PortalOptions options) {
  if (options.code_key.empty()) options.code_key = app::NewResidentCodeKey();
  return options;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::string Upper(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

// The form's fields; a malformed body reads as an empty form (every field then missing).
Answers FormOf(const http::Request& request) {
  auto parsed = http::ParseQuery(request.body);
  Answers answers;
  if (!parsed) return answers;
  for (auto& [name, value] : *parsed) answers.emplace(name, std::move(value));
  return answers;
}

std::string StatusInWords(const core::Complaint& complaint) {
  switch (complaint.status) {
    case core::CaseStatus::kAwaitingAcknowledgement:
      return "Received, waiting to be acknowledged";
    case core::CaseStatus::kInProgress:
      return "Being looked into";
    case core::CaseStatus::kResponded:
      return "We have responded";
    case core::CaseStatus::kClosed:
      return "Closed";
    case core::CaseStatus::kNotAccepted:
      return "Not accepted as a complaint";
    case core::CaseStatus::kWithdrawn:
      return "Withdrawn";
  }
  return "Received";
}

mustache::data Paragraphs(const std::vector<std::string>& texts) {
  mustache::data list = List();
  for (const std::string& text : texts) {
    mustache::data item;
    item.set("text", text);
    list.push_back(item);
  }
  return list;
}

mustache::data ErrorLines(const std::vector<FieldError>& errors) {
  mustache::data lines = List();
  for (std::size_t i = 0; i < errors.size(); ++i) {
    mustache::data line;
    line.set("line", errors[i].message);
    line.set("last", i + 1 == errors.size());
    lines.push_back(line);
  }
  return lines;
}

std::string LongDate(core::Date date) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {} {}", date.day(), kMonths[date.month() - 1], date.year());
}

std::string_view CookieValueOf(const http::Request& request) {
  return CookieValue(request.Header("cookie"), kPortalCookieName);
}

http::Response WithSecurityHeaders(http::Response response) {
  response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  return response;
}

Portal::Portal(app::Store& store, const app::Clock& clock, app::Mailer* mailer,
               PortalOptions options, std::function<void(const std::string&)> log_error)
    : store_(store),
      clock_(clock),
      options_(WithCodeKey(std::move(options))),
      log_error_(std::move(log_error)),
      sessions_(store, options_.session_idle_seconds, options_.code_key, log_error_),
      codes_{options_.code_key, options_.code_lifetime_seconds},
      mail_(mailer, log_error_),
      submissions_(options_.submissions_per_hour, kSubmissionWindowSeconds),
      code_requests_by_address_(options_.code_requests_per_address, kCodeWindowSeconds),
      code_requests_by_case_(options_.code_requests_per_window, kCodeWindowSeconds),
      code_tries_(options_.code_tries_per_window, kCodeWindowSeconds),
      forms_with_files_(options_.forms_with_files_per_hour, kSubmissionWindowSeconds) {
  if (auto loaded = Assets::Load(options_.assets_dir, options_.base_path)) {
    assets_ = std::make_unique<Assets>(std::move(*loaded));
  } else {
    log_error_("the portal's pages are served without their style: " + loaded.error().message);
  }
}

void Portal::Register(http::Router& router, const app::AttachmentContext& attachments) {
  attachments_ = &attachments;
  const auto add = [&](std::string method, std::string tail,
                       http::Response (Portal::*handler)(const http::Request&)) {
    http::Route route;
    route.method = std::move(method);
    route.pattern = Path(tail);
    route.access = http::Access::kPublic;
    route.handler = [this, handler](const http::Request& request) {
      return WithSecurityHeaders((this->*handler)(request));
    };
    router.Add(std::move(route));
  };
  const auto add_form = [&](std::string tail, FormFinish finish) {
    http::Route route;
    route.method = "POST";
    route.pattern = Path(tail);
    route.access = http::Access::kPublic;
    route.streamed = FormRoute(finish);
    router.Add(std::move(route));
  };
  add("GET", "", &Portal::Start);
  add("GET", "/question/{id}", &Portal::ShowQuestion);
  add("POST", "/question/{id}", &Portal::AnswerQuestion);
  add("GET", "/check-answers", &Portal::ShowCheck);
  add_form("/check-answers", &Portal::SendComplaint);
  add("GET", "/confirmation", &Portal::Confirmation);
  add("GET", "/receipt", &Portal::Receipt);
  add("GET", "/follow", &Portal::ShowFollow);
  add("POST", "/follow", &Portal::RequestCode);
  add("GET", "/follow/code", &Portal::ShowCode);
  add("POST", "/follow/code", &Portal::EnterCode);
  add("GET", "/case", &Portal::ShowCase);
  add("GET", "/case/letters/{number}", &Portal::Letter);
  add("GET", "/case/information", &Portal::ShowInformation);
  add_form("/case/information", &Portal::SendInformation);
  add("GET", "/case/next-stage", &Portal::ShowNextStage);
  add("POST", "/case/next-stage", &Portal::AskNextStage);
  add("POST", "/case/sign-out", &Portal::SignOut);
  add("GET", "/accessibility", &Portal::Accessibility);
  add("GET", "/privacy", &Portal::Privacy);
  for (const char* folder : {"fonts", "images"}) {
    http::Route route;
    route.method = "GET";
    route.pattern = Path(std::string("/assets/") + folder + "/{file}");
    route.access = http::Access::kPublic;
    route.handler = [this, folder](const http::Request& request) {
      return Asset(std::string(folder) + "/" + request.path_params.at("file"));
    };
    router.Add(std::move(route));
  }
  http::Route stylesheet;
  stylesheet.method = "GET";
  stylesheet.pattern = Path("/assets/govuk-frontend.min.css");
  stylesheet.access = http::Access::kPublic;
  stylesheet.handler = [this](const http::Request&) { return Asset("govuk-frontend.min.css"); };
  router.Add(std::move(stylesheet));
}

// ---- sessions, forms and pages

Portal::Visit Portal::Open(const http::Request& request) {
  const std::int64_t now = clock_.NowUnixSeconds();
  const std::string_view token = CookieValueOf(request);
  if (auto loaded = sessions_.Find(token, now)) {
    return Visit{std::string(token), std::move(loaded->session), std::move(loaded->stored_text),
                 loaded->expires_at, false};
  }
  auto [created, loaded] = sessions_.Create();
  return Visit{std::move(created), std::move(loaded.session), "", 0, true};
}

std::variant<Portal::Visit, http::Response> Portal::OpenForm(const http::Request& request) {
  return OpenForm(request, FormOf(request));
}

std::variant<Portal::Visit, http::Response> Portal::OpenForm(const http::Request& request,
                                                             const Answers& form) {
  const std::int64_t now = clock_.NowUnixSeconds();
  const std::string_view token = CookieValueOf(request);
  auto loaded = sessions_.Find(token, now);
  const auto csrf = form.find(kCsrfField);
  if (!loaded || csrf == form.end() || loaded->session.csrf_token.empty() ||
      !app::SecretTokenMatches(app::HashSecretToken(loaded->session.csrf_token), csrf->second)) {
    return SessionEnded();
  }
  if (const auto honeypot = form.find(kHoneypotField);
      honeypot != form.end() && !honeypot->second.empty()) {
    return Message(kBadRequest, "Sorry, we could not accept this form",
                   {"Try again, or contact us another way."});
  }
  return Visit{std::string(token), std::move(loaded->session), std::move(loaded->stored_text),
               loaded->expires_at, false};
}

http::Response Portal::SessionEnded() {
  return Message(kForbidden, "Sorry, your session has ended",
                 {"We could not accept what you sent because the page you sent it from had "
                  "expired or was not ours. Nothing has been saved.",
                  "Start again from the beginning."},
                 Path(""), "Go to the start");
}

http::Response Portal::Close(Visit& visit, http::Response response) {
  const LoadedSession loaded{visit.session, visit.stored_text, visit.expires_at};
  if (!sessions_.Save(visit.token, loaded, clock_.NowUnixSeconds())) {
    return Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                   {"Try again later."});
  }
  if (visit.set_cookie) return WithCookie(visit.token, std::move(response));
  return response;
}

http::Response Portal::WithCookie(std::string_view token, http::Response response) const {
  std::string cookie = fmt::format("{}={}; Path={}; HttpOnly; SameSite=Lax", kPortalCookieName,
                                   token, options_.base_path);
  if (options_.cookie_security == http::CookieSecurity::kHttpsOnly) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", std::move(cookie));
  return response;
}

Branding Portal::BrandingNow() {
  Branding branding;
  branding.base_path = options_.base_path;
  auto facts = app::PublicFactsOf(store_);
  branding.organisation = facts && !facts->organisation.empty() ? facts->organisation : "Council";
  return branding;
}

http::Response Portal::Page(int status, PageTemplate page, mustache::data data,
                            const Frame& frame) {
  http::Response response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = RenderPage(BrandingNow(), page, std::move(data), frame);
  return response;
}

http::Response Portal::Message(int status, const std::string& title,
                               const std::vector<std::string>& paragraphs, const std::string& link,
                               const std::string& link_text) {
  mustache::data data;
  data.set("heading", title);
  data.set("paragraphs", Paragraphs(paragraphs));
  if (!link.empty()) {
    data.set("link", link);
    data.set("link_text", link_text);
  }
  return Page(status, PageTemplate::kMessage, std::move(data), Frame{title, "", {}});
}

http::Response Portal::Redirect(std::string_view location) {
  http::Response response;
  response.status = kSeeOther;
  response.content_type = "text/plain; charset=utf-8";
  response.headers.emplace_back("Location", std::string(location));
  return response;
}

http::Response Portal::TooMany() {
  http::Response response = Message(kTooManyRequests, "Sorry, there have been too many attempts",
                                    {"For your security, wait 15 minutes before you try again."});
  response.headers.emplace_back("Retry-After", std::to_string(kCodeWindowSeconds));
  return response;
}

std::vector<Question> Portal::Questions(const Answers& answers) {
  auto facts = app::PublicFactsOf(store_);
  return QuestionsFor(answers, facts ? facts->service_areas : std::vector<app::ServiceArea>{});
}

http::Response Portal::QuestionPage(int status, const Visit& visit, const Question& question,
                                    const Answers& values, const std::vector<FieldError>& errors,
                                    const std::string& action, const std::string& back,
                                    const std::string& button, const std::string& intro) {
  const bool single = question.fields.size() == 1;
  mustache::data data;
  data.set("heading", question.heading);
  data.set("single", single);
  data.set("action", action);
  data.set("csrf", visit.session.csrf_token);
  data.set("button", button);
  if (!intro.empty()) data.set("intro", intro);
  mustache::data fields = List();
  Frame frame{question.heading, back, {}};
  for (const Field& field : question.fields) {
    mustache::data item;
    item.set("name", field.name);
    item.set("id", field.name);
    item.set("label", field.label);
    if (!field.hint.empty()) item.set("hint", field.hint);
    const auto value = values.find(field.name);
    item.set("value", value == values.end() ? std::string() : value->second);
    item.set("is_radios", field.kind == FieldKind::kRadios);
    item.set("is_textarea", field.kind == FieldKind::kTextarea);
    item.set("is_file", field.kind == FieldKind::kFiles);
    item.set("is_input", field.kind != FieldKind::kTextarea && field.kind != FieldKind::kFiles);
    if (field.kind == FieldKind::kFiles) data.set("multipart", true);
    item.set("input_type", field.kind == FieldKind::kEmail   ? "email"
                           : field.kind == FieldKind::kPhone ? "tel"
                                                             : "text");
    if (!field.autocomplete.empty()) item.set("autocomplete", field.autocomplete);
    if (!field.width.empty()) item.set("width", field.width);
    std::string describedby = field.hint.empty() ? "" : field.name + "-hint";
    std::vector<FieldError> own;
    std::copy_if(errors.begin(), errors.end(), std::back_inserter(own),
                 [&](const FieldError& e) { return e.field == field.name; });
    // The error summary links to the field, or to a radio group's first option.
    const std::string target =
        field.kind == FieldKind::kRadios && !field.options.empty() ? field.name + "-0" : field.name;
    if (!own.empty()) {
      item.set("error", true);
      item.set("error_lines", ErrorLines(own));
      describedby += (describedby.empty() ? "" : " ") + field.name + "-error";
      for (const FieldError& error : own) frame.errors.push_back({target, error.message});
    }
    if (!describedby.empty()) item.set("describedby", describedby);
    mustache::data options = List();
    for (std::size_t i = 0; i < field.options.size(); ++i) {
      mustache::data option;
      option.set("option_id", field.name + "-" + std::to_string(i));
      option.set("option_value", field.options[i].value);
      option.set("option_label", field.options[i].label);
      option.set("checked", value != values.end() && value->second == field.options[i].value);
      options.push_back(option);
    }
    item.set("options", options);
    fields.push_back(item);
  }
  data.set("fields", fields);
  return Page(status, PageTemplate::kQuestion, std::move(data), frame);
}

http::Response Portal::Asset(std::string_view name) {
  if (assets_ != nullptr) {
    if (auto answer = assets_->Answer(name)) return std::move(*answer);
  }
  http::Response response;
  response.status = kNotFound;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "Not found";
  return response;
}

// ---- make a complaint

http::Response Portal::Start(const http::Request&) {
  mustache::data data;
  mustache::data lines = List();
  for (const std::string& line : LinesOf(options_.other_ways)) {
    mustache::data item;
    item.set("line", line);
    lines.push_back(item);
  }
  data.set("contact_lines", lines);
  return Page(kOk, PageTemplate::kStart, std::move(data), Frame{"Make a complaint", "", {}});
}

http::Response Portal::ShowQuestion(const http::Request& request) {
  Visit visit = Open(request);
  const std::vector<Question> questions = Questions(visit.session.answers);
  const Question* question = FindQuestion(questions, request.path_params.at("id"));
  if (question == nullptr) {
    return Close(visit, Message(kNotFound, "Page not found",
                                {"If you typed the web address, check it is correct."}, Path(""),
                                "Go to the start"));
  }
  const bool change = request.query.contains("change");
  std::string back = Path("");
  if (change) {
    back = Path("/check-answers");
  } else if (question != &questions.front()) {
    back = Path("/question/" + (question - 1)->id);
  }
  const std::string action = Path("/question/" + question->id) + (change ? "?change=1" : "");
  return Close(visit, QuestionPage(kOk, visit, *question, visit.session.answers, {}, action, back,
                                   "Continue"));
}

http::Response Portal::AnswerQuestion(const http::Request& request) {
  auto opened = OpenForm(request);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  Visit visit = std::move(std::get<Visit>(opened));
  std::vector<Question> questions = Questions(visit.session.answers);
  const Question* question = FindQuestion(questions, request.path_params.at("id"));
  if (question == nullptr) return Redirect(Path(""));
  const Answers form = FormOf(request);
  const bool change = request.query.contains("change");
  if (auto errors = CheckAnswers(*question, form); !errors.empty()) {
    const std::string action = Path("/question/" + question->id) + (change ? "?change=1" : "");
    return Close(visit, QuestionPage(kUnprocessable, visit, *question, form, errors, action,
                                     change ? Path("/check-answers") : Path(""), "Continue"));
  }
  for (const Field& field : question->fields) {
    const auto value = form.find(field.name);
    visit.session.answers[field.name] = value == form.end() ? std::string() : value->second;
  }
  const std::string id = question->id;
  // The answers may change which questions follow (complaining for someone else).
  questions = Questions(visit.session.answers);
  auto at = std::find_if(questions.begin(), questions.end(),
                         [&](const Question& q) { return q.id == id; });
  std::string next = Path("/check-answers");
  if (const Question* missing = FirstUnanswered(questions, visit.session.answers);
      change && missing != nullptr) {
    next = Path("/question/" + missing->id + "?change=1");
  } else if (!change && at != questions.end() && at + 1 != questions.end()) {
    next = Path("/question/" + (at + 1)->id);
  }
  return Close(visit, Redirect(next));
}

http::Response Portal::ShowCheck(const http::Request& request) {
  Visit visit = Open(request);
  const std::vector<Question> questions = Questions(visit.session.answers);
  if (const Question* missing = FirstUnanswered(questions, visit.session.answers)) {
    return Close(visit, Redirect(Path("/question/" + missing->id)));
  }
  return Close(visit, CheckPage(kOk, visit, {}));
}

http::Response Portal::CheckPage(int status, const Visit& visit,
                                 const std::vector<FieldError>& errors) {
  const std::vector<Question> questions = Questions(visit.session.answers);
  mustache::data data;
  mustache::data rows = List();
  for (const Question& question : questions) {
    for (const Field& field : question.fields) {
      const std::string shown = DisplayedAnswer(field, visit.session.answers);
      mustache::data row;
      row.set("key", question.fields.size() == 1 ? question.summary : field.label);
      row.set("key_lower", question.fields.size() == 1 ? question.summary : field.label);
      mustache::data lines = List();
      std::string_view rest = shown.empty() ? std::string_view("Not given") : shown;
      while (!rest.empty()) {
        const auto end = rest.find('\n');
        mustache::data line;
        line.set("line", std::string(rest.substr(0, end)));
        lines.push_back(line);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      }
      row.set("lines", lines);
      row.set("change", Path("/question/" + question.id + "?change=1"));
      rows.push_back(row);
    }
  }
  data.set("rows", rows);
  data.set("action", Path("/check-answers"));
  data.set("csrf", visit.session.csrf_token);
  const Field evidence =
      EvidenceField(options_.form_limits.max_files, options_.form_limits.max_file_bytes);
  data.set("evidence_label", evidence.label);
  data.set("evidence_hint", evidence.hint);
  Frame frame{"Check your answers", Path("/question/" + questions.back().id), {}};
  if (!errors.empty()) {
    data.set("evidence_error", true);
    data.set("evidence_errors", ErrorLines(errors));
    for (const FieldError& error : errors) frame.errors.push_back({error.field, error.message});
  }
  return Page(status, PageTemplate::kCheck, std::move(data), frame);
}

http::Response Portal::Confirmation(const http::Request& request) {
  Visit visit = Open(request);
  if (!visit.session.receipt) return Close(visit, Redirect(Path("")));
  const app::OnlineReceipt& receipt = *visit.session.receipt;
  mustache::data data;
  data.set("reference", receipt.reference);
  data.set("acknowledge_by", LongDate(receipt.acknowledge_by));
  data.set("email", visit.session.receipt_email);
  data.set("receipt", Path("/receipt"));
  std::vector<std::string> names;
  for (const UploadedFile& file : visit.session.uploads) names.push_back(file.name);
  data.set("has_files", !names.empty());
  data.set("files", Paragraphs(names));
  data.set("files_not_added", visit.session.files_not_added);
  return Close(visit, Page(kOk, PageTemplate::kConfirmation, std::move(data),
                           Frame{"Complaint sent", "", {}}));
}

http::Response Portal::Receipt(const http::Request& request) {
  Visit visit = Open(request);
  if (!visit.session.receipt) return Close(visit, Redirect(Path("")));
  auto letter =
      app::ResidentLetter(store_, visit.session.receipt->reference, visit.session.receipt_email,
                          visit.session.receipt->receipt_letter);
  if (!letter) {
    return Close(visit, Message(kNotFound, "Sorry, the receipt is not available",
                                {"Your complaint was sent. Keep your reference number."}));
  }
  http::Response response;
  response.content_type = "application/pdf";
  response.body = std::move(letter->pdf);
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"" + visit.session.receipt->reference + "-receipt.pdf\"");
  return Close(visit, std::move(response));
}

// ---- statements

http::Response Portal::Accessibility(const http::Request&) {
  return Message(
      kOk, "Accessibility statement",
      {"We want as many people as possible to be able to use this service. You should be able to "
       "change colours, contrast levels and fonts, zoom in up to 400% without the text spilling "
       "off the screen, and get through the whole service using just a keyboard or a screen "
       "reader. The service works without JavaScript.",
       "This service aims to meet the Web Content Accessibility Guidelines version 2.2 AA "
       "standard. Its pages are checked with automated tools on every change.",
       "If you find a problem, or need information in a different format, contact us another way "
       "(see the start page) and we will respond within 5 working days.",
       "If you are not happy with how we respond, contact the Equality Advisory and Support "
       "Service (EASS)."},
      Path(""), "Go to the start");
}

http::Response Portal::Privacy(const http::Request&) {
  const std::vector<std::string> paragraphs = LinesOf(options_.privacy_notice);
  return Message(kOk, "Privacy notice", paragraphs, Path(""), "Go to the start");
}

}  // namespace redress::portal
