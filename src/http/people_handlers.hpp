#pragma once

// The people index's endpoints (issue 20, app/people.hpp). Each handler parses the request, calls
// one use case and renders its answer.
//
//   GET  /api/v1/people?q=…&email=…&phone=…&name=…&postcode=…  the records naming a person
//   GET  /api/v1/people/{id}          the person with everything about them and their matches
//   POST /api/v1/people/{id}/matches  {action, record_type, reference, role, reason}
//
// All need core::Permission::kManageSubjectAccess: the index gathers one person's records across
// every case, which is the data-protection officer's work (the subject access requests'), not a
// case handler's, who sees a complainant's other cases on the complaint page already.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

void RegisterPeopleRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
