#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

#include "http/problem.hpp"

namespace redress::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::string_view kHeaderEnd = "\r\n\r\n";
constexpr std::string_view kCloseMarker = "--";

tl::unexpected<core::Error> Malformed(std::string message) {
  return tl::unexpected(
      RequestError(RequestRefusal::kMalformedRequest, "multipart body: " + std::move(message)));
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The parameters after the first ';' of a header value: name=value or name="quoted\"value".
// nullopt when malformed.
std::optional<std::vector<std::pair<std::string, std::string>>> HeaderParameters(
    std::string_view text) {
  std::vector<std::pair<std::string, std::string>> parameters;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ';')) ++i;
    if (i >= text.size()) break;
    const std::size_t equals = text.find('=', i);
    if (equals == std::string_view::npos) return std::nullopt;
    std::string name = Lower(Trim(text.substr(i, equals - i)));
    i = equals + 1;
    std::string value;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        const char c = text[i++];
        if (c == '\\' && i < text.size()) {
          value += text[i++];
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          value += c;
        }
      }
      if (!closed) return std::nullopt;
    } else {
      const std::size_t end = std::min(text.find(';', i), text.size());
      value = std::string(Trim(text.substr(i, end - i)));
      i = end;
    }
    if (name.empty()) return std::nullopt;
    parameters.emplace_back(std::move(name), std::move(value));
  }
  return parameters;
}

bool IsBoundaryCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

}  // namespace

core::Result<std::string> MultipartBoundary(std::string_view content_type) {
  const std::size_t semicolon = content_type.find(';');
  const std::string type = Lower(Trim(content_type.substr(0, semicolon)));
  if (type != "multipart/form-data") {
    return tl::unexpected(RequestError(RequestRefusal::kUnsupportedMediaType,
                                       "send the files as multipart/form-data",
                                       "send the files as multipart/form-data"));
  }
  if (semicolon == std::string_view::npos) return Malformed("the Content-Type has no boundary");
  auto parameters = HeaderParameters(content_type.substr(semicolon + 1));
  if (!parameters) return Malformed("the Content-Type's parameters do not parse");
  for (const auto& [name, value] : *parameters) {
    if (name != "boundary") continue;
    if (value.empty() || value.size() > kMaxBoundaryLength || value.back() == ' ' ||
        !std::all_of(value.begin(), value.end(), IsBoundaryCharacter)) {
      return Malformed("the boundary is not valid (RFC 2046)");
    }
    return value;
  }
  return Malformed("the Content-Type has no boundary");
}

MultipartParser::MultipartParser(std::string_view boundary, MultipartSink& sink)
    : first_delimiter_("--" + std::string(boundary)),
      delimiter_("\r\n--" + std::string(boundary)),
      sink_(sink) {}

core::Status MultipartParser::Feed(std::string_view bytes) {
  if (state_ == State::kDone) return {};  // the epilogue is ignored
  pending_.append(bytes);
  for (;;) {
    bool progressed = false;
    if (auto stepped = Step(progressed); !stepped) return stepped;
    if (!progressed || state_ == State::kDone) break;
  }
  if (state_ == State::kDone) pending_.clear();
  return {};
}

core::Status MultipartParser::Step(bool& progressed) {
  switch (state_) {
    case State::kStart: {
      if (pending_.size() < first_delimiter_.size()) return {};
      if (pending_.compare(0, first_delimiter_.size(), first_delimiter_) != 0) {
        return Malformed("it does not start with the boundary");
      }
      pending_.erase(0, first_delimiter_.size());
      state_ = State::kAfterDelimiter;
      progressed = true;
      return {};
    }
    case State::kAfterDelimiter: {
      if (pending_.size() < 2) return {};
      if (pending_.compare(0, 2, kCrlf) == 0) {
        state_ = State::kHeaders;
      } else if (pending_.compare(0, 2, kCloseMarker) == 0) {
        state_ = State::kDone;
      } else {
        return Malformed("a boundary is followed by neither CRLF nor --");
      }
      pending_.erase(0, 2);
      progressed = true;
      return {};
    }
    case State::kHeaders: {
      const std::size_t end = pending_.find(kHeaderEnd);
      if (end == std::string::npos) {
        // Once no end can be within the bound, refuse at once rather than buffer more.
        if (pending_.size() >= kMaxPartHeaderBytes + kHeaderEnd.size()) {
          return Malformed("a part's headers are too long");
        }
        return {};
      }
      if (end > kMaxPartHeaderBytes) return Malformed("a part's headers are too long");
      if (auto parsed = ParseHeaders(std::string_view(pending_).substr(0, end)); !parsed) {
        return parsed;
      }
      pending_.erase(0, end + kHeaderEnd.size());
      state_ = State::kBody;
      progressed = true;
      return {};
    }
    case State::kBody: {
      const std::size_t found = pending_.find(delimiter_);
      if (found != std::string::npos) {
        if (found > 0) {
          if (auto data = sink_.PartData(std::string_view(pending_).substr(0, found)); !data) {
            return data;
          }
        }
        if (auto ended = sink_.EndPart(); !ended) return ended;
        pending_.erase(0, found + delimiter_.size());
        state_ = State::kAfterDelimiter;
        progressed = true;
        return {};
      }
      // Everything but what could be the start of a delimiter split across chunks.
      const std::size_t keep = delimiter_.size() - 1;
      if (pending_.size() > keep) {
        const std::size_t ready = pending_.size() - keep;
        if (auto data = sink_.PartData(std::string_view(pending_).substr(0, ready)); !data) {
          return data;
        }
        pending_.erase(0, ready);
      }
      return {};
    }
    case State::kDone:
      return {};
  }
  return {};
}

core::Status MultipartParser::ParseHeaders(std::string_view block) {
  PartHeader header;
  bool disposition_seen = false;
  std::size_t start = 0;
  while (start <= block.size()) {
    std::size_t end = block.find(kCrlf, start);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view line = block.substr(start, end - start);
    start = end + kCrlf.size();
    if (line.empty()) {
      if (end == block.size()) break;
      return Malformed("an empty line among a part's headers");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
      return Malformed("a part header has no name");
    const std::string name = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      if (disposition_seen) return Malformed("a part has two Content-Dispositions");
      disposition_seen = true;
      const std::size_t semicolon = value.find(';');
      if (Lower(Trim(value.substr(0, semicolon))) != "form-data") {
        return Malformed("a part's Content-Disposition is not form-data");
      }
      auto parameters =
          semicolon == std::string_view::npos
              ? std::optional<std::vector<std::pair<std::string, std::string>>>(std::in_place)
              : HeaderParameters(value.substr(semicolon + 1));
      if (!parameters) return Malformed("a part's Content-Disposition does not parse");
      bool named = false;
      for (auto& [parameter, text] : *parameters) {
        if (parameter == "name") {
          header.name = std::move(text);
          named = true;
        } else if (parameter == "filename") {
          header.filename = std::move(text);
        }
      }
      if (!named || header.name.empty()) return Malformed("a part has no name");
    } else if (name == "content-type") {
      header.content_type = std::string(value);
    }
    if (end == block.size()) break;
  }
  if (!disposition_seen) return Malformed("a part has no Content-Disposition");
  return sink_.BeginPart(header);
}

core::Status MultipartParser::Finish() const {
  if (state_ != State::kDone) return Malformed("it ended before the closing boundary");
  return {};
}

}  // namespace redress::http
