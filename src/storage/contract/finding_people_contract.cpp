// Finding people (issue 18): the list's search finds a complaint by its reference and its
// complainant's and representative's contact details, forgiving of case, accents and the spacing
// of phone numbers and postcodes; a person's complaints are found by the same e-mail, phone, or
// name with postcode, restricted ones left out as from every list.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/person_search.hpp"
#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

core::Complaint WithPeople(Date received, core::Person complainant) {
  core::Complaint c = BasicComplaint(received);
  c.complainant = std::move(complainant);
  return c;
}

TEST_P(TextSearchContract, FindsAComplaintByItsPeopleAndReference) {
  core::Complaint complaint =
      WithPeople(D("2024-06-01"), {"Zoë Quennell-Hartley", "Z.Quennell@Example.org",
                                   "+44 7700 900461", "7 Unusual Lane", "EX4 9ZZ"});
  complaint.representative = core::Person{"Ravindra Advocatus", "ravi@advice.example", "", "", ""};
  const std::string reference = Insert(complaint).reference;
  for (const std::string& text :
       {"quennell", "ZOE hartley", "z.quennell@example.org", "07700900461", "07700 900 461",
        "+44 7700 900461", "ex4 9zz", "EX49ZZ", "Unusual Lane", "Ravindra", "ravi@advice.example",
        "Quenn", "quennell wrong bill"}) {
    EXPECT_EQ(Search(text), std::vector<std::string>{reference}) << text;
  }
  EXPECT_EQ(Search(reference), std::vector<std::string>{reference});
  EXPECT_EQ(Search("quennell mould"), std::vector<std::string>{});  // every word still must occur

  app::ComplaintQuery query;
  query.text = "quennell";
  Result<std::vector<app::ComplaintRow>> rows = InRead<std::vector<app::ComplaintRow>>(
      [&](app::Tx& tx) { return tx.Complaints().List(query); });
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1U);
  EXPECT_EQ(rows->front().complainant, "Zoë Quennell-Hartley");
}

TEST_P(TextSearchContract, TheSearchFollowsAChangeOfContactDetails) {
  core::Complaint complaint = WithPeople(D("2024-06-01"), {"Ann Before", "", "", "", ""});
  core::Complaint stored = Insert(complaint);
  stored.complainant.name = "Ann After";
  WriteOk([&](app::Tx& tx) -> Status {
    auto updated = tx.Complaints().Update(stored, stored.version,
                                          Event(core::EventType::kNoteAdded, "Renamed"));
    if (!updated) return tl::unexpected(updated.error());
    return {};
  });
  EXPECT_EQ(Search("After"), std::vector<std::string>{stored.reference});
  EXPECT_EQ(Search("Before"), std::vector<std::string>{});
}

std::vector<std::string> References(const Result<std::vector<app::ComplaintRow>>& rows) {
  EXPECT_TRUE(rows) << rows.error().message;
  std::vector<std::string> references;
  if (rows) {
    for (const app::ComplaintRow& row : *rows) references.push_back(row.reference);
  }
  return references;
}

TEST_P(StoreContract, APersonsComplaintsAreFoundByAnyKnownKeyMostRecentFirst) {
  const auto by_person = [this](const core::Person& who, std::size_t limit = 10) {
    return References(InRead<std::vector<app::ComplaintRow>>([&](app::Tx& tx) {
      return tx.Complaints().ListByPerson(core::PersonKeyOf(who), std::nullopt, limit);
    }));
  };
  const core::Person person{"Amira Khan", "a.khan@example.org", "07700 900123", "", "SW1A 1AA"};
  const std::string by_email =
      Insert(WithPeople(D("2024-05-01"), {"A K", " A.KHAN@example.org", "", "", ""})).reference;
  const std::string by_phone =
      Insert(WithPeople(D("2024-05-03"), {"Someone", "", "+44 7700 900123", "", ""})).reference;
  const std::string by_name =
      Insert(WithPeople(D("2024-05-02"), {"amira  KHAN", "", "", "", "sw1a1aa"})).reference;
  Insert(WithPeople(D("2024-05-04"), {"Amira Khan", "", "", "", "E1 6AN"}));  // another Amira
  Insert(WithPeople(D("2024-05-05"), {"Ben Khan", "", "", "", "SW1A 1AA"}));  // a neighbour
  EXPECT_EQ(by_person(person), (std::vector<std::string>{by_phone, by_name, by_email}));
  EXPECT_EQ(by_person(person, 2), (std::vector<std::string>{by_phone, by_name}));
  EXPECT_EQ(by_person(core::Person{"Amira Khan", "", "", "", ""}), std::vector<std::string>{});
  EXPECT_EQ(by_person(core::Person{}), std::vector<std::string>{});
}

TEST_P(StoreContract, APersonsRestrictedComplaintsAreLeftOutAsFromLists) {
  const auto by_person = [this](const core::Person& who, std::optional<std::string> team) {
    return References(InRead<std::vector<app::ComplaintRow>>([&](app::Tx& tx) {
      return tx.Complaints().ListByPerson(core::PersonKeyOf(who), team, 10);
    }));
  };
  const core::Person person{"Amira Khan", "a.khan@example.org", "", "", ""};
  const std::string open = Insert(WithPeople(D("2024-05-01"), person)).reference;
  core::Complaint restricted = WithPeople(D("2024-05-02"), person);
  restricted.restricted = true;
  restricted.stages = {FirstStage(restricted.received_on, "housing")};
  const std::string hidden = Insert(restricted).reference;
  EXPECT_EQ(by_person(person, "revenues"), std::vector<std::string>{open});
  EXPECT_EQ(by_person(person, "housing"), (std::vector<std::string>{hidden, open}));
  EXPECT_EQ(by_person(person, std::nullopt), (std::vector<std::string>{hidden, open}));
}

}  // namespace

}  // namespace redress::storage::contract
