#include "portal/upload.hpp"

#include <utility>

#include "core/attachment.hpp"
#include "http/problem.hpp"
#include "http/responses.hpp"

namespace redress::portal {
namespace {

constexpr std::string_view kUrlEncoded = "application/x-www-form-urlencoded";

tl::unexpected<core::Error> TooLarge(std::string message) {
  return tl::unexpected(http::RequestError(http::RequestRefusal::kPayloadTooLarge, message));
}

}  // namespace

FormReceiver::FormReceiver(app::FileStore& files, FormLimits limits, std::string_view content_type,
                           FormHandler finish, std::optional<http::Response> refusal)
    : files_(files), limits_(limits), finish_(std::move(finish)), refusal_(std::move(refusal)) {
  if (refusal_) return;
  if (content_type.substr(0, kUrlEncoded.size()) == kUrlEncoded) {
    mode_ = Mode::kUrlEncoded;
  } else if (auto boundary = http::MultipartBoundary(content_type)) {
    mode_ = Mode::kMultipart;
    parser_ = std::make_unique<http::MultipartParser>(*boundary, *this);
  }
}

core::Status FormReceiver::Feed(std::string_view bytes) {
  body_bytes_ += static_cast<std::int64_t>(bytes.size());
  if (body_bytes_ > limits_.max_body_bytes) {
    return TooLarge("the form is larger than " + std::to_string(limits_.max_body_bytes) + " bytes");
  }
  switch (mode_) {
    case Mode::kMultipart:
      return parser_->Feed(bytes);
    case Mode::kUrlEncoded:
      if (encoded_.size() + bytes.size() > limits_.max_text_bytes) {
        return TooLarge("the form's text is larger than " + std::to_string(limits_.max_text_bytes) +
                        " bytes");
      }
      encoded_.append(bytes);
      return {};
    case Mode::kRefused:
      return {};
  }
  return {};
}

http::Response FormReceiver::Finish(const http::Request& request) {
  if (refusal_) return std::move(*refusal_);
  switch (mode_) {
    case Mode::kMultipart:
      if (auto finished = parser_->Finish(); !finished) {
        return http::Problem(finished.error(), request);
      }
      break;
    case Mode::kUrlEncoded: {
      auto parsed = http::ParseQuery(encoded_);
      if (!parsed) return http::Problem(parsed.error(), request);
      for (auto& [name, value] : *parsed) form_.fields.insert_or_assign(name, std::move(value));
      break;
    }
    case Mode::kRefused:
      return http::Problem(
          http::RequestError(http::RequestRefusal::kUnsupportedMediaType,
                             "a form is multipart/form-data or application/x-www-form-urlencoded"),
          request);
  }
  return finish_(request, std::move(form_));
}

core::Status FormReceiver::BeginPart(const http::PartHeader& header) {
  part_name_ = header.name;
  part_ = Part::kText;
  text_.clear();
  dropping_too_large_ = false;
  if (!header.filename) return {};
  part_ = Part::kFile;
  part_filename_ = *header.filename;
  // A file input left empty sends a part with no name and no bytes: not a file.
  if (part_filename_.empty()) {
    part_ = Part::kIgnored;
    return {};
  }
  ++form_.files_offered;
  if (form_.files.size() >= limits_.max_files) {
    part_ = Part::kIgnored;  // counted, named in the answer by the count, its bytes dropped
    return {};
  }
  auto upload = files_.Begin();
  if (!upload) return tl::unexpected(upload.error());
  upload_ = std::move(*upload);
  return {};
}

core::Status FormReceiver::PartData(std::string_view bytes) {
  switch (part_) {
    case Part::kIgnored:
      return {};
    case Part::kText:
      text_bytes_ += bytes.size();
      if (text_bytes_ > limits_.max_text_bytes) {
        return TooLarge("the form's text is larger than " + std::to_string(limits_.max_text_bytes) +
                        " bytes");
      }
      text_.append(bytes);
      return {};
    case Part::kFile:
      if (dropping_too_large_) return {};
      if (upload_->size() + static_cast<std::int64_t>(bytes.size()) > limits_.max_file_bytes) {
        // Named on the page with the other problems; its temporary file goes now.
        dropping_too_large_ = true;
        upload_.reset();
        form_.too_large.push_back(core::SanitiseFileName(part_filename_));
        return {};
      }
      return upload_->Write(std::span<const char>(bytes.data(), bytes.size()));
  }
  return {};
}

core::Status FormReceiver::EndPart() {
  if (part_ == Part::kText) {
    form_.fields.insert_or_assign(part_name_, std::move(text_));
  } else if (part_ == Part::kFile && upload_) {
    form_.files.push_back(app::ReceivedFile{part_filename_, std::move(upload_)});
  }
  part_ = Part::kIgnored;
  text_.clear();
  return {};
}

}  // namespace redress::portal
