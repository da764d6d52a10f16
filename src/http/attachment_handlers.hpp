#pragma once

// The endpoints of attachments, the same under each record that takes files:
//
//   POST   {record}/attachments                  multipart/form-data: file (one or more),
//                                                description, supplied_by_resident → 201
//   GET    {record}/attachments                  the record's files, each with its content path
//   GET    {record}/attachments/{id}/content     the file (Range supported); ?disposition=inline
//                                                shows images and PDF in the browser, sandboxed
//   DELETE {record}/attachments/{id}             {reason} → 204
//   GET    /api/v1/attachment-policy             the allow-list and limits
//   PUT    /api/v1/attachment-policy             replaces them (admins)
//
// where {record} is /api/v1/complaints/{reference}, /api/v1/service-requests/{reference},
// /api/v1/ombudsman/cases/{reference} or /api/v1/learning/{reference}. Reading needs kViewCases;
// adding and removing need what changing the record needs (kAddNote for complaints and service
// requests, kManageOmbudsman, kManageLearning). The upload is a streamed route (router.hpp): its
// body is parsed as it arrives (multipart.hpp), each file written to the file store as it comes,
// and a file over the per-file limit, or over what the case may still hold, is refused (413) as
// soon as it passes the limit, whatever the server's body_limit.

#include "app/attachments.hpp"
#include "http/router.hpp"

namespace redress::http {

// `context` must outlive the router.
void RegisterAttachmentRoutes(Router& router, const app::AttachmentContext& context);

}  // namespace redress::http
