#include "core/references.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace redress::core {
namespace {

TEST(ReferencesTest, KindOfEachWellFormedReference) {
  struct Row {
    std::string_view reference;
    std::optional<ReferenceKind> kind;
  };
  const Row rows[] = {
      {"CMP-2024-000123", ReferenceKind::kComplaint},
      {"SR-2023-000001", ReferenceKind::kServiceRequest},
      {"OMB-2025-000001", ReferenceKind::kOmbudsmanCase},
      {"CHFO-2025-000002", ReferenceKind::kFailureOrder},
      {"LRN-2026-999999", ReferenceKind::kLearningAction},
      {"cmp-2024-000123", std::nullopt},   // lower-case prefix
      {"CMP-2024-00012", std::nullopt},    // sequence too short
      {"CMP-2024-0001234", std::nullopt},  // sequence too long
      {"CMP-24-000123", std::nullopt},     // year too short
      {"CMP-2024_000123", std::nullopt},   // wrong separator
      {"XYZ-2024-000123", std::nullopt},   // unknown prefix
      {"CMP-2O24-000123", std::nullopt},   // a letter among the digits
      {"", std::nullopt},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(KindOfReference(row.reference), row.kind) << row.reference;
  }
}

TEST(ReferencesTest, PrefixesRoundTrip) {
  for (ReferenceKind kind :
       {ReferenceKind::kComplaint, ReferenceKind::kServiceRequest, ReferenceKind::kOmbudsmanCase,
        ReferenceKind::kFailureOrder, ReferenceKind::kLearningAction}) {
    const std::string reference = std::string(PrefixOf(kind)) + "-2024-000001";
    EXPECT_EQ(KindOfReference(reference), kind) << reference;
  }
}

TEST(ReferencesTest, FindsWholeTokensOnceInOrder) {
  struct Row {
    std::string_view text;
    std::vector<std::string> found;
  };
  const Row rows[] = {
      {"CMP-2024-000001 related_to CMP-2024-000002", {"CMP-2024-000001", "CMP-2024-000002"}},
      {"Ombudsman case OMB-2025-000001 now concerns CMP-2024-000009.",
       {"OMB-2025-000001", "CMP-2024-000009"}},
      {"(CMP-2024-000001, CMP-2024-000001)", {"CMP-2024-000001"}},  // each once
      {"XCMP-2024-000001", {}},                                     // inside a longer token
      {"CMP-2024-0000012", {}},
      {"CMP-2024-000001-A", {}},
      {"no references here", {}},
      {"", {}},
      {"LRN-2025-000003\nCHFO-2025-000001", {"LRN-2025-000003", "CHFO-2025-000001"}},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(ReferencesNamedIn(row.text), row.found) << row.text;
  }
}

}  // namespace
}  // namespace redress::core
