# Turns the gov.uk bank holidays file into C++ source, so the pure core needs neither I/O nor JSON.
#
#   cmake -DINPUT=data/uk-bank-holidays.json -DOUTPUT=official_holidays.cpp -P embed_holidays.cmake
#
# INPUT is in the format of https://www.gov.uk/bank-holidays.json:
#   {"<division>": {"division": "<division>", "events": [{"title", "date", "notes", "bunting"}]}}
# OUTPUT defines the table declared in src/core/official_holidays.hpp. It depends only on the
# content of INPUT (no paths, no timestamps), and is rewritten only when that content changes, so
# an unchanged data file does not trigger a recompilation.
#
# Anything unexpected in the data (an unknown division, a malformed date, a missing field) stops
# the build: the data is a reviewed input, and a silent skip would lose a bank holiday.

cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/embed_common.cmake)

if(NOT DEFINED INPUT OR NOT DEFINED OUTPUT)
  message(FATAL_ERROR
    "usage: cmake -DINPUT=<holidays.json> -DOUTPUT=<file.cpp> -P ${CMAKE_SCRIPT_MODE_FILE}")
endif()

# The gov.uk division names, in the order of the redress::core::Division enumerators.
set(division_names england-and-wales scotland northern-ireland)
set(division_enumerators kEnglandAndWales kScotland kNorthernIreland)

# Characters emitted as they are inside a C++ string literal; every other byte (quotes, backslash,
# non-ASCII UTF-8 such as the typographic apostrophe in "New Year’s Day") becomes a three-digit
# octal escape, so the generated file is plain ASCII whatever the compiler's source charset.
# (Octal rather than \x escapes: an \x escape would swallow a following hex digit such as "D".)
set(literal_safe_regex "^[A-Za-z0-9 ()',.&/-]$")

# Sets out_var to `text` as a C++ string literal, quotes included.
function(to_cpp_literal text out_var)
  string(REGEX MATCH "[^A-Za-z0-9 ()',.&/-]" unsafe "${text}")
  if(unsafe STREQUAL "")
    set(${out_var} "\"${text}\"" PARENT_SCOPE)
    return()
  endif()
  string(HEX "${text}" hex)
  string(LENGTH "${hex}" hex_length)
  set(literal "")
  set(position 0)
  while(position LESS hex_length)
    string(SUBSTRING "${hex}" ${position} 2 byte_hex)
    math(EXPR byte "0x${byte_hex}")
    set(character "")
    if(byte GREATER_EQUAL 32 AND byte LESS 127)
      string(ASCII ${byte} character)
    endif()
    if(NOT character STREQUAL "" AND character MATCHES "${literal_safe_regex}")
      string(APPEND literal "${character}")
    else()
      math(EXPR high "${byte} / 64")
      math(EXPR middle "(${byte} / 8) % 8")
      math(EXPR low "${byte} % 8")
      string(APPEND literal "\\${high}${middle}${low}")
    endif()
    math(EXPR position "${position} + 2")
  endwhile()
  set(${out_var} "\"${literal}\"" PARENT_SCOPE)
endfunction()

# Sets out_var to the string member `key` of the JSON object `object`; fails the build when it is
# missing, unless a default is given as the fifth argument.
function(json_member object key context out_var)
  string(JSON value ERROR_VARIABLE error GET "${object}" "${key}")
  if(error)
    if(ARGC GREATER 4)
      set(value "${ARGV4}")
    else()
      message(FATAL_ERROR "${INPUT}: ${context}: no \"${key}\": ${error}")
    endif()
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

file(READ "${INPUT}" holidays_json)
string(JSON division_count ERROR_VARIABLE error LENGTH "${holidays_json}")
if(error)
  message(FATAL_ERROR "${INPUT}: not a JSON object: ${error}")
endif()
if(division_count EQUAL 0)
  message(FATAL_ERROR "${INPUT}: no divisions")
endif()

# Every division in the file must be one the core knows.
math(EXPR last_division_index "${division_count} - 1")
foreach(index RANGE ${last_division_index})
  string(JSON key MEMBER "${holidays_json}" ${index})
  if(NOT key IN_LIST division_names)
    list(JOIN division_names ", " expected)
    message(FATAL_ERROR "${INPUT}: unknown division \"${key}\" (expected one of ${expected})")
  endif()
endforeach()

set(holiday_rows "")
set(coverage_rows "")
set(holiday_count 0)
foreach(division_name division_enumerator IN ZIP_LISTS division_names division_enumerators)
  string(JSON division_json ERROR_VARIABLE missing GET "${holidays_json}" "${division_name}")
  if(missing)
    continue()  # A division absent from the file is computed by rule for every year.
  endif()
  json_member("${division_json}" division "${division_name}" declared_name)
  if(NOT declared_name STREQUAL division_name)
    message(FATAL_ERROR "${INPUT}: key \"${division_name}\" holds division \"${declared_name}\"")
  endif()
  json_member("${division_json}" events "${division_name}" events_json)
  string(JSON event_count LENGTH "${events_json}")
  if(event_count EQUAL 0)
    continue()
  endif()

  set(first_year "")
  set(last_year "")
  math(EXPR last_event_index "${event_count} - 1")
  foreach(index RANGE ${last_event_index})
    string(JSON event_json GET "${events_json}" ${index})
    set(context "${division_name} event ${index}")
    json_member("${event_json}" title "${context}" title)
    json_member("${event_json}" date "${context}" date)
    json_member("${event_json}" notes "${context}" notes "")
    if(NOT date MATCHES "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$")
      message(FATAL_ERROR "${INPUT}: ${context}: date \"${date}\" is not YYYY-MM-DD")
    endif()
    # math() drops the leading zeros, which would make "08" an invalid octal literal in C++.
    math(EXPR year "${CMAKE_MATCH_1}")
    math(EXPR month "${CMAKE_MATCH_2}")
    math(EXPR day "${CMAKE_MATCH_3}")
    if(month LESS 1 OR month GREATER 12 OR day LESS 1 OR day GREATER 31)
      message(FATAL_ERROR "${INPUT}: ${context}: date \"${date}\" is out of range")
    endif()
    if(first_year STREQUAL "" OR year LESS first_year)
      set(first_year ${year})
    endif()
    if(last_year STREQUAL "" OR year GREATER last_year)
      set(last_year ${year})
    endif()
    to_cpp_literal("${title}" title_literal)
    to_cpp_literal("${notes}" notes_literal)
    string(APPEND holiday_rows
      "    {Division::${division_enumerator}, ${year}, ${month}, ${day}, ${title_literal}, "
      "${notes_literal}},\n")
    math(EXPR holiday_count "${holiday_count} + 1")
  endforeach()
  string(APPEND coverage_rows
    "    {Division::${division_enumerator}, ${first_year}, ${last_year}},\n")
endforeach()

if(holiday_count EQUAL 0)
  message(FATAL_ERROR "${INPUT}: no bank holidays found")
endif()

get_filename_component(input_name "${INPUT}" NAME)
set(content "// Generated by src/core/embed_holidays.cmake from ${input_name}. Do not edit.

#include \"core/official_holidays.hpp\"

namespace redress::core {
namespace {

constexpr OfficialHoliday kOfficialHolidays[] = {
${holiday_rows}};

constexpr OfficialCoverage kOfficialCoverages[] = {
${coverage_rows}};

}  // namespace

std::span<const OfficialHoliday> OfficialHolidays() { return kOfficialHolidays; }

std::span<const OfficialCoverage> OfficialCoverages() { return kOfficialCoverages; }

}  // namespace redress::core
")

redress_write_if_changed("${OUTPUT}" "${content}")
