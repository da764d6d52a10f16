#include "app/subject_access_bundle.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <span>
#include <utility>

#include "app/sha256.hpp"
#include "app/store_values.hpp"
#include "core/person_search.hpp"
#include "letters/letter_pdf.hpp"

namespace redress::app {
namespace {

using nlohmann::json;

// How many of the person's complaints a bundle gathers at most: far more than one person makes.
constexpr std::size_t kMaxComplaints = 1000;
// The summary is not a posted letter: no page limit but a sane one.
constexpr int kMaxSummaryPages = 2000;
constexpr std::string_view kManifest = "manifest.json";

// Whom the request is about: the subject's name when the requester asks for someone else, with
// the requester's contact details (what the request records).
core::Person PersonOf(const core::SubjectAccessRequest& request) {
  return core::Person{request.subject_name.empty() ? request.requester_name : request.subject_name,
                      request.requester_email, request.requester_phone, request.requester_address,
                      request.requester_postcode};
}

template <typename T>
Status Into(Result<T> result, T& into) {
  if (!result) return tl::unexpected(result.error());
  into = std::move(*result);
  return {};
}

Result<HeldComplaint> HeldIn(Tx& tx, const std::string& reference) {
  HeldComplaint held;
  if (Status s = Into(tx.Complaints().Load(reference), held.complaint); !s) {
    return tl::unexpected(s.error());
  }
  if (!held.complaint.service_request_reference.empty()) {
    auto request = tx.ServiceRequests().Load(held.complaint.service_request_reference);
    if (!request) return tl::unexpected(request.error());
    held.service_request = std::move(*request);
  }
  for (const Status& read :
       {Into(tx.Events().EventsOf(EntityType::kComplaint, reference), held.events),
        Into(tx.CaseNotes().NotesOf(reference), held.notes),
        Into(tx.Letters().ListOf(reference), held.letters),
        Into(tx.Attachments().ListOf(core::AttachedTo::kComplaint, reference), held.attachments)}) {
    if (!read) return tl::unexpected(read.error());
  }
  // The list leaves out the bodies: each letter as sent, its PDF byte for byte.
  for (IssuedLetter& letter : held.letters) {
    if (Status loaded = Into(tx.Letters().Load(reference, letter.number), letter); !loaded) {
      return tl::unexpected(loaded.error());
    }
  }
  return held;
}

Result<SubjectAccessHoldings> HoldingsIn(Tx& tx, std::string_view reference) {
  SubjectAccessHoldings holdings;
  if (Status s = Into(tx.SubjectAccess().Load(reference), holdings.request); !s) {
    return tl::unexpected(s.error());
  }
  holdings.person = PersonOf(holdings.request);
  auto rows = tx.Complaints().ListByPerson(core::PersonKeyOf(holdings.person), std::nullopt,
                                           kMaxComplaints);
  if (!rows) return tl::unexpected(rows.error());
  for (const ComplaintRow& row : *rows) {
    auto held = HeldIn(tx, row.reference);
    if (!held) return tl::unexpected(held.error());
    holdings.complaints.push_back(std::move(*held));
  }
  if (Status s = Into(tx.SubjectAccess().WithholdingsOf(reference), holdings.withheld); !s) {
    return tl::unexpected(s.error());
  }
  return holdings;
}

// Every item the holdings name.
std::vector<std::string> ItemsOf(const SubjectAccessHoldings& holdings) {
  std::vector<std::string> items;
  for (const HeldComplaint& held : holdings.complaints) {
    const std::string& ref = held.complaint.reference;
    items.push_back(core::ItemName({core::HeldItemKind::kComplaint, ref, 0}));
    for (const CaseNote& note : held.notes) {
      items.push_back(core::ItemName({core::HeldItemKind::kNote, ref, note.id}));
    }
    for (const IssuedLetter& letter : held.letters) {
      items.push_back(core::ItemName({core::HeldItemKind::kLetter, ref, letter.number}));
    }
    for (const Attachment& attachment : held.attachments) {
      items.push_back(core::ItemName({core::HeldItemKind::kAttachment, "", attachment.id}));
    }
  }
  return items;
}

// What the bundle holds once the withheld items are taken out: a withheld complaint goes with
// everything under it.
class Selection {
 public:
  explicit Selection(const SubjectAccessHoldings& holdings) {
    for (const Withholding& withholding : holdings.withheld) withheld_.push_back(withholding.item);
  }
  bool Withheld(core::HeldItemKind kind, const std::string& reference, std::int64_t number) const {
    if (kind != core::HeldItemKind::kComplaint &&
        Withheld(core::HeldItemKind::kComplaint, reference, 0)) {
      return true;
    }
    const std::string name =
        core::ItemName({kind, kind == core::HeldItemKind::kAttachment ? "" : reference, number});
    return std::find(withheld_.begin(), withheld_.end(), name) != withheld_.end();
  }

