#include "app/redaction.hpp"

#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/permissions.hpp"

namespace redress::app {
namespace {

// The name a redacted attachment keeps (the column may not be blank).
constexpr std::string_view kRedactedFileName = "redacted";

bool Quotes(const StoredEvent& stored, const std::vector<std::string>& texts) {
  auto has = [&](std::string_view haystack) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) {
      return !text.empty() && haystack.find(text) != std::string_view::npos;
    });
  };
  if (has(stored.event.summary)) return true;
  return std::any_of(
      stored.event.changes.begin(), stored.event.changes.end(),
      [&](const core::Change& change) { return has(change.before) || has(change.after); });
}

}  // namespace

Result<Redaction> RedactComplaintItem(Store& store, const Clock& clock, const Actor& actor,
                                      std::string_view reference, std::string_view target,
                                      const std::string& reason, FileStore* files,
                                      std::shared_mutex* content_mutex) {
  if (!core::Allows(actor.role, core::Permission::kManageConfiguration)) {
    return core::Fail(core::ErrorCode::kForbidden, "only administrators redact");
  }
  auto checked = core::CheckRedaction(target, reason);
  if (!checked) return tl::unexpected(checked.error());
  Redaction redaction{*checked, reason, actor.username, clock.NowRfc3339(), 0};
  std::string removed_file;  // the content to remove from the file store afterwards

  Status written = store.Write([&](Tx& tx) -> Status {
    Visibility visibility(tx, actor);
    auto found = visibility.Finds(reference);
    if (!found) return tl::unexpected(found.error());
    if (!*found || !reference.starts_with("CMP-")) {
      return core::Fail(core::ErrorCode::kNotFound,
                        "complaint " + std::string(reference) + " does not exist");
    }
    auto complaint = tx.Complaints().Load(reference);
    if (!complaint) return tl::unexpected(complaint.error());
    // What the item said: the events quoting any of it lose their content.
    std::vector<std::string> texts;
    const core::CaseEvent event{
        core::EventType::kRedacted,
        clock.Today(),
        actor.username,
        0,
        "Redacted " + redaction.target.ToString() + " on request",
        {{"target", "", redaction.target.ToString()}, {"reason", "", reason}}};
    switch (redaction.target.kind) {
      case core::RedactionKind::kField: {
        const std::optional<std::string> text =
            core::RedactableText(*complaint, redaction.target.field);
        if (!text || text->empty()) {
          return core::FailField("target", "the complaint has no " + redaction.target.field,
                                 core::FieldErrorCode::kNotAllowedInState);
        }
        if (*text == core::kRedactedText) {
          return core::Fail(core::ErrorCode::kConflict,
                            redaction.target.ToString() + " is redacted already");
        }
        texts.push_back(*text);
        auto saved = tx.Complaints().Update(core::RedactField(*complaint, redaction.target.field),
                                            complaint->version, event);
        if (!saved) return tl::unexpected(saved.error());
        break;
      }
      case core::RedactionKind::kNote: {
        auto notes = tx.CaseNotes().NotesOf(reference);
        if (!notes) return tl::unexpected(notes.error());
        auto note = std::find_if(notes->begin(), notes->end(),
                                 [&](const CaseNote& n) { return n.id == redaction.target.id; });
        if (note == notes->end()) {
          return core::FailField("target",
                                 "complaint " + std::string(reference) + " has no note " +
                                     std::to_string(redaction.target.id),
                                 core::FieldErrorCode::kUnknownReference);
        }
        if (note->text == core::kRedactedText) {
          return core::Fail(core::ErrorCode::kConflict,
                            redaction.target.ToString() + " is redacted already");
        }
        texts.push_back(note->text);
        if (Status done = tx.Retention().RedactNote(reference, note->id, core::kRedactedText);
            !done) {
          return done;
        }
        if (Status appended = tx.Events().Append(EntityType::kComplaint, reference, event);
            !appended) {
          return appended;
        }
        break;
      }
      case core::RedactionKind::kAttachment: {
        auto file = tx.Retention().RedactAttachment(reference, redaction.target.id,
                                                    kRedactedFileName, actor.username,
                                                    redaction.redacted_at, "redacted: " + reason);
        if (!file) {
          if (file.error().code != core::ErrorCode::kNotFound) return tl::unexpected(file.error());
          return core::FailField("target",
                                 "complaint " + std::string(reference) + " has no attachment " +
                                     std::to_string(redaction.target.id),
                                 core::FieldErrorCode::kUnknownReference);
        }
        if (file->second == kRedactedFileName) {
          return core::Fail(core::ErrorCode::kConflict,
                            redaction.target.ToString() + " is redacted already");
        }
        removed_file = file->first;
        texts.push_back(file->second);
        if (Status appended = tx.Events().Append(EntityType::kComplaint, reference, event);
            !appended) {
          return appended;
        }
        break;
      }
    }
    auto events = tx.Events().EventsOf(EntityType::kComplaint, reference);
    if (!events) return tl::unexpected(events.error());
    std::vector<std::int64_t> quoting;
    for (const StoredEvent& stored : *events) {
      if (stored.event.type == core::EventType::kRedacted) continue;
      if (Quotes(stored, texts)) quoting.push_back(stored.sequence);
    }
    redaction.events_erased = static_cast<std::int64_t>(quoting.size());
    return tx.Events().EraseContentOfSequences(quoting, redaction.redacted_at);
  });
  if (!written) return tl::unexpected(written.error());

  if (files != nullptr && !removed_file.empty()) {
    std::unique_lock<std::shared_mutex> content_lock;
    if (content_mutex != nullptr)
      content_lock = std::unique_lock<std::shared_mutex>(*content_mutex);
    auto keep = ReadValue<std::vector<std::string>>(
        store, [](Tx& tx) { return tx.Attachments().ReferencedContent(); });
    if (!keep) return tl::unexpected(keep.error());
    if (std::find(keep->begin(), keep->end(), removed_file) == keep->end()) {
      if (Status removed = files->Remove(removed_file); !removed) {
        return tl::unexpected(removed.error());
      }
    }
  }
  if (Status purged = store.PurgeErasedTraces(); !purged) return tl::unexpected(purged.error());
  return redaction;
}

}  // namespace redress::app
