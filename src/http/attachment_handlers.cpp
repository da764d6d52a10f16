#include "http/attachment_handlers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "http/multipart.hpp"
#include "http/problem.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

constexpr std::string_view kFileField = "file";
constexpr std::string_view kDescriptionField = "description";
constexpr std::string_view kSuppliedField = "supplied_by_resident";
// The most files one request may carry, and the most bytes of a text field.
constexpr std::size_t kMaxFilesPerRequest = 20;
constexpr std::size_t kMaxTextPartBytes = 8 * 1024;
constexpr int kPartialContent = 206;
constexpr int kRangeNotSatisfiable = 416;

struct RecordRoutes {
  core::AttachedTo attached_to;
  std::string_view base;  // ends with "/{reference}"
  core::Permission change;
};

constexpr std::array<RecordRoutes, 4> kRecords = {{
    {core::AttachedTo::kComplaint, "/api/v1/complaints/{reference}", core::Permission::kAddNote},
    {core::AttachedTo::kServiceRequest, "/api/v1/service-requests/{reference}",
     core::Permission::kAddNote},
    {core::AttachedTo::kOmbudsmanCase, "/api/v1/ombudsman/cases/{reference}",
     core::Permission::kManageOmbudsman},
    {core::AttachedTo::kLearningAction, "/api/v1/learning/{reference}",
     core::Permission::kManageLearning},
}};

std::string RecordPath(core::AttachedTo attached_to, std::string_view reference) {
  for (const RecordRoutes& record : kRecords) {
    if (record.attached_to != attached_to) continue;
    std::string path(record.base);
    path.replace(path.find("{reference}"), std::string_view("{reference}").size(), reference);
    return path;
  }
  return {};
}

std::string ContentPath(const app::Attachment& attachment) {
  return RecordPath(attachment.attached_to, attachment.reference) + "/attachments/" +
         std::to_string(attachment.id) + "/content";
}

json AttachmentJson(const app::Attachment& attachment) {
  return {{"id", attachment.id},
          {"name", attachment.name},
          {"media_type", attachment.media_type},
          {"size", attachment.size},
          {"sha256", attachment.sha256},
          {"description", attachment.description},
          {"supplied_by_resident", attachment.supplier == core::Supplier::kResident},
          {"scan_state", core::ToString(attachment.scan_state)},
          {"may_download", core::MayServe(attachment.scan_state)},
          {"may_show_inline", core::MayShowInline(attachment.media_type)},
          {"added_by", attachment.added_by},
          {"added_at", attachment.added_at},
          {"content", ContentPath(attachment)}};
}

json AttachmentsJson(const std::vector<app::Attachment>& attachments) {
  json list = json::array();
  for (const app::Attachment& attachment : attachments) list.push_back(AttachmentJson(attachment));
  return {{"attachments", list}};
}

json PolicyJson(const core::AttachmentPolicy& policy) {
  json allowed = json::array();
  for (const core::MediaTypeChoice& choice : policy.allowed) {
    allowed.push_back({{"media_type", choice.media_type}, {"label", choice.label}});
  }
  return {{"max_file_bytes", policy.max_file_bytes},
          {"max_case_bytes", policy.max_case_bytes},
          {"allowed", allowed}};
}

std::string Megabytes(std::int64_t bytes) {
  return bytes % core::kMebibyte == 0 ? std::to_string(bytes / core::kMebibyte) + "MB"
                                      : std::to_string(bytes) + " bytes";
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id < 1) return std::nullopt;
  return id;
}

// An upload being received: each file part goes to the file store as it arrives.
class AttachmentUpload final : public StreamedBody, public MultipartSink {
 public:
  AttachmentUpload(const app::AttachmentContext& context, app::Actor actor,
                   core::AttachedTo attached_to, std::string reference,
                   app::UploadAllowance allowance, std::string_view boundary)
      : context_(context),
        actor_(std::move(actor)),
        attached_to_(attached_to),
        reference_(std::move(reference)),
        allowance_(std::move(allowance)),
        parser_(boundary, *this) {}

  core::Status Feed(std::string_view bytes) override { return parser_.Feed(bytes); }

