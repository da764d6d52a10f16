#pragma once

// Runs a unit of work that produces a value in one transaction of a Store, and hands back the
// value or the first error: the shape of most use cases.

#include <optional>
#include <utility>

#include "app/ports.hpp"

namespace redress::app {

// Runs `work(Tx&) -> Result<T>` in one write transaction; the value once committed.
template <typename T, typename Work>
Result<T> WriteValue(Store& store, Work&& work) {
  std::optional<T> value;
  auto written = store.Write([&](Tx& tx) -> Status {
    Result<T> produced = work(tx);
    if (!produced) return tl::unexpected(produced.error());
    value = std::move(*produced);
    return {};
  });
  if (!written) return tl::unexpected(written.error());
  return std::move(*value);
}

// Runs `work(Tx&) -> Result<T>` on a read snapshot.
template <typename T, typename Work>
Result<T> ReadValue(Store& store, Work&& work) {
  std::optional<T> value;
  auto read = store.Read([&](Tx& tx) -> Status {
    Result<T> produced = work(tx);
    if (!produced) return tl::unexpected(produced.error());
    value = std::move(*produced);
    return {};
  });
  if (!read) return tl::unexpected(read.error());
  return std::move(*value);
}

}  // namespace redress::app
