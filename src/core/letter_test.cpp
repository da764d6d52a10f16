#include "core/letter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace redress::core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

std::vector<std::string> FieldsOf(const Status& status) {
  std::vector<std::string> fields;
  if (status) return fields;
  for (const FieldError& field : status.error().fields) fields.push_back(field.field);
  return fields;
}

// A letter with every part filled: each case below empties what it means to test.
LetterParts Complete() {
  LetterParts parts;
  parts.complaint_definition = "The repair to the roof was late.";
  parts.outcome_sought = "The roof repaired.";
  parts.not_responsible_for = "The neighbour's fence.";
  parts.response_date = D("2026-02-02");
  parts.extension_reason = "A contractor's report is awaited.";
  parts.new_date = D("2026-02-16");
  parts.decisions = "Upheld.";
  parts.reasons = "Our repairs policy gives 28 days.";
  parts.remedies = "An apology.";
  parts.outstanding_actions = {{"Repair the roof", D("2026-03-01")}};
  parts.escalation = "Ask for stage 2; you need not give a reason.";
  parts.refusal_explanation = "Legal proceedings have started.";
  parts.progress = "The scaffold is up.";
  parts.resolution = "We agreed a visit.";
  parts.body = "Dear resident";
  parts.ombudsman = true;
  return parts;
}

struct RequiredCase {
  LetterType type;
  Regime regime;
  int stage;
  std::vector<LetterPart> required;
};

class RequiredPartsTest : public ::testing::TestWithParam<RequiredCase> {};

TEST_P(RequiredPartsTest, TableOfRequiredParts) {
  const RequiredCase& c = GetParam();
  EXPECT_EQ(RequiredParts({c.type, c.regime, c.stage}), c.required);
}

using P = LetterPart;
INSTANTIATE_TEST_SUITE_P(
    Letters, RequiredPartsTest,
    ::testing::Values(
        RequiredCase{LetterType::kAcknowledgement,
                     Regime::kHousing,
                     1,
                     {P::kComplaintDefinition, P::kOutcomeSought, P::kResponseDate}},
        // LGSCO 6.7: the corporate acknowledgement says what the council is not responsible for.
        RequiredCase{
            LetterType::kAcknowledgement,
            Regime::kCorporate,
            2,
            {P::kComplaintDefinition, P::kOutcomeSought, P::kNotResponsibleFor, P::kResponseDate}},
        RequiredCase{LetterType::kExtensionNotice,
                     Regime::kHousing,
                     1,
                     {P::kExtensionReason, P::kNewDate, P::kOmbudsman}},
        RequiredCase{LetterType::kStageResponse,
                     Regime::kHousing,
                     1,
                     {P::kComplaintDefinition, P::kDecisions, P::kReasons, P::kEscalation}},
        RequiredCase{LetterType::kStageResponse,
                     Regime::kHousing,
                     2,
                     {P::kComplaintDefinition, P::kDecisions, P::kReasons, P::kOmbudsman}},
        // Children's: stage 2 is not final, the review panel's response (stage 3) is.
        RequiredCase{LetterType::kStageResponse,
                     Regime::kChildren,
                     2,
                     {P::kComplaintDefinition, P::kDecisions, P::kReasons, P::kEscalation}},
        RequiredCase{LetterType::kStageResponse,
                     Regime::kChildren,
                     3,
                     {P::kComplaintDefinition, P::kDecisions, P::kReasons, P::kOmbudsman}},
        // Adults: one stage, so its response is final.
        RequiredCase{LetterType::kStageResponse,
                     Regime::kAdults,
                     1,
                     {P::kComplaintDefinition, P::kDecisions, P::kReasons, P::kOmbudsman}},
        RequiredCase{LetterType::kNotAccepted,
                     Regime::kCorporate,
                     1,
                     {P::kRefusalExplanation, P::kOmbudsman}},
        RequiredCase{
            LetterType::kEscalationDeclined, Regime::kHousing, 1, {P::kReasons, P::kOmbudsman}},
        RequiredCase{LetterType::kActionsUpdate, Regime::kHousing, 1, {P::kProgress}},
        RequiredCase{
            LetterType::kPhoneResolution, Regime::kHousing, 1, {P::kResolution, P::kEscalation}},
        RequiredCase{LetterType::kFreeLetter, Regime::kHousing, 1, {P::kBody}}));

TEST(CheckLetterTest, CompleteLetterOfEveryTypeAndRegimePasses) {
  for (LetterType type : kAllLetterTypes) {
    for (Regime regime : kAllRegimes) {
      EXPECT_TRUE(CheckLetter({type, regime, 1}, Complete())) << ToString(type);
    }
  }
}

TEST(CheckLetterTest, EachMissingRequiredPartIsNamedWithItsCode) {
  for (LetterType type : kAllLetterTypes) {
    for (Regime regime : kAllRegimes) {
      for (int stage = 1; stage <= RulesFor(regime).stage_count(); ++stage) {
        LetterContext context{type, regime, stage};
        Status status = CheckLetter(context, LetterParts{});
        ASSERT_FALSE(status);
        std::vector<std::string> expected;
        for (LetterPart part : RequiredParts(context)) {
          expected.push_back("parts." + std::string(ToString(part)));
        }
        EXPECT_EQ(FieldsOf(status), expected) << ToString(type) << " " << ToString(regime);
        for (const FieldError& field : status.error().fields) {
          EXPECT_EQ(field.code, FieldErrorCode::kRequired);
        }
      }
    }
  }
}

