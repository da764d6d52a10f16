#pragma once

// The portal's forms that may carry files (issue 17): a complaint sent with its evidence, and
// information added to a case. Their POST routes are streamed routes (http/router.hpp): the body
// is read as it arrives, as multipart/form-data (a browser's form with a file input, no
// JavaScript) or, from a form without files, application/x-www-form-urlencoded. Each file goes
// to the file store's temporary area as it arrives (app::FileStore::Begin), so memory holds one
// chunk, never a file.
//
// A public form is a hostile surface, so the limits are the portal's own and smaller than the
// staff's (docs/portal.md): at most FormLimits::max_files files per form, each at most
// max_file_bytes. A file over its limit, or a file beyond the count, is not refused on the spot:
// its bytes are dropped as they arrive and it is named on the form's page with every other problem
// in one answer, as the GOV.UK error summary asks. Only a body past max_body_bytes (more than the
// form's files and text could ever be), or text fields past max_text_bytes, stop the request with
// the transport's refusal (413); a malformed body is a 400. Dropping the receiver deletes every
// file it started: nothing is kept unless the use case the form sends runs.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/attachments.hpp"
#include "app/file_store.hpp"
#include "core/attachment.hpp"
#include "http/multipart.hpp"
#include "http/router.hpp"
#include "portal/questions.hpp"

namespace redress::portal {

struct FormLimits {
  std::size_t max_files = 5;
  std::int64_t max_file_bytes = 10 * core::kMebibyte;
  // More than max_files files of max_file_bytes and the text could ever be.
  std::int64_t max_body_bytes = 51 * core::kMebibyte;
  std::size_t max_text_bytes = 256 * 1024;
};

// What a form sent.
struct ReceivedForm {
  Answers fields;                        // its text fields (the last value of a repeated name)
  std::vector<app::ReceivedFile> files;  // the files kept, in order; none for an empty input
  std::vector<std::string> too_large;    // the sanitised names of files dropped as too large
  std::size_t files_offered = 0;         // every file sent, kept or not
};

// Reads one form's body and hands it to `finish` when the body has ended. `files` must outlive
// the receiver.
class FormReceiver final : public http::StreamedBody, public http::MultipartSink {
 public:
  using FormHandler = std::function<http::Response(const http::Request&, ReceivedForm)>;

  // A receiver for a body of `content_type`. `refusal`, when set, is the answer whatever the
  // body holds (the body is read and dropped, within max_body_bytes): a form whose session has
  // ended, a client over its rate.
  FormReceiver(app::FileStore& files, FormLimits limits, std::string_view content_type,
               FormHandler finish, std::optional<http::Response> refusal = std::nullopt);

  core::Status Feed(std::string_view bytes) override;
  http::Response Finish(const http::Request& request) override;

  core::Status BeginPart(const http::PartHeader& header) override;
  core::Status PartData(std::string_view bytes) override;
  core::Status EndPart() override;

 private:
  enum class Mode { kMultipart, kUrlEncoded, kRefused };
  enum class Part { kIgnored, kText, kFile };

  app::FileStore& files_;
  FormLimits limits_;
  FormHandler finish_;
  std::optional<http::Response> refusal_;
  Mode mode_ = Mode::kRefused;
  std::unique_ptr<http::MultipartParser> parser_;
  std::string encoded_;  // the urlencoded body
  ReceivedForm form_;
  Part part_ = Part::kIgnored;
  std::string part_name_;
  std::string part_filename_;
  std::string text_;
  std::unique_ptr<app::FileUpload> upload_;
  bool dropping_too_large_ = false;
  std::int64_t body_bytes_ = 0;
  std::size_t text_bytes_ = 0;
};

}  // namespace redress::portal
