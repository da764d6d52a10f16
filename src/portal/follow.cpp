#include <fmt/format.h>

#include <charconv>
#include <utility>

#include "app/secrets.hpp"
#include "core/date.hpp"
#include "portal/portal.hpp"
#include "portal/portal_support.hpp"

// The portal's "follow a complaint" pages: a one-time code by email, the case as its complainant
// may see it, its letters, adding information and asking for the next stage.

namespace redress::portal {

http::Response Portal::ShowFollow(const http::Request& request) {
  Visit visit = Open(request);
  const Question question = FollowQuestion();
  return Close(
      visit, QuestionPage(kOk, visit, question, {}, {}, Path("/follow"), Path(""), "Send me a code",
                          "We will email you a code to see your complaint."));
}

http::Response Portal::RequestCode(const http::Request& request) {
  auto opened = OpenForm(request);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  Visit visit = std::move(std::get<Visit>(opened));
  Answers form = FormOf(request);
  const std::string reference = Upper(Trim(form["reference"]));
  const std::string email(Trim(form["email"]));
  const Question question = FollowQuestion();
  if (auto errors = CheckAnswers(question, form); !errors.empty()) {
    return Close(visit, QuestionPage(kUnprocessable, visit, question, form, errors, Path("/follow"),
                                     Path(""), "Send me a code"));
  }
  const std::int64_t now = clock_.NowUnixSeconds();
  // Every limit is counted whatever the pair: the answer must not depend on it.
  const bool by_address = code_requests_by_address_.Admit("ip:" + request.client_address, now);
  const bool by_reference = code_requests_by_case_.Admit("ref:" + reference, now);
  const bool by_email = code_requests_by_case_.Admit("email:" + Upper(email), now);
  if (!by_address || !by_reference || !by_email) return TooMany();
  if (auto found = app::ResidentCaseOf(store_, reference, email)) {
    auto issued = app::IssueResidentCode(store_, codes_, reference, email, now);
    if (!issued) {
      log_error_("a code could not be kept: " + issued.error().message);
      return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                  {"Try again later."}));
    }
    const std::string& code = *issued;
    app::MailMessage message;
    message.message_id =
        "<" + app::NewRandomToken("code-") + "@" + options_.complaint.mail_domain + ">";
    message.to = email;
    message.subject = "Your code to follow your complaint";
    message.text = "Your code is " + code + ".\n\nEnter it on the page where you asked for it. " +
                   "It works once, for 10 minutes.\n\nIf you did not ask for a code, you can " +
                   "ignore this email: nobody can see your complaint without it.";
    message.html = "<p>Your code is <strong>" + code + "</strong>.</p><p>Enter it on the page " +
                   "where you asked for it. It works once, for 10 minutes.</p><p>If you did not " +
                   "ask for a code, you can ignore this email: nobody can see your complaint " +
                   "without it.</p>";
    mail_.Send(std::move(message));
    if (auto recorded =
            app::RecordResidentAccess(store_, clock_, reference, app::ResidentAccess::kCodeSent);
        !recorded) {
      log_error_("a code request was not recorded: " + recorded.error().message);
    }
  } else if (found.error().code != core::ErrorCode::kNotFound) {
    log_error_("a code request failed: " + found.error().message);
  }
  visit.session.pending_reference = reference;
  visit.session.pending_email = email;
  return Close(visit, Redirect(Path("/follow/code")));
}

