#pragma once

// The resident's public service (issue 17), server-rendered GOV.UK pages that work without
// JavaScript, added to the http server's router under a configurable path (default /complain):
//
//   GET       {base}                          start page
//   GET/POST  {base}/question/{id}            one question per page (?change=1 from the check page)
//   GET/POST  {base}/check-answers            check your answers; POST sends the complaint with
//                                             its evidence (multipart, streamed: upload.hpp)
//   GET       {base}/confirmation             reference, acknowledgement date, receipt link
//   GET       {base}/receipt                  the receipt (the confirmation letter's PDF)
//   GET/POST  {base}/follow                   reference and email → a one-time code by email
//   GET/POST  {base}/follow/code              the code → the case
//   GET       {base}/case                     stage, dates, letters, outstanding actions
//   GET       {base}/case/letters/{number}    a letter's PDF
//   GET/POST  {base}/case/information         add information and evidence (multipart, streamed)
//   GET/POST  {base}/case/next-stage          ask for the next stage (reason optional)
//   POST      {base}/case/sign-out
//   GET       {base}/accessibility, {base}/privacy
//   GET       {base}/assets/...               govuk-frontend's CSS, fonts and images
//
// Every form carries the session's CSRF token and a honeypot field; the session is the portal's
// own cookie (sessions.hpp), never the staff's. Code requests, code tries and submissions are
// rate-limited per client address, and code requests per reference and per email. A code request
// answers the same whether or not the pair matches. Every page is no-store (the Application adds
// Cache-Control) and carries a Content-Security-Policy without inline script or style.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "app/attachments.hpp"
#include "app/ports.hpp"
#include "app/resident_codes.hpp"
#include "app/resident_portal.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "portal/assets.hpp"
#include "portal/mail_queue.hpp"
#include "portal/pages.hpp"
#include "portal/questions.hpp"
#include "portal/sessions.hpp"
#include "portal/upload.hpp"

namespace redress::portal {

inline constexpr std::string_view kPortalCookieName = "redress_portal";

struct PortalOptions {
  std::string base_path = "/complain";  // no trailing slash
  std::filesystem::path assets_dir;     // portal-assets/ (govuk-frontend's files)
  std::int64_t session_idle_seconds = 60 * 60;
  app::OnlineComplaintSettings complaint;
  // Other ways to complain (phone, post, in person, opening hours), one paragraph a line.
  std::string other_ways = "You can also complain by phone, by post or in person.";
  std::string privacy_notice =
      "We use the details you give us only to deal with your complaint, as the law allows.";
  http::CookieSecurity cookie_security = http::CookieSecurity::kAnyTransport;
  // Submissions per client address per hour; code requests and code tries per address, reference
  // and email per 15 minutes.
  int submissions_per_hour = 10;
  int code_requests_per_window = 5;    // per reference and per email
  int code_requests_per_address = 30;  // a household or an office may share one address
  int code_tries_per_window = 20;
  // Forms that may carry files (upload.hpp): their limits, and how many a client address may
  // send an hour (a form without files counts too: the limit is on reading bodies).
  FormLimits form_limits;
  int forms_with_files_per_hour = 30;
  std::int64_t code_lifetime_seconds = core::kResidentCodeLifetimeSeconds;
  // The secret the codes' hashes and the CSRF tokens are keyed with, the same on every instance
  // serving a database (`redress serve --portal-key`); "" = a random one for this process alone.
  std::string code_key;
};

class Portal {
 public:
  // `mailer` sends the one-time codes (null: none can be sent); store, clock and mailer must
  // outlive the portal.
  Portal(app::Store& store, const app::Clock& clock, app::Mailer* mailer, PortalOptions options,
         std::function<void(const std::string&)> log_error);

  // Adds the routes above to `router`; the portal must outlive it. Files go through `attachments`
  // (the server's, with the process's content lock), which must outlive the router too.
  void Register(http::Router& router, const app::AttachmentContext& attachments);

  bool has_assets() const { return assets_ != nullptr; }

 private:
  struct Visit;  // a request with its session

