#pragma once

// Renders the portal's pages: each page's template (templates/*.mustache, compiled in) filled with
// its data, inside the layout (header, footer, back link, error summary). Everything inserted is
// escaped by Mustache's {{ }}; only the rendered page body goes into the layout unescaped.

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace redress::portal {

namespace mustache = kainjow::mustache;

enum class PageTemplate { kStart, kQuestion, kCheck, kConfirmation, kMessage, kCase };

// One entry of the error summary: the id of the field it links to and the message.
struct SummaryError {
  std::string target;
  std::string text;
};

// What the layout around a page needs.
struct Frame {
  std::string title;  // the page's own title; "Error: " is prefixed when there are errors
  std::string back;   // the back link's href; "" for none
  std::vector<SummaryError> errors;
};

// Names the layout shows on every page.
struct Branding {
  std::string organisation;
  std::string service = "Make a complaint";
  std::string base_path;  // "/complain"
};

// The whole HTML document. Precondition: the templates parse (checked by the unit tests).
std::string RenderPage(const Branding& branding, PageTemplate page, mustache::data data,
                       const Frame& frame);

// A list of objects for a section.
mustache::data List();

}  // namespace redress::portal
