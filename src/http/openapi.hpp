#pragma once

// The OpenAPI 3.1 description of the API (src/http/openapi.json), compiled into the binary by
// embed_text.cmake so the server never reads it from disk.

#include <string_view>

namespace redress::http {

std::string_view OpenApiDocument();

}  // namespace redress::http
