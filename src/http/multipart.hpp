#pragma once

// A strict, streaming multipart/form-data parser (RFC 7578 over RFC 2046). Bytes are fed as they
// arrive, in chunks of any size; part bodies are handed to a sink as they are found, so memory is
// bounded by the chunk and the delimiter, never by a part's size. Only what browsers and HTTP
// clients send is accepted: the body starts with the first delimiter (no preamble), each part has
// a Content-Disposition of form-data with a name, part headers total at most kMaxPartHeaderBytes,
// and the body ends with the closing delimiter (an epilogue after it is ignored). Anything else
// is kMalformedRequest.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace redress::http {

inline constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;
inline constexpr std::size_t kMaxBoundaryLength = 70;  // RFC 2046 section 5.1.1

struct PartHeader {
  std::string name;                     // the form field's name
  std::optional<std::string> filename;  // set for a file
  std::string content_type;             // as sent; "" when absent
};

// Receives the parts. An error from any call stops the parsing and is Feed's answer.
class MultipartSink {
 public:
  virtual ~MultipartSink() = default;
  virtual core::Status BeginPart(const PartHeader& header) = 0;
  virtual core::Status PartData(std::string_view bytes) = 0;
  virtual core::Status EndPart() = 0;
};

// The boundary of a Content-Type "multipart/form-data; boundary=..." (quoted or not);
// the refusal kUnsupportedMediaType for another type, kMalformedRequest for a missing or invalid
// boundary (http/problem.hpp).
core::Result<std::string> MultipartBoundary(std::string_view content_type);

class MultipartParser {
 public:
  MultipartParser(std::string_view boundary, MultipartSink& sink);

  // Parses the next bytes of the body.
  core::Status Feed(std::string_view bytes);
  // The body ended: kMalformedRequest unless the closing delimiter was read.
  core::Status Finish() const;

 private:
  enum class State { kStart, kAfterDelimiter, kHeaders, kBody, kDone };
  core::Status Step(bool& progressed);
  core::Status ParseHeaders(std::string_view block);

  std::string first_delimiter_;  // "--boundary"
  std::string delimiter_;        // "\r\n--boundary"
  MultipartSink& sink_;
  State state_ = State::kStart;
  std::string pending_;  // bytes received and not yet consumed
};

}  // namespace redress::http
