#include "http/server.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <csignal>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/problem.hpp"

namespace redress::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr std::string_view kServerName = "redress";
// After answering a request the server will not read (too large, malformed), it keeps reading and
// discarding for a while before closing: closing with unread data makes the kernel send a reset,
// which can destroy the answer before the client reads it.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::size_t kMaxLingerBytes = 16 * kMaxRequestBodyBytes;
constexpr std::size_t kDrainChunkBytes = 16 * 1024;
// What a streamed request's body is read in: the most of it held in memory at once.
constexpr std::size_t kStreamChunkBytes = 64 * 1024;
// "No limit" for Beast's parser. Not boost::none: Beast 1.74 compares a Content-Length with an
// empty optional limit as over it.
constexpr std::uint64_t kNoBodyLimit = std::numeric_limits<std::uint64_t>::max();
// A failed accept (e.g. out of file descriptors) is retried after a pause rather than at once.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
// File descriptors kept for everything but connections: the database and its readers' files, the
// listening socket, the log, the web application's files being read, a refused connection's own.
constexpr rlim_t kReservedDescriptors = 64;

// The connections the process can hold open: max_connections, or fewer when the open-file limit
// (raised to its hard limit if that helps) would run out first, so that the cap, and not a failing
// accept() or SQLite's open(), is what a flood of connections meets.
int ConnectionsAllowed(int max_connections) {
  const int wanted_connections = std::max(1, max_connections);
  const rlim_t wanted = static_cast<rlim_t>(wanted_connections) + kReservedDescriptors;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY ||
      limit.rlim_cur >= wanted) {
    return wanted_connections;
  }
  rlimit raised = limit;
  raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
  if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  if (limit.rlim_cur >= wanted) return wanted_connections;
  return limit.rlim_cur > kReservedDescriptors + 1
             ? static_cast<int>(limit.rlim_cur - kReservedDescriptors)
             : 1;
}

// Boost 1.74's Beast speaks boost::string_view; the rest of the code std::string_view.
std::string_view ToStd(beast::string_view text) { return {text.data(), text.size()}; }
beast::string_view ToBeast(std::string_view text) { return {text.data(), text.size()}; }

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// Errors that only mean the peer went away or a timer or shutdown ended the wait.
bool IsDisconnect(const beast::error_code& error) {
  return error == bhttp::error::end_of_stream || error == asio::error::eof ||
         error == asio::error::operation_aborted || error == beast::error::timeout ||
         error == asio::error::connection_reset || error == asio::error::broken_pipe ||
         error == bhttp::error::partial_message;
}

Request ToRequest(bhttp::request<bhttp::string_body>&& message) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    // Repeated fields are one comma-separated list (RFC 9110 section 5.3).
    auto [entry, inserted] =
        request.headers.emplace(Lower(ToStd(field.name_string())), std::string(field.value()));
    if (!inserted) {
      entry->second += ", ";
      entry->second += ToStd(field.value());
    }
  }
  request.body = std::move(message.body());
  return request;
}

}  // namespace

// Lives as long as the Server; every session and handler is done when Run returns, so they refer
// to it by plain pointer.
class Server::Impl {
 public:
  Impl(ServerOptions options, Application& application)
      : options_(std::move(options)),
        application_(application),
        strand_(asio::make_strand(io_context_)),
        acceptor_(strand_),
        signals_(strand_),
        accept_retry_(strand_),
        handler_pool_(static_cast<std::size_t>(std::max(1, options_.handler_threads))) {}

  core::Result<std::uint16_t> Listen();
  core::Status Run();
  void Stop();

  const ServerOptions& options() const { return options_; }
  Application& application() { return application_; }
  bool stopping() const { return stopping_.load(); }
  asio::thread_pool& handler_pool() { return handler_pool_; }

  class Session;
  void Register(Session* session, const std::shared_ptr<Session>& shared);
  void Unregister(Session* session);

 private:
  void Accept();
  void OnAccept(beast::error_code error, tcp::socket socket);
  // Answers a connection beyond max_connections 503 and closes it, without reading a request.
  void RefuseConnection(tcp::socket socket);
  void StopOnStrand();

  ServerOptions options_;
  Application& application_;
  asio::io_context io_context_;
  // Accepting, signals and stopping happen on this strand, one at a time.
  asio::strand<asio::io_context::executor_type> strand_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer accept_retry_;
  std::atomic<bool> stopping_{false};
  // Runs the handlers, which block; see server.hpp.
  asio::thread_pool handler_pool_;

