#pragma once

// Routes a request to its handler by method and path pattern, and decodes what the URL carries.
//
// A pattern is a path whose segments are literals or {name} placeholders:
// "/api/v1/complaints/{reference}/acknowledge". A placeholder matches one whole, non-empty
// segment; its percent-decoded value becomes a path parameter. The pattern is also the route's
// name in logs and metrics, so their label values stay few whatever paths clients send.

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/permissions.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

using Handler = std::function<Response(const Request&)>;

// The receiver of a request body read as a stream (uploads): the server feeds it the body as it
// arrives, in chunks, instead of reading the body whole into Request::body, and the route's
// body_limit does not apply: the receiver enforces its own limits while the bytes arrive.
class StreamedBody {
 public:
  virtual ~StreamedBody() = default;
  // The next bytes of the body. An error stops the reading: it is the answer, and the receiver
  // is destroyed (which must undo whatever it had started).
  virtual core::Status Feed(std::string_view bytes) = 0;
  // The body ended: runs the use case and answers. Runs on a handler thread.
  virtual Response Finish(const Request& request) = 0;
};

// Starts the receiver of a streamed route's body, once the request is routed, authenticated and
// allowed (Request::body is empty); an error is the answer, before any of the body is read.
using StreamedHandler = std::function<core::Result<std::unique_ptr<StreamedBody>>(const Request&)>;

struct Route {
  std::string method;   // "GET", "POST", ...
  std::string pattern;  // "/api/v1/complaints/{reference}"
  Access access = Access::kAuthenticated;
  // What the actor's role must allow (core/permissions.hpp); checked right after authentication,
  // so a handler runs only for an allowed actor. Unset on public routes.
  std::optional<core::Permission> permission;
  Handler handler;
  // Set for a route whose body is read as a stream (then `handler` is unused).
  StreamedHandler streamed = nullptr;
};

// What a lookup found.
enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };

struct RouteMatch {
  MatchKind kind = MatchKind::kNotFound;
  const Route* route = nullptr;              // kFound only
  Parameters path_params;                    // kFound only
  std::vector<std::string> allowed_methods;  // kMethodNotAllowed only: for the Allow header
};

class Router {
 public:
  // Adds a route. Precondition: the pattern is well formed (starts with '/', placeholders are
  // whole segments) and no route with the same method and pattern exists.
  void Add(Route route);

  // The route for `method` and the raw (still percent-encoded) path. A path that matches some
  // pattern under other methods only is kMethodNotAllowed; a segment whose percent-encoding is
  // invalid matches no placeholder.
  RouteMatch Find(std::string_view method, std::string_view raw_path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    std::string text;  // the literal, or the placeholder's name
    bool placeholder = false;
  };
  // Whether `segments` (raw) match the route's pattern; fills `params` when they do.
  bool Matches(std::size_t route_index, std::span<const std::string_view> segments,
               Parameters& params) const;

  std::vector<Route> routes_;
  std::vector<std::vector<Segment>> patterns_;  // parallel to routes_
};

// Decodes %XX escapes; with PlusMeansSpace::kYes (query components) '+' also stands for a space.
// Fails (nullopt) on a '%' not followed by two hex digits.
enum class PlusMeansSpace { kNo, kYes };
std::optional<std::string> PercentDecode(std::string_view text, PlusMeansSpace plus);

// The path and the query of a request target ("/a/b?x=1" → "/a/b", "x=1").
struct TargetParts {
  std::string_view path;
  std::string_view query;
};
TargetParts SplitTarget(std::string_view target);

// Parses "a=1&b=x%20y" into decoded name/value pairs. A name without '=' has the value "". Fails
// as a malformed request (RequestRefusal) naming the parameter on invalid percent-encoding or a
// repeated name (filters take one value each).
core::Result<Parameters> ParseQuery(std::string_view query);

}  // namespace redress::http
