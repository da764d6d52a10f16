#include "app/records.hpp"

#include "core/enum_names.hpp"

namespace redress::app {
namespace {

constexpr core::EnumNames<EntityType, 13> kEntityTypeNames{{
    {EntityType::kComplaint, "complaint"},
    {EntityType::kServiceRequest, "service_request"},
    {EntityType::kUser, "user"},
    {EntityType::kToken, "token"},
    {EntityType::kConfiguration, "configuration"},
    {EntityType::kOmbudsmanCase, "ombudsman_case"},
    {EntityType::kFailureOrder, "failure_order"},
    {EntityType::kLgscoLetter, "lgsco_letter"},
    {EntityType::kLearningAction, "learning_action"},
    {EntityType::kSelfAssessment, "self_assessment"},
    {EntityType::kAnnualSubmission, "annual_submission"},
    {EntityType::kSubjectAccessRequest, "subject_access_request"},
    {EntityType::kDisposalRun, "disposal_run"},
}};

constexpr core::EnumNames<LinkRelation, 3> kLinkRelationNames{{
    {LinkRelation::kRelated, "related"},
    {LinkRelation::kDuplicateOf, "duplicate_of"},
    {LinkRelation::kRepeatOf, "repeat_of"},
}};

constexpr core::EnumNames<ReminderDigest, 2> kReminderDigestNames{{
    {ReminderDigest::kDaily, "daily"},
    {ReminderDigest::kOff, "off"},
}};

}  // namespace

std::string_view ToString(ReminderDigest value) {
  return core::NameOf(kReminderDigestNames, value);
}
std::optional<ReminderDigest> ParseReminderDigest(std::string_view name) {
  return core::ParseName(kReminderDigestNames, name);
}

std::string_view ToString(LinkRelation value) { return core::NameOf(kLinkRelationNames, value); }
std::optional<LinkRelation> ParseLinkRelation(std::string_view name) {
  return core::ParseName(kLinkRelationNames, name);
}

std::string_view ToString(EntityType value) { return core::NameOf(kEntityTypeNames, value); }
std::optional<EntityType> ParseEntityType(std::string_view name) {
  return core::ParseName(kEntityTypeNames, name);
}

}  // namespace redress::app
