#include "letters/default_templates.hpp"

#include "letters/default_template_texts.hpp"

namespace redress::letters {

std::string_view DefaultTemplate(core::LetterType type) {
  switch (type) {
    case core::LetterType::kAcknowledgement:
      return AcknowledgementTemplate();
    case core::LetterType::kExtensionNotice:
      return ExtensionNoticeTemplate();
    case core::LetterType::kStageResponse:
      return StageResponseTemplate();
    case core::LetterType::kNotAccepted:
      return NotAcceptedTemplate();
    case core::LetterType::kEscalationDeclined:
      return EscalationDeclinedTemplate();
    case core::LetterType::kActionsUpdate:
      return ActionsUpdateTemplate();
    case core::LetterType::kPhoneResolution:
      return PhoneResolutionTemplate();
    case core::LetterType::kFreeLetter:
      return FreeLetterTemplate();
  }
  return {};
}

}  // namespace redress::letters