  std::mutex sessions_mutex_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;  // guarded by sessions_mutex_
  // Whether the last connection accepted was refused: the log says when refusing starts, not once
  // per connection of a flood. Used on strand_ only.
  bool refusing_ = false;
  int connections_allowed_ = 1;  // set by Listen (ConnectionsAllowed)
};

// One connection: reads a request, answers it, and again while the connection is kept alive.
// Every step runs on the connection's strand.
class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Impl* server) : stream_(std::move(socket)), server_(server) {}

  ~Session() { server_->Unregister(this); }

  void Start() {
    server_->Register(this, shared_from_this());
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  // Closes the connection if it is waiting for a request; one being read or answered finishes
  // first (the answer then closes the connection, since the server is stopping).
  void Shutdown() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->phase_ == Phase::kWaiting) self->stream_.cancel();
    });
  }

 private:
  enum class Phase { kWaiting, kReading, kAnswering, kClosing };

  void ReadHeader() {
    if (server_->stopping()) return Close();
    phase_ = Phase::kWaiting;
    stream_start_.reset();
    version_ = 0;
    parser_.emplace();
    parser_->header_limit(server_->options().header_limit);
    // No body limit while the headers are read: Beast would refuse a Content-Length over it there
    // and then, before the route is known, and streamed routes (uploads) have their own limits.
    // OnHeader applies body_limit to every other request.
    parser_->body_limit(kNoBodyLimit);
    stream_.expires_after(server_->options().idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code error, std::size_t) {
    if (error) return OnReadError(error);
    phase_ = Phase::kReading;
    const auto& header = parser_->get();
    if (server_->application().IsStreamed(ToStd(header.method_string()), ToStd(header.target()))) {
      return BeginStreamed();
    }
    const auto length = parser_->content_length();
    if (length && *length > server_->options().body_limit) return RefuseTooLarge();
    parser_->body_limit(server_->options().body_limit);  // a chunked body is held to it as it comes
    stream_.expires_after(server_->options().request_timeout);
    if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
      continue_ = bhttp::response<bhttp::empty_body>{bhttp::status::continue_, header.version()};
      bhttp::async_write(stream_, continue_,
                         [self = shared_from_this()](beast::error_code write_error, std::size_t) {
                           if (write_error) return self->Close();
                           self->ReadBody();
                         });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code error, std::size_t) {
    if (error) return OnReadError(error);
    phase_ = Phase::kAnswering;
    stream_.expires_never();
    const Connection connection =
        parser_->get().keep_alive() ? Connection::kKeepAlive : Connection::kClose;
    // The handler may block, so it runs on the handler pool. The work guard keeps the io threads
    // running (and so Run from returning during shutdown) until the answer is back on this
    // connection's strand.
    Request request = ToRequest(parser_->release());
    beast::error_code ignored;
    request.client_address = stream_.socket().remote_endpoint(ignored).address().to_string();
    asio::post(server_->handler_pool(),
               [self = shared_from_this(), request = std::move(request), connection,
                work = asio::make_work_guard(stream_.get_executor())]() mutable {
                 Response response = self->server_->application().Handle(std::move(request));
                 asio::post(self->stream_.get_executor(),
                            [self, response = std::move(response), connection]() mutable {
                              self->Write(std::move(response), connection);
                            });
               });
  }

  // A streamed route (uploads): body_limit does not apply; the route's receiver is started once
  // the request is authenticated and allowed (on a handler thread: that reads the store), then
  // fed the body a chunk at a time as it arrives, so memory holds one chunk, never the body.
  void BeginStreamed() {
    stream_.expires_never();
    Request request = ToRequest(bhttp::request<bhttp::string_body>(parser_->get().base()));
    beast::error_code ignored;
    request.client_address = stream_.socket().remote_endpoint(ignored).address().to_string();
    asio::post(server_->handler_pool(),
               [self = shared_from_this(), request = std::move(request),
                work = asio::make_work_guard(stream_.get_executor())]() mutable {
                 auto start = std::make_shared<Application::StreamStart>(
                     self->server_->application().BeginStreamed(request));
                 asio::post(self->stream_.get_executor(),
                            [self, start, request = std::move(request)]() mutable {
                              self->OnStreamStarted(std::move(request), std::move(start));
                            });
               });
  }

  void OnStreamStarted(Request request, std::shared_ptr<Application::StreamStart> start) {
    if (start->answer) {
      // Refused before its body: answer, then drain what the client sends meanwhile.
      phase_ = Phase::kAnswering;
      return Write(std::move(*start->answer), Connection::kLingeringClose);
    }
    streamed_request_ = std::move(request);
    stream_start_ = std::move(start);
    version_ = parser_->get().version();
    keep_alive_ = parser_->get().keep_alive();
    upload_parser_.emplace(std::move(*parser_));
    parser_.reset();
    upload_parser_->body_limit(kNoBodyLimit);
    stream_.expires_after(server_->options().request_timeout);
    if (beast::iequals(upload_parser_->get()[bhttp::field::expect], "100-continue")) {
      continue_ = bhttp::response<bhttp::empty_body>{bhttp::status::continue_, version_};
      bhttp::async_write(stream_, continue_,
                         [self = shared_from_this()](beast::error_code write_error, std::size_t) {
                           if (write_error) return self->EndStream();
                           self->ReadChunk();
                         });
      return;
    }
    ReadChunk();
  }

  void ReadChunk() {
    auto& body = upload_parser_->get().body();
    body.data = chunk_.data();
    body.size = chunk_.size();
    bhttp::async_read(stream_, buffer_, *upload_parser_,
                      beast::bind_front_handler(&Session::OnChunk, shared_from_this()));
  }

  void OnChunk(beast::error_code error, std::size_t) {
    if (error == bhttp::error::need_buffer) error = {};
    if (error) {
      // An interrupted upload: the receiver is dropped, which undoes what it wrote.
      if (IsDisconnect(error)) return EndStream();
      stream_start_->body.reset();
      return Refuse(RequestError(RequestRefusal::kMalformedRequest,
                                 "the request is not valid HTTP/1.1: " + error.message()));
    }
    const std::size_t received = chunk_.size() - upload_parser_->get().body().size;
    if (received > 0) {
      if (auto fed = stream_start_->body->Feed({chunk_.data(), received}); !fed) {
        stream_start_->body.reset();
        return Refuse(fed.error());
      }
    }
    if (!upload_parser_->is_done()) {
      stream_.expires_after(server_->options().request_timeout);
      return ReadChunk();
    }
    phase_ = Phase::kAnswering;
    stream_.expires_never();
    const Connection connection = keep_alive_ ? Connection::kKeepAlive : Connection::kClose;
    asio::post(server_->handler_pool(),
               [self = shared_from_this(), connection,
                work = asio::make_work_guard(stream_.get_executor())]() mutable {
                 Response response = self->server_->application().FinishStreamed(
                     self->streamed_request_, *self->stream_start_, *self->stream_start_->body);
                 self->stream_start_->body.reset();
                 asio::post(self->stream_.get_executor(),
                            [self, response = std::move(response), connection]() mutable {
                              self->upload_parser_.reset();
                              self->Write(std::move(response), connection);
                            });
               });
  }

  void EndStream() {
    if (stream_start_) stream_start_->body.reset();
    Close();
  }

  void OnReadError(const beast::error_code& error) {
    if (error == bhttp::error::body_limit) return RefuseTooLarge();
    if (IsDisconnect(error)) return Close();
    // Anything else is a request that does not parse as HTTP/1.1.
    const std::string message = error == bhttp::error::header_limit
                                    ? "the request's headers are larger than " +
                                          std::to_string(server_->options().header_limit) + " bytes"
                                    : "the request is not valid HTTP/1.1: " + error.message();
    Refuse(RequestError(RequestRefusal::kMalformedRequest, message));
  }

  void RefuseTooLarge() {
    Refuse(RequestError(RequestRefusal::kPayloadTooLarge,
                        "the request body is larger than " +
                            std::to_string(server_->options().body_limit) + " bytes",
                        "at most " + std::to_string(server_->options().body_limit) + " bytes"));
  }

  // Answers a request that will not be read to its end, then closes the connection.
  void Refuse(const core::Error& error) {
    phase_ = Phase::kAnswering;
    // What the parser got before it stopped: the request line and headers read so far.
    Request partial;
    if (!parser_ && stream_start_) {
      partial.method = streamed_request_.method;
      partial.target = streamed_request_.target;
      partial.headers = streamed_request_.headers;
    }
    if (parser_) {
      const auto& header = parser_->get();
      partial.method = std::string(header.method_string());
      partial.target = std::string(header.target());
      if (auto id = header.find("x-request-id"); id != header.end()) {
        partial.headers.emplace("x-request-id", std::string(id->value()));
      }
    }
    Write(server_->application().Refuse(std::move(partial), error), Connection::kLingeringClose);
  }

  enum class Connection { kKeepAlive, kClose, kLingeringClose };

  void Write(Response response, Connection connection) {
    if (connection == Connection::kKeepAlive && server_->stopping()) {
      connection = Connection::kClose;
    }
    constexpr unsigned kHttp11 = 11;
    const unsigned version = parser_ && parser_->get().version() != 0 ? parser_->get().version()
                             : !parser_ && version_ != 0              ? version_
                                                                      : kHttp11;
    response_ =
        bhttp::response<bhttp::string_body>{static_cast<bhttp::status>(response.status), version};
    response_.set(bhttp::field::server, ToBeast(kServerName));
    response_.set(bhttp::field::content_type, ToBeast(response.content_type));
    for (const auto& [name, value] : response.headers) {
      response_.insert(ToBeast(name), ToBeast(value));
    }
    response_.body() = std::move(response.body);
    response_.keep_alive(connection == Connection::kKeepAlive);
    response_.prepare_payload();
    stream_.expires_after(server_->options().request_timeout);
    bhttp::async_write(
        stream_, response_,
        [self = shared_from_this(), connection](beast::error_code error, std::size_t) {
          if (error) return self->Close();
          switch (connection) {
            case Connection::kKeepAlive:
              return self->ReadHeader();
            case Connection::kClose:
              return self->Close();
            case Connection::kLingeringClose:
              return self->LingeringClose();
          }
        });
  }

  void Close() {
    phase_ = Phase::kClosing;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  void LingeringClose() {
    phase_ = Phase::kClosing;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    lingered_bytes_ = 0;
    stream_.expires_after(kLingerTimeout);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(
        asio::buffer(drain_buffer_),
        [self = shared_from_this()](beast::error_code error, std::size_t bytes) {
          self->lingered_bytes_ += bytes;
          if (error || self->lingered_bytes_ > kMaxLingerBytes) return self->stream_.close();
          self->Drain();
        });
  }

  beast::tcp_stream stream_;
  Impl* server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  // A streamed request's: its parser (after the header), the chunk it reads into, the request
  // as routed and the receiver.
  std::optional<bhttp::request_parser<bhttp::buffer_body>> upload_parser_;
  std::array<char, kStreamChunkBytes> chunk_{};
  Request streamed_request_;
  std::shared_ptr<Application::StreamStart> stream_start_;
  unsigned version_ = 0;
  bool keep_alive_ = false;
  bhttp::response<bhttp::empty_body> continue_;
  bhttp::response<bhttp::string_body> response_;
  std::array<char, kDrainChunkBytes> drain_buffer_{};
  std::size_t lingered_bytes_ = 0;
  Phase phase_ = Phase::kWaiting;
};

void Server::Impl::Register(Session* session, const std::shared_ptr<Session>& shared) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.emplace(session, shared);
}

