// The portal's two forms that may carry files (upload.hpp): the complaint sent from the check
// answers page with its evidence, and information added to an open case. Every problem of a form
// (an answer, a file too large, of a type not accepted, one too many, more than the case may
// hold) is named in one answer, and nothing is kept until the form has none.

#include <algorithm>
#include <iterator>
#include <utility>

#include "app/resident_portal.hpp"
#include "portal/portal.hpp"
#include "portal/portal_support.hpp"

namespace redress::portal {
namespace {

constexpr std::string_view kSentWithComplaint = "Sent online with the complaint";
constexpr std::string_view kSentWithInformation = "Sent online by the resident";

// A refused file's problem in the GOV.UK wording, naming the file: the core's "The selected file
// must be …" and "… must be smaller than …" read with the file's name as their subject.
std::string WordedFor(const app::RefusedFile& refused) {
  constexpr std::string_view kSelected = "The selected file";
  const std::string& message = refused.error.message;
  if (message.starts_with(kSelected)) return refused.name + message.substr(kSelected.size());
  return refused.name + " " + message;
}

bool IsBlankText(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::vector<std::string> NamesOf(const std::vector<app::Attachment>& attachments) {
  std::vector<std::string> names;
  for (const app::Attachment& attachment : attachments) names.push_back(attachment.name);
  return names;
}

}  // namespace

http::StreamedHandler Portal::FormRoute(FormFinish finish) {
  return [this, finish](
             const http::Request& request) -> core::Result<std::unique_ptr<http::StreamedBody>> {
    // Refused before the body is used (it is read and dropped): a client over its rate, a
    // browser without a session (no form of ours was ever shown to it).
    std::optional<http::Response> refusal;
    const std::int64_t now = clock_.NowUnixSeconds();
    if (!forms_with_files_.Admit("ip:" + request.client_address, now)) {
      refusal = WithSecurityHeaders(TooMany());
    } else if (!sessions_.Find(CookieValueOf(request), now)) {
      refusal = WithSecurityHeaders(SessionEnded());
    }
    return std::make_unique<FormReceiver>(
        attachments_->files, options_.form_limits, request.Header("content-type"),
        [this, finish](const http::Request& finished, ReceivedForm form) {
          return WithSecurityHeaders((this->*finish)(finished, std::move(form)));
        },
        std::move(refusal));
  };
}

core::Result<std::vector<FieldError>> Portal::FileProblems(const ReceivedForm& form,
                                                           core::AttachmentPolicy policy,
                                                           std::int64_t case_bytes) {
  const std::string field(kEvidenceField);
  const FormLimits& limits = options_.form_limits;
  std::vector<FieldError> problems;
  if (form.files_offered > limits.max_files) {
    problems.push_back({field, "Select up to " + std::to_string(limits.max_files) + " files"});
  }
  for (const std::string& name : form.too_large) {
    problems.push_back({field, name + " must be smaller than " +
                                   std::to_string(limits.max_file_bytes / core::kMebibyte) + "MB"});
  }
  // The organisation's policy, within the portal's own limit.
  policy.max_file_bytes = std::min(policy.max_file_bytes, limits.max_file_bytes);
  auto judged = app::JudgeReceivedFiles(attachments_->detector, policy, case_bytes, form.files);
  if (!judged) return tl::unexpected(judged.error());
  for (const app::RefusedFile& refused : judged->refused) {
    problems.push_back({field, WordedFor(refused)});
  }
  return problems;
}

http::Response Portal::SendComplaint(const http::Request& request, ReceivedForm form) {
  auto opened = OpenForm(request, form.fields);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  Visit visit = std::move(std::get<Visit>(opened));
  const std::vector<Question> questions = Questions(visit.session.answers);
  for (const Question& question : questions) {
    if (!CheckAnswers(question, visit.session.answers).empty()) {
      return Close(visit, Redirect(Path("/question/" + question.id)));
    }
  }
  auto policy = app::GetAttachmentPolicy(*attachments_);
  auto problems = policy ? FileProblems(form, *policy, 0)
                         : core::Result<std::vector<FieldError>>(tl::unexpected(policy.error()));
  if (!problems) {
    log_error_("the evidence of an online complaint could not be checked: " +
               problems.error().message);
    return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                {"Your complaint has not been sent. Try again later: your "
                                 "answers have been kept."}));
  }
  if (!problems->empty()) return Close(visit, CheckPage(kUnprocessable, visit, *problems));
  if (!submissions_.Admit(request.client_address, clock_.NowUnixSeconds())) return TooMany();
  auto receipt = app::SubmitOnlineComplaint(store_, clock_, options_.complaint,
                                            ComplaintOf(visit.session.answers, questions));
  if (!receipt) {
    if (receipt.error().code == core::ErrorCode::kInvalidInput) {
      return Close(visit, Message(kUnprocessable, "Sorry, we could not accept your complaint",
                                  {"Something in your answers could not be accepted: " +
                                       receipt.error().message + ".",
                                   "Go back to check your answers."},
                                  Path("/check-answers"), "Check your answers"));
    }
    log_error_("an online complaint could not be saved: " + receipt.error().message);
    return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                {"Your complaint has not been sent. Try again later: your "
                                 "answers have been kept."}));
  }
  visit.session.uploads.clear();
  visit.session.files_not_added = false;
  if (!form.files.empty()) {
    // Judged above with the same rule, so only the store or the scanner can fail here; the
    // complaint stands and the resident is told to send the files again.
    app::NewAttachments evidence{core::AttachedTo::kComplaint, receipt->reference,
                                 std::string(kSentWithComplaint), core::Supplier::kResident,
                                 std::move(form.files)};
    if (auto added = app::AddAttachments(*attachments_, app::PortalActor(), std::move(evidence))) {
      for (const app::Attachment& attachment : *added) {
        visit.session.uploads.push_back({attachment.name, attachment.size});
      }
    } else {
      log_error_("the evidence of " + receipt->reference +
                 " could not be kept: " + added.error().message);
      visit.session.files_not_added = true;
    }
  }
  visit.session.receipt = *receipt;
  visit.session.receipt_email = visit.session.answers["email"];
  visit.session.answers.clear();
  return Close(visit, Redirect(Path("/confirmation")));
}

