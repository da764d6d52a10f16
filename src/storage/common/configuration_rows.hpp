#pragma once

// The rows of the organisation configuration the admin pages edit (issue 15), shared by both
// engines: the Ombudsman contact blocks administrators added (`ombudsman_contacts`, only ever
// inserted) and the office hours (`office_hours`, one row). Internal to the storage adapters.

#include <string_view>

#include "app/records.hpp"
#include "core/ombudsman.hpp"

namespace redress::storage::common {

inline constexpr std::string_view kOmbudsmanContactColumns =
    "ombudsman, valid_from, name, web_form, phone, postal_address, email, time_limit, source, "
    "added_by, added_at";

// Reads kOmbudsmanContactColumns.
template <typename Reader>
app::AddedOmbudsmanContact ReadOmbudsmanContact(Reader& r) {
  app::AddedOmbudsmanContact added;
  core::OmbudsmanContact& c = added.contact;
  c.ombudsman = r.Enumerator(core::ParseOmbudsman);
  c.valid_from = r.Date();
  c.name = r.Text();
  c.web_form = r.Text();
  c.phone = r.Text();
  c.postal_address = r.Text();
  c.email = r.Text();
  c.time_limit = r.Text();
  c.source = r.Text();
  added.added_by = r.Text();
  added.added_at = r.Text();
  return added;
}

// Binds kOmbudsmanContactColumns in order.
template <typename Binder>
void BindOmbudsmanContact(Binder& b, const app::AddedOmbudsmanContact& added) {
  const core::OmbudsmanContact& c = added.contact;
  b.BindAll(c.ombudsman, c.valid_from, c.name, c.web_form, c.phone, c.postal_address, c.email,
            c.time_limit, c.source, added.added_by, added.added_at);
}

inline constexpr std::string_view kOfficeHoursColumns =
    "start_minute, end_minute, saved_by, saved_at";

template <typename Reader>
app::SavedOfficeHours ReadOfficeHours(Reader& r) {
  app::SavedOfficeHours saved;
  saved.hours.start_minute = static_cast<int>(r.Int64());
  saved.hours.end_minute = static_cast<int>(r.Int64());
  saved.saved_by = r.Text();
  saved.saved_at = r.Text();
  return saved;
}

}  // namespace redress::storage::common
