#include "storage/common/audit_checkpoint.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace redress::storage::common {
namespace {

const std::string kHash(64, 'a');

class AuditCheckpointTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }

  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("redress-checkpoint-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    paths_ = AnchorPaths::Beside(folder_ / "council.db");
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  static void WriteFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }

  std::filesystem::path folder_;
  AnchorPaths paths_;
};

TEST_F(AuditCheckpointTest, DefaultPlacesAreBesideTheDatabase) {
  const AnchorPaths paths = AnchorPaths::Beside("/srv/redress/council.db");
  EXPECT_EQ(paths.key, "/srv/redress/council.db.audit-key");
  EXPECT_EQ(paths.checkpoints, "/srv/redress/council.db.audit-checkpoints");
}

TEST_F(AuditCheckpointTest, FormatAndParseRoundTrip) {
  const AuditKey key = AuditKey::Generate();
  const Checkpoint made = MakeCheckpoint({42, kHash, 42}, "2026-12-03T13:00:00.000Z", key);
  const std::string line = FormatCheckpoint(made);
  EXPECT_TRUE(line.starts_with(R"({"sequence":42,"head":")" + kHash + R"(","count":42,"at":)"))
      << line;
  auto parsed = ParseCheckpoint(line);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->head.sequence, 42);
  EXPECT_EQ(parsed->head.hash, kHash);
  EXPECT_EQ(parsed->head.count, 42);
  EXPECT_EQ(parsed->at, made.at);
  EXPECT_TRUE(VerifyCheckpoint(*parsed, key));
  // An empty log's checkpoint anchors that it was empty.
  auto empty = ParseCheckpoint(FormatCheckpoint(MakeCheckpoint({0, "", 0}, "t", key)));
  ASSERT_TRUE(empty) << empty.error().message;
}

TEST_F(AuditCheckpointTest, ParseRefusesWhatIsNotExactlyACheckpoint) {
  const std::string signature(128, 'b');
  struct Case {
    std::string line;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"", "not a JSON object"},
      {"[1]", "not a JSON object"},
      {R"({"sequence":1})", "exactly"},
      {R"({"sequence":-1,"head":"","count":0,"at":"t","signature":")" + signature + "\"}",
       "sequence must be a whole number"},
      {R"({"sequence":1.5,"head":"","count":0,"at":"t","signature":")" + signature + "\"}",
       "sequence must be a whole number"},
      {R"({"sequence":1,"head":")" + kHash + R"(","count":"1","at":"t","signature":")" + signature +
           "\"}",
       "count must be a whole number"},
      {R"({"sequence":1,"head":")" + kHash + R"(","count":1,"at":5,"signature":")" + signature +
           "\"}",
       "at must be a string"},
      {R"({"sequence":1,"head":"abc","count":1,"at":"t","signature":")" + signature + "\"}",
       "head must be a SHA-256"},
      {R"({"sequence":0,"head":")" + kHash + R"(","count":0,"at":"t","signature":")" + signature +
           "\"}",
       "head must be empty"},
      {R"({"sequence":1,"head":")" + kHash + R"(","count":1,"at":"t","signature":"ab"})",
       "signature must be"},
      {R"({"sequence":1,"head":")" + kHash + R"(","count":1,"at":"t","sig":")" + signature + "\"}",
       "signature must be a string"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto parsed = ParseCheckpoint(c.line);
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find(c.error), std::string::npos) << parsed.error().message;
  }
}

TEST_F(AuditCheckpointTest, ASignatureCoversEveryField) {
  const AuditKey key = AuditKey::Generate();
  const Checkpoint made = MakeCheckpoint({42, kHash, 42}, "2026-12-03T13:00:00.000Z", key);
  struct Case {
    const char* name;
    std::function<void(Checkpoint&)> change;
  };
  const std::vector<Case> cases = {
      {"sequence", [](Checkpoint& c) { c.head.sequence = 41; }},
      {"head", [](Checkpoint& c) { c.head.hash = std::string(64, 'b'); }},
      {"count", [](Checkpoint& c) { c.head.count = 43; }},
      {"time", [](Checkpoint& c) { c.at = "2026-12-03T13:00:01.000Z"; }},
      {"signature", [](Checkpoint& c) { c.signature[0] = c.signature[0] == '0' ? '1' : '0'; }},
      {"signed by another key",
       [](Checkpoint& c) { c = MakeCheckpoint(c.head, c.at, AuditKey::Generate()); }},
  };
  EXPECT_TRUE(VerifyCheckpoint(made, key));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Checkpoint changed = made;
    c.change(changed);
    EXPECT_FALSE(VerifyCheckpoint(changed, key));
  }
}

TEST_F(AuditCheckpointTest, KeyIsCreatedOnceOwnerOnlyWithItsPublicKeyBeside) {
  auto created = AuditKey::LoadOrCreate(paths_.key);
  ASSERT_TRUE(created) << created.error().message;
  struct stat status {};
  ASSERT_EQ(::stat(paths_.key.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600);
  auto again = AuditKey::LoadOrCreate(paths_.key);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->PublicKeyHex(), created->PublicKeyHex());

  auto public_only = AuditKey::Load(paths_.key.string() + ".pub");
  ASSERT_TRUE(public_only && *public_only);
  EXPECT_FALSE((*public_only)->CanSign());
  EXPECT_EQ((*public_only)->PublicKeyHex(), created->PublicKeyHex());
  const Checkpoint made = MakeCheckpoint({1, kHash, 1}, "t", *created);
  EXPECT_TRUE(VerifyCheckpoint(made, **public_only));

  // A public key cannot sign.
  auto refused = AuditKey::LoadOrCreate(paths_.key.string() + ".pub");
  EXPECT_FALSE(refused);
}

