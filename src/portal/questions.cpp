#include "portal/questions.hpp"

#include <algorithm>

#include "core/attachment.hpp"

namespace redress::portal {
namespace {

constexpr std::size_t kNameLength = 200;
constexpr std::size_t kEmailLength = 254;
constexpr std::size_t kPhoneLength = 40;
constexpr std::size_t kAddressLength = 500;
constexpr std::size_t kPostcodeLength = 10;
constexpr std::size_t kStoryLength = 10'000;
constexpr std::size_t kWishLength = 5'000;
constexpr std::size_t kAdjustmentsLength = 2'000;
constexpr std::size_t kReferenceLength = 40;
constexpr std::size_t kCodeLength = 20;

constexpr std::string_view kMyself = "myself";
constexpr std::string_view kSomeoneElse = "someone-else";

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string AnswerOf(const Answers& answers, std::string_view name) {
  auto found = answers.find(name);
  return found == answers.end() ? std::string() : found->second;
}

// The field's name in an error message: its label without a trailing "(optional)".
std::string Named(const Field& field) {
  std::string name = field.label;
  if (const auto at = name.find(" (optional)"); at != std::string::npos) name.erase(at);
  return name;
}

Field Text(std::string name, std::string label, std::size_t max, Requirement requirement,
           std::string missing, std::string autocomplete = "") {
  Field field;
  field.name = std::move(name);
  field.label = std::move(label);
  field.max_length = max;
  field.requirement = requirement;
  field.missing_message = std::move(missing);
  field.autocomplete = std::move(autocomplete);
  return field;
}

Field Kind(Field field, FieldKind kind, std::string hint = "") {
  field.kind = kind;
  field.hint = std::move(hint);
  return field;
}

}  // namespace

bool LooksLikeEmail(std::string_view text) {
  if (text.empty() || text.size() > kEmailLength) return false;
  if (text.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto dot = text.find('.', at + 1);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < text.size();
}

std::vector<Question> QuestionsFor(const Answers& answers,
                                   const std::vector<app::ServiceArea>& service_areas) {
  std::vector<Question> questions;

  Field who = Text("who", "Who is making the complaint?", 0, Requirement::kRequired,
                   "Select who is making the complaint");
  who.kind = FieldKind::kRadios;
  who.options = {{std::string(kMyself), "I am complaining for myself"},
                 {std::string(kSomeoneElse), "I am complaining on behalf of someone else"}};
  questions.push_back({"who", who.label, "Who is complaining", {who}});

  const bool for_someone_else = AnswerOf(answers, "who") == kSomeoneElse;
  Field contact_by = Text("contact_by", "How would you like us to contact you?", 0,
                          Requirement::kRequired, "Select how you would like us to contact you");
  contact_by.kind = FieldKind::kRadios;
  contact_by.options = {{"email", "Email"}, {"phone", "Phone"}, {"post", "Post"}};
  Field postcode = Text("postcode", "Postcode (optional)", kPostcodeLength, Requirement::kOptional,
                        "", "postal-code");
  postcode.width = "10";
  questions.push_back(
      {"your-details",
       "Your contact details",
       "Your contact details",
       {Text("name", "Full name", kNameLength, Requirement::kRequired, "Enter your full name",
             "name"),
        Kind(Text("email", "Email address", kEmailLength, Requirement::kRequired,
                  "Enter your email address", "email"),
             FieldKind::kEmail,
             "We will send your reference number to this address. You will also use it to "
             "follow your complaint."),
        Kind(Text("phone", "Phone number (optional)", kPhoneLength, Requirement::kOptional, "",
                  "tel"),
             FieldKind::kPhone),
        Text("address", "Address (optional)", kAddressLength, Requirement::kOptional, "",
             "street-address"),
        postcode, contact_by}});
  if (for_someone_else) {
    questions.push_back({"their-details",
                         "Who are you complaining for?",
                         "The person you are complaining for",
                         {Text("their_name", "Their full name", kNameLength, Requirement::kRequired,
                               "Enter the full name of the person you are complaining for"),
                          Kind(Text("their_email", "Their email address (optional)", kEmailLength,
                                    Requirement::kOptional, ""),
                               FieldKind::kEmail),
                          Text("their_address", "Their address (optional)", kAddressLength,
                               Requirement::kOptional, "")}});
  }
  questions.push_back(
      {"adjustments",
       "Do you need any support or changes to help you with your complaint?",
       "Support or changes you need",
       {Kind(Text("adjustments",
                  "Do you need any support or changes to help you with your complaint?",
                  kAdjustmentsLength, Requirement::kOptional, ""),
             FieldKind::kTextarea,
             "For example, letters in large print, an interpreter, or a call at a certain time. "
             "Leave this empty if you do not need any.")}});

  Field area = Text("service_area", "What is your complaint about?", 0, Requirement::kRequired,
                    "Select what your complaint is about");
  area.kind = FieldKind::kRadios;
  for (const app::ServiceArea& service : service_areas) {
    area.options.push_back({service.code, service.name});
  }
  questions.push_back({"service-area", area.label, "What it is about", {area}});
  questions.push_back({"what-happened",
                       "What happened?",
                       "What happened",
                       {Kind(Text("what_happened", "What happened?", kStoryLength,
                                  Requirement::kRequired, "Enter what happened"),
                             FieldKind::kTextarea,
                             "Tell us what went wrong, when it happened and who was involved.")}});
  questions.push_back(
      {"put-right",
       "What would you like us to do to put things right?",
       "What you would like us to do",
       {Kind(Text("put_right", "What would you like us to do to put things right?", kWishLength,
                  Requirement::kRequired, "Enter what you would like us to do to put things right"),
             FieldKind::kTextarea)}});
  return questions;
}

const Question* FindQuestion(const std::vector<Question>& questions, std::string_view id) {
  auto found = std::find_if(questions.begin(), questions.end(),
                            [id](const Question& question) { return question.id == id; });
  return found == questions.end() ? nullptr : &*found;
}

const Question* FirstUnanswered(const std::vector<Question>& questions, const Answers& answers) {
  for (const Question& question : questions) {
    for (const Field& field : question.fields) {
      if (field.requirement == Requirement::kRequired && IsBlank(AnswerOf(answers, field.name))) {
        return &question;
      }
    }
  }
  return nullptr;
}

std::vector<FieldError> CheckAnswers(const Question& question, const Answers& posted) {
  std::vector<FieldError> errors;
  for (const Field& field : question.fields) {
    const std::string value = AnswerOf(posted, field.name);
    if (IsBlank(value)) {
      if (field.requirement == Requirement::kRequired) {
        errors.push_back({field.name, field.missing_message});
      }
      continue;
    }
    if (field.kind == FieldKind::kRadios) {
      const bool known = std::any_of(field.options.begin(), field.options.end(),
                                     [&](const Option& option) { return option.value == value; });
      if (!known) errors.push_back({field.name, field.missing_message});
      continue;
    }
    if (value.size() > field.max_length) {
      errors.push_back({field.name, Named(field) + " must be " + std::to_string(field.max_length) +
                                        " characters or less"});
      continue;
    }
    if (field.kind == FieldKind::kEmail && !LooksLikeEmail(value)) {
      errors.push_back(
          {field.name, "Enter an email address in the correct format, like name@example.com"});
    }
  }
  return errors;
}

std::string DisplayedAnswer(const Field& field, const Answers& answers) {
  const std::string value = AnswerOf(answers, field.name);
  for (const Option& option : field.options) {
    if (option.value == value) return option.label;
  }
  return value;
}

Question FollowQuestion() {
  Question question{
      "follow",
      "Follow your complaint",
      "",
      {Text("reference", "Reference number", kReferenceLength, Requirement::kRequired,
            "Enter your reference number"),
       Kind(Text("email", "Email address", kEmailLength, Requirement::kRequired,
                 "Enter your email address", "email"),
            FieldKind::kEmail, "The email address you gave us with your complaint.")}};
  question.fields[0].hint = "For example, CMP-2026-000123. It is in the email we sent you.";
  return question;
}

Question CodeQuestion(std::string_view sent_to) {
  Field code = Text("code", "Enter the code we emailed you", kCodeLength, Requirement::kRequired,
                    "Enter the code we emailed you", "one-time-code");
  code.width = "10";
  code.hint =
      "If the reference number and email address match a complaint, we have sent a "
      "6-digit code to " +
      std::string(sent_to) + ". It works once, for 10 minutes.";
  return Question{"code", code.label, "", {code}};
}

Question InformationQuestion() {
  Field field = Kind(Text("information", "What would you like to add?", app::kMaxResidentText,
                          Requirement::kRequired, "Enter the information you would like to add"),
                     FieldKind::kTextarea,
                     "Tell us anything new about your complaint. Do not include bank details. If "
                     "you send files, you do not have to write anything.");
  return Question{"information", field.label, "", {field}};
}

Field EvidenceField(std::size_t max_files, std::int64_t max_file_bytes) {
  Field field = Kind(
      Text(std::string(kEvidenceField), "Upload files (optional)", 0, Requirement::kOptional, ""),
      FieldKind::kFiles,
      "For example, photos, letters or emails. You can choose up to " + std::to_string(max_files) +
          " files, each smaller than " + std::to_string(max_file_bytes / core::kMebibyte) +
          "MB: a photo, a PDF, a Word or OpenDocument document, a text file, an "
          "email or a sound recording.");
  return field;
}

Question NextStageQuestion() {
  Field field = Kind(Text("reason", "Why are you unhappy with our response? (optional)",
                          app::kMaxResidentText, Requirement::kOptional, ""),
                     FieldKind::kTextarea, "You do not have to give a reason.");
  return Question{"next-stage", "Ask for your complaint to go to the next stage", "", {field}};
}

app::OnlineComplaint ComplaintOf(const Answers& answers, const std::vector<Question>& questions) {
  app::OnlineComplaint complaint;
  core::Person you{AnswerOf(answers, "name"), AnswerOf(answers, "email"),
                   AnswerOf(answers, "phone"), AnswerOf(answers, "address"),
                   AnswerOf(answers, "postcode")};
  if (AnswerOf(answers, "who") == kSomeoneElse) {
    complaint.complainant =
        core::Person{AnswerOf(answers, "their_name"), AnswerOf(answers, "their_email"), "",
                     AnswerOf(answers, "their_address"), ""};
    complaint.representative = std::move(you);
  } else {
    complaint.complainant = std::move(you);
  }
  complaint.adjustments = AnswerOf(answers, "adjustments");
  for (const Question& question : questions) {
    for (const Field& field : question.fields) {
      if (field.name == "contact_by") complaint.contact_by = DisplayedAnswer(field, answers);
    }
  }
  complaint.service_area = AnswerOf(answers, "service_area");
  complaint.what_happened = AnswerOf(answers, "what_happened");
  complaint.put_right = AnswerOf(answers, "put_right");
  return complaint;
}

}  // namespace redress::portal
