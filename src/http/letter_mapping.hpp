#pragma once

// JSON of correspondence (issue 15): the request to preview or issue a letter, letters as issued,
// the outbox's state, letter templates. Internal to redress::http.

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "app/letters.hpp"
#include "core/result.hpp"

namespace redress::http {

// {type, parts{...}, issued_on?, record_event?, channel?, format?, corrects?}. The parts the case
// knows (response_date, new_date, ombudsman) are not accepted: the server fills them.
core::Result<app::LetterRequest> ParseLetterRequest(const nlohmann::json& body);

// A letter without its bodies, with its outbox messages in the order queued (`messages`: the
// email, a copy to the representative, each resend; empty for post only) and the latest of them
// (`delivery`, null when there is none).
// `postal` says where a letter that goes by post is: waiting for the post room's print batch, or
// printed (in which batch, by whom, when); null for a letter by email only.
nlohmann::json LetterToJson(const app::IssuedLetter& letter,
                            const std::vector<app::OutboxMessage>& messages,
                            const std::optional<app::LetterPrinting>& printing = std::nullopt);
// One letter whole: LetterToJson with its `text` and `html`.
nlohmann::json FullLetterToJson(const app::IssuedLetter& letter,
                                const std::vector<app::OutboxMessage>& messages,
                                const std::optional<app::LetterPrinting>& printing = std::nullopt);
// A preview: the letter whole, its PDF as base64, the parts as completed, required and missing.
nlohmann::json DraftToJson(const app::LetterDraft& draft);

nlohmann::json OutboxCountsToJson(const app::OutboxCounts& counts);

// {type, regime?, text}
core::Result<app::LetterTemplate> ParseLetterTemplate(const nlohmann::json& body);
nlohmann::json LetterTemplateToJson(const app::LetterTemplate& letter_template);

// {channel, format?, language?, copy_representative?}; format defaults to standard.
core::Result<core::ContactPreferences> ParseContactPreferences(const nlohmann::json& body);
nlohmann::json ContactPreferencesToJson(const core::ContactPreferences& preferences);

}  // namespace redress::http
