#pragma once

// Renders an annual report (report/annual_report.hpp) as a document: JSON for the API and
// integrations, a self-contained HTML page with SVG charts, a PDF for a Cabinet agenda (A4, with
// cover, contents, charts, tables and page numbers), CSV tables and an XLSX workbook. Renderers
// only lay out the figures; every number comes from the report.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "report/annual_report.hpp"

namespace redress::report::render {

enum class Format { kJson, kHtml, kPdf, kCsv, kXlsx };
std::string_view ToString(Format format);  // "json", "html", "pdf", "csv", "xlsx"
std::optional<Format> ParseFormat(std::string_view name);
inline constexpr std::string_view kFormatNames = "json, html, pdf, csv or xlsx";

std::string_view ContentType(Format format);  // "application/json", "application/pdf", ...
// A file name for the report of `year` in `format`: "annual-complaints-report-2023-24.pdf".
std::string FileName(int year, Format format);
// The same for another document of the year: "<stem>-2023-24.<format>".
std::string FileName(std::string_view stem, int year, Format format);

// The report as the bytes of a document in `format`. Fails (kInternal) only when a document
// library fails.
core::Result<std::string> Render(const AnnualReport& report, Format format);

}  // namespace redress::report::render
