#pragma once

// The questions of "make a complaint", one per page in the GOV.UK pattern, and how each page's
// answers are checked: every field of a page judged in one round, each error worded as the
// Design System's error messages are ("Enter …", "Select …", "… must be N characters or less").
// What a field may hold beyond this (service areas that exist, the complaint's own rules) is the
// app's and the core's to say when the complaint is sent.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/records.hpp"
#include "app/resident_portal.hpp"

namespace redress::portal {

using Answers = std::map<std::string, std::string, std::less<>>;

enum class FieldKind { kText, kEmail, kPhone, kTextarea, kRadios, kFiles };
enum class Requirement { kOptional, kRequired };

struct Option {
  std::string value;
  std::string label;
};

struct Field {
  std::string name;  // the form's name, the answer's key and the element's id
  std::string label;
  std::string hint;
  FieldKind kind = FieldKind::kText;
  Requirement requirement = Requirement::kRequired;
  std::size_t max_length = 0;
  std::string missing_message;  // "Enter your full name"
  std::string autocomplete;
  std::string width;  // govuk-input--width-N
  std::vector<Option> options;
};

struct Question {
  std::string id;       // the page's path segment: "who", "your-details", ...
  std::string heading;  // the h1 (the label or legend itself when the page has one field)
  std::string summary;  // its row's key on the check answers page
  std::vector<Field> fields;
};

// The questions for these answers (someone complaining for another is asked about them too),
// in order, with the service areas as the choices of "what is it about".
std::vector<Question> QuestionsFor(const Answers& answers,
                                   const std::vector<app::ServiceArea>& service_areas);

// The question with `id` among `questions`, if any.
const Question* FindQuestion(const std::vector<Question>& questions, std::string_view id);

// The first question with a required answer missing, if any (the check answers page sends the
// resident back to it).
const Question* FirstUnanswered(const std::vector<Question>& questions, const Answers& answers);

// Checks a page's posted values: the errors of every field in field order (empty when all are
// good). `posted` values are stored verbatim when good.
struct FieldError {
  std::string field;
  std::string message;
};
std::vector<FieldError> CheckAnswers(const Question& question, const Answers& posted);

// Whether `text` looks like an email address: one '@' with text before and a dot after, no
// spaces, at most 254 characters.
bool LooksLikeEmail(std::string_view text);

// The answer shown for a field: the label of a chosen option, else the text.
std::string DisplayedAnswer(const Field& field, const Answers& answers);

// The single-page forms of following a case: reference and email; the one-time code (with the
// address it went to in its hint); information to add, with files (the information is then
// optional); the next stage's optional reason.
Question FollowQuestion();
Question CodeQuestion(std::string_view sent_to);
Question InformationQuestion();
Question NextStageQuestion();

// The complaint the answers make.
app::OnlineComplaint ComplaintOf(const Answers& answers, const std::vector<Question>& questions);

// The file input of a form (FieldKind::kFiles, never required; its values are files, not answers):
// the evidence sent with a complaint or with information. Its name, the id its errors link to.
inline constexpr std::string_view kEvidenceField = "evidence";
Field EvidenceField(std::size_t max_files, std::int64_t max_file_bytes);

}  // namespace redress::portal
