#include "http/application.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <variant>

#include "http/json_mapping.hpp"
#include "http/problem.hpp"

namespace redress::http {
namespace {

constexpr std::size_t kMaxRequestIdLength = 128;

bool IsRequestIdCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-';
}

std::string NewRequestId() {
  // Random, not sequential: ids from several instances must not collide. Each thread has its own
  // generator, so no lock is taken.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("{:016x}{:016x}", generator(), generator());
}

Response Problem(const core::Error& error, const Request& request) {
  return ProblemResponse(error, request.path);
}

bool HasHeader(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(), [name](const auto& header) {
    return header.first.size() == name.size() &&
           std::equal(name.begin(), name.end(), header.first.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) ==
                    std::tolower(static_cast<unsigned char>(b));
           });
  });
}

void AddHeaderUnlessSet(Response& response, std::string_view name, std::string_view value) {
  if (!HasHeader(response, name)) response.headers.emplace_back(name, value);
}

// Why a 5xx answer was given, for its log line: the problem's detail.
std::string CauseOf(const Response& response) {
  constexpr int kFirstServerError = 500;
  if (response.status < kFirstServerError || response.content_type != kProblemContentType) {
    return "";
  }
  nlohmann::json problem = nlohmann::json::parse(response.body, nullptr, false);
  if (!problem.is_object() || !problem.contains("detail") || !problem["detail"].is_string()) {
    return "";
  }
  return problem["detail"].get<std::string>();
}

}  // namespace

LogSink StdoutLogSink() {
  return [](std::string_view line) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
  };
}

core::Result<LogSink> FileLogSink(const std::filesystem::path& path) {
  // Shared by every copy of the sink; closed when the last one goes.
  std::shared_ptr<std::FILE> file(std::fopen(path.c_str(), "a"), [](std::FILE* opened) {
    if (opened != nullptr) std::fclose(opened);
  });
  if (!file) {
    return tl::unexpected(core::Error{core::ErrorCode::kInvalidInput,
                                      "log-file: cannot open " + path.string() + " to append",
                                      {{"log-file", "cannot be opened to append"}}});
  }
  auto mutex = std::make_shared<std::mutex>();
  return LogSink([file, mutex](std::string_view line) {
    std::lock_guard lock(*mutex);
    std::fwrite(line.data(), 1, line.size(), file.get());
    std::fputc('\n', file.get());
    std::fflush(file.get());
  });
}

std::string RequestIdFor(std::string_view incoming) {
  const bool sane = !incoming.empty() && incoming.size() <= kMaxRequestIdLength &&
                    std::all_of(incoming.begin(), incoming.end(), IsRequestIdCharacter);
  return sane ? std::string(incoming) : NewRequestId();
}

Application::Application(Router router, const Authenticator& authenticator, Metrics& metrics,
                         const app::Clock& clock, LogSink log, const WebApp* web_app,
                         TransportSecurity transport)
    : router_(std::move(router)),
      authenticator_(authenticator),
      metrics_(metrics),
      clock_(clock),
      log_(std::move(log)),
      web_app_(web_app),
      transport_(transport) {}

template <typename Answer>
Response Application::Answered(Request& request, Answer&& answer) noexcept {
  const auto started = std::chrono::steady_clock::now();
  std::string_view route_name = kUnmatchedRoute;
  Response response;
  try {
    request.request_id = RequestIdFor(request.Header("x-request-id"));
    response = answer(route_name);
  } catch (const std::exception& exception) {
    LogError(request.request_id, std::string("unhandled exception: ") + exception.what());
    response = InternalErrorResponse(request.path);
  } catch (...) {
    LogError(request.request_id, "unhandled exception of unknown type");
    response = InternalErrorResponse(request.path);
  }
  const auto elapsed = std::chrono::steady_clock::now() - started;
  try {
    response.headers.emplace_back("X-Request-Id", request.request_id);
    if (route_name != kWebAppRoute) {
      AddHeaderUnlessSet(response, "Cache-Control", "no-store");
      AddHeaderUnlessSet(response, "X-Content-Type-Options", "nosniff");
    }
    if (transport_ == TransportSecurity::kBehindTls) {
      AddHeaderUnlessSet(response, "Strict-Transport-Security", kStrictTransportSecurity);
    }
    metrics_.Record(route_name, request.method, response.status,
                    std::chrono::duration<double>(elapsed).count());
  } catch (...) {
    // Only allocation can fail here; the answer still goes out.
  }
  LogRequest(request, route_name, response, elapsed);
  return response;
}

Response Application::Handle(Request request) noexcept {
  return Answered(request,
                  [&](std::string_view& route_name) { return Dispatch(request, route_name); });
}

Response Application::Refuse(Request request, const core::Error& error) noexcept {
  return Answered(request, [&](std::string_view&) {
    const TargetParts target = SplitTarget(request.target);
    request.path =
        PercentDecode(target.path, PlusMeansSpace::kNo).value_or(std::string(target.path));
    return ProblemResponse(error, request.path);
  });
}

