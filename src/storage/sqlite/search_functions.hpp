#pragma once

// The core's normalisation of contact details as SQL functions of one connection, for the
// migration that indexes the complaints already stored (0020_finding_people.sql) with exactly what
// the store writes for a new one. Nothing else calls them: the store computes the values in C++.
//
//   redress_people_search_text(reference, complainant name, email, phone, address, postcode,
//                              representative name, email, phone, address, postcode)
//     = core::PeopleSearchText; a NULL representative name means no representative.
//   redress_person_key(name, postcode) = core::PersonKeyOf(...).name_postcode

#include <sqlite3.h>

#include "core/result.hpp"

namespace redress::storage::sqlite {

core::Status RegisterSearchFunctions(sqlite3* db);

}  // namespace redress::storage::sqlite