  http::Response Start(const http::Request& request);
  http::Response ShowQuestion(const http::Request& request);
  http::Response AnswerQuestion(const http::Request& request);
  http::Response ShowCheck(const http::Request& request);
  // The complaint with its evidence (forms_with_files.cpp).
  http::Response SendComplaint(const http::Request& request, ReceivedForm form);
  http::Response Confirmation(const http::Request& request);
  http::Response Receipt(const http::Request& request);
  http::Response ShowFollow(const http::Request& request);
  http::Response RequestCode(const http::Request& request);
  http::Response ShowCode(const http::Request& request);
  http::Response EnterCode(const http::Request& request);
  http::Response ShowCase(const http::Request& request);
  http::Response Letter(const http::Request& request);
  http::Response ShowInformation(const http::Request& request);
  // Information and evidence added to the open case (forms_with_files.cpp).
  http::Response SendInformation(const http::Request& request, ReceivedForm form);
  http::Response ShowNextStage(const http::Request& request);
  http::Response AskNextStage(const http::Request& request);
  http::Response SignOut(const http::Request& request);
  http::Response Accessibility(const http::Request& request);
  http::Response Privacy(const http::Request& request);
  http::Response Asset(std::string_view name);

  // The request's session, a new one when it has none (the answer then sets the cookie).
  Visit Open(const http::Request& request);
  // The session of a form's POST when its CSRF token matches and its honeypot is empty; the
  // refusal page otherwise. The form is the request's body, or `form` as a streamed route read it.
  std::variant<Visit, http::Response> OpenForm(const http::Request& request);
  std::variant<Visit, http::Response> OpenForm(const http::Request& request, const Answers& form);
  // The streamed receiver of a form that may carry files, handing it to `finish`.
  using FormFinish = http::Response (Portal::*)(const http::Request&, ReceivedForm);
  http::StreamedHandler FormRoute(FormFinish finish);
  // The problems of the files a form carried (too many, too large, of a type not accepted, more
  // than the case may hold), each naming its file, for the field kEvidenceField.
  core::Result<std::vector<FieldError>> FileProblems(const ReceivedForm& form,
                                                     core::AttachmentPolicy policy,
                                                     std::int64_t case_bytes);
  // The check answers page, with the evidence's errors when a send was refused.
  http::Response CheckPage(int status, const Visit& visit, const std::vector<FieldError>& errors);
  // The question page of adding information (its evidence field included).
  Question InformationPage() const;
  // The 403 page of a form without its session or CSRF token: nothing was saved.
  http::Response SessionEnded();
  // Saves the visit's session and adds its cookie to `response` when new; a 503 page instead when
  // the session could not be saved.
  http::Response Close(Visit& visit, http::Response response);
  // `response` with the Set-Cookie of the session `token`.
  http::Response WithCookie(std::string_view token, http::Response response) const;

  Branding BrandingNow();
  http::Response Page(int status, PageTemplate page, mustache::data data, const Frame& frame);
  http::Response Message(int status, const std::string& title,
                         const std::vector<std::string>& paragraphs, const std::string& link = "",
                         const std::string& link_text = "");
  http::Response QuestionPage(int status, const Visit& visit, const Question& question,
                              const Answers& values, const std::vector<FieldError>& errors,
                              const std::string& action, const std::string& back,
                              const std::string& button, const std::string& intro = "");
  http::Response Redirect(std::string_view location);
  http::Response TooMany();
  std::string Path(std::string_view tail) const { return options_.base_path + std::string(tail); }
  std::vector<Question> Questions(const Answers& answers);

  app::Store& store_;
  const app::Clock& clock_;
  PortalOptions options_;
  std::function<void(const std::string&)> log_error_;
  const app::AttachmentContext* attachments_ = nullptr;  // set by Register
  std::unique_ptr<Assets> assets_;
  PortalSessions sessions_;
  app::ResidentCodeSettings codes_;
  MailQueue mail_;
  RateLimiter submissions_;
  RateLimiter code_requests_by_address_;
  RateLimiter code_requests_by_case_;
  RateLimiter code_tries_;
  RateLimiter forms_with_files_;
};

}  // namespace redress::portal