http::Response Portal::ShowCode(const http::Request& request) {
  Visit visit = Open(request);
  if (visit.session.pending_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  const Question question = CodeQuestion(visit.session.pending_email);
  return Close(visit, QuestionPage(kOk, visit, question, {}, {}, Path("/follow/code"),
                                   Path("/follow"), "Continue"));
}

http::Response Portal::EnterCode(const http::Request& request) {
  auto opened = OpenForm(request);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  Visit visit = std::move(std::get<Visit>(opened));
  if (visit.session.pending_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  const std::int64_t now = clock_.NowUnixSeconds();
  if (!code_tries_.Admit("ip:" + request.client_address, now)) return TooMany();
  Answers form = FormOf(request);
  const Question question = CodeQuestion(visit.session.pending_email);
  std::vector<FieldError> errors = CheckAnswers(question, form);
  if (errors.empty()) {
    auto checked = app::CheckResidentCode(store_, codes_, visit.session.pending_reference,
                                          visit.session.pending_email, form["code"], now);
    if (!checked) {
      log_error_("a code could not be checked: " + checked.error().message);
      return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                  {"Try again later."}));
    }
    switch (*checked) {
      case app::CodeCheck::kAccepted: {
        PortalSession opened_session = visit.session;
        opened_session.case_reference = visit.session.pending_reference;
        opened_session.case_email = visit.session.pending_email;
        opened_session.pending_reference.clear();
        opened_session.pending_email.clear();
        opened_session.uploads.clear();
        // A new token once the case is open: a session fixed by someone else opens nothing.
        auto renewed = sessions_.Renew(visit.token, opened_session, now);
        if (!renewed) {
          return Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                         {"Try again later."});
        }
        if (auto recorded = app::RecordResidentAccess(store_, clock_, opened_session.case_reference,
                                                      app::ResidentAccess::kCaseOpened);
            !recorded) {
          log_error_("a case opening was not recorded: " + recorded.error().message);
        }
        return WithCookie(*renewed, Redirect(Path("/case")));
      }
      case app::CodeCheck::kWrong:
        errors.push_back({"code", "The code is not right. Check the email and try again"});
        break;
      case app::CodeCheck::kExpired:
        errors.push_back({"code", "The code has expired. Ask for a new code"});
        break;
      case app::CodeCheck::kUsedUp:
        errors.push_back({"code", "This code can no longer be used. Ask for a new code"});
        break;
    }
  }
  return Close(visit, QuestionPage(kUnprocessable, visit, question, {}, errors,
                                   Path("/follow/code"), Path("/follow"), "Continue"));
}

http::Response Portal::ShowCase(const http::Request& request) {
  Visit visit = Open(request);
  if (visit.session.case_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  auto found = app::ResidentCaseOf(store_, visit.session.case_reference, visit.session.case_email);
  if (!found) return Close(visit, Redirect(Path("/follow")));
  const core::Complaint& complaint = found->complaint;
  const core::Stage& stage = complaint.current_stage();
  mustache::data data;
  data.set("reference", complaint.reference);
  mustache::data facts = List();
  const auto fact = [&](std::string key, std::string value) {
    mustache::data item;
    item.set("key", std::move(key));
    item.set("value", std::move(value));
    facts.push_back(item);
  };
  fact("Status", StatusInWords(complaint));
  fact("Stage", "Stage " + std::to_string(stage.number));
  fact("Received", LongDate(complaint.received_on));
  if (stage.acknowledged_on) {
    fact("Acknowledged", LongDate(*stage.acknowledged_on));
  } else {
    fact("We will acknowledge it by", LongDate(stage.acknowledge_by));
  }
  if (stage.response) {
    fact("We responded", LongDate(stage.response->responded_on));
  } else if (stage.respond_by) {
    fact("We will respond by", LongDate(*stage.respond_by));
  }
  data.set("facts", facts);
  mustache::data letters = List();
  for (const app::IssuedLetter& letter : found->letters) {
    mustache::data item;
    item.set("href", Path("/case/letters/" + std::to_string(letter.number)));
    item.set("label",
             "Letter " + std::to_string(letter.number) + ", " + LongDate(letter.issued_on));
    letters.push_back(item);
  }
  data.set("has_letters", !found->letters.empty());
  data.set("letters", letters);
  mustache::data actions = List();
  for (const std::string& action : found->open_actions) {
    mustache::data item;
    item.set("text", action);
    actions.push_back(item);
  }
  data.set("has_actions", !found->open_actions.empty());
  data.set("actions", actions);
  data.set("has_files", !found->files_sent.empty());
  data.set("files", Paragraphs(found->files_sent));
  data.set("may_escalate", found->may_escalate);
  data.set("csrf", visit.session.csrf_token);
  return Close(visit, Page(kOk, PageTemplate::kCase, std::move(data),
                           Frame{"Your complaint " + complaint.reference, "", {}}));
}

http::Response Portal::Letter(const http::Request& request) {
  Visit visit = Open(request);
  if (visit.session.case_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  int number = 0;
  const std::string& text = request.path_params.at("number");
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), number);
  auto letter = parsed.ec == std::errc() && parsed.ptr == text.data() + text.size()
                    ? app::ResidentLetter(store_, visit.session.case_reference,
                                          visit.session.case_email, number)
                    : core::Result<app::IssuedLetter>(tl::unexpected(
                          core::Error{core::ErrorCode::kNotFound, "no such letter", {}}));
  if (!letter) {
    return Close(visit, Message(kNotFound, "Page not found", {"There is no such letter."},
                                Path("/case"), "Back to your complaint"));
  }
  http::Response response;
  response.content_type = "application/pdf";
  response.body = std::move(letter->pdf);
  response.headers.emplace_back(
      "Content-Disposition", "attachment; filename=\"" + visit.session.case_reference + "-letter-" +
                                 std::to_string(number) + ".pdf\"");
  return Close(visit, std::move(response));
}