TEST_F(AuditCheckpointTest, KeyFilesAreParsedStrictly) {
  const std::vector<std::string> texts = {"", "ed25519-secret-key:00", "ed25519-public-key:zz",
                                          "rsa:" + std::string(64, '0')};
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(AuditKey::Parse(text));
  }
  EXPECT_TRUE(AuditKey::Parse("ed25519-public-key:" + std::string(64, '0') + "\n"));
}

// LoadAnchoring, with the files as a case leaves them.
TEST_F(AuditCheckpointTest, LoadAnchoringSaysWhatCouldBeChecked) {
  const AuditKey key = AuditKey::Generate();
  const std::string good1 = FormatCheckpoint(MakeCheckpoint({1, kHash, 1}, "t1", key));
  const std::string good2 = FormatCheckpoint(MakeCheckpoint({2, kHash, 2}, "t2", key));
  const std::string forged =
      FormatCheckpoint(MakeCheckpoint({9, kHash, 9}, "t9", AuditKey::Generate()));
  enum class KeyFile { kNone, kSecret, kPublicOnly };
  struct Case {
    const char* name;
    KeyFile key_file;
    std::optional<std::string> checkpoints;  // nullopt: no file
    std::size_t verified;
    std::string problem;  // a part of it
    std::string warning;  // a part of it
    bool error = false;
  };
  const std::vector<Case> cases = {
      {"never anchored", KeyFile::kNone, std::nullopt, 0, "", "cannot be checked"},
      {"two checkpoints", KeyFile::kSecret, good1 + "\n" + good2 + "\n", 2, "", ""},
      {"verified with the public key alone", KeyFile::kPublicOnly, good1 + "\n", 1, "", ""},
      {"a forged line", KeyFile::kSecret, good1 + "\n" + forged + "\n", 0,
       "line 2 of " + paths_.checkpoints.string() + " is forged", ""},
      {"a garbled line", KeyFile::kSecret, good1 + "\nnot json\n", 0, "is not a checkpoint", ""},
      {"a line cut short by a crash", KeyFile::kSecret, good1 + "\n" + good2.substr(0, 20), 1, "",
       "is incomplete"},
      {"checkpoints removed, key kept", KeyFile::kSecret, std::nullopt, 0, "were removed", ""},
      {"checkpoints emptied, key kept", KeyFile::kSecret, "", 0, "were removed", ""},
      {"checkpoints without a key", KeyFile::kNone, good1 + "\n", 0, "", "", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::filesystem::remove(paths_.key);
    std::filesystem::remove(paths_.key.string() + ".pub");
    std::filesystem::remove(paths_.checkpoints);
    if (c.key_file == KeyFile::kSecret) WriteFile(paths_.key, key.SecretFileText());
    if (c.key_file == KeyFile::kPublicOnly) {
      WriteFile(paths_.key.string() + ".pub", key.PublicFileText());
    }
    if (c.checkpoints) WriteFile(paths_.checkpoints, *c.checkpoints);
    auto anchoring = LoadAnchoring(paths_);
    if (c.error) {
      ASSERT_FALSE(anchoring);
      EXPECT_EQ(anchoring.error().code, core::ErrorCode::kNotFound);
      EXPECT_NE(anchoring.error().fields.at(0).message.find("cannot be verified"),
                std::string::npos);
      continue;
    }
    ASSERT_TRUE(anchoring) << anchoring.error().message;
    if (c.problem.empty()) {
      EXPECT_EQ(anchoring->checkpoints.size(), c.verified);
    }
    EXPECT_EQ(anchoring->problem.empty(), c.problem.empty()) << anchoring->problem;
    EXPECT_NE(anchoring->problem.find(c.problem), std::string::npos) << anchoring->problem;
    EXPECT_EQ(anchoring->warning.empty(), c.warning.empty()) << anchoring->warning;
    EXPECT_NE(anchoring->warning.find(c.warning), std::string::npos) << anchoring->warning;
  }
}

TEST_F(AuditCheckpointTest, AppendAddsALineAndKeepsTheFileOwnerOnly) {
  const AuditKey key = AuditKey::Generate();
  ASSERT_TRUE(AppendCheckpoint(paths_.checkpoints, MakeCheckpoint({1, kHash, 1}, "t1", key)));
  ASSERT_TRUE(AppendCheckpoint(paths_.checkpoints, MakeCheckpoint({2, kHash, 2}, "t2", key)));
  WriteFile(paths_.key, key.SecretFileText());
  auto anchoring = LoadAnchoring(paths_);
  ASSERT_TRUE(anchoring) << anchoring.error().message;
  ASSERT_EQ(anchoring->checkpoints.size(), 2u);
  EXPECT_EQ(anchoring->checkpoints[1].line, 2);
  EXPECT_EQ(anchoring->checkpoints[1].head.sequence, 2);
  struct stat status {};
  ASSERT_EQ(::stat(paths_.checkpoints.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600);
}

}  // namespace
}  // namespace redress::storage::common