void Server::Impl::Unregister(Session* session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(session);
}

core::Result<std::uint16_t> Server::Impl::Listen() {
  beast::error_code error;
  tcp::resolver resolver(io_context_);
  auto endpoints = resolver.resolve(options_.host, std::to_string(options_.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, error);
  if (error || endpoints.empty()) {
    return core::FailField("host", "cannot resolve '" + options_.host + "': " + error.message());
  }
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  const auto fail = [&](std::string_view step) {
    const core::ErrorCode code = error == asio::error::address_in_use
                                     ? core::ErrorCode::kConflict
                                     : core::ErrorCode::kUnavailable;
    return core::Fail(code, "cannot " + std::string(step) + " " + options_.host + ":" +
                                std::to_string(options_.port) + ": " + error.message());
  };
  acceptor_.open(endpoint.protocol(), error);
  if (error) return fail("open a socket for");
  acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  if (error) return fail("configure");
  acceptor_.bind(endpoint, error);
  if (error) return fail("listen on");
  acceptor_.listen(asio::socket_base::max_listen_connections, error);
  if (error) return fail("listen on");
  connections_allowed_ = ConnectionsAllowed(options_.max_connections);
  if (connections_allowed_ < options_.max_connections) {
    application_.LogError("", "at most " + std::to_string(connections_allowed_) +
                                  " connections, not " + std::to_string(options_.max_connections) +
                                  ": the open-file limit (ulimit -n) leaves room for no more");
  }
  return acceptor_.local_endpoint().port();
}

void Server::Impl::Accept() {
  acceptor_.async_accept(asio::make_strand(io_context_),
                         beast::bind_front_handler(&Impl::OnAccept, this));
}

void Server::Impl::OnAccept(beast::error_code error, tcp::socket socket) {
  if (stopping() || !acceptor_.is_open()) return;
  if (error) {
    application_.LogError("", "accepting a connection failed: " + error.message());
    accept_retry_.expires_after(kAcceptRetryDelay);
    accept_retry_.async_wait([this](beast::error_code wait_error) {
      if (!wait_error) Accept();
    });
    return;
  }
  std::size_t open = 0;
  {
    std::lock_guard lock(sessions_mutex_);
    open = sessions_.size();
  }
  if (open >= static_cast<std::size_t>(connections_allowed_)) {
    if (!refusing_) {
      application_.LogError(
          "", "refusing connections: " + std::to_string(open) + " are open, the most allowed");
    }
    refusing_ = true;
    RefuseConnection(std::move(socket));
    return Accept();
  }
  refusing_ = false;
  beast::error_code ignored;
  // Answers are small and written whole: send them without waiting to coalesce.
  socket.set_option(tcp::no_delay(true), ignored);
  std::make_shared<Session>(std::move(socket), this)->Start();
  Accept();
}

void Server::Impl::RefuseConnection(tcp::socket socket) {
  // Written at once and without waiting: the socket is non-blocking and the answer fits in its
  // fresh send buffer; if it does not, the client sees the connection closed, which is as quick.
  beast::error_code ignored;
  socket.non_blocking(true, ignored);
  const core::Error busy{core::ErrorCode::kBusy,
                         "the server has " + std::to_string(connections_allowed_) +
                             " connections open, the most it allows; try again shortly",
                         {},
                         kBusyRetryAfter.count()};
  const Response problem = ProblemResponse(busy, "");
  constexpr unsigned kHttp11 = 11;
  bhttp::response<bhttp::string_body> response{static_cast<bhttp::status>(problem.status), kHttp11};
  response.set(bhttp::field::server, ToBeast(kServerName));
  response.set(bhttp::field::content_type, ToBeast(problem.content_type));
  for (const auto& [name, value] : problem.headers) response.insert(ToBeast(name), ToBeast(value));
  response.body() = problem.body;
  response.keep_alive(false);
  response.prepare_payload();
  // Read what the client already sent, so that closing does not reset the connection before the
  // answer is read (unread data makes the kernel send a reset).
  std::array<char, kDrainChunkBytes> discard{};
  socket.read_some(asio::buffer(discard), ignored);
  bhttp::write(socket, response, ignored);
  socket.shutdown(tcp::socket::shutdown_send, ignored);
  socket.close(ignored);
}

void Server::Impl::Stop() {
  asio::dispatch(strand_, [this] { StopOnStrand(); });
}

void Server::Impl::StopOnStrand() {
  if (stopping_.exchange(true)) return;
  beast::error_code ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);
  accept_retry_.cancel();
  std::vector<std::weak_ptr<Session>> sessions;
  {
    std::lock_guard lock(sessions_mutex_);
    for (const auto& [key, session] : sessions_) sessions.push_back(session);
  }
  for (const std::weak_ptr<Session>& weak : sessions) {
    if (auto session = weak.lock()) session->Shutdown();
  }
}