http::Response Portal::ShowInformation(const http::Request& request) {
  Visit visit = Open(request);
  if (visit.session.case_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  return Close(visit, QuestionPage(kOk, visit, InformationPage(), {}, {}, Path("/case/information"),
                                   Path("/case"), "Send"));
}

http::Response Portal::ShowNextStage(const http::Request& request) {
  Visit visit = Open(request);
  if (visit.session.case_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  return Close(visit,
               QuestionPage(kOk, visit, NextStageQuestion(), {}, {}, Path("/case/next-stage"),
                            Path("/case"), "Ask for the next stage",
                            "If you are unhappy with our response, you can ask for your "
                            "complaint to be looked at again by someone else."));
}

http::Response Portal::AskNextStage(const http::Request& request) {
  auto opened = OpenForm(request);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  Visit visit = std::move(std::get<Visit>(opened));
  if (visit.session.case_reference.empty()) return Close(visit, Redirect(Path("/follow")));
  const Answers form = FormOf(request);
  const Question question = NextStageQuestion();
  if (auto errors = CheckAnswers(question, form); !errors.empty()) {
    return Close(
        visit, QuestionPage(kUnprocessable, visit, question, form, errors, Path("/case/next-stage"),
                            Path("/case"), "Ask for the next stage"));
  }
  const auto reason = form.find("reason");
  auto escalated =
      app::AskForNextStage(store_, clock_, visit.session.case_reference, visit.session.case_email,
                           reason == form.end() ? "" : reason->second);
  if (!escalated) {
    if (escalated.error().code == core::ErrorCode::kStorage ||
        escalated.error().code == core::ErrorCode::kUnavailable) {
      return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                  {"Your request has not been sent. Try again later."}));
    }
    return Close(visit, Message(kUnprocessable, "Your complaint cannot go to the next stage now",
                                {"This can be because we have not responded yet, or because this "
                                 "was the last stage of our complaints procedure."},
                                Path("/case"), "Back to your complaint"));
  }
  return Close(visit, Message(kOk, "Request sent",
                              {"Your complaint " + escalated->reference + " will go to stage " +
                                   std::to_string(escalated->current_stage().number) + ".",
                               "We will acknowledge your request by " +
                                   LongDate(escalated->current_stage().acknowledge_by) + "."},
                              Path("/case"), "Back to your complaint"));
}

http::Response Portal::SignOut(const http::Request& request) {
  auto opened = OpenForm(request);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  sessions_.Remove(std::get<Visit>(opened).token);
  http::Response response = Redirect(Path(""));
  response.headers.emplace_back("Set-Cookie",
                                fmt::format("{}=; Path={}; HttpOnly; SameSite=Lax; Max-Age=0",
                                            kPortalCookieName, options_.base_path));
  return response;
}

}  // namespace redress::portal
