#pragma once

// Writes the checkpoints of a database's audit chain while a process uses it: whenever the head
// moved, at an interval (a server) and when the process lets the store go (every command that
// wrote, and a server stopped gracefully). A process killed outright leaves its last records
// unanchored until the next checkpoint, which the verifier allows.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "app/ports.hpp"
#include "storage/common/audit_checkpoint.hpp"

namespace redress::storage::common {

struct CheckpointerOptions {
  AnchorPaths paths;
  // 0: checkpoint only when the checkpointer is destroyed (a command's process). More: also
  // checkpoint at start (creating the key) and then every interval when the head moved.
  std::chrono::seconds interval{0};
  // Told of each checkpoint that could not be written in the background or at the end (the
  // store goes on: the database is the record, the checkpoint only anchors it).
  std::function<void(const core::Error&)> on_failure;
};

class Checkpointer {
 public:
  // The head as the engine sees it now, read on a consistent snapshot.
  using HeadReader = std::function<core::Result<ChainHead>()>;

  // Reads the head now: only a head that moves from it is checkpointed, unless there is no
  // checkpoint yet (then the first is written at the latest when let go). With an interval,
  // checkpoints at once (so a server that cannot write its key or checkpoints does not start)
  // and then starts the thread. `read_head` and `clock` must outlive the checkpointer.
  static core::Result<std::unique_ptr<Checkpointer>> Start(CheckpointerOptions options,
                                                           HeadReader read_head,
                                                           const app::Clock& clock);

  // Stops the thread, then checkpoints the head if it moved since the last checkpoint.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints the head if it moved since the last checkpoint (or unconditionally, `force`),
  // creating the key at its first use.
  core::Status WriteCheckpoint(bool force = false);

 private:
  Checkpointer(CheckpointerOptions options, HeadReader read_head, const app::Clock& clock);
  void Run();
  void Report(const core::Status& status) const;

  const CheckpointerOptions options_;
  const HeadReader read_head_;
  const app::Clock& clock_;

  bool started_ = false;  // Start succeeded: there is a last checkpoint to write when let go
  mutable std::mutex mutex_;
  std::optional<AuditKey> key_;    // guarded by mutex_; loaded (or created) at the first checkpoint
  std::optional<ChainHead> last_;  // guarded by mutex_; the head last checkpointed or seen at start
  bool stopping_ = false;          // guarded by mutex_
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace redress::storage::common
