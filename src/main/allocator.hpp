#pragma once

// The C library's allocator, tuned for a server: process-wide, so set once at start-up, before
// any thread starts.

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstddef>

namespace redress {

// Free memory at the top of the heap that glibc keeps for the next allocations instead of
// giving it back to the kernel, and the size from which a block is mapped on its own.
inline constexpr std::size_t kAllocatorTrimThresholdBytes = std::size_t{32} << 20;
inline constexpr std::size_t kAllocatorMmapThresholdBytes = std::size_t{4} << 20;

// By default glibc gives free memory at the top of a heap back to the kernel from 128 KB on
// (adjusting the threshold as it goes), and maps blocks of 128 KB and more on their own. Each
// list or search makes SQLite allocate and free temporary tables and sorters of a few hundred
// KB, so the heap shrank and grew on every request: a system call, a TLB flush and page faults
// each time, a quarter of a search's CPU time (perf, 1M database) and a third of its throughput
// under load. Fixed thresholds above that churn keep the memory (a few MB per arena in use).
inline void TuneAllocatorForServer() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kAllocatorTrimThresholdBytes));
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kAllocatorMmapThresholdBytes));
#endif
}

}  // namespace redress