  Response Finish(const Request& request) override {
    if (auto finished = parser_.Finish(); !finished) return Problem(finished.error(), request);
    core::FieldErrors errors;
    for (const std::string& field : unknown_fields_) {
      errors.Add(field, "is not a field of an upload", core::FieldErrorCode::kMalformed);
    }
    core::Supplier supplier = core::Supplier::kStaff;
    if (supplied_ == "true" || supplied_ == "yes") {
      supplier = core::Supplier::kResident;
    } else if (!supplied_.empty() && supplied_ != "false" && supplied_ != "no") {
      errors.Add(std::string(kSuppliedField), "must be true or false",
                 core::FieldErrorCode::kNotInList);
    }
    if (description_.size() > core::kMaxAttachmentDescriptionLength) {
      errors.Add(std::string(kDescriptionField),
                 "must be at most " + std::to_string(core::kMaxAttachmentDescriptionLength) +
                     " characters",
                 core::FieldErrorCode::kTooLong);
    }
    if (files_.empty()) {
      errors.Add(std::string(kFileField), "Select a file", core::FieldErrorCode::kRequired);
    }
    if (!errors.empty()) return Problem(errors.ToError().value(), request);
    app::NewAttachments command{attached_to_, reference_, description_, supplier,
                                std::move(files_)};
    auto added = app::AddAttachments(context_, actor_, std::move(command));
    if (!added) return Problem(added.error(), request);
    return CreatedAt(RecordPath(attached_to_, reference_) + "/attachments",
                     AttachmentsJson(*added));
  }

  core::Status BeginPart(const PartHeader& header) override {
    current_ = Part::kIgnored;
    if (header.name == kFileField && header.filename) {
      if (files_.size() >= kMaxFilesPerRequest) {
        return TooLarge("must be at most " + std::to_string(kMaxFilesPerRequest) +
                        " files at once");
      }
      auto upload = context_.files.Begin();
      if (!upload) return tl::unexpected(upload.error());
      files_.push_back(app::ReceivedFile{*header.filename, std::move(*upload)});
      current_ = Part::kFile;
    } else if (header.name == kDescriptionField) {
      current_ = Part::kDescription;
      text_ = &description_;
    } else if (header.name == kSuppliedField) {
      current_ = Part::kSupplied;
      text_ = &supplied_;
    } else {
      unknown_fields_.push_back(header.name);
    }
    return {};
  }

  core::Status PartData(std::string_view bytes) override {
    switch (current_) {
      case Part::kFile: {
        app::FileUpload& upload = *files_.back().upload;
        received_ += static_cast<std::int64_t>(bytes.size());
        if (upload.size() + static_cast<std::int64_t>(bytes.size()) >
            allowance_.policy.max_file_bytes) {
          return TooLarge("must be smaller than " + Megabytes(allowance_.policy.max_file_bytes));
        }
        if (allowance_.case_bytes + received_ > allowance_.policy.max_case_bytes) {
          return TooLarge("must fit in what the case may still hold: " +
                          Megabytes(allowance_.policy.max_case_bytes) + " in all");
        }
        return upload.Write(std::span<const char>(bytes.data(), bytes.size()));
      }
      case Part::kDescription:
      case Part::kSupplied:
        if (text_->size() + bytes.size() > kMaxTextPartBytes) {
          return TooLarge("must be at most " + std::to_string(kMaxTextPartBytes) + " bytes of text",
                          current_ == Part::kDescription ? kDescriptionField : kSuppliedField);
        }
        text_->append(bytes);
        return {};
      case Part::kIgnored:
        return {};
    }
    return {};
  }

  core::Status EndPart() override {
    current_ = Part::kIgnored;
    return {};
  }

 private:
  enum class Part { kIgnored, kFile, kDescription, kSupplied };

  // 413 naming the field whose limit the body passed (the message reads on from the field) and
  // the body's length, which makes it the transport's refusal of a body too large.
  static tl::unexpected<core::Error> TooLarge(std::string message,
                                              std::string_view field = kFileField) {
    core::Error error =
        RequestError(RequestRefusal::kPayloadTooLarge, std::string(field) + " " + message, message);
    error.fields.insert(error.fields.begin(),
                        {std::string(field), std::move(message), core::FieldErrorCode::kTooLong});
    return tl::unexpected(std::move(error));
  }
  const app::AttachmentContext& context_;
  app::Actor actor_;
  core::AttachedTo attached_to_;
  std::string reference_;
  app::UploadAllowance allowance_;
  MultipartParser parser_;
  std::vector<app::ReceivedFile> files_;
  std::string description_;
  std::string supplied_;
  std::string* text_ = nullptr;
  std::vector<std::string> unknown_fields_;
  Part current_ = Part::kIgnored;
  std::int64_t received_ = 0;  // bytes of every file so far
};

