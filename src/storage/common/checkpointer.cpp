#include "storage/common/checkpointer.hpp"

#include <filesystem>
#include <utility>

namespace redress::storage::common {

core::Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(CheckpointerOptions options,
                                                                HeadReader read_head,
                                                                const app::Clock& clock) {
  std::unique_ptr<Checkpointer> checkpointer(
      new Checkpointer(std::move(options), std::move(read_head), clock));
  core::Result<ChainHead> head = checkpointer->read_head_();
  if (!head) return tl::unexpected(head.error());
  // A database not yet anchored here (new, or from before checkpoints) is checkpointed when let
  // go even if unchanged, so that its key and first checkpoint exist from its first use (init).
  std::error_code unreadable;
  const auto size =
      std::filesystem::file_size(checkpointer->options_.paths.checkpoints, unreadable);
  if (!unreadable && size > 0) checkpointer->last_ = *head;
  if (checkpointer->options_.interval.count() > 0) {
    if (core::Status first = checkpointer->WriteCheckpoint(/*force=*/true); !first) {
      return tl::unexpected(first.error());
    }
    checkpointer->thread_ = std::thread([raw = checkpointer.get()] { raw->Run(); });
  }
  checkpointer->started_ = true;
  return checkpointer;
}

Checkpointer::Checkpointer(CheckpointerOptions options, HeadReader read_head,
                           const app::Clock& clock)
    : options_(std::move(options)), read_head_(std::move(read_head)), clock_(clock) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (started_) Report(WriteCheckpoint());
}

core::Status Checkpointer::WriteCheckpoint(bool force) {
  core::Result<ChainHead> head = read_head_();
  if (!head) return tl::unexpected(head.error());
  std::lock_guard lock(mutex_);
  const bool moved = !last_ || last_->sequence != head->sequence || last_->hash != head->hash ||
                     last_->count != head->count;
  if (!moved && !force) return {};
  if (!key_) {
    core::Result<AuditKey> key = AuditKey::LoadOrCreate(options_.paths.key);
    if (!key) return tl::unexpected(key.error());
    key_ = *key;
  }
  core::Status appended = AppendCheckpoint(options_.paths.checkpoints,
                                           MakeCheckpoint(*head, clock_.NowRfc3339(), *key_));
  if (!appended) return appended;
  last_ = std::move(*head);
  return {};
}

void Checkpointer::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    Report(WriteCheckpoint());
    lock.lock();
  }
}

void Checkpointer::Report(const core::Status& status) const {
  if (!status && options_.on_failure) options_.on_failure(status.error());
}

}  // namespace redress::storage::common
