#include "core/attachment.hpp"

#include <algorithm>
#include <set>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<ScanState, 4> kScanStateNames{{
    {ScanState::kPending, "pending"},
    {ScanState::kClean, "clean"},
    {ScanState::kInfected, "infected"},
    {ScanState::kNotScanned, "not_scanned"},
}};

constexpr EnumNames<AttachedTo, 4> kAttachedToNames{{
    {AttachedTo::kComplaint, "complaint"},
    {AttachedTo::kServiceRequest, "service_request"},
    {AttachedTo::kOmbudsmanCase, "ombudsman_case"},
    {AttachedTo::kLearningAction, "learning_action"},
}};

constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;
constexpr char32_t kDelete = 0x7F;
constexpr char32_t kLastC1Control = 0x9F;
constexpr char32_t kFirstPrintable = 0x20;

// The Unicode bidirectional formatting characters (UAX #9): they can make "gpj.exe" read as
// "exe.jpg", so a file name never keeps them.
bool IsBidiControl(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool IsControl(char32_t c) { return c < kFirstPrintable || (c >= kDelete && c <= kLastC1Control); }

// Decodes one UTF-8 character at `text[i]`, advancing `i`; kInvalidCodePoint for a malformed,
// overlong or surrogate sequence (one byte is consumed then).
char32_t DecodeOne(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  constexpr unsigned char kAscii = 0x80;
  constexpr unsigned char kTwoMask = 0xE0, kTwoLead = 0xC0;
  constexpr unsigned char kThreeMask = 0xF0, kThreeLead = 0xE0;
  constexpr unsigned char kFourMask = 0xF8, kFourLead = 0xF0;
  constexpr unsigned char kContinuationMask = 0xC0, kContinuation = 0x80;
  constexpr unsigned char kSixBits = 0x3F;
  if (lead < kAscii) {
    ++i;
    return lead;
  }
  if ((lead & kTwoMask) == kTwoLead) {
    length = 2;
    code = lead & 0x1FU;
    minimum = 0x80;
  } else if ((lead & kThreeMask) == kThreeLead) {
    length = 3;
    code = lead & 0x0FU;
    minimum = 0x800;
  } else if ((lead & kFourMask) == kFourLead) {
    length = 4;
    code = lead & 0x07U;
    minimum = 0x10000;
  } else {
    ++i;
    return kInvalidCodePoint;
  }
  if (i + length > text.size()) {
    ++i;
    return kInvalidCodePoint;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & kContinuationMask) != kContinuation) {
      ++i;
      return kInvalidCodePoint;
    }
    code = (code << 6U) | (byte(i + k) & kSixBits);
  }
  constexpr char32_t kFirstSurrogate = 0xD800, kLastSurrogate = 0xDFFF, kMaxCodePoint = 0x10FFFF;
  if (code < minimum || code > kMaxCodePoint ||
      (code >= kFirstSurrogate && code <= kLastSurrogate)) {
    ++i;
    return kInvalidCodePoint;
  }
  i += length;
  return code;
}

bool IsMediaTypeSyntax(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '-' ||
           c == '+';
  });
}

