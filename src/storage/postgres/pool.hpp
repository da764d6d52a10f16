#pragma once

// A pool of connections to one database, shared by the threads of a store. A unit of work takes
// a connection for its whole transaction and gives it back; at most `max_connections` are open
// at once, and a caller waits for one when all are taken. A connection found broken when given
// back is closed, and a new one is opened when next needed, so a server restart costs the units
// of work that were running, not the store.

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

// Enough for the HTTP server's handler threads; well under PostgreSQL's default max_connections
// (100), so that two instances and the tools fit beside each other.
inline constexpr std::size_t kDefaultMaxConnections = 16;

class ConnectionPool {
 public:
  ConnectionPool(std::string url, std::size_t max_connections);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A connection taken from the pool, given back when it goes out of scope.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // An idle connection, or a new one while fewer than max_connections are open; otherwise waits.
  // kStorage when a new connection cannot be made.
  Result<Lease> Acquire();

  const std::string& url() const { return url_; }

 private:
  void Release(std::unique_ptr<Connection> connection);

  const std::string url_;
  const std::size_t max_connections_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  std::size_t open_ = 0;                           // guarded by mutex_; idle and leased
};

}  // namespace redress::storage::postgres
