#pragma once

// The HTTP/1.1 server: Boost.Beast over Asio, one io_context run by a pool of worker threads.
//
// Connections are kept alive between requests. A request's headers are limited (header_limit)
// and so is its body (body_limit: 413 before the body is read when Content-Length says so, or as
// soon as a chunked body passes it). A keep-alive connection idle for idle_timeout is closed, and
// so is one whose request's headers have not all arrived by then (a client sending a byte at a
// time holds a connection no longer than an idle one); the rest of a request must arrive, and its
// answer be taken, within request_timeout.
//
// At most max_connections are open at once: idle clients must not be able to hold every file
// descriptor and thread's attention while others wait. A connection beyond the cap is accepted
// and at once answered 503 with Retry-After and closed, so the client learns within a round trip,
// rather than waiting in the listen backlog until its own timeout. Listen lowers the cap to what
// the open-file limit leaves room for (raising that limit to its hard maximum first, and logging
// when it still falls short), so a flood meets the cap rather than a failing accept().
//
// Two pools of threads: the io threads (one per core by default) only accept, parse and write;
// each parsed request is handed to a pool of handler threads, because handlers block (a write
// waits for its group commit, a read for a pooled connection). The handler pool is sized for
// waiting, not for the cores: 32 concurrent POSTs must all reach the store together for their
// writes to share one commit, which a handler per core would never allow. The answer is posted
// back to the connection's strand and written by an io thread.
//
// Shutdown (SIGTERM, SIGINT or Stop()): the server stops accepting, closes idle connections, lets
// every request that is being handled finish and be answered (with Connection: close), and Run()
// returns when the last connection has closed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/application.hpp"

namespace redress::http {

inline constexpr std::size_t kMaxRequestBodyBytes = std::size_t{1024} * 1024;
inline constexpr std::uint32_t kMaxRequestHeaderBytes = 16 * 1024;
// Handler threads by default: more than the concurrent requests the API is built for (32), so
// they all wait on the store at once and share its commits.
inline constexpr int kDefaultHandlerThreads = 64;
// Open connections by default: far more than the staff of a council keep open (a browser opens
// about six), far below the 1,024 file descriptors a process commonly gets.
inline constexpr int kDefaultMaxConnections = 512;
inline constexpr std::chrono::seconds kDefaultIdleTimeout{30};
// What a refused connection's Retry-After says.
inline constexpr std::chrono::seconds kBusyRetryAfter{1};
inline constexpr std::chrono::seconds kDefaultDisposalPoll{60};

// Whether Run() stops on SIGTERM and SIGINT; tests that run a server inside a test process turn
// it off and call Stop().
enum class SignalHandling { kStopOnSignal, kIgnore };

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;                     // 0 = any free port (Listen says which)
  int threads = 0;                               // io threads; 0 = one per hardware thread
  int handler_threads = kDefaultHandlerThreads;  // threads that run the (blocking) handlers; >= 1
  std::size_t body_limit = kMaxRequestBodyBytes;
  std::uint32_t header_limit = kMaxRequestHeaderBytes;
  int max_connections = kDefaultMaxConnections;  // >= 1
  std::chrono::seconds idle_timeout = kDefaultIdleTimeout;
  std::chrono::seconds request_timeout{30};
  // How often Serve's scheduled job looks for approved disposal runs to run
  // (app::ExecuteApprovedDisposalRuns, issue 20).
  std::chrono::seconds disposal_poll{kDefaultDisposalPoll};
  SignalHandling signals = SignalHandling::kStopOnSignal;
};

class Server {
 public:
  // `application` must outlive the server.
  Server(ServerOptions options, Application& application);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the port bound. kInvalidInput (field "host") when the host does
  // not resolve, kConflict when the address is in use, kUnavailable for other socket failures.
  core::Result<std::uint16_t> Listen();

  // Serves until stopped; returns when every connection has closed. Precondition: Listen
  // succeeded. Call once.
  core::Status Run();

  // Starts the graceful shutdown. Safe from any thread, more than once, before or during Run.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redress::http
