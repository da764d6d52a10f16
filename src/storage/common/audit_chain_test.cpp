#include "storage/common/audit_chain.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <functional>
#include <string>
#include <vector>

namespace redress::storage::common {
namespace {

class ChainVerifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
};

// A record as stored: the chained fields and the hash kept beside them.
struct Stored {
  ChainRecord record;
  std::string hash;
};

ChainRecord Record(std::int64_t sequence) {
  return {
      "",      sequence, "complaint", "C-" + std::to_string(sequence), "logged", "2024-01-02", 1,
      "alice", "Logged", "[]",        "2024-01-02T09:00:00.000Z"};
}

// Chains the records from `first` (0-based) on, as the store does when it appends them.
void Rechain(std::vector<Stored>& log, std::size_t first = 0) {
  for (std::size_t i = first; i < log.size(); ++i) {
    log[i].record.prev_hash = i == 0 ? "" : log[i - 1].hash;
    log[i].hash = ChainHash(log[i].record);
  }
}

std::vector<Stored> Log(std::int64_t records) {
  std::vector<Stored> log;
  for (std::int64_t sequence = 1; sequence <= records; ++sequence) {
    log.push_back({Record(sequence), ""});
  }
  Rechain(log);
  return log;
}

// A checkpoint of the log's first `records` records, as the verifier receives it (signature
// already verified, so none is needed here).
Checkpoint At(const std::vector<Stored>& log, std::int64_t records) {
  const std::string hash = records == 0 ? "" : log[records - 1].hash;
  return {{records, hash, records},
          "2024-01-0" + std::to_string(records % 9 + 1) + "T00:00:00Z",
          "",
          0};
}

app::AuditReport Verify(const std::vector<Stored>& log, std::vector<Checkpoint> checkpoints,
                        std::optional<std::int64_t> highest) {
  ChainVerifier verifier(std::move(checkpoints));
  for (const Stored& stored : log) {
    if (!verifier.Add(stored.record, stored.hash)) break;
  }
  return verifier.Finish(highest);
}

TEST_F(ChainVerifierTest, HashIsTheSha256OfTheLengthPrefixedFields) {
  // Computed independently: sha256 of "0:1:19:complaint3:C-16:logged10:2024-01-021:15:alice…".
  EXPECT_EQ(ChainHash(Record(1)),
            "2904210aad60cbcbe00b5075ef13044ef8e45dd7cb3e6ab9da523ef9719805b0");
}

struct Case {
  const char* name;
  // Tampers with a log of 10 records, checkpointed (from the untampered log) at these counts.
  std::function<void(std::vector<Stored>&)> tamper;
  std::vector<std::int64_t> checkpointed;
  bool highest_is_ten;  // the engine still remembers handing out number 10
  bool intact;
  std::string problem;  // the whole sentence when not intact
  std::int64_t unanchored;
};

TEST_F(ChainVerifierTest, NamesEachTampering) {
  const auto untouched = [](std::vector<Stored>&) {};
  const std::vector<Case> cases = {
      {"intact, never checkpointed", untouched, {}, true, true, "", 10},
      {"intact, checkpointed at the head", untouched, {4, 10}, true, true, "", 0},
      {"intact, the checkpoint lagging after a kill", untouched, {3, 7}, true, true, "", 3},
      {"an empty log checkpointed empty", [](auto& log) { log.clear(); }, {0}, false, true, "", 0},
      {"a record altered in the middle",
       [](auto& log) { log[4].record.summary = "Nothing"; },
       {10},
       true,
       false,
       "record 5 was altered",
       0},
      {"a record removed in the middle",
       [](auto& log) { log.erase(log.begin() + 4); },
       {10},
       true,
       false,
       "record 5 was removed",
       0},
      {"the last records removed and the counter reset",
       [](auto& log) { log.resize(7); },
       {3, 10},
       false,
       false,
       "the last 3 records, after record 7, were removed: the checkpoint of "
       "2024-01-02T00:00:00Z anchors record 10",
       0},
      {"the last record removed and the counter reset",
       [](auto& log) { log.resize(9); },
       {10},
       false,
       false,
       "the last 1 record, after record 9, was removed: the checkpoint of 2024-01-02T00:00:00Z "
       "anchors record 10",
       0},
      {"the last records removed, the counter kept",
       [](auto& log) { log.resize(7); },
       {},
       true,
       false,
       "record 8 was removed",
       0},
      {"every record removed",
       [](auto& log) { log.clear(); },
       {4, 10},
       false,
       false,
       "every record was removed: the checkpoint of 2024-01-02T00:00:00Z anchors 10 records, the "
       "database has none",
       0},
      {"a record altered and the chain recomputed",
       [](auto& log) {
         log[4].record.summary = "Nothing";
         Rechain(log, 4);
       },
       {3, 7, 10},
       true,
       false,
       "record 7 differs from the checkpointed chain of 2024-01-08T00:00:00Z: a record from 4 to "
       "7 was altered and the chain recomputed",
       0},
      {"the chain recomputed before the first checkpoint",
       [](auto& log) {
         log[0].record.actor = "mallory";
         Rechain(log);
       },
       {10},
       true,
       false,
       "record 10 differs from the checkpointed chain of 2024-01-02T00:00:00Z: a record from 1 "
       "to 10 was altered and the chain recomputed",
       0},
  };
  const std::vector<Stored> original = Log(10);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Stored> log = original;
    c.tamper(log);
    std::vector<Checkpoint> checkpoints;
    for (const std::int64_t records : c.checkpointed) checkpoints.push_back(At(original, records));
    const app::AuditReport report =
        Verify(log, checkpoints, c.highest_is_ten ? std::optional<std::int64_t>(10) : std::nullopt);
    EXPECT_EQ(report.intact, c.intact);
    EXPECT_EQ(report.problem, c.problem);
    EXPECT_EQ(report.checkpoints, static_cast<std::int64_t>(c.checkpointed.size()));
    if (c.intact) {
      EXPECT_EQ(report.unanchored, c.unanchored);
      EXPECT_EQ(report.records, static_cast<std::int64_t>(log.size()));
    }
  }
}