// The one range of a Range header ("bytes=a-b", "bytes=a-", "bytes=-n") within `size`:
// nullopt for no header or one this server does not honour (several ranges: the whole file is
// sent, as RFC 9110 allows); an empty range when it cannot be satisfied.
struct ByteRange {
  std::int64_t first = 0;
  std::int64_t last = -1;  // inclusive; last < first = unsatisfiable
};
std::optional<ByteRange> ParseRange(std::string_view header, std::int64_t size) {
  constexpr std::string_view kUnit = "bytes=";
  if (!header.starts_with(kUnit)) return std::nullopt;
  header.remove_prefix(kUnit.size());
  if (header.find(',') != std::string_view::npos) return std::nullopt;
  const std::size_t dash = header.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto number = [](std::string_view text) -> std::optional<std::int64_t> {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
      return std::nullopt;
    }
    return value;
  };
  const std::string_view first_text = header.substr(0, dash);
  const std::string_view last_text = header.substr(dash + 1);
  if (first_text.empty()) {
    auto suffix = number(last_text);
    if (!suffix) return std::nullopt;
    if (*suffix == 0) return ByteRange{0, -1};
    return ByteRange{std::max<std::int64_t>(0, size - *suffix), size - 1};
  }
  auto first = number(first_text);
  if (!first) return std::nullopt;
  std::int64_t last = size - 1;
  if (!last_text.empty()) {
    auto parsed = number(last_text);
    if (!parsed || *parsed < *first) return std::nullopt;
    last = std::min(*parsed, size - 1);
  }
  if (*first >= size) return ByteRange{0, -1};
  return ByteRange{*first, last};
}

// A file name for Content-Disposition: an ASCII fallback and the UTF-8 name (RFC 6266, 8187).
std::string Disposition(std::string_view kind, std::string_view name) {
  std::string ascii;
  std::string encoded;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    constexpr unsigned char kFirstPrintable = 0x20, kLastAscii = 0x7E;
    ascii += byte >= kFirstPrintable && byte <= kLastAscii && c != '"' && c != '\\' ? c : '_';
    if (std::isalnum(byte) != 0 || std::string_view("-._~").find(c) != std::string_view::npos) {
      encoded += c;
    } else {
      constexpr std::string_view kHex = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[byte >> 4U];
      encoded += kHex[byte & 0x0FU];
    }
  }
  return std::string(kind) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response Content(const app::AttachmentContext& context, core::AttachedTo attached_to,
                 const Request& request) {
  const std::optional<std::int64_t> id = ParseId(PathParam(request, "id"));
  if (!id) {
    return Problem(core::Error{core::ErrorCode::kNotFound, "no resource at " + request.path, {}},
                   request);
  }
  auto opened = app::OpenAttachment(context, *request.actor, attached_to,
                                    PathParam(request, "reference"), *id);
  if (!opened) return Problem(opened.error(), request);
  const app::Attachment& attachment = opened->attachment;
  const std::int64_t size = opened->content->size();
  Response response;
  response.status = kOk;
  response.content_type = attachment.media_type;
  const auto wanted = request.query.find("disposition");
  const bool show_inline = wanted != request.query.end() && wanted->second == "inline" &&
                           core::MayShowInline(attachment.media_type);
  response.headers.emplace_back(
      "Content-Disposition", Disposition(show_inline ? "inline" : "attachment", attachment.name));
  // Whatever the file holds, it runs nothing: no script, no plugin, no request elsewhere.
  response.headers.emplace_back("Content-Security-Policy",
                                "sandbox; default-src 'none'; img-src 'self'; style-src "
                                "'unsafe-inline'; plugin-types application/pdf");
  response.headers.emplace_back("Accept-Ranges", "bytes");
  response.headers.emplace_back("ETag", "\"" + attachment.sha256 + "\"");
  ByteRange range{0, size - 1};
  if (auto asked = ParseRange(request.Header("range"), size)) {
    if (asked->last < asked->first) {
      Response refused;
      refused.status = kRangeNotSatisfiable;
      refused.content_type = "text/plain";
      refused.headers.emplace_back("Content-Range", "bytes */" + std::to_string(size));
      return refused;
    }
    range = *asked;
    response.status = kPartialContent;
    response.headers.emplace_back("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                       std::to_string(range.last) + "/" +
                                                       std::to_string(size));
  }
  const std::int64_t length = range.last - range.first + 1;
  response.body.resize(static_cast<std::size_t>(std::max<std::int64_t>(0, length)));
  std::size_t filled = 0;
  while (filled < response.body.size()) {
    auto read = opened->content->Read(
        range.first + static_cast<std::int64_t>(filled),
        std::span<char>(response.body.data() + filled, response.body.size() - filled));
    if (!read) return Problem(read.error(), request);
    if (*read == 0) break;
    filled += *read;
  }
  response.body.resize(filled);
  return response;
}

Response Remove(const app::AttachmentContext& context, core::AttachedTo attached_to,
                const Request& request) {
  const std::optional<std::int64_t> id = ParseId(PathParam(request, "id"));
  if (!id) {
    return Problem(core::Error{core::ErrorCode::kNotFound, "no resource at " + request.path, {}},
                   request);
  }
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  core::FieldErrors errors;
  std::string reason;
  for (const auto& [key, value] : body->items()) {
    if (key != "reason") {
      errors.Add(key, "is not a field of this request", core::FieldErrorCode::kMalformed);
    } else if (!value.is_string()) {
      errors.Add("reason", "must be a string", core::FieldErrorCode::kMalformed);
    } else {
      reason = value.get<std::string>();
    }
  }
  if (!errors.empty()) return Problem(errors.ToError().value(), request);
  auto removed = app::RemoveAttachment(context, *request.actor, attached_to,
                                       PathParam(request, "reference"), *id, reason);
  if (!removed) return Problem(removed.error(), request);
  return NoContent();
}

