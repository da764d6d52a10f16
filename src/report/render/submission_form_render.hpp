#pragma once

// The Housing Ombudsman annual submission form (report/submission_form.hpp) as documents: the
// CSV is the report's (SubmissionFormCsv); here the JSON and the tagged PDF. Each mirrors the
// form section by section and invents no schema of its own (there is no official data format).

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "report/render/render.hpp"
#include "report/submission_form.hpp"

namespace redress::report::render {

// The formats of the report the form is given in: JSON, CSV and PDF (render.hpp's ContentType).
inline constexpr std::string_view kFormFormatNames = "json, csv or pdf";
// The format named, when the form is given in it.
std::optional<Format> ParseFormFormat(std::string_view name);
// "housing-ombudsman-annual-submission-2023-24.pdf"
std::string FormFileName(int year, Format format);

// The JSON, in the form's order:
//   {"title", "year", "financial_year", "deadline", "status",
//    "section_1": [{"question", "answer"}],
//    "section_2": [{"section", "provision", "requirement", "comply", "evidence", "commentary",
//                   "action", "timescale"}]}
// every answer a string as the officer copies it ("" when not recorded).
std::string SubmissionFormJson(const SubmissionForm& form);
// A4, tagged like the report (H1 title, H2 per section, tables with header cells, the language
// and title in the document); kInternal when cairo fails.
core::Result<std::string> SubmissionFormPdf(const SubmissionForm& form);
// The form in `format`, one of ParseFormFormat's.
core::Result<std::string> RenderForm(const SubmissionForm& form, Format format);

}  // namespace redress::report::render
