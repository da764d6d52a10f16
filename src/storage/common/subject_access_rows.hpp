#pragma once

// A subject access request as every engine stores it (table subject_access_requests, SQLite
// migration 0022, PostgreSQL 0010): the versioned-record description that each engine's
// versioned_tables.hpp runs, like the learning actions'.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/subject_access_request.hpp"
#include "storage/common/record_references.hpp"
#include "storage/common/references.hpp"
#include "storage/common/versioned_records.hpp"

namespace redress::storage::common {

inline constexpr std::string_view kSubjectAccessPrefix = "SAR";

template <>
struct Versioned<core::SubjectAccessRequest> {
  static constexpr std::string_view kName = "subject_access_requests";
  static constexpr std::string_view kWhat = "subject access request";
  static constexpr std::string_view kPrefix = kSubjectAccessPrefix;
  static constexpr std::array<std::string_view, 16> kColumns = {
      "requester_name",        "requester_email", "requester_phone",  "requester_address",
      "requester_postcode",    "subject_name",    "details",          "received_on",
      "identity_confirmed_on", "status",          "extension_months", "extension_reason",
      "extension_told_on",     "completed_on",    "withdrawn_on",     "withdrawal_reason"};
  template <typename Code, typename Binder>
  static void Bind(Binder& s, const core::SubjectAccessRequest& r) {
    const auto& e = r.extension;
    s.BindAll(r.requester_name, r.requester_email, r.requester_phone, r.requester_address,
              r.requester_postcode, r.subject_name, r.details, r.received_on,
              r.identity_confirmed_on, r.status,
              e ? std::optional<std::int64_t>(e->months) : std::nullopt,
              e ? std::optional<std::string>(e->reason) : std::nullopt,
              e ? std::optional<core::Date>(e->told_on) : std::nullopt, r.completed_on,
              r.withdrawn_on, r.withdrawal_reason);
  }
  template <typename Reader>
  static core::SubjectAccessRequest Read(Reader& r) {
    core::SubjectAccessRequest s;
    s.id = r.Int64();
    s.reference = r.Text();
    s.version = r.Int64();
    s.requester_name = r.Text();
    s.requester_email = r.Text();
    s.requester_phone = r.Text();
    s.requester_address = r.Text();
    s.requester_postcode = r.Text();
    s.subject_name = r.Text();
    s.details = r.Text();
    s.received_on = r.Date();
    s.identity_confirmed_on = r.OptionalDate();
    s.status = r.Enumerator(core::ParseSubjectAccessStatus);
    if (!r.NextIsNull()) {
      core::SubjectAccessExtension extension;
      extension.months = static_cast<int>(r.Int64());
      extension.reason = r.Text();
      extension.told_on = r.Date();
      s.extension = std::move(extension);
    } else {
      r.Skip(3);
    }
    s.completed_on = r.OptionalDate();
    s.withdrawn_on = r.OptionalDate();
    s.withdrawal_reason = r.Text();
    return s;
  }
  // A request names no other record.
  static std::vector<Reference> References(const core::SubjectAccessRequest&) { return {}; }
};

}  // namespace redress::storage::common
