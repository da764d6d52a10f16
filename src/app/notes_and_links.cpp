#include "app/notes_and_links.hpp"

#include <algorithm>
#include <utility>

#include "app/case_use_cases.hpp"
#include "app/store_values.hpp"

namespace redress::app {
namespace {

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Status AppendCaseEvent(EventRepository& events, const core::Complaint& complaint,
                       core::CaseEvent event) {
  event.stage = complaint.current_stage().number;
  return events.Append(EntityType::kComplaint, complaint.reference, event);
}

std::string Describe(const CaseLink& link) {
  return link.from + " " + std::string(ToString(link.relation)) + " " + link.to;
}

}  // namespace

Result<CaseNote> AddNote(Store& store, const Clock& clock, const Actor& actor,
                         std::string_view reference, const std::string& text) {
  if (IsBlank(text) || text.size() > kMaxNoteLength) {
    return core::FailField("text", "must be 1 to " + std::to_string(kMaxNoteLength) + " characters",
                           core::FieldErrorCode::kTooLong);
  }
  return WriteValue<CaseNote>(store, [&](Tx& tx) -> Result<CaseNote> {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto note =
        tx.CaseNotes().InsertNote(reference, CaseNote{0, actor.username, clock.NowRfc3339(), text});
    if (!note) return note;
    core::CaseEvent event{core::EventType::kNoteAdded,
                          clock.Today(),
                          actor.username,
                          0,
                          "Internal note added by " + actor.username,
                          {{"note", "", text}}};
    if (auto appended = AppendCaseEvent(tx.Events(), *complaint, std::move(event)); !appended) {
      return tl::unexpected(appended.error());
    }
    return note;
  });
}

Result<std::vector<CaseNote>> NotesOf(Store& store, const Actor& actor,
                                      std::string_view reference) {
  return ReadValue<std::vector<CaseNote>>(store, [&](Tx& tx) -> Result<std::vector<CaseNote>> {
    if (auto visible = LoadVisibleComplaint(tx, actor, reference); !visible) {
      return tl::unexpected(visible.error());
    }
    return tx.CaseNotes().NotesOf(reference);
  });
}

Result<CaseLink> Link(Store& store, const Clock& clock, const Actor& actor, std::string_view from,
                      std::string_view to, LinkRelation relation) {
  if (from == to) {
    return core::FailField("reference", "a complaint cannot be linked to itself",
                           core::FieldErrorCode::kSameRecord);
  }
  return WriteValue<CaseLink>(store, [&](Tx& tx) -> Result<CaseLink> {
    auto source = LoadVisibleComplaint(tx, actor, from);
    if (!source) return tl::unexpected(source.error());
    auto target = LoadVisibleComplaint(tx, actor, to);
    if (!target) {
      if (target.error().code != core::ErrorCode::kNotFound) return tl::unexpected(target.error());
      return core::FailField("reference", "no complaint " + std::string(to),
                             core::FieldErrorCode::kUnknownReference);
    }
    for (std::string_view end : {from, to}) {
      auto existing = tx.CaseNotes().LinksOf(end);
      if (!existing) return tl::unexpected(existing.error());
      if (existing->size() >= kMaxLinksPerComplaint) {
        return core::Fail(core::ErrorCode::kTransitionNotAllowed,
                          std::string(end == from ? "this complaint" : "the other complaint") +
                              " already has " + std::to_string(kMaxLinksPerComplaint) +
                              " links, the most a complaint may have");
      }
    }
    CaseLink link{std::string(from), std::string(to), relation, actor.username, clock.NowRfc3339()};
    if (auto inserted = tx.CaseNotes().InsertLink(link); !inserted)
      return tl::unexpected(inserted.error());
    for (const core::Complaint* complaint : {&*source, &*target}) {
      core::CaseEvent event{core::EventType::kLinked,
                            clock.Today(),
                            actor.username,
                            0,
                            "Linked: " + Describe(link),
                            {{"link", "", Describe(link)}}};
      if (auto appended = AppendCaseEvent(tx.Events(), *complaint, std::move(event)); !appended) {
        return tl::unexpected(appended.error());
      }
    }
    return link;
  });
}

Status Unlink(Store& store, const Clock& clock, const Actor& actor, std::string_view reference,
              std::string_view other) {
  return store.Write([&](Tx& tx) -> Status {
    auto source = LoadVisibleComplaint(tx, actor, reference);
    if (!source) return tl::unexpected(source.error());
    const auto not_linked = [&] {
      return core::Fail(core::ErrorCode::kNotFound,
                        std::string(reference) + " and " + std::string(other) + " are not linked");
    };
    auto target = LoadVisibleComplaint(tx, actor, other);
    if (!target) {
      if (target.error().code == core::ErrorCode::kNotFound) return not_linked();
      return tl::unexpected(target.error());
    }
    auto removed = tx.CaseNotes().DeleteLink(reference, other);
    if (!removed) return tl::unexpected(removed.error());
    for (const core::Complaint* complaint : {&*source, &*target}) {
      core::CaseEvent event{core::EventType::kUnlinked,
                            clock.Today(),
                            actor.username,
                            0,
                            "Link removed: " + Describe(*removed),
                            {{"link", Describe(*removed), ""}}};
      if (auto appended = AppendCaseEvent(tx.Events(), *complaint, std::move(event)); !appended) {
        return appended;
      }
    }
    return {};
  });
}

Result<std::vector<CaseLink>> LinksOf(Store& store, const Actor& actor,
                                      std::string_view reference) {
  return ReadValue<std::vector<CaseLink>>(store, [&](Tx& tx) -> Result<std::vector<CaseLink>> {
    if (auto visible = LoadVisibleComplaint(tx, actor, reference); !visible) {
      return tl::unexpected(visible.error());
    }
    auto links = tx.CaseNotes().LinksOf(reference);
    if (!links) return links;
    std::vector<CaseLink> visible_links;
    for (CaseLink& link : *links) {
      const std::string& other = link.from == reference ? link.to : link.from;
      auto seen = LoadVisibleComplaint(tx, actor, other);
      if (seen) {
        visible_links.push_back(std::move(link));
      } else if (seen.error().code != core::ErrorCode::kNotFound) {
        return tl::unexpected(seen.error());
      }
    }
    return visible_links;
  });
}

}  // namespace redress::app
