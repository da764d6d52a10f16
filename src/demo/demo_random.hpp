#pragma once

#include <array>
#include <cstdint>
#include <iterator>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

#include "demo/demo_data.hpp"

namespace redress::demo {

// Deterministic randomness: the same seed gives the same council on every machine, so only the
// raw 64-bit engine is used (the standard distributions may differ between libraries).

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, bound).
  int Below(int bound) { return static_cast<int>(engine_() % static_cast<std::uint64_t>(bound)); }
  // Uniform in [low, high].
  int Between(int low, int high) { return low + Below(high - low + 1); }
  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return Below(kPerMille) < per_mille; }
  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[static_cast<std::size_t>(Below(static_cast<int>(std::size(items))))];
  }
  template <std::size_t N>
  std::string_view PickWeighted(const std::array<WeightedCode, N>& items) {
    int total = 0;
    for (const WeightedCode& item : items) total += item.weight;
    int roll = Below(total);
    for (const WeightedCode& item : items) {
      if (roll < item.weight) return item.code;
      roll -= item.weight;
    }
    return items.front().code;
  }
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[static_cast<std::size_t>(Below(static_cast<int>(i)))]);
    }
  }

  static constexpr int kPerMille = 1000;

 private:
  std::mt19937_64 engine_;
};

}  // namespace redress::demo