core::Result<core::AttachmentPolicy> ParsePolicy(const json& body) {
  core::FieldErrors errors;
  core::AttachmentPolicy policy;
  for (const auto& [key, value] : body.items()) {
    if (key == "max_file_bytes" || key == "max_case_bytes") {
      if (!value.is_number_integer()) {
        errors.Add(key, "must be a whole number of bytes", core::FieldErrorCode::kMalformed);
      } else {
        (key == "max_file_bytes" ? policy.max_file_bytes : policy.max_case_bytes) =
            value.get<std::int64_t>();
      }
    } else if (key == "allowed") {
      if (!value.is_array()) {
        errors.Add(key, "must be a list", core::FieldErrorCode::kMalformed);
        continue;
      }
      policy.allowed.clear();
      for (std::size_t i = 0; i < value.size(); ++i) {
        const json& choice = value[i];
        const std::string field = "allowed[" + std::to_string(i) + "]";
        if (!choice.is_object() || !choice.contains("media_type") ||
            !choice["media_type"].is_string() || !choice.contains("label") ||
            !choice["label"].is_string() || choice.size() != 2) {
          errors.Add(field, "must be {media_type, label}", core::FieldErrorCode::kMalformed);
          continue;
        }
        policy.allowed.push_back(
            {choice["media_type"].get<std::string>(), choice["label"].get<std::string>()});
      }
    } else {
      errors.Add(key, "is not a field of this request", core::FieldErrorCode::kMalformed);
    }
  }
  for (std::string_view required : {"max_file_bytes", "max_case_bytes", "allowed"}) {
    if (!body.contains(required)) {
      errors.Add(std::string(required), "is required", core::FieldErrorCode::kRequired);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return policy;
}

}  // namespace

void RegisterAttachmentRoutes(Router& router, const app::AttachmentContext& context) {
  using P = core::Permission;
  constexpr Access kAuth = Access::kAuthenticated;
  for (const RecordRoutes& record : kRecords) {
    const std::string attachments = std::string(record.base) + "/attachments";
    const core::AttachedTo attached_to = record.attached_to;
    Route upload{"POST", attachments, kAuth, record.change, nullptr};
    upload.streamed = [&context, attached_to](
                          const Request& request) -> core::Result<std::unique_ptr<StreamedBody>> {
      // The record first: a hidden one answers 404 whatever else is wrong with the request.
      const std::string& reference = PathParam(request, "reference");
      auto allowance = app::UploadAllowanceOf(context, *request.actor, attached_to, reference);
      if (!allowance) return tl::unexpected(allowance.error());
      auto boundary = MultipartBoundary(request.Header("content-type"));
      if (!boundary) return tl::unexpected(boundary.error());
      return std::unique_ptr<StreamedBody>(new AttachmentUpload(
          context, *request.actor, attached_to, reference, std::move(*allowance), *boundary));
    };
    router.Add(std::move(upload));
    router.Add(
        {"GET", attachments, kAuth, P::kViewCases, [&context, attached_to](const Request& request) {
           auto listed = app::ListAttachments(context, *request.actor, attached_to,
                                              PathParam(request, "reference"));
           if (!listed) return Problem(listed.error(), request);
           return JsonAnswer(kOk, AttachmentsJson(*listed));
         }});
    router.Add({"GET", attachments + "/{id}/content", kAuth, P::kViewCases,
                [&context, attached_to](const Request& request) {
                  return Content(context, attached_to, request);
                }});
    router.Add({"DELETE", attachments + "/{id}", kAuth, record.change,
                [&context, attached_to](const Request& request) {
                  return Remove(context, attached_to, request);
                }});
  }
  const std::string policy = "/api/v1/attachment-policy";
  router.Add({"GET", policy, kAuth, P::kViewCases, [&context](const Request& request) {
                auto loaded = app::GetAttachmentPolicy(context);
                if (!loaded) return Problem(loaded.error(), request);
                return JsonAnswer(kOk, PolicyJson(*loaded));
              }});
  router.Add({"PUT", policy, kAuth, P::kManageConfiguration, [&context](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto parsed = ParsePolicy(*body);
                if (!parsed) return Problem(parsed.error(), request);
                auto saved = app::SaveAttachmentPolicy(context, *request.actor, *parsed);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, PolicyJson(*saved));
              }});
}

}  // namespace redress::http
