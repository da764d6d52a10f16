#include "report/render/render.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/enum_names.hpp"
#include "report/render/render_internal.hpp"

namespace redress::report::render {
namespace {

constexpr double kHundred = 100.0;

constexpr core::EnumNames<Format, 5> kFormatTable{{
    {Format::kJson, "json"},
    {Format::kHtml, "html"},
    {Format::kPdf, "pdf"},
    {Format::kCsv, "csv"},
    {Format::kXlsx, "xlsx"},
}};

std::string Fixed(double value, int decimals) {
  std::string text(32, '\0');
  const int written = std::snprintf(text.data(), text.size(), "%.*f", decimals, value);
  text.resize(static_cast<std::size_t>(written > 0 ? written : 0));
  return text;
}

// 1234567 → "1,234,567"; the integer part of a non-negative number.
std::string Grouped(std::int64_t value) {
  std::string digits = std::to_string(value);
  std::string grouped;
  const std::size_t size = digits.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (i > 0 && (size - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string Money(double pounds) {
  const auto pence = static_cast<std::int64_t>(std::llround(std::fabs(pounds) * kHundred));
  std::string text = "£" + Grouped(pence / static_cast<std::int64_t>(kHundred)) + ".";
  const std::int64_t rest = pence % static_cast<std::int64_t>(kHundred);
  text += (rest < 10 ? "0" : "") + std::to_string(rest);
  return pounds < 0 ? "−" + text : text;
}

std::string Number(double value, Unit unit) {
  switch (unit) {
    case Unit::kCount: {
      const auto whole = std::llround(value);
      return (whole < 0 ? "−" : "") + Grouped(std::llabs(whole));
    }
    case Unit::kPercent:
      return Fixed(value, 1) + "%";
    case Unit::kWorkingDays:
      return Fixed(value, 1);
    case Unit::kPounds:
      return Money(value);
    case Unit::kPerThousandHomes:
      return Fixed(value, 2);
  }
  return Fixed(value, 2);
}

}  // namespace

std::string_view ToString(Format format) { return core::NameOf(kFormatTable, format); }

std::optional<Format> ParseFormat(std::string_view name) {
  return core::ParseName(kFormatTable, name);
}

std::string_view ContentType(Format format) {
  switch (format) {
    case Format::kJson:
      return "application/json";
    case Format::kHtml:
      return "text/html; charset=utf-8";
    case Format::kPdf:
      return "application/pdf";
    case Format::kCsv:
      return "text/csv; charset=utf-8";
    case Format::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

std::string FileName(int year, Format format) {
  std::string label = FinancialYearLabel(year);
  for (char& c : label) {
    if (c == '/') c = '-';
  }
  return "annual-complaints-report-" + label + "." + std::string(ToString(format));
}

core::Result<std::string> Render(const AnnualReport& report, Format format) {
  switch (format) {
    case Format::kJson:
      return RenderJson(report);
    case Format::kHtml:
      return RenderHtml(report);
    case Format::kPdf:
      return RenderPdf(report);
    case Format::kCsv:
      return RenderCsv(report);
    case Format::kXlsx:
      return RenderXlsx(report);
  }
  return RenderJson(report);
}

std::string ListPath(const ListFilter& filter, core::Date from, core::Date to) {
  std::string path =
      "/api/v1/complaints?received_from=" + from.ToIso() + "&received_to=" + to.ToIso();
  if (filter.regime) path += "&regime=" + std::string(core::ToString(*filter.regime));
  if (!filter.service_area.empty()) path += "&service_area=" + filter.service_area;
  if (!filter.category.empty()) path += "&category=" + filter.category;
  return path;
}

std::string FormatValue(std::optional<double> value, Unit unit) {
  return value ? Number(*value, unit) : "–";
}

std::string FormatChange(const Figure& figure) {
  const std::optional<double> change = Change(figure);
  if (!change) return "–";
  const std::string sign = *change > 0 ? "+" : (*change < 0 ? "−" : "");
  std::string text;
  if (figure.unit == Unit::kPercent) {
    text = sign + Fixed(std::fabs(*change), 1) + " points";
  } else {
    text = sign + Number(std::fabs(*change), figure.unit);
  }
  if (const std::optional<double> relative = ChangePercent(figure)) {
    const std::string relative_sign = *relative > 0 ? "+" : (*relative < 0 ? "−" : "");
    text += " (" + relative_sign + Fixed(std::fabs(*relative), 1) + "%)";
  }
  return text;
}

double Rounded(double value, Unit unit) {
  if (unit == Unit::kCount) return static_cast<double>(std::llround(value));
  return std::round(value * kHundred) / kHundred;
}

}  // namespace redress::report::render
