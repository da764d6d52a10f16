#pragma once

// Evidence attached to a case: what a file may be (its type judged by its content, against an
// allow-list an admin keeps), how large, what its name may hold, and the states of its virus scan.
// Pure rules: the type itself is detected by an adapter (libmagic) and handed in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace redress::core {

// The virus scan of a stored file. Only clean and not_scanned files are ever served; pending
// ones are scanned again before being served; infected ones are quarantined for good.
enum class ScanState {
  kPending,     // a scanner is configured but has not answered yet (it was unreachable)
  kClean,       // the scanner found nothing
  kInfected,    // the scanner found a signature (or the file exceeded what it can scan)
  kNotScanned,  // no scanner is configured: staff are told before they open it
};
std::string_view ToString(ScanState state);  // "pending", "clean", "infected", "not_scanned"
std::optional<ScanState> ParseScanState(std::string_view name);

// Whether a file in `state` may be served. Contract: never true for kInfected or kPending.
bool MayServe(ScanState state);

// Who supplied the file: the resident (their evidence) or staff.
enum class Supplier { kStaff, kResident };

// What an attachment is attached to; each names its record by the record's reference.
enum class AttachedTo { kComplaint, kServiceRequest, kOmbudsmanCase, kLearningAction };
std::string_view ToString(AttachedTo kind);  // "complaint", "service_request", ...
std::optional<AttachedTo> ParseAttachedTo(std::string_view name);

// Sizes in bytes. The per-case limit counts every attachment the case holds, removed ones not.
inline constexpr std::int64_t kMebibyte = std::int64_t{1024} * 1024;
inline constexpr std::int64_t kDefaultMaxFileBytes = 20 * kMebibyte;
inline constexpr std::int64_t kDefaultMaxCaseBytes = 200 * kMebibyte;
// What an admin may set a limit to: a file the server must stream, scan and serve.
inline constexpr std::int64_t kMaxConfigurableFileBytes = 1024 * kMebibyte;
inline constexpr std::size_t kMaxFileNameBytes = 255;  // what most filesystems allow
inline constexpr std::size_t kMaxAttachmentDescriptionLength = 2000;
inline constexpr std::size_t kMaxRemovalReasonLength = 2000;
// The name a file gets when nothing of the name it was sent with is left.
inline constexpr std::string_view kUnnamedFile = "unnamed";

// The name to keep and show for a file sent as `name`: only its last path component (after the
// last '/' or '\'), without C0 and C1 control characters, DEL, Unicode bidirectional controls
// (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and invalid UTF-8, without leading dots
// and surrounding spaces (so never "." or ".."), cut to kMaxFileNameBytes at a character
// boundary; kUnnamedFile when nothing is left. The result is valid UTF-8 and holds no '/'.
std::string SanitiseFileName(std::string_view name);

// One type the allow-list can hold: the media type libmagic names and a label for people.
struct MediaTypeChoice {
  std::string media_type;  // e.g. "application/pdf"
  std::string label;       // e.g. "PDF"
  friend bool operator==(const MediaTypeChoice&, const MediaTypeChoice&) = default;
};

// The default allow-list: PDF, JPEG, PNG, HEIC, TIFF, BMP, DOCX, XLSX, ODT, TXT, EML, MSG,
// MP3, M4A and WAV, by the media types libmagic gives them (some have two names).
const std::vector<MediaTypeChoice>& DefaultAllowedMediaTypes();

// The limits and the allow-list an admin keeps.
struct AttachmentPolicy {
  std::vector<MediaTypeChoice> allowed = DefaultAllowedMediaTypes();
  std::int64_t max_file_bytes = kDefaultMaxFileBytes;
  std::int64_t max_case_bytes = kDefaultMaxCaseBytes;
  friend bool operator==(const AttachmentPolicy&, const AttachmentPolicy&) = default;
};

// Whether an admin's policy is sound: limits from 1 byte to kMaxConfigurableFileBytes (the case's
// at least the file's), at least one type, each media type "type/subtype" and listed once.
// Every offending field is named (max_file_bytes, max_case_bytes, allowed).
Status ValidatePolicy(const AttachmentPolicy& policy);

// A file offered for a case, as the adapters measured it.
struct OfferedFile {
  std::string media_type;  // detected from the content
  std::int64_t size = 0;
};

// Whether `file` may join a case already holding `case_bytes`: not empty (kInvalid), an allowed
// type (kNotInList) and within both limits (kTooLong, its message reading on from the field). Every
// problem is a field error on `field`.
Status CheckOfferedFile(const AttachmentPolicy& policy, const OfferedFile& file,
                        std::int64_t case_bytes, std::string_view field);

// Whether a description and a removal reason are within bounds (kTooLong; a reason is kRequired).
Status CheckDescription(std::string_view description, std::string_view field);
Status CheckRemovalReason(std::string_view reason);

// Whether the type may be shown inline (images and PDF, always with a CSP sandbox); everything
// else is served as a download.
bool MayShowInline(std::string_view media_type);

}  // namespace redress::core