Question Portal::InformationPage() const {
  Question question = InformationQuestion();
  question.heading = "Add information to your complaint";
  question.fields.push_back(
      EvidenceField(options_.form_limits.max_files, options_.form_limits.max_file_bytes));
  return question;
}

http::Response Portal::SendInformation(const http::Request& request, ReceivedForm form) {
  auto opened = OpenForm(request, form.fields);
  if (auto* refusal = std::get_if<http::Response>(&opened)) return std::move(*refusal);
  Visit visit = std::move(std::get<Visit>(opened));
  const std::string reference = visit.session.case_reference;
  const std::string email = visit.session.case_email;
  if (reference.empty()) return Close(visit, Redirect(Path("/follow")));
  const Question question = InformationPage();
  std::vector<FieldError> errors = CheckAnswers(question, form.fields);
  const std::string information = form.fields["information"];
  // Files alone are information enough.
  if (form.files_offered > 0 && IsBlankText(information)) {
    std::erase_if(errors, [](const FieldError& error) { return error.field == "information"; });
  }
  // The case's own allowance (the pair is proved again: a case the session no longer opens
  // takes nothing).
  auto opened_case = app::ResidentCaseOf(store_, reference, email);
  auto allowance = opened_case
                       ? app::UploadAllowanceOf(*attachments_, app::PortalActor(),
                                                core::AttachedTo::kComplaint, reference)
                       : core::Result<app::UploadAllowance>(tl::unexpected(opened_case.error()));
  if (!allowance && allowance.error().code == core::ErrorCode::kNotFound) {
    return Close(visit, Redirect(Path("/follow")));
  }
  auto problems = allowance
                      ? FileProblems(form, allowance->policy, allowance->case_bytes)
                      : core::Result<std::vector<FieldError>>(tl::unexpected(allowance.error()));
  if (!problems) {
    log_error_("information sent online could not be checked: " + problems.error().message);
    return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                {"Nothing has been added. Try again later."}));
  }
  std::move(problems->begin(), problems->end(), std::back_inserter(errors));
  if (!errors.empty()) {
    return Close(visit, QuestionPage(kUnprocessable, visit, question, form.fields, errors,
                                     Path("/case/information"), Path("/case"), "Send"));
  }
  std::vector<std::string> sent;
  if (!form.files.empty()) {
    app::NewAttachments evidence{core::AttachedTo::kComplaint, reference,
                                 std::string(kSentWithInformation), core::Supplier::kResident,
                                 std::move(form.files)};
    auto added = app::AddAttachments(*attachments_, app::PortalActor(), std::move(evidence));
    if (!added) {
      log_error_("files sent online could not be kept: " + added.error().message);
      return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                  {"Nothing has been added. Try again later."}));
    }
    sent = NamesOf(*added);
  }
  if (!IsBlankText(information)) {
    auto added = app::AddResidentInformation(store_, clock_, reference, email, information);
    if (!added) {
      log_error_("information sent online could not be kept: " + added.error().message);
      return Close(visit, Message(kServiceUnavailable, "Sorry, there is a problem with the service",
                                  {sent.empty() ? "Your information has not been added. Try "
                                                  "again later."
                                                : "Your files were added, but what you wrote "
                                                  "was not. Try again later."}));
    }
  }
  std::vector<std::string> paragraphs = {"We have added what you sent to your complaint " +
                                         reference + "."};
  for (const std::string& name : sent) paragraphs.push_back("File added: " + name);
  return Close(visit, Message(kOk, "Information added", paragraphs, Path("/case"),
                              "Back to your complaint"));
}

}  // namespace redress::portal