TEST(CheckLetterTest, FinalResponseWithoutOmbudsmanIsRefusedNamingIt) {
  LetterParts parts = Complete();
  parts.ombudsman = false;
  EXPECT_EQ(FieldsOf(CheckLetter({LetterType::kStageResponse, Regime::kHousing, 2}, parts)),
            std::vector<std::string>{"parts.ombudsman"});
  // Stage 1 needs no Ombudsman block.
  EXPECT_TRUE(CheckLetter({LetterType::kStageResponse, Regime::kHousing, 1}, parts));
}

TEST(CheckLetterTest, BlankTextIsMissingAndActionsNeedADate) {
  LetterParts parts = Complete();
  parts.reasons = "  \n ";
  parts.outstanding_actions = {{"Repair the roof", std::nullopt}, {"", D("2026-03-01")}};
  EXPECT_EQ(FieldsOf(CheckLetter({LetterType::kStageResponse, Regime::kHousing, 1}, parts)),
            (std::vector<std::string>{"parts.reasons", "parts.outstanding_actions[0].due_on",
                                      "parts.outstanding_actions[1].description"}));
}

TEST(DropInapplicablePartsTest, AFinalResponseOffersNoNextStage) {
  LetterParts final_parts = Complete();
  DropInapplicableParts({LetterType::kStageResponse, Regime::kHousing, 2}, final_parts);
  EXPECT_EQ(final_parts.escalation, "");
  LetterParts stage_one = Complete();
  DropInapplicableParts({LetterType::kStageResponse, Regime::kHousing, 1}, stage_one);
  EXPECT_EQ(stage_one, Complete());
}

struct ContactCase {
  Regime regime;
  const char* issued_on;
  Ombudsman ombudsman;
  bool offers_email;
};

class OmbudsmanContactTest : public ::testing::TestWithParam<ContactCase> {};

