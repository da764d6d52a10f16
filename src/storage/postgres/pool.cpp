#include "storage/postgres/pool.hpp"

#include <utility>

namespace redress::storage::postgres {

ConnectionPool::ConnectionPool(std::string url, std::size_t max_connections)
    : url_(std::move(url)), max_connections_(max_connections < 1 ? 1 : max_connections) {}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && connection_) pool_->Release(std::move(connection_));
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
    ++open_;  // reserved before connecting, outside the lock
  }
  Result<std::unique_ptr<Connection>> connection = Connection::Open(url_);
  if (!connection) {
    std::lock_guard lock(mutex_);
    --open_;
    available_.notify_one();
    return Unexpected(connection.error());
  }
  return Lease(this, std::move(*connection));
}

void ConnectionPool::Release(std::unique_ptr<Connection> connection) {
  connection->Rollback();  // a lease given back mid-transaction (an exception) keeps nothing
  std::lock_guard lock(mutex_);
  if (connection->Healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
    connection.reset();
  }
  available_.notify_one();
}

}  // namespace redress::storage::postgres
