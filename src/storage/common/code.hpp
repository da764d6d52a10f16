#pragma once

// A code of reference data as every engine binds it; one definition so that the row codecs in
// storage/common bind it the same way on each.

#include <string_view>

namespace redress::storage::common {

// An optional code of reference data: bound as NULL when empty so that its foreign key holds,
// and read back as "" from NULL.
struct Code {
  std::string_view value;
};

}  // namespace redress::storage::common
