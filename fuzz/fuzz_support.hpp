#pragma once

// What the fuzz targets share: the request a handler would see, a fixed "today" so that every run
// of an input takes the same path, and the checks a parser's answer must pass whatever the input.
// A failed check aborts, so libFuzzer records the input as a crash; assert would vanish from a
// build with NDEBUG.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"
#include "http/json_mapping.hpp"
#include "http/problem.hpp"

namespace redress::fuzz {

inline core::Date Today() { return *core::Date::FromYmd(2024, 6, 3); }

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "fuzz invariant failed: %s\n", what);
    std::abort();
  }
}

// The bytes as the body of a JSON request, as the server hands it to a handler.
inline http::Request JsonRequest(std::string_view body) {
  http::Request request;
  request.method = "POST";
  request.target = "/fuzz";
  request.path = "/fuzz";
  request.headers.emplace("content-type", "application/json");
  request.body = std::string(body);
  return request;
}

// A parser may refuse any input, but only as the client's fault (400, 415 or 422), naming the
// offending fields when the error is about fields; and the refusal must render as the problem
// document the client would receive.
inline void CheckRefusal(const core::Error& error) {
  const int status = http::StatusFor(error);
  Check(status == 400 || status == 415 || status == 422, "a refusal is a client error");
  if (error.code == core::ErrorCode::kInvalidInput) {
    Check(!error.fields.empty(), "an invalid input names its fields");
  }
  const http::Response problem = http::ProblemResponse(error, "/fuzz");
  Check(problem.status == status && !problem.body.empty(), "the problem document renders");
}

template <typename T>
void CheckResult(const core::Result<T>& result) {
  if (!result) CheckRefusal(result.error());
}

// The body as the handlers read it: nullopt when ParseJsonBody refuses it (after checking the
// refusal).
inline std::optional<nlohmann::json> ParseBody(std::string_view bytes) {
  core::Result<nlohmann::json> body = http::ParseJsonBody(JsonRequest(bytes));
  if (!body) {
    CheckRefusal(body.error());
    return std::nullopt;
  }
  Check(body->is_object(), "a parsed body is an object");
  return std::move(*body);
}

// Renders a value the way a handler answers it, so the writers meet every value a parser accepts.
inline void Render(const nlohmann::json& value) {
  Check(!http::DumpJson(value).empty(), "a rendered value is not empty");
}

// Removes the members of a rendering that only the server writes.
inline void Strip(nlohmann::json& rendering, std::initializer_list<std::string_view> members) {
  for (std::string_view member : members) rendering.erase(std::string(member));
}

// What a parser accepted, rendered as the API answers it, must be accepted again when a client
// sends that rendering back (less the members only the server writes, which `strip` removes) and
// render the same: a client that edits a record it read loses or changes nothing it did not touch.
template <typename T, typename Parse, typename Write, typename Strip>
void CheckRoundTrip(const T& value, Parse parse, Write write, Strip strip) {
  const nlohmann::json rendered = write(value);
  Render(rendered);
  nlohmann::json sent = rendered;
  strip(sent);
  const core::Result<T> again = parse(sent);
  Check(again.has_value(), "a rendering of an accepted value is accepted");
  Check(write(*again) == rendered, "a rendering of an accepted value reads back the same");
}

}  // namespace redress::fuzz
