#include "core/redaction.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::core {
namespace {

std::vector<std::string> Fields(const Status& status) {
  std::vector<std::string> fields;
  for (const FieldError& error : status.error().fields) fields.push_back(error.field);
  return fields;
}

TEST(CheckRedactionTest, ReadsEachFormAndNamesEveryOffendingField) {
  struct Case {
    std::string target;
    std::string reason;
    bool ok;
    RedactionKind kind;
    std::vector<std::string> fields;
  };
  const std::vector<Case> cases = {
      {"field:description", "Third party's health details", true, RedactionKind::kField, {}},
      {"field:complainant.email", "Asked by the complainant", true, RedactionKind::kField, {}},
      {"note:12", "Opinion about a neighbour", true, RedactionKind::kNote, {}},
      {"attachment:7", "Photo of a neighbour", true, RedactionKind::kAttachment, {}},
      {"field:status", "x", false, RedactionKind::kField, {"target"}},
      {"note:abc", "x", false, RedactionKind::kNote, {"target"}},
      {"note:0", "x", false, RedactionKind::kNote, {"target"}},
      {"letter:1", "x", false, RedactionKind::kField, {"target"}},
      {"", " ", false, RedactionKind::kField, {"target", "reason"}},
      {"note:3",
       std::string(kMaxRedactionReasonLength + 1, 'y'),
       false,
       RedactionKind::kNote,
       {"reason"}},
  };
  for (const Case& c : cases) {
    const Result<RedactionTarget> checked = CheckRedaction(c.target, c.reason);
    EXPECT_EQ(checked.has_value(), c.ok) << c.target;
    if (checked) {
      EXPECT_EQ(checked->kind, c.kind) << c.target;
      EXPECT_EQ(checked->ToString(), c.target);
    } else {
      EXPECT_EQ(Fields(Status(tl::unexpected(checked.error()))), c.fields) << c.target;
    }
  }
}

TEST(RedactFieldTest, ReplacesOnlyTheNamedFieldAndKnowsAbsentOnes) {
  Complaint complaint;
  complaint.description = "My neighbour at number 4 is ill";
  complaint.complainant.email = "ann@example.org";
  EXPECT_EQ(RedactableText(complaint, "description"), "My neighbour at number 4 is ill");
  EXPECT_EQ(RedactableText(complaint, "representative.name"), std::nullopt);
  EXPECT_EQ(RedactableText(complaint, "refusal.explanation"), std::nullopt);
  const Complaint redacted = RedactField(complaint, "description");
  EXPECT_EQ(redacted.description, kRedactedText);
  EXPECT_EQ(redacted.complainant.email, "ann@example.org");
}

}  // namespace
}  // namespace redress::core
