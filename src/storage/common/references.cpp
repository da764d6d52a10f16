#include "storage/common/references.hpp"

namespace redress::storage::common {

std::string FormatReference(std::string_view prefix, int year, std::int64_t number) {
  std::string digits = std::to_string(number);
  if (digits.size() < kReferenceDigits) digits.insert(0, kReferenceDigits - digits.size(), '0');
  return ReferencesOfYear(prefix, year) + digits;
}

std::string ReferencesOfYear(std::string_view prefix, int year) {
  return std::string(prefix) + "-" + std::to_string(year) + "-";
}

}  // namespace redress::storage::common
