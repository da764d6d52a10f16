#include "core/attachment.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::core {
namespace {

struct NameCase {
  std::string sent;
  std::string kept;
};

TEST(SanitiseFileName, KeepsOnlyASafeLastComponent) {
  const std::vector<NameCase> cases = {
      {"photo.jpg", "photo.jpg"},
      {"../../etc/passwd", "passwd"},
      {"C:\\Users\\ann\\letter.pdf", "letter.pdf"},
      {"dir/", "unnamed"},
      {"..", "unnamed"},
      {".", "unnamed"},
      {"", "unnamed"},
      {".bashrc", "bashrc"},
      {"  spaced name.txt  ", "spaced name.txt"},
      {"a\nb\tc\x01.txt", "abc.txt"},
      {"del\x7f.txt", "del.txt"},
      {"c1\xc2\x85.txt", "c1.txt"},                      // U+0085, a C1 control
      {"invoice\xe2\x80\xaegpj.exe", "invoicegpj.exe"},  // U+202E right-to-left override
      {"a\xe2\x81\xa6"
       "b\xe2\x81\xa9.pdf",
       "ab.pdf"},                                // U+2066, U+2069 isolates
      {"mark\xe2\x80\x8f.pdf", "mark.pdf"},      // U+200F right-to-left mark
      {"arabic\xd8\x9c.pdf", "arabic.pdf"},      // U+061C
      {"bad\xff\xfe.pdf", "bad.pdf"},            // invalid UTF-8
      {"overlong\xc0\xaf.pdf", "overlong.pdf"},  // overlong '/'
      {"caf\xc3\xa9.pdf", "caf\xc3\xa9.pdf"},    // é kept
      {"\xe5\x86\x99\xe7\x9c\x9f.jpg", "\xe5\x86\x99\xe7\x9c\x9f.jpg"},  // 写真 kept
  };
  for (const NameCase& test : cases) {
    EXPECT_EQ(SanitiseFileName(test.sent), test.kept) << test.sent;
  }
}

TEST(SanitiseFileName, CutsLongNamesAtACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xc3\xa9";  // 400 bytes of é
  const std::string kept = SanitiseFileName(name);
  EXPECT_LE(kept.size(), kMaxFileNameBytes);
  EXPECT_EQ(kept.size() % 2, 0U);
  EXPECT_EQ(SanitiseFileName(kept), kept);
}

TEST(ScanState, OnlyCleanAndNotScannedAreServed) {
  struct Case {
    ScanState state;
    bool served;
  };
  for (const Case& test : std::vector<Case>{{ScanState::kPending, false},
                                            {ScanState::kClean, true},
                                            {ScanState::kInfected, false},
                                            {ScanState::kNotScanned, true}}) {
    EXPECT_EQ(MayServe(test.state), test.served) << ToString(test.state);
    EXPECT_EQ(ParseScanState(ToString(test.state)), test.state);
  }
}

TEST(CheckOfferedFile, RefusesEmptyDisallowedAndOversizedFiles) {
  const AttachmentPolicy policy;
  struct Case {
    std::string media_type;
    std::int64_t size;
    std::int64_t case_bytes;
    std::vector<FieldErrorCode> codes;  // empty = accepted
  };
  const std::vector<Case> cases = {
      {"application/pdf", 1, 0, {}},
      {"image/jpeg", kDefaultMaxFileBytes, 0, {}},
      {"application/pdf", 0, 0, {FieldErrorCode::kInvalid}},
      {"application/x-dosexec", 10, 0, {FieldErrorCode::kNotInList}},
      {"application/pdf", kDefaultMaxFileBytes + 1, 0, {FieldErrorCode::kTooLong}},
      {"application/pdf", 10, kDefaultMaxCaseBytes - 9, {FieldErrorCode::kTooLong}},
      {"application/pdf", 10, kDefaultMaxCaseBytes - 10, {}},
      {"application/zip",
       kDefaultMaxFileBytes + 1,
       0,
       {FieldErrorCode::kNotInList, FieldErrorCode::kTooLong}},
  };
  for (const Case& test : cases) {
    const Status checked =
        CheckOfferedFile(policy, {test.media_type, test.size}, test.case_bytes, "file");
    std::vector<FieldErrorCode> codes;
    if (!checked) {
      for (const FieldError& field : checked.error().fields) {
        EXPECT_EQ(field.field, "file");
        codes.push_back(field.code);
      }
    }
    EXPECT_EQ(codes, test.codes) << test.media_type << " " << test.size;
  }
}

TEST(ValidatePolicy, NamesEveryOffendingField) {
  EXPECT_TRUE(ValidatePolicy(AttachmentPolicy{}));
  AttachmentPolicy bad;
  bad.max_file_bytes = 0;
  bad.max_case_bytes = kMaxConfigurableFileBytes + 1;
  bad.allowed = {{"application/pdf", "PDF"}, {"application/pdf", "PDF"}, {"PDF", ""}};
  const Status checked = ValidatePolicy(bad);
  ASSERT_FALSE(checked);
  std::vector<std::string> fields;
  for (const FieldError& field : checked.error().fields) fields.push_back(field.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"max_file_bytes", "max_case_bytes", "allowed[1].media_type",
                                      "allowed[2].media_type", "allowed[2].label"}));
}

TEST(CheckRemovalReason, NeedsAReason) {
  EXPECT_FALSE(CheckRemovalReason(""));
  EXPECT_FALSE(CheckRemovalReason("  \n"));
  EXPECT_FALSE(CheckRemovalReason(std::string(kMaxRemovalReasonLength + 1, 'x')));
  EXPECT_TRUE(CheckRemovalReason("uploaded to the wrong case"));
}

TEST(MayShowInline, OnlyImagesAndPdf) {
  EXPECT_TRUE(MayShowInline("application/pdf"));
  EXPECT_TRUE(MayShowInline("image/png"));
  EXPECT_FALSE(MayShowInline("text/plain"));
  EXPECT_FALSE(MayShowInline("image/svg+xml"));
  EXPECT_FALSE(
      MayShowInline("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
}

}  // namespace
}  // namespace redress::core