std::variant<Response, const Route*> Application::Admit(Request& request,
                                                        std::string_view& route_name) {
  const TargetParts target = SplitTarget(request.target);
  request.path = PercentDecode(target.path, PlusMeansSpace::kNo).value_or(std::string(target.path));

  RouteMatch match = router_.Find(request.method, target.path);
  if (match.kind == MatchKind::kNotFound) {
    if (web_app_ != nullptr) {
      if (std::optional<Response> file = web_app_->Answer(request)) {
        route_name = kWebAppRoute;
        return std::move(*file);
      }
    }
    return Problem(core::Error{core::ErrorCode::kNotFound, "no resource at " + request.path, {}},
                   request);
  }
  if (match.kind == MatchKind::kMethodNotAllowed) {
    std::string allow;
    for (const std::string& method : match.allowed_methods) {
      if (!allow.empty()) allow += ", ";
      allow += method;
    }
    Response response = Problem(
        RequestError(RequestRefusal::kMethodNotAllowed,
                     request.method + " is not allowed on " + request.path + "; allowed: " + allow,
                     "allowed: " + allow),
        request);
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  const Route& route = *match.route;
  route_name = route.pattern;
  request.path_params = std::move(match.path_params);

  auto query = ParseQuery(target.query);
  if (!query) return Problem(query.error(), request);
  request.query = std::move(*query);

  if (route.access == Access::kAuthenticated) {
    auto actor = authenticator_.Authenticate(request);
    if (!actor) {
      Response response = Problem(actor.error(), request);
      if (actor.error().code == core::ErrorCode::kUnauthenticated) {
        const bool token_given = !request.Header("authorization").empty();
        response.headers.emplace_back("WWW-Authenticate",
                                      token_given ? R"(Bearer error="invalid_token")" : "Bearer");
      }
      return response;
    }
    request.actor = std::move(*actor);
    if (route.permission && !core::Allows(request.actor->role, *route.permission)) {
      return Problem(
          core::Error{core::ErrorCode::kForbidden,
                      "the role " + std::string(core::ToString(request.actor->role)) +
                          " does not allow " + std::string(core::ToString(*route.permission)),
                      {}},
          request);
    }
  }
  return &route;
}

Response Application::Dispatch(Request& request, std::string_view& route_name) {
  std::variant<Response, const Route*> admitted = Admit(request, route_name);
  if (auto* answer = std::get_if<Response>(&admitted)) return std::move(*answer);
  const Route& route = *std::get<const Route*>(admitted);
  if (!route.streamed) return route.handler(request);
  // A streamed route reached with its body already read (a test, a transport without streaming).
  auto body = route.streamed(request);
  if (!body) return Problem(body.error(), request);
  if (auto fed = (*body)->Feed(request.body); !fed) return Problem(fed.error(), request);
  return (*body)->Finish(request);
}

bool Application::IsStreamed(std::string_view method, std::string_view target) const {
  const RouteMatch match = router_.Find(method, SplitTarget(target).path);
  return match.kind == MatchKind::kFound && match.route->streamed != nullptr;
}

Application::StreamStart Application::BeginStreamed(Request& request) noexcept {
  StreamStart start;
  try {
    request.request_id = RequestIdFor(request.Header("x-request-id"));
    std::string_view route_name = kUnmatchedRoute;
    std::variant<Response, const Route*> admitted = Admit(request, route_name);
    start.route_name = route_name;
    if (auto* route = std::get_if<const Route*>(&admitted)) {
      auto body = (*route)->streamed(request);
      if (body) {
        start.body = std::move(*body);
        return start;
      }
      admitted = Problem(body.error(), request);
    }
    Response refusal = std::move(std::get<Response>(admitted));
    start.answer = Answered(request, [&](std::string_view& name) {
      name = route_name;
      return std::move(refusal);
    });
  } catch (...) {
    start.body.reset();
    start.answer = Answered(request, [&](std::string_view&) -> Response {
      throw std::runtime_error("starting a streamed request failed");
    });
  }
  return start;
}

Response Application::FinishStreamed(Request& request, const StreamStart& start,
                                     StreamedBody& body) noexcept {
  const std::string request_id = request.request_id;
  return Answered(request, [&](std::string_view& name) {
    name = start.route_name;
    request.request_id = request_id;  // the one BeginStreamed gave it
    return body.Finish(request);
  });
}

void Application::LogRequest(const Request& request, std::string_view route_name,
                             const Response& response,
                             std::chrono::steady_clock::duration elapsed) noexcept {
  try {
    // Milliseconds to the microsecond: finer digits are noise.
    constexpr double kMicrosecondsPerMillisecond = 1000.0;
    const double duration_ms =
        static_cast<double>(
            std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()) /
        kMicrosecondsPerMillisecond;
    nlohmann::json line = {
        {"ts", clock_.NowRfc3339()},
        {"request_id", request.request_id},
        {"method", request.method},
        {"route", route_name},
        {"path", request.path},
        {"status", response.status},
        {"duration_ms", duration_ms},
        {"actor", request.actor ? nlohmann::json(request.actor->username) : nlohmann::json()},
    };
    if (std::string cause = CauseOf(response); !cause.empty()) line["cause"] = std::move(cause);
    log_(DumpJson(line));
  } catch (...) {
    // A log line that cannot be written is dropped; the answer matters more.
  }
}

void Application::LogError(std::string_view request_id, std::string_view message) noexcept {
  try {
    nlohmann::json line = {{"ts", clock_.NowRfc3339()},
                           {"level", "error"},
                           {"request_id", request_id},
                           {"message", message}};
    log_(DumpJson(line));
  } catch (...) {
    // As above: logging must not take the server down.
  }
}

}  // namespace redress::http
