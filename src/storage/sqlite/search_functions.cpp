#include "storage/sqlite/search_functions.hpp"

#include <array>
#include <string>

#include "core/person_search.hpp"

namespace redress::storage::sqlite {
namespace {

constexpr int kPeopleTextArguments = 11;
constexpr int kPersonKeyArguments = 2;
constexpr int kPersonFields = 5;

std::string TextOf(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  return text == nullptr ? std::string()
                         : std::string(reinterpret_cast<const char*>(text),
                                       static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

core::Person PersonAt(sqlite3_value** values) {
  return {TextOf(values[0]), TextOf(values[1]), TextOf(values[2]), TextOf(values[3]),
          TextOf(values[4])};
}

void ResultText(sqlite3_context* context, const std::string& text) {
  sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void PeopleSearchText(sqlite3_context* context, int count, sqlite3_value** values) {
  if (count != kPeopleTextArguments) {
    sqlite3_result_error(context, "redress_people_search_text takes 11 arguments", -1);
    return;
  }
  core::Complaint complaint;
  complaint.reference = TextOf(values[0]);
  complaint.complainant = PersonAt(values + 1);
  if (sqlite3_value_type(values[1 + kPersonFields]) != SQLITE_NULL) {
    complaint.representative = PersonAt(values + 1 + kPersonFields);
  }
  ResultText(context, core::PeopleSearchText(complaint));
}

void PersonKey(sqlite3_context* context, int count, sqlite3_value** values) {
  if (count != kPersonKeyArguments) {
    sqlite3_result_error(context, "redress_person_key takes 2 arguments", -1);
    return;
  }
  core::Person person;
  person.name = TextOf(values[0]);
  person.postcode = TextOf(values[1]);
  ResultText(context, core::PersonKeyOf(person).name_postcode);
}

}  // namespace

core::Status RegisterSearchFunctions(sqlite3* db) {
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  if (sqlite3_create_function_v2(db, "redress_people_search_text", kPeopleTextArguments, kFlags,
                                 nullptr, PeopleSearchText, nullptr, nullptr,
                                 nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db, "redress_person_key", kPersonKeyArguments, kFlags, nullptr,
                                 PersonKey, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return core::Fail(core::ErrorCode::kStorage,
                      std::string("cannot register the search functions: ") + sqlite3_errmsg(db));
  }
  return {};
}

}  // namespace redress::storage::sqlite