// A log of `legacy` version 1 records followed by `current` version 2 records, as after
// migration 31: the records appended since are sealed.
std::vector<Stored> MixedLog(std::int64_t legacy, std::int64_t current) {
  std::vector<Stored> log = Log(legacy + current);
  for (std::int64_t i = legacy; i < legacy + current; ++i) SealContent(log[i].record);
  Rechain(log);
  return log;
}

// What EraseContent does to a stored record.
void Erase(Stored& stored) {
  stored.record.summary = "";
  stored.record.changes = "[]";
  stored.record.content_salt.reset();
  stored.record.content_erased_at = "2031-01-01T00:00:00Z";
}

TEST_F(ChainVerifierTest, VersionTwoHashesTheDigestBehindAVersionField) {
  ChainRecord record = Record(1);
  SealContent(record);
  EXPECT_EQ(record.chain_version, kChainVersion);
  EXPECT_EQ(record.content_salt->size(), 64u);
  EXPECT_EQ(record.content_digest, ContentDigest(*record.content_salt, "Logged", "[]"));
  EXPECT_NE(record.content_digest, ContentDigest(*record.content_salt, "Logged!", "[]"));
  // The salt keys the digest: the same content under another salt has another digest.
  EXPECT_NE(record.content_digest, ContentDigest(NewContentSalt(), "Logged", "[]"));
  EXPECT_EQ(ContentDigest("not hex", "Logged", "[]"), "");
  const std::string hash = ChainHash(record);
  // The content is not in the hash, the digest is.
  record.summary = "Altered";
  EXPECT_EQ(ChainHash(record), hash);
  record.content_digest[0] = record.content_digest[0] == 'a' ? 'b' : 'a';
  EXPECT_NE(ChainHash(record), hash);
}

TEST_F(ChainVerifierTest, ErasedContentKeepsTheChainAndIsCounted) {
  std::vector<Stored> log = MixedLog(3, 5);
  const std::vector<Checkpoint> checkpoints = {At(log, 8)};
  Erase(log[1]);  // a legacy record
  Erase(log[4]);
  Erase(log[7]);  // the last, checkpointed
  const app::AuditReport report = Verify(log, checkpoints, 8);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.records, 8);
  EXPECT_EQ(report.erased, 2);
  EXPECT_EQ(report.erased_legacy, 1);
}

TEST_F(ChainVerifierTest, FindsTamperingAroundErasure) {
  struct Tampering {
    const char* name;
    std::function<void(std::vector<Stored>&)> tamper;
    std::string problem;
  };
  const std::vector<Tampering> cases = {
      {"a kept record's content altered", [](auto& log) { log[4].record.summary = "Nothing"; },
       "record 5 was altered"},
      {"a kept record's digest recomputed under a new salt",
       [](auto& log) {
         log[4].record.summary = "Nothing";
         log[4].record.content_salt = NewContentSalt();
         log[4].record.content_digest =
             ContentDigest(*log[4].record.content_salt, "Nothing", log[4].record.changes);
       },
       "record 5 was altered"},
      {"an erased record's digest altered",
       [](auto& log) {
         Erase(log[4]);
         log[4].record.content_digest = ContentDigest(NewContentSalt(), "", "[]");
       },
       "record 5 was altered"},
      {"an erased record given content back",
       [](auto& log) {
         Erase(log[4]);
         log[4].record.summary = "Something else";
       },
       "record 5 was altered"},
      {"a salt forgotten without the erasure's time",
       [](auto& log) {
         Erase(log[4]);
         log[4].record.content_erased_at.reset();
       },
       "record 5 was altered"},
      {"an erased legacy record altered",
       [](auto& log) {
         Erase(log[1]);
         log[1].record.actor = "mallory";
         log[1].hash = ChainHash(log[1].record);
       },
       "record 2 was altered"},
      {"an erased legacy record given content back",
       [](auto& log) {
         Erase(log[1]);
         log[1].record.summary = "Something else";
       },
       "record 2 was altered"},
      {"a version 2 record passed off as an erased legacy one",
       [](auto& log) {
         Erase(log[5]);
         log[5].record.chain_version = kLegacyChainVersion;
       },
       "record 6 was altered"},
  };
  const std::vector<Stored> original = MixedLog(3, 5);
  for (const Tampering& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Stored> log = original;
    c.tamper(log);
    const app::AuditReport report = Verify(log, {}, 8);
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.problem, c.problem);
  }
}

}  // namespace
}  // namespace redress::storage::common
