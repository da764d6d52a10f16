#pragma once

// The administration endpoints: users and roles, and the organisation's configuration. Reading
// the reference data is open to every signed-in user (forms need it); changing it needs
// kManageConfiguration, and users kManageUsers. Each change is one use case of app/accounts.hpp
// or app/organisation.hpp, in one transaction, recorded in the audit trail.
//
//   GET   /api/v1/users                    every user (no secrets)
//   POST  /api/v1/users                    add a user → 201
//   GET   /api/v1/users/{username}
//   PATCH /api/v1/users/{username}         change name, role, team, active or password
//   GET   /api/v1/teams                    PUT /api/v1/teams/{code}          add or rename
//   GET   /api/v1/service-areas            PUT /api/v1/service-areas/{code}  add or change
//   GET   /api/v1/categories               PUT /api/v1/categories/{code}
//   GET   /api/v1/root-causes              PUT /api/v1/root-causes/{code}
//   GET   /api/v1/closure-days             POST /api/v1/closure-days → 201
//   DELETE /api/v1/closure-days/{date}     → 204
//   GET   /api/v1/designations             POST /api/v1/designations → 201
//   GET   /api/v1/settings                 PUT /api/v1/settings

#include "app/password_policy.hpp"
#include "app/ports.hpp"
#include "http/http_types.hpp"
#include "http/router.hpp"

namespace redress::http {

class AdminHandlers {
 public:
  // `password_policy` decides which new passwords are accepted; it must outlive the handlers.
  AdminHandlers(app::Store& store, const app::Clock& clock,
                const app::PasswordPolicy& password_policy)
      : store_(store), clock_(clock), password_policy_(password_policy) {}

  // Adds the endpoints above to `router`; this object must outlive it.
  void Register(Router& router);

 private:
  Response ListUsers(const Request& request);
  Response AddUser(const Request& request);
  Response GetUser(const Request& request);
  Response UpdateUser(const Request& request);
  Response RemoveClosureDay(const Request& request);

  app::Store& store_;
  const app::Clock& clock_;
  const app::PasswordPolicy& password_policy_;
};

}  // namespace redress::http
