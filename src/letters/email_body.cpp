#include "letters/email_body.hpp"

#include <sstream>
#include <string>

#include "core/html_text.hpp"

namespace redress::letters {
namespace {

constexpr std::string_view kHeadingMark = "# ";

bool IsBlankLine(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

std::string EmailHtml(std::string_view text) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head>"
      "<body style=\"font-family: Arial, sans-serif; font-size: 19px\">\n";
  std::istringstream lines{std::string(text)};
  std::string line;
  bool in_paragraph = false;
  auto close = [&] {
    if (in_paragraph) out += "</p>\n";
    in_paragraph = false;
  };
  while (std::getline(lines, line)) {
    if (line.rfind(kHeadingMark, 0) == 0) {
      close();
      out += "<h2>";
      core::AppendEscapedHtml(out, std::string_view(line).substr(kHeadingMark.size()));
      out += "</h2>\n";
    } else if (IsBlankLine(line)) {
      close();
    } else {
      out += in_paragraph ? "<br>\n" : "<p>";
      in_paragraph = true;
      core::AppendEscapedHtml(out, line);
    }
  }
  close();
  out += "</body></html>\n";
  return out;
}

std::string EmailText(std::string_view text) {
  std::istringstream lines{std::string(text)};
  std::string out;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(kHeadingMark, 0) == 0) line = line.substr(kHeadingMark.size());
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace redress::letters