TEST_P(OmbudsmanContactTest, DatedContactBlock) {
  const ContactCase& c = GetParam();
  EXPECT_EQ(OmbudsmanFor(c.regime), c.ombudsman);
  const OmbudsmanContact& contact =
      OmbudsmanContactOn(OmbudsmanContacts(), c.ombudsman, D(c.issued_on));
  EXPECT_EQ(contact.ombudsman, c.ombudsman);
  EXPECT_EQ(!contact.email.empty(), c.offers_email) << c.issued_on;
  EXPECT_FALSE(contact.phone.empty());
  EXPECT_FALSE(contact.time_limit.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Letters, OmbudsmanContactTest,
    ::testing::Values(
        ContactCase{Regime::kHousing, "2025-06-01", Ombudsman::kHousingOmbudsman, true},
        ContactCase{Regime::kHousing, "2026-01-12", Ombudsman::kHousingOmbudsman, true},
        // From 13 January 2026 the Housing Ombudsman takes no new cases by email.
        ContactCase{Regime::kHousing, "2026-01-13", Ombudsman::kHousingOmbudsman, false},
        ContactCase{Regime::kHousing, "2027-05-01", Ombudsman::kHousingOmbudsman, false},
        // Before the table starts, its earliest row.
        ContactCase{Regime::kHousing, "2020-01-01", Ombudsman::kHousingOmbudsman, true},
        ContactCase{Regime::kCorporate, "2026-02-01", Ombudsman::kLgsco, false},
        ContactCase{Regime::kChildren, "2026-02-01", Ombudsman::kLgsco, false},
        ContactCase{Regime::kAdults, "2026-02-01", Ombudsman::kLgsco, false}));

OmbudsmanContact AddedBlock(Ombudsman ombudsman, const char* from, std::string phone) {
  OmbudsmanContact block = OmbudsmanContactOn(OmbudsmanContacts(), ombudsman, D(from));
  block.valid_from = D(from);
  block.phone = std::move(phone);
  return block;
}

TEST(OmbudsmanContactTest, AnAddedBlockTakesOverFromItsDateAndNotBefore) {
  std::vector<OmbudsmanContact> added = {
      AddedBlock(Ombudsman::kLgsco, "2027-03-01", "0300 000 0001"),
      AddedBlock(Ombudsman::kLgsco, "2027-03-01", "0300 000 0002"),  // supersedes, same date
      AddedBlock(Ombudsman::kHousingOmbudsman, "2027-06-01", "0300 000 0003")};
  std::vector<OmbudsmanContact> list = ConfiguredOmbudsmanContacts(added);
  EXPECT_EQ(OmbudsmanContactOn(list, Ombudsman::kLgsco, D("2027-02-28")).phone, "0300 061 0614");
  EXPECT_EQ(OmbudsmanContactOn(list, Ombudsman::kLgsco, D("2027-03-01")).phone, "0300 000 0002");
  EXPECT_EQ(OmbudsmanContactOn(list, Ombudsman::kHousingOmbudsman, D("2027-05-31")).phone,
            "0300 111 3000");
  EXPECT_EQ(OmbudsmanContactOn(list, Ombudsman::kHousingOmbudsman, D("2027-06-01")).phone,
            "0300 000 0003");
  // Nothing added: the compiled-in list, as before.
  EXPECT_EQ(ConfiguredOmbudsmanContacts({}).size(), OmbudsmanContacts().size());
}

TEST(OmbudsmanContactTest, AHousingOmbudsmanBlockFrom13January2026OffersNoEmail) {
  OmbudsmanContact block = AddedBlock(Ombudsman::kHousingOmbudsman, "2027-01-01", "0300 1");
  block.email = "info@housing-ombudsman.org.uk";
  EXPECT_EQ(FieldsOf(CheckOmbudsmanContact(block, D("2026-12-01"))),
            std::vector<std::string>{"email"});
  block.email.clear();
  EXPECT_TRUE(CheckOmbudsmanContact(block, D("2026-12-01")));
  // The LGSCO may give one.
  OmbudsmanContact lgsco = AddedBlock(Ombudsman::kLgsco, "2027-01-01", "0300 2");
  lgsco.email = "advice@lgo.org.uk";
  EXPECT_TRUE(CheckOmbudsmanContact(lgsco, D("2026-12-01")));
  // A block in force is never changed: a new one starts today or later; every field named.
  OmbudsmanContact bad = AddedBlock(Ombudsman::kHousingOmbudsman, "2026-11-30", "");
  bad.web_form.clear();
  bad.postal_address.clear();
  bad.name = " ";
  bad.time_limit.clear();
  bad.email = "x@example.org";
  EXPECT_EQ(FieldsOf(CheckOmbudsmanContact(bad, D("2026-12-01"))),
            (std::vector<std::string>{"valid_from", "name", "phone", "time_limit", "email"}));
}

TEST(ContactPreferencesTest, DefaultsFollowWhatTheComplainantGave) {
  Person with_email{"A", "a@example.org", "", "1 High St", "AB1 2CD"};
  Person without_email{"B", "", "", "2 High St", "AB1 2CD"};
  EXPECT_EQ(DefaultContactPreferences(with_email).channel, PreferredChannel::kEmail);
  EXPECT_EQ(DefaultContactPreferences(without_email).channel, PreferredChannel::kPost);
  EXPECT_EQ(DefaultContactPreferences(without_email).format, LetterFormat::kStandard);
}

TEST(ContactPreferencesTest, RefusesAChannelTheCaseCannotReach) {
  Person no_email{"B", "", "", "2 High St", "AB1 2CD"};
  Person no_address{"C", "c@example.org", "", "", ""};
  ContactPreferences email{PreferredChannel::kEmail};
  ContactPreferences post{PreferredChannel::kPost};
  ContactPreferences both{PreferredChannel::kBoth};
  EXPECT_EQ(FieldsOf(CheckContactPreferences(email, no_email)),
            std::vector<std::string>{"contact_preferences.channel"});
  EXPECT_TRUE(CheckContactPreferences(post, no_email));
  EXPECT_EQ(FieldsOf(CheckContactPreferences(post, no_address)),
            std::vector<std::string>{"contact_preferences.channel"});
  EXPECT_EQ(FieldsOf(CheckContactPreferences(both, no_address)),
            std::vector<std::string>{"contact_preferences.channel"});
  ContactPreferences blank_language = post;
  blank_language.language = " ";
  EXPECT_EQ(FieldsOf(CheckContactPreferences(blank_language, no_email)),
            std::vector<std::string>{"contact_preferences.language"});
}

TEST(FontSizeTest, StandardIs14AndLargePrintAtLeast16) {
  EXPECT_EQ(FontSizePoints(LetterFormat::kStandard), 14.0);
  EXPECT_GE(FontSizePoints(LetterFormat::kLargePrint), 16.0);
  EXPECT_GE(FontSizePoints(LetterFormat::kEasyRead), 16.0);
}

TEST(NamesTest, EveryTypeAndPartRoundTrips) {
  for (LetterType type : kAllLetterTypes) EXPECT_EQ(ParseLetterType(ToString(type)), type);
  for (LetterPart part : kAllLetterParts) EXPECT_EQ(ParseLetterPart(ToString(part)), part);
  EXPECT_FALSE(ParseLetterType("letter"));
}

TEST(DueLetterTest, FollowsTheStatus) {
  Complaint complaint;
  complaint.status = CaseStatus::kAwaitingAcknowledgement;
  EXPECT_EQ(DueLetter(complaint), LetterType::kAcknowledgement);
  complaint.status = CaseStatus::kInProgress;
  EXPECT_EQ(DueLetter(complaint), LetterType::kStageResponse);
  complaint.status = CaseStatus::kNotAccepted;
  EXPECT_EQ(DueLetter(complaint), LetterType::kNotAccepted);
  complaint.status = CaseStatus::kClosed;
  EXPECT_EQ(DueLetter(complaint), std::nullopt);
}

}  // namespace
}  // namespace redress::core
