#pragma once

// Correspondence (app/letter_repository.hpp) as every engine stores it: an issued letter's columns,
// its SELECT, its binding and reading, a template's columns and reading, and the read of a
// complaint's contact preferences; written once as templates over an engine's binder and row
// reader. The PDF's bytes are the one thing that travels differently (SQLite: the bytes as they
// are, stored as a BLOB; PostgreSQL: hex text for bytea), so the engine hands over the PDF's
// bound value and turns the text it reads back into bytes. Each engine runs the SQL itself.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "app/letter_repository.hpp"
#include "app/letter_template_repository.hpp"
#include "core/letter.hpp"
#include "core/regime.hpp"

namespace redress::storage::common {

// The columns a letter is written with, after number.
inline constexpr std::array<std::string_view, 18> kLetterColumns{"type",
                                                                 "stage",
                                                                 "issued_on",
                                                                 "issued_by",
                                                                 "issued_at",
                                                                 "channel",
                                                                 "format",
                                                                 "recipient_name",
                                                                 "recipient_email",
                                                                 "recipient_address",
                                                                 "template_version",
                                                                 "text",
                                                                 "html",
                                                                 "pdf",
                                                                 "pages",
                                                                 "sha256",
                                                                 "corrects",
                                                                 "complaint_id"};

// The SELECT ReadLetter reads, with `bodies` as the text, html and pdf columns: "'', '', ''" for a
// list, which leaves the bodies out.
inline std::string LetterSelect(std::string_view bodies) {
  return "SELECT l.id, c.reference, l.number, l.type, l.stage, l.issued_on, l.issued_by, "
         "l.issued_at, l.channel, l.format, l.recipient_name, l.recipient_email, "
         "l.recipient_address, l.template_version, " +
         std::string(bodies) +
         ", l.pages, l.sha256, l.corrects FROM letters l JOIN complaints c ON c.id = "
         "l.complaint_id";
}
inline constexpr std::string_view kLetterWithoutBodies = "'', '', ''";

// Binds number and kLetterColumns; `pdf` is the PDF as the engine binds it.
template <typename Binder, typename Pdf>
void BindLetter(Binder& b, const app::IssuedLetter& letter, const Pdf& pdf,
                std::int64_t complaint_id) {
  b.BindAll(letter.number, letter.type, letter.stage, letter.issued_on, letter.issued_by,
            letter.issued_at, letter.channel, letter.format, letter.recipient_name,
            letter.recipient_email, letter.recipient_address, letter.template_version, letter.text,
            letter.html, pdf, letter.pages, letter.sha256);
  b.Bind(letter.corrects);
  b.Bind(complaint_id);
}

// Reads LetterSelect's columns; the PDF as the engine's text of it.
template <typename Reader>
app::IssuedLetter ReadLetter(Reader& r) {
  app::IssuedLetter letter;
  letter.id = r.Int64();
  letter.complaint_reference = r.Text();
  letter.number = r.Int();
  letter.type = r.Enumerator(core::ParseLetterType);
  letter.stage = r.Int();
  letter.issued_on = r.Date();
  letter.issued_by = r.Text();
  letter.issued_at = r.Text();
  letter.channel = r.Enumerator(core::ParsePreferredChannel);
  letter.format = r.Enumerator(core::ParseLetterFormat);
  letter.recipient_name = r.Text();
  letter.recipient_email = r.Text();
  letter.recipient_address = r.Text();
  letter.template_version = r.Int64();
  letter.text = r.Text();
  letter.html = r.Text();
  letter.pdf = r.Text();
  letter.pages = r.Int();
  letter.sha256 = r.Text();
  if (r.NextIsNull()) {
    r.Skip(1);
  } else {
    letter.corrects = r.Int();
  }
  return letter;
}

inline constexpr std::string_view kTemplateColumns =
    "type, regime, version, text, saved_by, saved_at";

// Reads kTemplateColumns.
template <typename Reader>
app::LetterTemplate ReadTemplate(Reader& r) {
  app::LetterTemplate letter_template;
  letter_template.type = r.Enumerator(core::ParseLetterType);
  std::string regime = r.Text();
  if (!regime.empty()) letter_template.regime = core::ParseRegime(regime);
  letter_template.version = r.Int64();
  letter_template.text = r.Text();
  letter_template.saved_by = r.Text();
  letter_template.saved_at = r.Text();
  return letter_template;
}

// A template's regime as stored: '' for a template of every regime.
inline std::string RegimeKey(const std::optional<core::Regime>& regime) {
  return regime ? std::string(core::ToString(*regime)) : std::string();
}

// A complaint's contact preferences and needs, read from kContactPreferencesSelect (after the
// complaint's reference when kContactPreferencesOfManySelect, for a page of a list).
inline constexpr std::string_view kContactPreferencesSelect =
    "SELECT p.channel, p.format, p.language, p.copy_representative, p.adjustments, "
    "p.vulnerabilities, p.vulnerability_note "
    "FROM complaint_contact_preferences p JOIN complaints c ON c.id = p.complaint_id ";
inline constexpr std::string_view kContactPreferencesOfManySelect =
    "SELECT c.reference, p.channel, p.format, p.language, p.copy_representative, p.adjustments, "
    "p.vulnerabilities, p.vulnerability_note "
    "FROM complaint_contact_preferences p JOIN complaints c ON c.id = p.complaint_id "
    "WHERE c.reference IN (";
// The columns after complaint_id of "INSERT INTO complaint_contact_preferences (...)".
inline constexpr std::string_view kContactPreferencesColumns =
    "complaint_id, channel, format, language, copy_representative, adjustments, vulnerabilities, "
    "vulnerability_note";
// The upsert after "INSERT INTO complaint_contact_preferences (...) VALUES (...)".
inline constexpr std::string_view kContactPreferencesUpsert =
    " ON CONFLICT (complaint_id) DO UPDATE SET channel = excluded.channel, format = "
    "excluded.format, language = excluded.language, copy_representative = "
    "excluded.copy_representative, adjustments = excluded.adjustments, vulnerabilities = "
    "excluded.vulnerabilities, vulnerability_note = excluded.vulnerability_note";

template <typename Reader>
core::ContactPreferences ReadContactPreferences(Reader& r) {
  core::ContactPreferences preferences;
  preferences.channel = r.Enumerator(core::ParsePreferredChannel);
  preferences.format = r.Enumerator(core::ParseLetterFormat);
  preferences.language = r.Text();
  preferences.copy_representative = r.Bool() ? core::ContactPreferences::CopyRepresentative::kYes
                                             : core::ContactPreferences::CopyRepresentative::kNo;
  preferences.adjustments = r.Text();
  preferences.vulnerabilities = core::SplitVulnerabilities(r.Text());
  preferences.vulnerability_note = r.Text();
  return preferences;
}

// Reads kContactPreferencesOfManySelect's row: the reference, then the preferences.
template <typename Reader>
std::pair<std::string, core::ContactPreferences> ReadReferencedContactPreferences(Reader& r) {
  std::string reference = r.Text();
  return {std::move(reference), ReadContactPreferences(r)};
}

// Binds kContactPreferencesColumns.
template <typename Binder>
void BindContactPreferences(Binder& b, std::int64_t complaint_id,
                            const core::ContactPreferences& preferences) {
  b.BindAll(complaint_id, preferences.channel, preferences.format, preferences.language,
            preferences.copy_representative == core::ContactPreferences::CopyRepresentative::kYes,
            preferences.adjustments, core::JoinVulnerabilities(preferences.vulnerabilities),
            preferences.vulnerability_note);
}

}  // namespace redress::storage::common
