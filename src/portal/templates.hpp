#pragma once

// The page templates (templates/<name>.mustache), compiled in by CMake (embed_text.cmake).

#include <string_view>

namespace redress::portal {

std::string_view LayoutTemplate();
std::string_view StartTemplate();
std::string_view QuestionTemplate();
std::string_view CheckTemplate();
std::string_view ConfirmationTemplate();
std::string_view MessageTemplate();
std::string_view CaseTemplate();

}  // namespace redress::portal
