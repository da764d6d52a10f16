#include "core/event.hpp"

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<EventType, 26> kEventTypeNames{{
    {EventType::kLogged, "logged"},
    {EventType::kAcknowledged, "acknowledged"},
    {EventType::kExtended, "extended"},
    {EventType::kResponded, "responded"},
    {EventType::kEscalated, "escalated"},
    {EventType::kRefused, "refused"},
    {EventType::kWithdrawn, "withdrawn"},
    {EventType::kReopened, "reopened"},
    {EventType::kClosed, "closed"},
    {EventType::kReassigned, "reassigned"},
    {EventType::kNoteAdded, "note_added"},
    {EventType::kLinked, "linked"},
    {EventType::kUnlinked, "unlinked"},
    {EventType::kActionUpdated, "action_updated"},
    {EventType::kServiceRequestLogged, "service_request_logged"},
    {EventType::kServiceRequestResolved, "service_request_resolved"},
    {EventType::kServiceRequestConverted, "service_request_converted"},
    {EventType::kConfigured, "configured"},
    {EventType::kUserCreated, "user_created"},
    {EventType::kUserUpdated, "user_updated"},
    {EventType::kTokenCreated, "token_created"},
    {EventType::kTokenRevoked, "token_revoked"},
    {EventType::kSignedIn, "signed_in"},
    {EventType::kSignInFailed, "sign_in_failed"},
    {EventType::kLockedOut, "locked_out"},
    {EventType::kSignedOut, "signed_out"},
}};

}  // namespace

std::string_view ToString(EventType value) { return NameOf(kEventTypeNames, value); }
std::optional<EventType> ParseEventType(std::string_view name) {
  return ParseName(kEventTypeNames, name);
}

}  // namespace redress::core
