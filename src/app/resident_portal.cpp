#include "app/resident_portal.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "app/case_use_cases.hpp"
#include "app/letters.hpp"
#include "app/store_values.hpp"
#include "core/case_actions.hpp"

namespace redress::app {
namespace {

constexpr std::string_view kPortalUsername = "online";

std::string_view Trimmed(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

bool SameAddress(std::string_view a, std::string_view b) {
  a = Trimmed(a);
  b = Trimmed(b);
  return !a.empty() && a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The one answer to a pair that opens nothing: the same words whichever half was wrong.
Status PairNotFound() {
  return core::Fail(core::ErrorCode::kNotFound, "no case matches that reference and email address");
}

// The complaint the pair opens, inside a transaction.
Result<core::Complaint> LoadResidentComplaint(Tx& tx, std::string_view reference,
                                              std::string_view email) {
  auto complaint = tx.Complaints().Load(reference);
  if (!complaint) {
    if (complaint.error().code == core::ErrorCode::kNotFound) {
      return tl::unexpected(PairNotFound().error());
    }
    return complaint;
  }
  if (!IsEmailOfCase(*complaint, email)) return tl::unexpected(PairNotFound().error());
  return complaint;
}

Status AppendResidentEvent(Tx& tx, const core::Complaint& complaint, core::Date today,
                           core::EventType type, std::string summary,
                           std::vector<core::Change> changes) {
  core::CaseEvent event{type,
                        today,
                        std::string(kPortalUsername),
                        complaint.current_stage().number,
                        std::move(summary),
                        std::move(changes)};
  return tx.Events().Append(EntityType::kComplaint, complaint.reference, event);
}

std::string ConfirmationBody(const OnlineComplaint& complaint, const core::Complaint& logged,
                             const Organisation& organisation) {
  const auto area = organisation.service_areas.find(complaint.service_area);
  const std::string about =
      area == organisation.service_areas.end() ? complaint.service_area : area->second.name;
  std::string body = "Thank you for your complaint about " + about +
                     ", which we received online on " + logged.received_on.ToIso() +
                     ". Your reference is " + logged.reference + ".\n\nWe will acknowledge it by " +
                     logged.current_stage().acknowledge_by.ToIso() +
                     ". You can follow your complaint online with your reference and this email "
                     "address.\n\nWhat you told us happened:\n" +
                     complaint.what_happened;
  if (!complaint.put_right.empty()) {
    body += "\n\nWhat you would like us to do to put it right:\n" + complaint.put_right;
  }
  if (!complaint.adjustments.empty()) {
    body += "\n\nThe support or adjustments you asked for:\n" + complaint.adjustments;
  }
  return body;
}

}  // namespace

Actor PortalActor() {
  return Actor{std::string(kPortalUsername), core::Role::kComplaintsOfficer, "",
               Reach::kEverything};
}

bool IsSentOnline(const Attachment& attachment) {
  return attachment.supplier == core::Supplier::kResident && attachment.added_by == kPortalUsername;
}

bool IsEmailOfCase(const core::Complaint& complaint, std::string_view email) {
  return SameAddress(complaint.complainant.email, email) ||
         (complaint.representative && SameAddress(complaint.representative->email, email));
}

Result<OnlineReceipt> SubmitOnlineComplaint(Store& store, const Clock& clock,
                                            const OnlineComplaintSettings& settings,
                                            const OnlineComplaint& complaint) {
  const Actor actor = PortalActor();
  const core::Date today = clock.Today();
  return WriteValue<OnlineReceipt>(store, [&](Tx& tx) -> Result<OnlineReceipt> {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    LogComplaintCommand command;
    command.regime = settings.regime;
    command.channel = core::Channel::kOnline;
    command.received_on = today;
    command.service_area = complaint.service_area;
    command.category = settings.category;
    if (command.category.empty() && !organisation->categories.empty()) {
      command.category = *organisation->categories.begin();
    }
    const auto area = organisation->service_areas.find(complaint.service_area);
    command.summary =
        "Online complaint about " +
        (area == organisation->service_areas.end() ? complaint.service_area : area->second.name);
    command.description = complaint.what_happened;
    if (!complaint.contact_by.empty()) {
      command.description += "\n\nHow they want to hear from us: " + complaint.contact_by;
    }
    command.desired_outcome = complaint.put_right;
    command.complainant = complaint.complainant;
    command.representative = complaint.representative;
    auto logged = LogComplaintIn(tx, *organisation, actor, today, command);
    if (!logged) return tl::unexpected(logged.error());
    // The adjustments asked for are the complaint's needs (the flag staff see), not its words.
    if (!complaint.adjustments.empty()) {
      core::ContactPreferences preferences = core::DefaultContactPreferences(logged->complainant);
      preferences.adjustments = complaint.adjustments;
      if (Status saved = SaveContactPreferencesIn(tx, actor, today, *logged, preferences); !saved) {
        return tl::unexpected(saved.error());
      }
    }

    LetterRequest letter;
    letter.type = core::LetterType::kFreeLetter;
    letter.parts.body = ConfirmationBody(complaint, *logged, *organisation);
    auto issued =
        IssueLetterIn(tx, *organisation, actor, today, clock.NowRfc3339(), clock.NowUnixSeconds(),
                      settings.mail_domain, logged->reference, letter);
    if (!issued) return tl::unexpected(issued.error());
    return OnlineReceipt{logged->reference, logged->received_on,
                         logged->current_stage().acknowledge_by, issued->number};
  });
}

Result<PublicFacts> PublicFactsOf(Store& store) {
  return ReadValue<PublicFacts>(store, [&](Tx& tx) -> Result<PublicFacts> {
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    PublicFacts facts;
    facts.organisation = organisation->settings.name;
    for (const auto& [code, area] : organisation->service_areas) {
      facts.service_areas.push_back(area);
    }
    std::sort(facts.service_areas.begin(), facts.service_areas.end(),
              [](const ServiceArea& a, const ServiceArea& b) { return a.name < b.name; });
    return facts;
  });
}

Result<ResidentCase> ResidentCaseOf(Store& store, std::string_view reference,
                                    std::string_view email) {
  return ReadValue<ResidentCase>(store, [&](Tx& tx) -> Result<ResidentCase> {
    auto complaint = LoadResidentComplaint(tx, reference, email);
    if (!complaint) return tl::unexpected(complaint.error());
    auto letters = tx.Letters().ListOf(reference);
    if (!letters) return tl::unexpected(letters.error());
    ResidentCase view;
    view.may_escalate = core::StateAllows(*complaint, core::CaseActionKind::kEscalate);
    for (const core::Stage& stage : complaint->stages) {
      if (!stage.response) continue;
      for (const core::Action& action : stage.response->actions) {
        if (action.status == core::ActionStatus::kOpen) {
          view.open_actions.push_back(action.description);
        }
      }
    }
    auto attachments = tx.Attachments().ListOf(core::AttachedTo::kComplaint, reference);
    if (!attachments) return tl::unexpected(attachments.error());
    for (const Attachment& attachment : *attachments) {
      if (IsSentOnline(attachment)) view.files_sent.push_back(attachment.name);
    }
    view.complaint = std::move(*complaint);
    view.letters = std::move(*letters);
    return view;
  });
}

Result<IssuedLetter> ResidentLetter(Store& store, std::string_view reference,
                                    std::string_view email, int number) {
  return ReadValue<IssuedLetter>(store, [&](Tx& tx) -> Result<IssuedLetter> {
    if (auto complaint = LoadResidentComplaint(tx, reference, email); !complaint) {
      return tl::unexpected(complaint.error());
    }
    return tx.Letters().Load(reference, number);
  });
}

Status RecordResidentAccess(Store& store, const Clock& clock, std::string_view reference,
                            ResidentAccess access) {
  return store.Write([&](Tx& tx) -> Status {
    auto complaint = tx.Complaints().Load(reference);
    if (!complaint) return tl::unexpected(complaint.error());
    return access == ResidentAccess::kCodeSent
               ? AppendResidentEvent(tx, *complaint, clock.Today(),
                                     core::EventType::kResidentCodeSent,
                                     "A one-time code to follow the case was emailed online", {})
               : AppendResidentEvent(
                     tx, *complaint, clock.Today(), core::EventType::kResidentCaseOpened,
                     "The resident opened the case online with a one-time code", {});
  });
}

Result<CaseNote> AddResidentInformation(Store& store, const Clock& clock,
                                        std::string_view reference, std::string_view email,
                                        std::string_view information) {
  if (Trimmed(information).empty() || information.size() > kMaxResidentText) {
    return core::FailField("information",
                           "must be 1 to " + std::to_string(kMaxResidentText) + " characters",
                           Trimmed(information).empty() ? core::FieldErrorCode::kRequired
                                                        : core::FieldErrorCode::kTooLong);
  }
  return WriteValue<CaseNote>(store, [&](Tx& tx) -> Result<CaseNote> {
    auto complaint = LoadResidentComplaint(tx, reference, email);
    if (!complaint) return tl::unexpected(complaint.error());
    const std::string text = "Added by the resident online: " + std::string(information);
    auto note = tx.CaseNotes().InsertNote(
        reference, CaseNote{0, std::string(kPortalUsername), clock.NowRfc3339(), text});
    if (!note) return note;
    if (Status appended = AppendResidentEvent(tx, *complaint, clock.Today(),
                                              core::EventType::kResidentInformationAdded,
                                              "The resident added information online",
                                              {{"information", "", std::string(information)}});
        !appended) {
      return tl::unexpected(appended.error());
    }
    return note;
  });
}

Result<core::Complaint> AskForNextStage(Store& store, const Clock& clock,
                                        std::string_view reference, std::string_view email,
                                        std::string_view reason) {
  const Actor actor = PortalActor();
  const core::Date today = clock.Today();
  return WriteValue<core::Complaint>(store, [&](Tx& tx) -> Result<core::Complaint> {
    auto complaint = LoadResidentComplaint(tx, reference, email);
    if (!complaint) return complaint;
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    EscalateCommand command;
    command.requested_on = today;
    command.reason = Trimmed(reason).empty() ? std::string("Asked for online")
                                             : "Asked for online: " + std::string(reason);
    return ApplyCaseActionIn(tx, *organisation, actor, today, reference, complaint->version,
                             command);
  });
}

}  // namespace redress::app