core::Status Server::Impl::Run() {
  if (options_.signals == SignalHandling::kStopOnSignal) {
    signals_.add(SIGTERM);
    signals_.add(SIGINT);
    signals_.async_wait([this](beast::error_code error, int) {
      if (!error) StopOnStrand();
    });
  }
  asio::dispatch(strand_, [this] { Accept(); });

  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const unsigned threads =
      options_.threads > 0 ? static_cast<unsigned>(options_.threads) : hardware;
  // A handler that throws past its own boundary must not end the worker: log it and run on.
  const auto work = [this] {
    while (true) {
      try {
        io_context_.run();
        return;
      } catch (const std::exception& exception) {
        application_.LogError(
            "", std::string("unhandled exception in the server: ") + exception.what());
      } catch (...) {
        application_.LogError("", "unhandled exception of unknown type in the server");
      }
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (unsigned i = 1; i < threads; ++i) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  // Every handler has answered by now (each held a work guard on the io_context).
  handler_pool_.join();
  return {};
}

Server::Server(ServerOptions options, Application& application)
    : impl_(std::make_unique<Impl>(std::move(options), application)) {}

Server::~Server() = default;

core::Result<std::uint16_t> Server::Listen() { return impl_->Listen(); }

core::Status Server::Run() { return impl_->Run(); }

void Server::Stop() { impl_->Stop(); }

}  // namespace redress::http
