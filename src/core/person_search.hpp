#pragma once

// Finding people: the one normalisation of contact details, shared by the repeat check
// (core/repeats.hpp), the text a complaint is searched by (the stores' full-text indexes) and the
// search a user types, and the key that says two complaints come from the same person. Pure: no
// I/O, no locale (e-mail addresses, phone numbers and postcodes are compared as ASCII; case and
// accents of names and words are folded by the engines' text search, which handles Unicode).

#include <string>
#include <string_view>

#include "core/complaint.hpp"

namespace redress::core {

// " J.Smith@X.org " -> "j.smith@x.org": trimmed, ASCII lower-cased.
std::string NormaliseEmail(std::string_view email);
// Digits only, in the national form: "+44 (0)7700 900123", "0044 7700 900123" and
// "07700 900123" all give "07700900123".
std::string NormalisePhone(std::string_view phone);
// "SW1A 1AA" -> "sw1a1aa": no whitespace, ASCII lower-cased.
std::string NormalisePostcode(std::string_view postcode);
// The first line of an address (up to the first comma or line break), lower-cased, runs of
// whitespace as one space: "12  High Street, Town" -> "12 high street".
std::string FirstAddressLine(std::string_view address);
// " Amira  KHAN " -> "amira khan": trimmed, runs of whitespace as one space, ASCII lower-cased.
std::string NormaliseName(std::string_view name);

// The text a complaint is found by besides its summary and description: its reference, and the
// name, e-mail address, phone number, address and postcode of its complainant and of its
// representative. Phone numbers and postcodes are given both as written and normalised
// (NormalisePhone, NormalisePostcode), so that a search typed either way finds them. One line per
// value; empty values are left out. The stores index it (column people_text).
std::string PeopleSearchText(const Complaint& complaint);

// A search as typed, with the spacing taken out of what is a phone number or a postcode, so that
// it meets the normalised forms PeopleSearchText indexes: a run of words made of digits and the
// marks people write numbers with ("+44 7700 900 123", "(01632) 960-001"), beginning with "0",
// "+" or "(" and holding at least kMinPhoneDigits digits, becomes its NormalisePhone; a UK
// postcode written with its space ("SW1A 1AA") becomes its NormalisePostcode. Every other word
// is kept as typed.
inline constexpr int kMinPhoneDigits = 9;
std::string NormaliseSearchText(std::string_view text);

// Who a complaint comes from, for finding the same person's other cases: the normalised e-mail
// address, phone number, and name with postcode ("amira khan|sw1a1aa", empty unless both are
// known). Two people are the same when any known part of their keys is equal.
struct PersonKey {
  std::string email;
  std::string phone;
  std::string name_postcode;
  friend bool operator==(const PersonKey&, const PersonKey&) = default;
  bool empty() const { return email.empty() && phone.empty() && name_postcode.empty(); }
};
PersonKey PersonKeyOf(const Person& person);
bool SamePerson(const PersonKey& a, const PersonKey& b);

}  // namespace redress::core
