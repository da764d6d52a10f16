#include "cli/person_commands.hpp"

#include <fmt/format.h>

#include <string>

#include "app/organisation.hpp"
#include "app/people.hpp"

namespace redress::cli {
namespace {

using core::Status;

std::string Contact(const core::Person& person) {
  std::string line = person.name;
  for (const std::string* part : {&person.email, &person.phone, &person.postcode}) {
    if (!part->empty()) line += ", " + *part;
  }
  return line;
}

void PrintRecord(const app::PersonRecordView& view, std::ostream& out) {
  out << fmt::format("{}  {} {} ({})  received {}  {}\n", view.person_id,
                     core::ToString(view.record.type), view.record.reference,
                     core::ToString(view.record.role), view.received_on.ToIso(),
                     Contact(view.record.person));
}

void Print(const app::PersonView& view, std::ostream& out) {
  out << fmt::format("person {}: {}\n", view.id, Contact(view.found_from.record.person));
  for (const app::PersonMatchView& match : view.matches) {
    std::string keys;
    for (core::MatchKey key : match.keys) {
      keys += (keys.empty() ? "" : ",") + std::string(core::ToString(key));
    }
    out << fmt::format("  match {} {} ({}) on {}: {}{}\n", core::ToString(match.record.record.type),
                       match.record.record.reference, core::ToString(match.record.record.role),
                       keys.empty() ? "-" : keys, core::ToString(match.state),
                       match.reason.empty() ? "" : " by " + match.decided_by + ": " + match.reason);
  }
  for (const app::PersonComplaint& held : view.complaints) {
    const core::Complaint& c = held.complaint;
    out << fmt::format("  complaint {} received {} ({}): {}\n", c.reference, c.received_on.ToIso(),
                       core::ToString(c.status), c.summary);
    for (const app::CaseNote& note : held.notes) {
      out << fmt::format("    note by {} at {}: {}\n", note.author, note.created_at, note.text);
    }
    for (const app::IssuedLetter& letter : held.letters) {
      out << fmt::format("    letter {} ({}) to {} on {}\n", letter.number,
                         core::ToString(letter.type), letter.recipient_name,
                         letter.issued_on.ToIso());
    }
    for (const app::Attachment& attachment : held.attachments) {
      out << fmt::format("    attachment {} {}\n", attachment.id, attachment.name);
    }
  }
  for (const core::ServiceRequest& request : view.service_requests) {
    out << fmt::format("  service request {} received {} ({}): {}\n", request.reference,
                       request.received_on.ToIso(), core::ToString(request.status),
                       request.summary);
  }
  for (const app::Attachment& attachment : view.service_request_attachments) {
    out << fmt::format("    attachment {} {} on {}\n", attachment.id, attachment.name,
                       attachment.reference);
  }
}

class PersonCommands final : public RecordCommands {
 public:
  explicit PersonCommands(CommandHost& host) : host_(host) {}

  void Register(CLI::App& app) {
    CLI::App* group = app.add_subcommand("person", "the people index (issue 20)");
    group->require_subcommand(1);

    CLI::App* find = group->add_subcommand(
        "find", "the records naming a person: by e-mail, phone, or name with postcode");
    host_.AddDatabaseOption(find);
    find->add_option("--email", query_.email);
    find->add_option("--phone", query_.phone);
    find->add_option("--name", query_.name, "with --postcode");
    find->add_option("--postcode", query_.postcode);
    host_.RunWithStore(find, [this](app::Store& store) -> Status {
      auto found = app::FindPeople(store, app::SystemActor(), query_);
      if (!found) return tl::unexpected(found.error());
      for (const app::PersonRecordView& view : *found) PrintRecord(view, host_.out());
      return {};
    });

    CLI::App* show = group->add_subcommand(
        "show", "a person with everything about them and the matches proposed or decided");
    host_.AddDatabaseOption(show);
    show->add_option("id", id_, "as `person find` prints it")->required();
    host_.RunWithStore(show, [this](app::Store& store) -> Status {
      auto person = app::ReadPerson(store, app::SystemActor(), id_);
      if (!person) return tl::unexpected(person.error());
      Print(*person, host_.out());
      return {};
    });
  }

 private:
  CommandHost& host_;
  app::PersonQuery query_;
  std::string id_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterPersonCommands(CommandHost& host, CLI::App& app) {
  auto commands = std::make_unique<PersonCommands>(host);
  commands->Register(app);
  return commands;
}

}  // namespace redress::cli