std::string Megabytes(std::int64_t bytes) {
  if (bytes % kMebibyte == 0) return std::to_string(bytes / kMebibyte) + "MB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string_view ToString(ScanState state) { return NameOf(kScanStateNames, state); }
std::optional<ScanState> ParseScanState(std::string_view name) {
  return ParseName(kScanStateNames, name);
}
std::string_view ToString(AttachedTo kind) { return NameOf(kAttachedToNames, kind); }
std::optional<AttachedTo> ParseAttachedTo(std::string_view name) {
  return ParseName(kAttachedToNames, name);
}

bool MayServe(ScanState state) {
  return state == ScanState::kClean || state == ScanState::kNotScanned;
}

std::string SanitiseFileName(std::string_view name) {
  if (const std::size_t last = name.find_last_of("/\\"); last != std::string_view::npos) {
    name.remove_prefix(last + 1);
  }
  std::string kept;
  std::size_t i = 0;
  while (i < name.size()) {
    const std::size_t start = i;
    const char32_t c = DecodeOne(name, i);
    if (c == kInvalidCodePoint || IsControl(c) || IsBidiControl(c)) continue;
    kept.append(name.substr(start, i - start));
  }
  // Leading dots would make a hidden file, "." or ".."; surrounding spaces are invisible.
  const std::size_t first = kept.find_first_not_of(". ");
  kept.erase(0, first == std::string::npos ? kept.size() : first);
  while (!kept.empty() && kept.back() == ' ') kept.pop_back();
  if (kept.size() > kMaxFileNameBytes) {
    std::size_t cut = kMaxFileNameBytes;
    constexpr unsigned char kContinuationMask = 0xC0, kContinuation = 0x80;
    while (cut > 0 &&
           (static_cast<unsigned char>(kept[cut]) & kContinuationMask) == kContinuation) {
      --cut;
    }
    kept.resize(cut);
  }
  if (kept.empty()) return std::string(kUnnamedFile);
  return kept;
}

const std::vector<MediaTypeChoice>& DefaultAllowedMediaTypes() {
  static const std::vector<MediaTypeChoice> kDefaults = {
      {"application/pdf", "PDF"},
      {"image/jpeg", "JPEG"},
      {"image/png", "PNG"},
      {"image/heic", "HEIC"},
      {"image/heif", "HEIC"},
      {"image/tiff", "TIFF"},
      {"image/bmp", "BMP"},
      {"image/x-ms-bmp", "BMP"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"},
      {"application/vnd.oasis.opendocument.text", "ODT"},
      {"text/plain", "TXT"},
      {"message/rfc822", "EML"},
      {"application/vnd.ms-outlook", "MSG"},
      {"audio/mpeg", "MP3"},
      {"audio/x-m4a", "M4A"},
      {"audio/mp4", "M4A"},
      {"audio/x-wav", "WAV"},
      {"audio/wav", "WAV"},
  };
  return kDefaults;
}

Status ValidatePolicy(const AttachmentPolicy& policy) {
  FieldErrors errors;
  const auto bounded = [](std::int64_t bytes) {
    return bytes >= 1 && bytes <= kMaxConfigurableFileBytes;
  };
  const std::string bounds = "must be from 1 to " + std::to_string(kMaxConfigurableFileBytes);
  if (!bounded(policy.max_file_bytes)) {
    errors.Add("max_file_bytes", bounds, FieldErrorCode::kOutOfRange);
  }
  if (!bounded(policy.max_case_bytes)) {
    errors.Add("max_case_bytes", bounds, FieldErrorCode::kOutOfRange);
  } else if (policy.max_case_bytes < policy.max_file_bytes) {
    errors.Add("max_case_bytes", "must not be less than max_file_bytes",
               FieldErrorCode::kOutOfRange);
  }
  std::set<std::string, std::less<>> seen;
  if (policy.allowed.empty()) {
    errors.Add("allowed", "must name at least one type", FieldErrorCode::kRequired);
  }
  for (std::size_t i = 0; i < policy.allowed.size(); ++i) {
    const MediaTypeChoice& choice = policy.allowed[i];
    const std::string field = "allowed[" + std::to_string(i) + "].media_type";
    if (!IsMediaTypeSyntax(choice.media_type)) {
      errors.Add(field, "must be a lower-case media type such as application/pdf");
    } else if (!seen.insert(choice.media_type).second) {
      errors.Add(field, "is listed twice", FieldErrorCode::kDuplicate);
    }
    if (choice.label.empty()) {
      errors.Add("allowed[" + std::to_string(i) + "].label", "must not be empty",
                 FieldErrorCode::kRequired);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status CheckOfferedFile(const AttachmentPolicy& policy, const OfferedFile& file,
                        std::int64_t case_bytes, std::string_view field) {
  const std::string name(field);
  if (file.size == 0)
    return FailField(name, "The selected file is empty", FieldErrorCode::kInvalid);
  const bool allowed = std::any_of(
      policy.allowed.begin(), policy.allowed.end(),
      [&](const MediaTypeChoice& choice) { return choice.media_type == file.media_type; });
  FieldErrors errors;
  if (!allowed) {
    std::string labels;
    for (const MediaTypeChoice& choice : policy.allowed) {
      if (labels.find(choice.label) != std::string::npos) continue;
      if (!labels.empty()) labels += ", ";
      labels += choice.label;
    }
    errors.Add(name, "The selected file must be a " + labels + " (it is " + file.media_type + ")",
               FieldErrorCode::kNotInList);
  }
  if (file.size > policy.max_file_bytes) {
    errors.Add(name, "must be smaller than " + Megabytes(policy.max_file_bytes),
               FieldErrorCode::kTooLong);
  } else if (case_bytes + file.size > policy.max_case_bytes) {
    errors.Add(
        name,
        "must fit in what the case may still hold: " + Megabytes(policy.max_case_bytes) + " in all",
        FieldErrorCode::kTooLong);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Status CheckDescription(std::string_view description, std::string_view field) {
  if (description.size() > kMaxAttachmentDescriptionLength) {
    return FailField(
        std::string(field),
        "must be at most " + std::to_string(kMaxAttachmentDescriptionLength) + " characters",
        FieldErrorCode::kTooLong);
  }
  return {};
}

Status CheckRemovalReason(std::string_view reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return FailField("reason", "Enter why the file is removed", FieldErrorCode::kRequired);
  }
  if (reason.size() > kMaxRemovalReasonLength) {
    return FailField("reason",
                     "must be at most " + std::to_string(kMaxRemovalReasonLength) + " characters",
                     FieldErrorCode::kTooLong);
  }
  return {};
}

bool MayShowInline(std::string_view media_type) {
  return media_type == "application/pdf" || media_type == "image/jpeg" ||
         media_type == "image/png" || media_type == "image/bmp" || media_type == "image/tiff";
}

}  // namespace redress::core