 private:
  std::vector<std::string> withheld_;
};

std::string DateText(const std::optional<core::Date>& on) { return on ? on->ToIso() : ""; }

json PersonJson(const core::Person& person) {
  return {{"name", person.name},
          {"email", person.email},
          {"phone", person.phone},
          {"address", person.address},
          {"postcode", person.postcode}};
}

std::string LetterFileName(const IssuedLetter& letter) {
  return "letters/" + letter.complaint_reference + "-letter-" + std::to_string(letter.number) +
         ".pdf";
}

std::string AttachmentFileName(const Attachment& attachment) {
  return "attachments/" + std::to_string(attachment.id) + "-" + attachment.name;
}

json ComplaintJson(const HeldComplaint& held, const Selection& selection) {
  const core::Complaint& c = held.complaint;
  json stages = json::array();
  for (const core::Stage& stage : c.stages) {
    json entry = {{"number", stage.number},
                  {"started_on", stage.started_on.ToIso()},
                  {"team", stage.team},
                  {"handler", stage.handler},
                  {"response", nullptr}};
    if (stage.response) {
      entry["response"] = {{"responded_on", stage.response->responded_on.ToIso()},
                           {"outcome", core::ToString(stage.response->outcome)},
                           {"description", core::DescribeResponse(*stage.response)},
                           {"learning", stage.response->learning}};
    }
    stages.push_back(std::move(entry));
  }
  json events = json::array();
  for (const StoredEvent& stored : held.events) {
    events.push_back({{"type", core::ToString(stored.event.type)},
                      {"occurred_on", stored.event.occurred_on.ToIso()},
                      {"actor", stored.event.actor},
                      {"summary", stored.event.summary}});
  }
  json notes = json::array();
  for (const CaseNote& note : held.notes) {
    if (selection.Withheld(core::HeldItemKind::kNote, c.reference, note.id)) continue;
    notes.push_back({{"item", core::ItemName({core::HeldItemKind::kNote, c.reference, note.id})},
                     {"author", note.author},
                     {"created_at", note.created_at},
                     {"text", note.text}});
  }
  json letters = json::array();
  for (const IssuedLetter& letter : held.letters) {
    if (selection.Withheld(core::HeldItemKind::kLetter, c.reference, letter.number)) continue;
    letters.push_back(
        {{"item", core::ItemName({core::HeldItemKind::kLetter, c.reference, letter.number})},
         {"type", core::ToString(letter.type)},
         {"issued_on", letter.issued_on.ToIso()},
         {"recipient_name", letter.recipient_name},
         {"file", LetterFileName(letter)},
         {"text", letter.text}});
  }
  json attachments = json::array();
  for (const Attachment& attachment : held.attachments) {
    if (selection.Withheld(core::HeldItemKind::kAttachment, c.reference, attachment.id)) continue;
    attachments.push_back(
        {{"item", core::ItemName({core::HeldItemKind::kAttachment, "", attachment.id})},
         {"name", attachment.name},
         {"media_type", attachment.media_type},
         {"size", attachment.size},
         {"description", attachment.description},
         {"added_at", attachment.added_at},
         {"file", core::MayServe(attachment.scan_state) ? json(AttachmentFileName(attachment))
                                                        : json(nullptr)}});
  }
  json service_request = nullptr;
  if (held.service_request) {
    const core::ServiceRequest& sr = *held.service_request;
    service_request = {{"reference", sr.reference},
                       {"received_on", sr.received_on.ToIso()},
                       {"summary", sr.summary},
                       {"description", sr.description},
                       {"requester", PersonJson(sr.requester)},
                       {"resolution", sr.resolution}};
  }
  return {{"item", core::ItemName({core::HeldItemKind::kComplaint, c.reference, 0})},
          {"reference", c.reference},
          {"regime", core::ToString(c.regime)},
          {"channel", core::ToString(c.channel)},
          {"service_area", c.service_area},
          {"category", c.category},
          {"summary", c.summary},
          {"description", c.description},
          {"desired_outcome", c.desired_outcome},
          {"complainant", PersonJson(c.complainant)},
          {"representative", c.representative ? PersonJson(*c.representative) : json(nullptr)},
          {"received_on", c.received_on.ToIso()},
          {"status", core::ToString(c.status)},
          {"closed_on", DateText(c.closed_on)},
          {"stages", std::move(stages)},
          {"service_request", std::move(service_request)},
          {"events", std::move(events)},
          {"notes", std::move(notes)},
          {"letters", std::move(letters)},
          {"attachments", std::move(attachments)}};
}

json RecordsJson(const SubjectAccessHoldings& holdings, const Selection& selection) {
  const core::SubjectAccessRequest& r = holdings.request;
  json complaints = json::array();
  for (const HeldComplaint& held : holdings.complaints) {
    if (selection.Withheld(core::HeldItemKind::kComplaint, held.complaint.reference, 0)) continue;
    complaints.push_back(ComplaintJson(held, selection));
  }
  return {{"request",
           {{"reference", r.reference},
            {"received_on", r.received_on.ToIso()},
            {"requester_name", r.requester_name},
            {"subject_name", r.subject_name},
            {"details", r.details}}},
          {"person", PersonJson(holdings.person)},
          {"complaints", std::move(complaints)}};
}

// The readable summary: "# " a heading, a blank line a paragraph (letters::LetterDocument).
std::string SummaryText(const SubjectAccessHoldings& holdings, const Selection& selection,
                        const std::string& organisation) {
  const core::SubjectAccessRequest& r = holdings.request;
  const core::Person& p = holdings.person;
  std::string text = "# Your personal information: subject access request " + r.reference +
                     "\n\nThis is the information " + organisation + " holds about " + p.name +
                     ", in answer to the request received on " + r.received_on.ToIso() + ".";
  if (!p.email.empty()) text += "\nEmail: " + p.email;
  if (!p.phone.empty()) text += "\nPhone: " + p.phone;
  if (!p.postcode.empty()) text += "\nPostcode: " + p.postcode;
  text +=
      "\n\nThe records are also in records.json; the letters as sent are in letters/ and the "
      "files in attachments/.\n\n";
  int shown = 0;
  for (const HeldComplaint& held : holdings.complaints) {
    const core::Complaint& c = held.complaint;
    if (selection.Withheld(core::HeldItemKind::kComplaint, c.reference, 0)) continue;
    ++shown;
    text += "# Complaint " + c.reference + "\n" + "Received on " + c.received_on.ToIso() + " by " +
            std::string(core::ToString(c.channel)) + "; status " +
            std::string(core::ToString(c.status)) + ".\nSummary: " + c.summary + "\n";
    if (!c.description.empty()) text += "Description: " + c.description + "\n";
    text += "Complainant: " + c.complainant.name + "\n\n";
    for (const core::Stage& stage : c.stages) {
      if (stage.response) {
        text += "Stage " + std::to_string(stage.number) +
                " response: " + core::DescribeResponse(*stage.response) + "\n";
      }
    }
    for (const CaseNote& note : held.notes) {
      if (selection.Withheld(core::HeldItemKind::kNote, c.reference, note.id)) continue;
      text += "Note by " + note.author + " (" + note.created_at + "): " + note.text + "\n";
    }
    for (const IssuedLetter& letter : held.letters) {
      if (selection.Withheld(core::HeldItemKind::kLetter, c.reference, letter.number)) continue;
      text += "Letter " + std::to_string(letter.number) + " (" +
              std::string(core::ToString(letter.type)) + ") sent on " + letter.issued_on.ToIso() +
              ": " + LetterFileName(letter) + "\n";
    }
    for (const Attachment& attachment : held.attachments) {
      if (selection.Withheld(core::HeldItemKind::kAttachment, c.reference, attachment.id)) continue;
      text += "Attachment: " + attachment.name + "\n";
    }
    text += "\n";
  }
  if (shown == 0) text += "We hold no complaints about you.\n\n";
  text += core::Article15Information(organisation) + "\n";
  text += "# Withheld from this bundle\n";
  if (holdings.withheld.empty()) text += "Nothing was withheld.\n";
  for (const Withholding& withholding : holdings.withheld) {
    text += withholding.item + ": " + withholding.reason + "\n";
  }
  return text;
}

Result<std::string> ReadContent(FileStore& files, std::string_view sha256) {
  auto reader = files.Open(sha256);
  if (!reader) return tl::unexpected(reader.error());
  std::string bytes(static_cast<std::size_t>((*reader)->size()), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto read = (*reader)->Read(static_cast<std::int64_t>(done),
                                std::span<char>(bytes.data() + done, bytes.size() - done));
    if (!read) return tl::unexpected(read.error());
    if (*read == 0) break;
    done += *read;
  }
  bytes.resize(done);
  return bytes;
}

json WithheldJson(const std::vector<Withholding>& withheld) {
  json items = json::array();
  for (const Withholding& w : withheld) {
    items.push_back({{"item", w.item},
                     {"reason", w.reason},
                     {"withheld_by", w.withheld_by},
                     {"withheld_at", w.withheld_at}});
  }
  return items;
}

}  // namespace

Result<SubjectAccessHoldings> ReadSubjectAccessHoldings(Store& store, std::string_view reference) {
  return ReadValue<SubjectAccessHoldings>(
      store, [&](Tx& tx) -> Result<SubjectAccessHoldings> { return HoldingsIn(tx, reference); });
}

Result<Withholding> WithholdSubjectAccessItem(Store& store, const Clock& clock, const Actor& actor,
                                              std::string_view reference, const std::string& item,
                                              const std::string& reason) {
  if (Status checked = core::CheckWithholding(item, reason); !checked) {
    return tl::unexpected(checked.error());
  }
  return WriteValue<Withholding>(store, [&](Tx& tx) -> Result<Withholding> {
    auto holdings = HoldingsIn(tx, reference);
    if (!holdings) return tl::unexpected(holdings.error());
    const std::vector<std::string> items = ItemsOf(*holdings);
    if (std::find(items.begin(), items.end(), item) == items.end()) {
      return core::FailField("item",
                             item + " is not among what Redress holds about the person of " +
                                 holdings->request.reference,
                             core::FieldErrorCode::kUnknownReference);
    }
    Withholding withholding{item, reason, actor.username, clock.NowRfc3339()};
    if (Status added = tx.SubjectAccess().AddWithholding(reference, withholding); !added) {
      return tl::unexpected(added.error());
    }
    core::CaseEvent event{core::EventType::kSubjectAccessItemWithheld,
                          clock.Today(),
                          actor.username,
                          0,
                          "Withheld " + item + " from the subject access bundle: " + reason,
                          {{"item", "", item}, {"reason", "", reason}}};
    if (Status appended = tx.Events().Append(EntityType::kSubjectAccessRequest,
                                             holdings->request.reference, event);
        !appended) {
      return tl::unexpected(appended.error());
    }
    return withholding;
  });
}

Result<std::vector<ArchiveFile>> BundleFiles(const SubjectAccessHoldings& holdings,
                                             const Organisation& organisation, FileStore& files) {
  const Selection selection(holdings);
  const core::SubjectAccessRequest& r = holdings.request;
  const std::string organisation_name = organisation.settings.name;
  std::vector<ArchiveFile> out;

  letters::LetterDocument summary;
  summary.organisation = organisation_name;
  summary.address_lines = {r.requester_name, r.requester_address, r.requester_postcode};
  summary.reference = r.reference;
  summary.issued_on = r.received_on;
  summary.text = SummaryText(holdings, selection, organisation_name);
  summary.max_pages = kMaxSummaryPages;
  auto pdf = letters::RenderLetterPdf(summary);
  if (!pdf) return tl::unexpected(pdf.error());
  out.push_back({"summary.pdf", std::move(pdf->bytes)});
  out.push_back({"records.json", RecordsJson(holdings, selection).dump(2) + "\n"});
  out.push_back({"article-15.txt", core::Article15Information(organisation_name)});

  json left_out = json::array();
  for (const HeldComplaint& held : holdings.complaints) {
    const std::string& ref = held.complaint.reference;
    for (const IssuedLetter& letter : held.letters) {
      if (selection.Withheld(core::HeldItemKind::kLetter, ref, letter.number)) continue;
      out.push_back({LetterFileName(letter), letter.pdf});
    }
    for (const Attachment& attachment : held.attachments) {
      if (selection.Withheld(core::HeldItemKind::kAttachment, ref, attachment.id)) continue;
      if (!core::MayServe(attachment.scan_state)) {
        left_out.push_back(
            {{"item", core::ItemName({core::HeldItemKind::kAttachment, "", attachment.id})},
             {"reason",
              "its virus scan is " + std::string(core::ToString(attachment.scan_state))}});
        continue;
      }
      auto content = ReadContent(files, attachment.sha256);
      if (!content) return tl::unexpected(content.error());
      out.push_back({AttachmentFileName(attachment), std::move(*content)});
    }
  }

  json listed = json::array();
  for (const ArchiveFile& file : out) {
    listed.push_back(
        {{"name", file.name}, {"size", file.bytes.size()}, {"sha256", Sha256Hex(file.bytes)}});
  }
  json manifest = {{"request", r.reference},
                   {"person", holdings.person.name},
                   {"files", std::move(listed)},
                   {"withheld", WithheldJson(holdings.withheld)},
                   {"left_out", std::move(left_out)}};
  out.push_back({std::string(kManifest), manifest.dump(2) + "\n"});
  return out;
}

Result<SubjectAccessBundle> ExportSubjectAccessBundle(Store& store, FileStore& files,
                                                      const Clock& clock, const Actor& actor,
                                                      std::string_view reference,
                                                      ArchiveWriter& archive) {
  struct Read {
    SubjectAccessHoldings holdings;
    Organisation organisation;
  };
  auto read = ReadValue<Read>(store, [&](Tx& tx) -> Result<Read> {
    auto holdings = HoldingsIn(tx, reference);
    if (!holdings) return tl::unexpected(holdings.error());
    auto organisation = LoadOrganisation(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    return Read{std::move(*holdings), std::move(*organisation)};
  });
  if (!read) return tl::unexpected(read.error());
  auto bundle_files = BundleFiles(read->holdings, read->organisation, files);
  if (!bundle_files) return tl::unexpected(bundle_files.error());
  auto bytes = archive.Write(*bundle_files, read->holdings.request.received_on);
  if (!bytes) return tl::unexpected(bytes.error());
  SubjectAccessBundle bundle{read->holdings.request.reference + ".zip", std::move(*bytes), ""};
  bundle.sha256 = Sha256Hex(bundle.bytes);
  // Recorded once the bundle exists: no bundle leaves unrecorded (the caller sends it only now).
  Status recorded = store.Write([&](Tx& tx) -> Status {
    core::CaseEvent event{core::EventType::kSubjectAccessExported,
                          clock.Today(),
                          actor.username,
                          0,
                          "Subject access bundle exported (" +
                              std::to_string(bundle_files->size()) + " files, " +
                              std::to_string(read->holdings.withheld.size()) + " items withheld)",
                          {{"bundle_sha256", "", bundle.sha256},
                           {"files", "", std::to_string(bundle_files->size())},
                           {"withheld", "", std::to_string(read->holdings.withheld.size())}}};
    return tx.Events().Append(EntityType::kSubjectAccessRequest, read->holdings.request.reference,
                              event);
  });
  if (!recorded) return tl::unexpected(recorded.error());
  return bundle;
}

}  // namespace redress::app
