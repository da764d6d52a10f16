#include "app/attachments.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/references.hpp"

namespace redress::app {
namespace {

constexpr std::string_view kFileField = "file";

core::ReferenceKind ReferenceKindOf(core::AttachedTo attached_to) {
  switch (attached_to) {
    case core::AttachedTo::kComplaint:
      return core::ReferenceKind::kComplaint;
    case core::AttachedTo::kServiceRequest:
      return core::ReferenceKind::kServiceRequest;
    case core::AttachedTo::kOmbudsmanCase:
      return core::ReferenceKind::kOmbudsmanCase;
    case core::AttachedTo::kLearningAction:
      return core::ReferenceKind::kLearningAction;
  }
  return core::ReferenceKind::kComplaint;
}

std::string NoSuchRecord(core::AttachedTo attached_to, std::string_view reference) {
  std::string kind(core::ToString(attached_to));
  std::replace(kind.begin(), kind.end(), '_', ' ');
  return "no " + kind + " " + std::string(reference);
}

// kNotFound unless `reference` names a record of the kind that the actor sees (a hidden one reads
// exactly as a missing one).
Status RequireVisibleRecord(Tx& tx, const Actor& actor, core::AttachedTo attached_to,
                            std::string_view reference) {
  if (core::KindOfReference(reference) != ReferenceKindOf(attached_to)) {
    return core::Fail(core::ErrorCode::kNotFound, NoSuchRecord(attached_to, reference));
  }
  Visibility visibility(tx, actor);
  auto found = visibility.Finds(reference);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return core::Fail(core::ErrorCode::kNotFound, NoSuchRecord(attached_to, reference));
  return {};
}

// The stage a complaint's event belongs to (its current one); 0 for other records.
Result<int> StageOf(Tx& tx, core::AttachedTo attached_to, std::string_view reference) {
  if (attached_to != core::AttachedTo::kComplaint) return 0;
  auto complaint = tx.Complaints().Load(reference);
  if (!complaint) return tl::unexpected(complaint.error());
  return complaint->current_stage().number;
}

std::string Describe(const Attachment& attachment) {
  return attachment.name + " (" + attachment.media_type + ", " + std::to_string(attachment.size) +
         " bytes, SHA-256 " + attachment.sha256 + ")";
}

Status AppendAttachmentEvent(Tx& tx, const Attachment& attachment, core::EventType type,
                             core::Date today, const std::string& actor,
                             std::vector<core::Change> changes, std::string summary) {
  auto stage = StageOf(tx, attachment.attached_to, attachment.reference);
  if (!stage) return tl::unexpected(stage.error());
  core::CaseEvent event{type, today, actor, *stage, std::move(summary), std::move(changes)};
  return tx.Events().Append(EntityTypeOf(attachment.attached_to), attachment.reference, event);
}

}  // namespace

EntityType EntityTypeOf(core::AttachedTo attached_to) {
  switch (attached_to) {
    case core::AttachedTo::kComplaint:
      return EntityType::kComplaint;
    case core::AttachedTo::kServiceRequest:
      return EntityType::kServiceRequest;
    case core::AttachedTo::kOmbudsmanCase:
      return EntityType::kOmbudsmanCase;
    case core::AttachedTo::kLearningAction:
      return EntityType::kLearningAction;
  }
  return EntityType::kComplaint;
}

Result<UploadAllowance> UploadAllowanceOf(const AttachmentContext& context, const Actor& actor,
                                          core::AttachedTo attached_to,
                                          std::string_view reference) {
  return ReadValue<UploadAllowance>(context.store, [&](Tx& tx) -> Result<UploadAllowance> {
    if (auto visible = RequireVisibleRecord(tx, actor, attached_to, reference); !visible) {
      return tl::unexpected(visible.error());
    }
    auto policy = tx.Attachments().LoadPolicy();
    if (!policy) return tl::unexpected(policy.error());
    auto held = tx.Attachments().BytesHeldBy(attached_to, reference);
    if (!held) return tl::unexpected(held.error());
    return UploadAllowance{std::move(*policy), *held};
  });
}

namespace {

Result<core::ScanState> ScanContent(const AttachmentContext& context, std::string_view sha256) {
  if (context.scanner == nullptr) return core::ScanState::kNotScanned;
  auto content = context.files.Open(sha256);
  if (!content) return tl::unexpected(content.error());
  auto verdict = context.scanner->Scan(**content);
  if (!verdict) {
    if (verdict.error().code == core::ErrorCode::kUnavailable) return core::ScanState::kPending;
    return tl::unexpected(verdict.error());
  }
  return *verdict == ScanVerdict::kInfected ? core::ScanState::kInfected : core::ScanState::kClean;
}

}  // namespace

Result<JudgedFiles> JudgeReceivedFiles(const MediaTypeDetector& detector,
                                       const core::AttachmentPolicy& policy,
                                       std::int64_t case_bytes,
                                       const std::vector<ReceivedFile>& files) {
  JudgedFiles judged;
  for (const ReceivedFile& file : files) {
    auto media_type = detector.Detect(file.upload->head());
    if (!media_type) return tl::unexpected(media_type.error());
    const core::OfferedFile offered{*media_type, file.upload->size()};
    if (auto checked = core::CheckOfferedFile(policy, offered, case_bytes, kFileField); !checked) {
      for (core::FieldError& field : checked.error().fields) {
        judged.refused.push_back({core::SanitiseFileName(file.name), std::move(field)});
      }
    }
    case_bytes += offered.size;
    judged.media_types.push_back(std::move(*media_type));
  }
  return judged;
}

Result<std::vector<Attachment>> AddAttachments(const AttachmentContext& context, const Actor& actor,
                                               NewAttachments request) {
  if (request.files.empty()) {
    return core::FailField(std::string(kFileField), "Select a file",
                           core::FieldErrorCode::kRequired);
  }
  if (auto described = core::CheckDescription(request.description, "description"); !described) {
    return tl::unexpected(described.error());
  }
  auto allowance = UploadAllowanceOf(context, actor, request.attached_to, request.reference);
  if (!allowance) return tl::unexpected(allowance.error());

  // Judge every file before keeping any, so that one answer names every problem.
  auto judged =
      JudgeReceivedFiles(context.detector, allowance->policy, allowance->case_bytes, request.files);
  if (!judged) return tl::unexpected(judged.error());
  if (!judged->refused.empty()) {
    core::FieldErrors errors;
    for (const RefusedFile& refused : judged->refused) {
      errors.Add(refused.error.field, refused.error.message + " (" + refused.name + ")",
                 refused.error.code);
    }
    return errors.ToError();
  }
  const std::vector<std::string>& media_types = judged->media_types;

  std::shared_lock content_lock(context.content_mutex);
  std::vector<Attachment> added;
  for (std::size_t i = 0; i < request.files.size(); ++i) {
    ReceivedFile& file = request.files[i];
    auto stored = file.upload->Commit();
    if (!stored) return tl::unexpected(stored.error());
    auto scanned = ScanContent(context, stored->sha256);
    if (!scanned) return tl::unexpected(scanned.error());
    Attachment attachment;
    attachment.attached_to = request.attached_to;
    attachment.reference = request.reference;
    attachment.name = core::SanitiseFileName(file.name);
    attachment.media_type = media_types[i];
    attachment.size = stored->size;
    attachment.sha256 = stored->sha256;
    attachment.description = request.description;
    attachment.supplier = request.supplier;
    attachment.scan_state = *scanned;
    attachment.added_by = actor.username;
    attachment.added_at = context.clock.NowRfc3339();
    added.push_back(std::move(attachment));
  }
  // One transaction for every record; the visibility and the case's limit are judged again in
  // it, since the case may have changed while the files were stored and scanned.
  return WriteValue<std::vector<Attachment>>(
      context.store, [&](Tx& tx) -> Result<std::vector<Attachment>> {
        if (auto visible = RequireVisibleRecord(tx, actor, request.attached_to, request.reference);
            !visible) {
          return tl::unexpected(visible.error());
        }
        auto held = tx.Attachments().BytesHeldBy(request.attached_to, request.reference);
        if (!held) return tl::unexpected(held.error());
        std::int64_t total = *held;
        for (const Attachment& attachment : added) total += attachment.size;
        if (total > allowance->policy.max_case_bytes) {
          return core::FailField(std::string(kFileField),
                                 "must fit in what the case may still hold",
                                 core::FieldErrorCode::kTooLong);
        }
        std::vector<Attachment> inserted;
        for (const Attachment& attachment : added) {
          auto stored = tx.Attachments().Insert(attachment);
          if (!stored) return tl::unexpected(stored.error());
          std::string summary = "File " + stored->name + " attached by " + actor.username;
          if (stored->scan_state == core::ScanState::kInfected) {
            summary += "; a virus was found in it and it is quarantined";
          }
          if (auto appended = AppendAttachmentEvent(
                  tx, *stored, core::EventType::kAttachmentAdded, context.clock.Today(),
                  actor.username,
                  {{"attachment", "", Describe(*stored)},
                   {"sha256", "", stored->sha256},
                   {"scan_state", "", std::string(core::ToString(stored->scan_state))}},
                  std::move(summary));
              !appended) {
            return tl::unexpected(appended.error());
          }
          inserted.push_back(std::move(*stored));
        }
        return inserted;
      });
}

Result<std::vector<Attachment>> ListAttachments(const AttachmentContext& context,
                                                const Actor& actor, core::AttachedTo attached_to,
                                                std::string_view reference) {
  return ReadValue<std::vector<Attachment>>(
      context.store, [&](Tx& tx) -> Result<std::vector<Attachment>> {
        if (auto visible = RequireVisibleRecord(tx, actor, attached_to, reference); !visible) {
          return tl::unexpected(visible.error());
        }
        return tx.Attachments().ListOf(attached_to, reference);
      });
}

Result<OpenedAttachment> OpenAttachment(const AttachmentContext& context, const Actor& actor,
                                        core::AttachedTo attached_to, std::string_view reference,
                                        std::int64_t id) {
  auto attachment = ReadValue<Attachment>(context.store, [&](Tx& tx) -> Result<Attachment> {
    if (auto visible = RequireVisibleRecord(tx, actor, attached_to, reference); !visible) {
      return tl::unexpected(visible.error());
    }
    return tx.Attachments().Find(attached_to, reference, id);
  });
  if (!attachment) return tl::unexpected(attachment.error());
  const std::string not_found =
      "no attachment " + std::to_string(id) + " on " + std::string(reference);
  if (attachment->removal) return core::Fail(core::ErrorCode::kNotFound, not_found);
  if (attachment->scan_state == core::ScanState::kPending) {
    // Scanned before anyone may read it; the answer is kept for every attachment of the content.
    auto scanned = ScanContent(context, attachment->sha256);
    if (!scanned) return tl::unexpected(scanned.error());
    if (*scanned == core::ScanState::kPending) {
      return core::Fail(core::ErrorCode::kUnavailable,
                        "the file has not been scanned for viruses yet; try again later");
    }
    auto saved = context.store.Write([&](Tx& tx) -> Status {
      return tx.Attachments().SetScanState(attachment->sha256, *scanned);
    });
    if (!saved) return tl::unexpected(saved.error());
    attachment->scan_state = *scanned;
  }
  if (!core::MayServe(attachment->scan_state)) {
    return core::Fail(core::ErrorCode::kConflict,
                      "the file is quarantined: a virus scan found it infected, so it is never "
                      "served");
  }
  auto content = context.files.Open(attachment->sha256);
  if (!content) return tl::unexpected(content.error());
  return OpenedAttachment{std::move(*attachment), std::move(*content)};
}

Status RemoveAttachment(const AttachmentContext& context, const Actor& actor,
                        core::AttachedTo attached_to, std::string_view reference, std::int64_t id,
                        const std::string& reason) {
  if (auto checked = core::CheckRemovalReason(reason); !checked) return checked;
  std::unique_lock content_lock(context.content_mutex);
  std::string sha256;
  bool unreferenced = false;
  auto removed = context.store.Write([&](Tx& tx) -> Status {
    if (auto visible = RequireVisibleRecord(tx, actor, attached_to, reference); !visible) {
      return visible;
    }
    auto attachment = tx.Attachments().Find(attached_to, reference, id);
    if (!attachment) return tl::unexpected(attachment.error());
    if (attachment->removal) {
      return core::Fail(core::ErrorCode::kNotFound,
                        "no attachment " + std::to_string(id) + " on " + std::string(reference));
    }
    const AttachmentRemoval removal{actor.username, context.clock.NowRfc3339(), reason};
    if (auto marked = tx.Attachments().MarkRemoved(id, removal); !marked) return marked;
    auto referring = tx.Attachments().CountReferring(attachment->sha256);
    if (!referring) return tl::unexpected(referring.error());
    sha256 = attachment->sha256;
    unreferenced = *referring == 0;
    return AppendAttachmentEvent(tx, *attachment, core::EventType::kAttachmentRemoved,
                                 context.clock.Today(), actor.username,
                                 {{"attachment", Describe(*attachment), ""},
                                  {"sha256", attachment->sha256, ""},
                                  {"reason", "", reason}},
                                 "File " + attachment->name + " removed by " + actor.username);
  });
  if (!removed) return removed;
  // After the commit: should this fail or the process die first, the start-up sweep removes it.
  if (unreferenced) return context.files.Remove(sha256);
  return {};
}

Result<core::AttachmentPolicy> GetAttachmentPolicy(const AttachmentContext& context) {
  return ReadValue<core::AttachmentPolicy>(context.store,
                                           [](Tx& tx) { return tx.Attachments().LoadPolicy(); });
}

Result<core::AttachmentPolicy> SaveAttachmentPolicy(const AttachmentContext& context,
                                                    const Actor& actor,
                                                    const core::AttachmentPolicy& policy) {
  if (auto valid = core::ValidatePolicy(policy); !valid) return tl::unexpected(valid.error());
  return WriteValue<core::AttachmentPolicy>(
      context.store, [&](Tx& tx) -> Result<core::AttachmentPolicy> {
        auto before = tx.Attachments().LoadPolicy();
        if (!before) return tl::unexpected(before.error());
        const auto describe = [](const core::AttachmentPolicy& value) {
          std::string text = "max_file_bytes " + std::to_string(value.max_file_bytes) +
                             ", max_case_bytes " + std::to_string(value.max_case_bytes) +
                             ", allowed";
          for (const core::MediaTypeChoice& choice : value.allowed) {
            text += " " + choice.media_type;
          }
          return text;
        };
        if (auto saved = tx.Attachments().SavePolicy(policy); !saved) {
          return tl::unexpected(saved.error());
        }
        core::CaseEvent event{core::EventType::kConfigured,
                              context.clock.Today(),
                              actor.username,
                              0,
                              "Attachment allow-list and limits changed by " + actor.username,
                              {{"attachment_policy", describe(*before), describe(policy)}}};
        if (auto appended =
                tx.Events().Append(EntityType::kConfiguration, "attachment_policy", event);
            !appended) {
          return tl::unexpected(appended.error());
        }
        return policy;
      });
}

Result<std::int64_t> SweepOrphanFiles(const AttachmentContext& context) {
  std::unique_lock content_lock(context.content_mutex);
  auto keep = ReadValue<std::vector<std::string>>(
      context.store, [](Tx& tx) { return tx.Attachments().ReferencedContent(); });
  if (!keep) return tl::unexpected(keep.error());
  return context.files.Sweep(*keep);
}

}  // namespace redress::app
