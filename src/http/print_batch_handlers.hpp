#pragma once

// The post room's daily print batch (issue 15; app/print_batches.hpp):
//
//   GET  /api/v1/print-batches/{date}          the batch: each letter, its deadline and warning
//   GET  /api/v1/print-batches/{date}/pdf      every letter of it, exactly as issued, in one PDF
//   GET  /api/v1/print-batches/{date}/csv      the list for the post room
//   POST /api/v1/print-batches/{date}/printed  record the letters printed (kAcknowledge)
//
// Reading needs kViewCases; the batch holds only the letters of the cases the caller may see.

#include <memory>

#include "app/letters.hpp"
#include "http/router.hpp"

namespace redress::http {

void RegisterPrintBatchRoutes(Router& router, std::shared_ptr<app::LetterContext> context);

}  // namespace redress::http
