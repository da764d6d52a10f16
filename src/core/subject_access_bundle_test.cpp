#include "core/subject_access_bundle.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::ExpectFieldErrors;

TEST(SubjectAccessBundle, ItemNamesReadBackAsTheyAreWritten) {
  const HeldItem items[] = {
      {HeldItemKind::kComplaint, "CMP-2024-000001", 0},
      {HeldItemKind::kNote, "CMP-2024-000001", 7},
      {HeldItemKind::kLetter, "CMP-2024-000002", 2},
      {HeldItemKind::kAttachment, "", 12},
  };
  for (const HeldItem& item : items) {
    auto parsed = ParseItemName(ItemName(item));
    ASSERT_TRUE(parsed) << ItemName(item);
    EXPECT_EQ(*parsed, item);
  }
  EXPECT_EQ(ItemName(items[1]), "note:CMP-2024-000001/7");
  EXPECT_EQ(ItemName(items[3]), "attachment:12");
}

TEST(SubjectAccessBundle, MalformedItemNamesAreRefused) {
  for (const char* name :
       {"", "complaint:", "note:CMP-2024-000001", "note:/3", "letter:X/0", "attachment:abc",
        "attachment:-1", "event:1", "complaint:A/1", "note:CMP-2024-000001/2x"}) {
    EXPECT_FALSE(ParseItemName(name)) << name;
  }
}

TEST(SubjectAccessBundle, AWithholdingNamesEveryOffendingFieldAtOnce) {
  ExpectFieldErrors(CheckWithholding("attachment:3", "Names a neighbour"), {});
  ExpectFieldErrors(CheckWithholding("nonsense", "  "), {"item", "reason"},
                    {FieldErrorCode::kInvalidFormat, FieldErrorCode::kRequired});
  ExpectFieldErrors(CheckWithholding("complaint:CMP-2024-000001",
                                     std::string(kMaxWithholdingReasonLength + 1, 'x')),
                    {"reason"}, {FieldErrorCode::kTooLong});
}

TEST(SubjectAccessBundle, TheArticle15InformationNamesTheOrganisationAndTheRights) {
  const std::string text = Article15Information("Exampleshire Council");
  for (const char* words : {"Exampleshire Council", "rectification", "erase", "restrict", "object",
                            "Information Commissioner", "six years", "Who receives"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words;
  }
}

}  // namespace
}  // namespace redress::core
