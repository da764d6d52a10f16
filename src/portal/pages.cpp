#include "portal/pages.hpp"

#include <map>

#include "portal/templates.hpp"

namespace redress::portal {
namespace {

std::string_view TextOf(PageTemplate page) {
  switch (page) {
    case PageTemplate::kStart:
      return StartTemplate();
    case PageTemplate::kQuestion:
      return QuestionTemplate();
    case PageTemplate::kCheck:
      return CheckTemplate();
    case PageTemplate::kConfirmation:
      return ConfirmationTemplate();
    case PageTemplate::kMessage:
      return MessageTemplate();
    case PageTemplate::kCase:
      return CaseTemplate();
  }
  return MessageTemplate();
}

// Rendering changes a template's state, so each thread keeps its own parsed copies.
mustache::mustache& Parsed(std::string_view text) {
  thread_local std::map<const char*, mustache::mustache> parsed;
  auto found = parsed.find(text.data());
  if (found == parsed.end()) {
    found = parsed.emplace(text.data(), mustache::mustache(std::string(text))).first;
  }
  return found->second;
}

}  // namespace

mustache::data List() { return mustache::data(mustache::data::type::list); }

std::string RenderPage(const Branding& branding, PageTemplate page, mustache::data data,
                       const Frame& frame) {
  data.set("base", branding.base_path);
  data.set("organisation", branding.organisation);
  const std::string content = Parsed(TextOf(page)).render(data);

  mustache::data layout;
  layout.set("title", frame.title);
  layout.set("organisation", branding.organisation);
  layout.set("service", branding.service);
  layout.set("base", branding.base_path);
  if (!frame.back.empty()) layout.set("back", frame.back);
  layout.set("has_errors", !frame.errors.empty());
  mustache::data errors = List();
  for (const SummaryError& error : frame.errors) {
    mustache::data item;
    item.set("error_target", error.target);
    item.set("error_text", error.text);
    errors.push_back(item);
  }
  layout.set("errors", errors);
  layout.set("content", content);
  return Parsed(LayoutTemplate()).render(layout);
}

}  // namespace redress::portal
