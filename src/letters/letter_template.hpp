#pragma once

// Letter templates: Mustache (kainjow/mustache.hpp, Debian's libkainjow-mustache-dev) with the
// delimiters of GOV.UK Notify, ((name)), so that staff who know Notify read the same
// placeholders. A template is plain text: a line starting "# " is a heading, a blank line ends a
// paragraph. What a resident or handler typed is inserted as data, never read as template, and
// the renderers escape the whole text for their output (pango for the PDF, HTML for the email),
// so it is never read as markup either.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/letter.hpp"
#include "core/result.hpp"

namespace redress::letters {

// The placeholders a template may name at its top level, besides the parts (core::LetterPart's
// names): the case's and organisation's facts.
std::vector<std::string_view> CasePlaceholders();
// Inside ((#outstanding_actions))...((/outstanding_actions)): each action's fields.
std::vector<std::string_view> ActionPlaceholders();
// Inside ((#ombudsman))...((/ombudsman)): the contact block (core::OmbudsmanContact).
std::vector<std::string_view> OmbudsmanPlaceholders();

// Refuses a template (field `text`) that does not parse, names a placeholder it does not know
// (with the name), uses a tag that would insert text unescaped or change the delimiters or pull
// in a partial, or leaves out a part the letter type requires (`text`, naming the part, so that a
// final response's template without ((#ombudsman)) is refused when it is saved).
core::Status CheckTemplate(const core::LetterContext& context, std::string_view text);

// Everything a letter says, gathered by the use case from the case, the handler's parts and
// configuration.
struct LetterModel {
  std::string organisation;
  std::string reference;
  std::string complainant_name;
  std::string stage_name;  // "Stage 1", "Review panel"
  int stage = 1;
  core::Date received_on;
  core::Date issued_on;
  core::LetterParts parts;
  // Set when parts.ombudsman: the block in force on issued_on.
  std::optional<core::OmbudsmanContact> ombudsman;
};

// "13 January 2026": how a letter writes a date.
std::string LongDate(core::Date date);

// The letter's text from a template CheckTemplate accepted (kInternal if it does not parse).
core::Result<std::string> RenderLetterText(std::string_view template_text,
                                           const LetterModel& model);

}  // namespace redress::letters
