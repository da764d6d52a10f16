#pragma once

// The request pipeline between the socket and the handlers, free of any transport so it can be
// tested without one: request id, routing (404, 405), query decoding, authentication (401),
// permission (403), the handler, and then metrics and one JSON log line per request. Nothing
// escapes it: an exception from a handler is logged and answered 500.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "app/ports.hpp"
#include "http/auth.hpp"
#include "http/http_types.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/web_app.hpp"

namespace redress::http {

// Where log lines go: one JSON object per call, without the newline. Called from several threads.
using LogSink = std::function<void(std::string_view line)>;

// Writes each line to standard output followed by a newline, flushed, whole lines never mixed.
LogSink StdoutLogSink();

// The same, appended to the file at `path` (created when missing), so that a terminal shows only
// what its user needs (`make demo`). kInvalidInput (field "log-file") when it cannot be opened.
core::Result<LogSink> FileLogSink(const std::filesystem::path& path);

// The route name in logs and metrics of a request no route matched.
inline constexpr std::string_view kUnmatchedRoute = "unmatched";
// The route name of a file of the web application.
inline constexpr std::string_view kWebAppRoute = "web_app";

// Whether the server is reached over TLS (terminated by a proxy in front of it): then every answer
// tells browsers to use https only (Strict-Transport-Security).
enum class TransportSecurity { kPlainHttp, kBehindTls };

inline constexpr std::string_view kStrictTransportSecurity = "max-age=31536000";

// Every answer but a web application's file may carry personal data (cases, names, the log of a
// problem), so it is not stored by browsers or proxies (Cache-Control: no-store) nor sniffed as
// another type (X-Content-Type-Options: nosniff); the web application's files keep their own
// caching. A 5xx answer's log line names its cause (the problem's detail).
class Application {
 public:
  // `web_app`, when given, answers the GETs no route matches (the staff web application); it
  // must outlive the application.
  Application(Router router, const Authenticator& authenticator, Metrics& metrics,
              const app::Clock& clock, LogSink log, const WebApp* web_app = nullptr,
              TransportSecurity transport = TransportSecurity::kPlainHttp);

  // Answers one request. `request` carries method, target, headers (lower-case names) and body
  // as received; everything else is filled in here. Never throws.
  Response Handle(Request request) noexcept;

  // Answers a request the transport refused before it could be routed (too large, unparseable):
  // the problem for `error`, with the same request id, log line and metrics as any other answer.
  // `request` holds what could be read of it. Never throws.
  Response Refuse(Request request, const core::Error& error) noexcept;

  // Whether the route of `method` and `target` reads its body as a stream (Route::streamed).
  bool IsStreamed(std::string_view method, std::string_view target) const;

  // What starting a streamed request gave: the answer when it is refused before its body is read
  // (unknown route, 401, 403, the receiver's refusal; logged like any answer), or the receiver.
  struct StreamStart {
    std::optional<Response> answer;
    std::unique_ptr<StreamedBody> body;
    std::string_view route_name;
  };
  // Routes, authenticates and authorises `request` (headers only) as Handle does, then starts its
  // route's receiver. Never throws.
  StreamStart BeginStreamed(Request& request) noexcept;
  // The body was read whole into `body`: its answer, with the request id, log line and metrics
  // of any other. Never throws.
  Response FinishStreamed(Request& request, const StreamStart& start, StreamedBody& body) noexcept;

  const Router& router() const { return router_; }

  // Logs a failure outside any request (the server's accept loop) as one JSON line.
  void LogError(std::string_view request_id, std::string_view message) noexcept;

 private:
  // Routes, authenticates, authorises and runs the handler; sets `route_name` to the route's
  // pattern once one matched.
  Response Dispatch(Request& request, std::string_view& route_name);
  // Dispatch up to the handler: the answer when the request goes no further, else its route.
  std::variant<Response, const Route*> Admit(Request& request, std::string_view& route_name);

  // Runs `answer` for the request with the request id set, turning any exception into a 500,
  // then adds the X-Request-Id header, records the metrics and logs the line.
  template <typename Answer>
  Response Answered(Request& request, Answer&& answer) noexcept;

  void LogRequest(const Request& request, std::string_view route_name, const Response& response,
                  std::chrono::steady_clock::duration elapsed) noexcept;

  Router router_;
  const Authenticator& authenticator_;
  Metrics& metrics_;
  const app::Clock& clock_;
  LogSink log_;
  const WebApp* web_app_;
  TransportSecurity transport_;
};

// The request's X-Request-Id when it is sane (1 to 128 characters of [A-Za-z0-9._:-]), so it can
// be echoed and logged safely; otherwise a new random id.
std::string RequestIdFor(std::string_view incoming);

}  // namespace redress::http
