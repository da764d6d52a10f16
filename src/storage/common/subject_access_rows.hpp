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

#include "app/subject_access_repository.hpp"
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

// The items withheld from a request's bundle (table subject_access_withholdings, SQLite 0030,
// PostgreSQL 0018), in an engine's parameter style (`marker(n)`: "?" or "$n").
//
// The insert's parameters are item, reason, withheld_by, withheld_at and the request's
// reference; it writes nothing when the item is withheld already (ON CONFLICT DO NOTHING, since
// on PostgreSQL a failed statement would end the caller's transaction) and returns a row only
// when it wrote one.
template <typename Marker>
std::string InsertWithholdingSql(Marker marker) {
  return "INSERT INTO subject_access_withholdings (request_id, item, reason, withheld_by, "
         "withheld_at) SELECT id, " +
         MarkerList(marker, 4) + " FROM subject_access_requests WHERE reference = " + marker(5) +
         " ON CONFLICT (request_id, item) DO NOTHING RETURNING 1";
}

// A request's withheld items in the order they were marked, read by ReadWithholding; the one
// parameter is the request's reference.
template <typename Marker>
std::string WithholdingsSql(Marker marker) {
  return "SELECT w.item, w.reason, w.withheld_by, w.withheld_at FROM subject_access_withholdings "
         "w JOIN subject_access_requests r ON r.id = w.request_id WHERE r.reference = " +
         marker(1) + " ORDER BY w.id";
}

template <typename Reader>
app::Withholding ReadWithholding(Reader& row) {
  app::Withholding withholding;
  withholding.item = row.Text();
  withholding.reason = row.Text();
  withholding.withheld_by = row.Text();
  withholding.withheld_at = row.Text();
  return withholding;
}

}  // namespace redress::storage::common
