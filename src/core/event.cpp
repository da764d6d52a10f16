#include "core/event.hpp"

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<EventType, 19> kEventTypeNames{{
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
    {EventType::kActionUpdated, "action_updated"},
    {EventType::kServiceRequestLogged, "service_request_logged"},
    {EventType::kServiceRequestResolved, "service_request_resolved"},
    {EventType::kServiceRequestConverted, "service_request_converted"},
    {EventType::kConfigured, "configured"},
    {EventType::kUserCreated, "user_created"},
    {EventType::kTokenCreated, "token_created"},
}};

}  // namespace

std::string_view ToString(EventType value) { return NameOf(kEventTypeNames, value); }
std::optional<EventType> ParseEventType(std::string_view name) {
  return ParseName(kEventTypeNames, name);
}

}  // namespace redress::core
