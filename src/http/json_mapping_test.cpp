#include "http/json_mapping.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "http/json_reader.hpp"
#include "http/problem.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

// The statuses the refusals must map to, through the one mapping (StatusFor): a request of the
// wrong shape is 400, a value refused 422, a body that is not JSON 415.
constexpr int kInvalid = 422;
constexpr int kMalformed = 400;
constexpr int kUnsupported = 415;

core::Date D(const char* iso) { return *core::Date::Parse(iso); }

json ValidComplaint() {
  return json::parse(R"({
    "regime": "housing", "received_on": "2024-12-20", "channel": "phone",
    "service_area": "housing", "category": "repairs", "summary": "Leaking roof",
    "description": "Water comes through the ceiling", "desired_outcome": "Fix it",
    "complainant": {"name": "Ann Example", "email": "ann@example.org", "phone": "01234 567890",
                    "address": "1 High Street", "postcode": "AB1 2CD"},
    "representative": null, "handler": "emma.hughes"})");
}

TEST(JsonMappingTest, ReadsAValidComplaint) {
  auto command = ParseLogComplaint(ValidComplaint());
  ASSERT_TRUE(command) << command.error().message;
  EXPECT_EQ(command->regime, core::Regime::kHousing);
  EXPECT_EQ(command->channel, core::Channel::kPhone);
  EXPECT_EQ(command->received_on, D("2024-12-20"));
  EXPECT_EQ(command->service_area, "housing");
  EXPECT_EQ(command->complainant.postcode, "AB1 2CD");
  EXPECT_FALSE(command->representative);
  EXPECT_EQ(command->handler, "emma.hughes");
}

struct BadBody {
  std::string name;
  std::function<void(json&)> change;
  int status;
  std::vector<std::string> fields;
};

TEST(JsonMappingTest, RefusesEachMalformedOrInvalidComplaint) {
  const std::vector<BadBody> cases = {
      {"unknown field", [](json& b) { b["colour"] = "red"; }, kMalformed, {"colour"}},
      {"two unknown fields",
       [](json& b) {
         b["a"] = 1;
         b["complainant"]["b"] = 2;
       },
       kMalformed,
       {"complainant.b", "a"}},
      {"string as number", [](json& b) { b["summary"] = 42; }, kMalformed, {"summary"}},
      {"date as number", [](json& b) { b["received_on"] = 20241220; }, kMalformed, {"received_on"}},
      {"object as string", [](json& b) { b["complainant"] = "Ann"; }, kMalformed, {"complainant"}},
      {"nested wrong type",
       [](json& b) { b["complainant"]["email"] = true; },
       kMalformed,
       {"complainant.email"}},
      {"enum as number", [](json& b) { b["regime"] = 1; }, kMalformed, {"regime"}},
      {"shape wins over values",
       [](json& b) {
         b["received_on"] = "2023-02-29";
         b["extra"] = true;
       },
       kMalformed,
       {"extra"}},
      {"impossible date",
       [](json& b) { b["received_on"] = "2023-02-29"; },
       kInvalid,
       {"received_on"}},
      {"British date", [](json& b) { b["received_on"] = "31/12/2024"; }, kInvalid, {"received_on"}},
      {"date with time",
       [](json& b) { b["received_on"] = "2024-12-20T10:00:00Z"; },
       kInvalid,
       {"received_on"}},
      {"date out of range",
       [](json& b) { b["received_on"] = "1899-01-01"; },
       kInvalid,
       {"received_on"}},
      {"unknown regime", [](json& b) { b["regime"] = "council"; }, kInvalid, {"regime"}},
      {"unknown channel", [](json& b) { b["channel"] = "fax"; }, kInvalid, {"channel"}},
      {"missing regime", [](json& b) { b.erase("regime"); }, kInvalid, {"regime"}},
      {"null required", [](json& b) { b["received_on"] = nullptr; }, kInvalid, {"received_on"}},
      {"missing complainant", [](json& b) { b.erase("complainant"); }, kInvalid, {"complainant"}},
      {"several invalid",
       [](json& b) {
         b["regime"] = "x";
         b["channel"] = "y";
       },
       kInvalid,
       {"regime", "channel"}},
  };
  for (const BadBody& c : cases) {
    SCOPED_TRACE(c.name);
    json body = ValidComplaint();
    c.change(body);
    auto command = ParseLogComplaint(body);
    ASSERT_FALSE(command);
    EXPECT_EQ(StatusFor(command.error()), c.status);
    std::vector<std::string> fields;
    for (const core::FieldError& field : command.error().fields) fields.push_back(field.field);
    EXPECT_EQ(fields, c.fields);
  }
}

TEST(JsonMappingTest, NamesTheAllowedValuesOfAnEnum) {
  json body = ValidComplaint();
  body["channel"] = "fax";
  auto command = ParseLogComplaint(body);
  ASSERT_FALSE(command);
  const std::string& message = command.error().fields.front().message;
  for (const char* name : {"phone", "email", "letter", "in_person", "web_form", "social_media"}) {
    EXPECT_NE(message.find(name), std::string::npos) << message;
  }
}

TEST(JsonMappingTest, ReadsAResponseWithMoneyInPence) {
  json body = json::parse(R"({
    "on": "2025-01-10", "outcome": "partly_upheld", "root_causes": ["delay"],
    "remedies": [{"type": "apology"}, {"type": "financial", "amount_pence": 5000,
                  "description": "time and trouble"}],
    "actions": [{"description": "Fix the gutter", "due_on": "2025-02-01", "owner": "repairs"}],
    "learning": "Inspect gutters"})");
  auto action = ParseCaseAction(CaseActionKind::kRespond, body, D("2025-01-15"));
  ASSERT_TRUE(action) << action.error().message;
  const auto& input = std::get<core::RespondInput>(*action);
  EXPECT_EQ(input.on, D("2025-01-10"));
  EXPECT_EQ(input.outcome, core::Outcome::kPartlyUpheld);
  EXPECT_EQ(input.root_causes, std::vector<std::string>{"delay"});
  ASSERT_EQ(input.remedies.size(), 2U);
  EXPECT_EQ(input.remedies[1].type, core::RemedyType::kFinancial);
  EXPECT_EQ(input.remedies[1].amount_pence, 5000);
  ASSERT_EQ(input.actions.size(), 1U);
  EXPECT_EQ(input.actions[0].due_on, D("2025-02-01"));
}

struct BadAction {
  CaseActionKind kind;
  std::string body;
  int status;
  std::vector<std::string> fields;
};

TEST(JsonMappingTest, RefusesEachMalformedOrInvalidAction) {
  const std::vector<BadAction> cases = {
      {CaseActionKind::kAcknowledge, R"({"on": "2025-13-01"})", kInvalid, {"on"}},
      {CaseActionKind::kAcknowledge, R"({"when": "2025-01-01"})", kMalformed, {"when"}},
      {CaseActionKind::kExtend,
       R"({"working_days": "5", "reason": "x"})",
       kMalformed,
       {"working_days"}},
      {CaseActionKind::kExtend,
       R"({"working_days": 2.5, "reason": "x"})",
       kMalformed,
       {"working_days"}},
      {CaseActionKind::kExtend,
       R"({"working_days": 0, "reason": "x"})",
       kInvalid,
       {"working_days"}},
      {CaseActionKind::kExtend,
       R"({"working_days": 18446744073709551615, "reason": "x"})",
       kInvalid,
       {"working_days"}},
      {CaseActionKind::kRespond, R"({"outcome": "maybe"})", kInvalid, {"outcome"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "root_causes": "delay"})",
       kMalformed,
       {"root_causes"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "root_causes": ["delay", 3]})",
       kMalformed,
       {"root_causes[1]"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "remedies": [{"type": "apology"}, {"type": "cash"}]})",
       kInvalid,
       {"remedies[1].type"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "remedies": [{"type": "financial", "amount_pence": 12.50}]})",
       kMalformed,
       {"remedies[0].amount_pence"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "remedies": [{"type": "financial", "amount_pence": -1}]})",
       kInvalid,
       {"remedies[0].amount_pence"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "actions": [{"what": "x"}]})",
       kMalformed,
       {"actions[0].what"}},
      {CaseActionKind::kRespond,
       R"({"outcome": "upheld", "actions": ["x"]})",
       kMalformed,
       {"actions[0]"}},
      {CaseActionKind::kEscalate, R"({"requested_on": "2025-02-30"})", kInvalid, {"requested_on"}},
      {CaseActionKind::kRefuse, R"({"reason": "bored", "explanation": "x"})", kInvalid, {"reason"}},
      {CaseActionKind::kWithdraw, R"({"reason": ["x"]})", kMalformed, {"reason"}},
      {CaseActionKind::kClose,
       R"({"on": "2025-01-01", "outcome": "upheld"})",
       kMalformed,
       {"outcome"}},
      {CaseActionKind::kReopen, R"({"reason": 1})", kMalformed, {"reason"}},
      {CaseActionKind::kReassign, R"({"team": null, "owner": "x"})", kMalformed, {"owner"}},
  };
  for (const BadAction& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.kind)) + " " + c.body);
    auto action = ParseCaseAction(c.kind, json::parse(c.body), D("2025-01-15"));
    ASSERT_FALSE(action);
    EXPECT_EQ(StatusFor(action.error()), c.status);
    std::vector<std::string> fields;
    for (const core::FieldError& field : action.error().fields) fields.push_back(field.field);
    EXPECT_EQ(fields, c.fields);
  }
}

// What the core's input can hold absent (no outcome, no root cause, an empty reason) is the core's
// to require, so that it names every missing field of an action in one answer with the others.
TEST(JsonMappingTest, LeavesWhatTheCoreRequiresToTheCore) {
  for (CaseActionKind kind :
       {CaseActionKind::kExtend, CaseActionKind::kRespond, CaseActionKind::kRefuse,
        CaseActionKind::kReopen, CaseActionKind::kCorrectResponse}) {
    SCOPED_TRACE(std::string(ToString(kind)));
    EXPECT_TRUE(ParseCaseAction(kind, json::object(), D("2025-01-15")));
  }
}

// A form's unanswered radios and empty date fields send blank strings: no choice, no date.
TEST(JsonMappingTest, BlankChoicesAndDatesAreAbsent) {
  const core::Date today = D("2025-01-15");
  auto respond = ParseCaseAction(
      CaseActionKind::kRespond, json::parse(R"({"on": " ", "outcome": "", "reason": "x"})"), today);
  EXPECT_FALSE(respond) << "reason is no member of a response";
  respond =
      ParseCaseAction(CaseActionKind::kRespond, json::parse(R"({"on": "", "outcome": ""})"), today);
  ASSERT_TRUE(respond);
  EXPECT_FALSE(std::get<core::RespondInput>(*respond).outcome.has_value());
  EXPECT_EQ(std::get<core::RespondInput>(*respond).on, today);
  // A required one is named as missing, with every other missing field.
  auto logged = ParseLogComplaint(json::parse(
      R"({"regime": "", "received_on": "", "channel": " ", "service_area": "", "category": "",
          "summary": " ", "description": "", "complainant": {"name": ""}})"));
  ASSERT_FALSE(logged);
  std::vector<std::string> fields;
  for (const core::FieldError& field : logged.error().fields) {
    EXPECT_EQ(field.code, core::FieldErrorCode::kRequired) << field.field;
    fields.push_back(field.field);
  }
  EXPECT_EQ(StatusFor(logged.error()), 422);
  // The choices and the date from the mapping, then the core's checks of the texts.
  EXPECT_EQ(fields, (std::vector<std::string>{"regime", "received_on", "channel", "summary",
                                              "description", "service_area", "category",
                                              "complainant.name", "complainant"}));
}

TEST(JsonMappingTest, ActionDatesDefaultToToday) {
  const core::Date today = D("2025-01-15");
  auto acknowledge = ParseCaseAction(CaseActionKind::kAcknowledge, json::object(), today);
  ASSERT_TRUE(acknowledge);
  EXPECT_EQ(std::get<core::AcknowledgeInput>(*acknowledge).on, today);
  auto escalate = ParseCaseAction(CaseActionKind::kEscalate, json::object(), today);
  ASSERT_TRUE(escalate);
  EXPECT_EQ(std::get<app::EscalateCommand>(*escalate).requested_on, today);
}

Request WithBody(std::string content_type, std::string body) {
  Request request;
  request.headers.emplace("content-type", std::move(content_type));
  request.body = std::move(body);
  return request;
}

TEST(JsonMappingTest, ReadsOnlyJsonObjectBodies) {
  struct BodyCase {
    std::string content_type;
    std::string body;
    std::optional<int> error;
  };
  const std::vector<BodyCase> cases = {
      {"application/json", R"({"a": 1})", std::nullopt},
      {"application/json; charset=utf-8", R"({})", std::nullopt},
      {"Application/JSON", R"({})", std::nullopt},
      {"application/merge-patch+json", R"({})", std::nullopt},
      {"", "", std::nullopt},  // no body: every field absent
      {"text/plain", R"({})", kUnsupported},
      {"application/x-www-form-urlencoded", "a=1", kUnsupported},
      {"", R"({})", kUnsupported},
      {"application/json", R"({"a": )", kMalformed},
      {"application/json", R"([1, 2])", kMalformed},
      {"application/json", R"("text")", kMalformed},
      {"application/json", "{\"a\": \"\xff\"}", kMalformed},
  };
  for (const BodyCase& c : cases) {
    SCOPED_TRACE(c.content_type + " " + c.body);
    auto body = ParseJsonBody(WithBody(c.content_type, c.body));
    if (!c.error) {
      ASSERT_TRUE(body) << body.error().message;
      EXPECT_TRUE(body->is_object());
      continue;
    }
    ASSERT_FALSE(body);
    EXPECT_EQ(StatusFor(body.error()), *c.error);
    if (*c.error == kMalformed) {
      EXPECT_EQ(body.error().fields.front().field, "body");
    }
  }
}

TEST(JsonMappingTest, RefusesAMemberGivenTwiceAtAnyDepthNamingIt) {
  struct DuplicateCase {
    std::string body;
    std::string field;  // "" = accepted
  };
  const std::vector<DuplicateCase> cases = {
      {R"({"summary": "a", "summary": "b"})", "summary"},
      {R"({"complainant": {"name": "A", "email": "a@x", "name": "B"}})", "complainant.name"},
      {R"({"remedies": [{"kind": "apology"}, {"kind": "works", "kind": "apology"}]})",
       "remedies[1].kind"},
      {R"({"a": [1, [2, 3], {"b": {"c": 1, "c": 2}}]})", "a[2].b.c"},
      // The same name in different objects, or as a value, is not a duplicate.
      {R"({"a": {"x": 1}, "b": {"x": 1}, "x": "x", "list": [{"x": 1}, {"x": 2}]})", ""},
  };
  for (const DuplicateCase& c : cases) {
    SCOPED_TRACE(c.body);
    auto body = ParseJsonBody(WithBody("application/json", c.body));
    if (c.field.empty()) {
      EXPECT_TRUE(body) << body.error().message;
      continue;
    }
    ASSERT_FALSE(body);
    EXPECT_EQ(StatusFor(body.error()), kMalformed);
    ASSERT_EQ(body.error().fields.size(), 1U);
    EXPECT_EQ(body.error().fields.front().field, c.field);
    EXPECT_EQ(body.error().fields.front().message, "is given more than once");
  }
}

TEST(JsonMappingTest, RefusesBodiesTooDeepOrTooLargeToHold) {
  // An object holding arrays nested to `depth` containers in all.
  const auto nested = [](std::size_t depth) {
    return R"({"a": )" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
  };
  // An object holding an array: `values` values in all, the object and the array included.
  const auto wide = [](std::size_t values) {
    std::string text = R"({"a": [0)";
    for (std::size_t i = 3; i < values; ++i) text += ",0";
    return text + "]}";
  };
  struct SizeCase {
    std::string name;
    std::string body;
    bool accepted;
  };
  const std::vector<SizeCase> cases = {
      {"at the depth limit", nested(kMaxJsonDepth), true},
      {"one level deeper", nested(kMaxJsonDepth + 1), false},
      {"a megabyte of unclosed brackets", std::string(1 << 20, '['), false},
      {"at the value limit", wide(kMaxJsonValues), true},
      {"one value more", wide(kMaxJsonValues + 1), false},
      {"half a million values", wide(500000), false},
  };
  for (const SizeCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto body = ParseJsonBody(WithBody("application/json", c.body));
    if (c.accepted) {
      EXPECT_TRUE(body) << body.error().message;
      continue;
    }
    ASSERT_FALSE(body);
    EXPECT_EQ(StatusFor(body.error()), kMalformed);
    EXPECT_EQ(body.error().fields.front().field, "body");
  }
}

TEST(JsonMappingTest, ReadsListParameters) {
  auto query = ParseComplaintQuery({{"status", "in_progress"},
                                    {"stage", "2"},
                                    {"regime", "housing"},
                                    {"team", "housing-services"},
                                    {"received_from", "2024-04-01"},
                                    {"overdue", "true"},
                                    {"limit", "200"},
                                    {"sort", "-due_on"},
                                    {"text", "damp mould"},
                                    {"cursor", "due_on.desc.2025-01-08.CMP-2024-000010"},
                                    {"handler", ""}});
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(query->status, core::CaseStatus::kInProgress);
  EXPECT_EQ(query->stage, 2);
  EXPECT_EQ(query->regime, core::Regime::kHousing);
  EXPECT_EQ(query->team, "housing-services");
  EXPECT_EQ(query->received_from, D("2024-04-01"));
  EXPECT_TRUE(query->overdue);
  EXPECT_FALSE(query->due_before) << "the use case gives overdue its meaning";
  EXPECT_EQ(query->limit, 200);
  EXPECT_EQ(query->sort, app::ComplaintSort::kDueOn);
  EXPECT_EQ(query->direction, app::SortDirection::kDescending);
  EXPECT_EQ(query->text, "damp mould");
  EXPECT_EQ(query->after, (app::ComplaintCursor{"2025-01-08", "CMP-2024-000010"}));
  EXPECT_EQ(query->handler, "");

  auto defaults = ParseComplaintQuery({});
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->limit, kDefaultPageSize);
  EXPECT_FALSE(defaults->overdue);
  EXPECT_FALSE(defaults->due_within);
}

TEST(JsonMappingTest, RefusesBadListParameters) {
  struct BadParameter {
    Parameters parameters;
    int status;
    std::string field;
  };
  const std::vector<BadParameter> cases = {
      {{{"status", "open"}}, kInvalid, "status"},
      {{{"stage", "4"}}, kInvalid, "stage"},
      {{{"stage", "two"}}, kInvalid, "stage"},
      {{{"regime", "council"}}, kInvalid, "regime"},
      {{{"received_from", "2024-02-30"}}, kInvalid, "received_from"},
      {{{"received_to", "01/04/2024"}}, kInvalid, "received_to"},
      {{{"overdue", "yes"}}, kInvalid, "overdue"},
      {{{"limit", "0"}}, kInvalid, "limit"},
      {{{"limit", "201"}}, kInvalid, "limit"},
      {{{"limit", "10x"}}, kInvalid, "limit"},
      {{{"colour", "red"}}, kMalformed, "colour"},
      {{{"sort", "summary"}}, kInvalid, "sort"},
      {{{"sort", "--due_on"}}, kInvalid, "sort"},
      // A cursor belongs to its sort: another order, or a key that does not fit it, is refused.
      {{{"cursor", "CMP-2024-000010"}}, kInvalid, "cursor"},
      {{{"sort", "due_on"}, {"cursor", "due_on.desc.2025-01-08.CMP-1"}}, kInvalid, "cursor"},
      {{{"sort", "received_on"}, {"cursor", "received_on.asc..CMP-1"}}, kInvalid, "cursor"},
      {{{"cursor", "reference.asc.x.CMP-1"}}, kInvalid, "cursor"},
      {{{"cursor", "reference.asc..CMP-1.x"}}, kInvalid, "cursor"},
      // Thousands of words, or of characters, would hold the CPU.
      {{{"text",
         [] {
           std::string words;
           for (int i = 0; i < 33; ++i) words += "w" + std::to_string(i) + " ";
           return words;
         }()}},
       kInvalid,
       "text"},
      {{{"text", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,1,2,3,4,5,6,7"}},
       kInvalid,
       "text"},
      {{{"text", std::string(513, 'x')}}, kInvalid, "text"},
  };
  for (const BadParameter& c : cases) {
    SCOPED_TRACE(c.field);
    auto query = ParseComplaintQuery(c.parameters);
    ASSERT_FALSE(query);
    EXPECT_EQ(StatusFor(query.error()), c.status);
    ASSERT_EQ(query.error().fields.size(), 1U);
    EXPECT_EQ(query.error().fields.front().field, c.field);
  }
}

TEST(JsonMappingTest, CountsSearchWordsAsRunsOfLettersAndDigits) {
  std::string words;
  for (int i = 0; i < 32; ++i) words += "  mould-" + std::to_string(i % 10);
  EXPECT_FALSE(CheckSearchText(words));  // 64 words: "mould" and a digit each time
  EXPECT_TRUE(CheckSearchText("damp and mould in the bathroom, again"));
  EXPECT_TRUE(CheckSearchText("Ffenestr ddrwg — réparation urgente"));
  EXPECT_TRUE(CheckSearchText(std::string(512, 'x')));
}

TEST(JsonMappingTest, NextCursorLeadsToTheNextPageInTheSameOrder) {
  app::ComplaintRow last{};
  last.reference = "CMP-2024-000042";
  last.received_on = D("2024-06-03");
  for (const char* sort : {"reference", "-received_on", "due_on", "-due_on"}) {
    SCOPED_TRACE(sort);
    auto first = ParseComplaintQuery({{"sort", sort}});
    ASSERT_TRUE(first);
    const std::string cursor = NextCursor(last, *first);
    auto next = ParseComplaintQuery({{"sort", sort}, {"cursor", cursor}});
    ASSERT_TRUE(next) << cursor << ": " << next.error().message;
    EXPECT_EQ(next->after, app::CursorAfter(last, first->sort));
  }
}

core::Complaint ExampleComplaint() {
  core::Complaint complaint;
  complaint.reference = "CMP-2024-000001";
  complaint.version = 3;
  complaint.regime = core::Regime::kHousing;
  complaint.received_on = D("2024-12-20");
  complaint.status = core::CaseStatus::kInProgress;
  core::Stage stage;
  stage.number = 1;
  stage.started_on = D("2024-12-20");
  stage.team = "housing-services";
  stage.acknowledge_by = D("2024-12-31");
  stage.acknowledged_on = D("2024-12-23");
  stage.respond_by_original = D("2025-01-08");
  stage.respond_by = D("2025-01-08");
  complaint.stages.push_back(stage);
  return complaint;
}

TEST(JsonMappingTest, RendersAComplaintWithWorkingDaysLeft) {
  const core::WorkingCalendar calendar(core::Division::kEnglandAndWales);
  core::Complaint complaint = ExampleComplaint();
  // Thursday 2 January 2025: 4 working days to Wednesday 8 January.
  json body = ComplaintToJson(complaint, RenderContext{&calendar, D("2025-01-02")});
  EXPECT_EQ(body["reference"], "CMP-2024-000001");
  EXPECT_EQ(body["version"], 3);
  EXPECT_EQ(body["stage"], 1);
  EXPECT_EQ(body["status"], "in_progress");
  EXPECT_EQ(body["acknowledge_by"], "2024-12-31");
  EXPECT_EQ(body["respond_by"], "2025-01-08");
  EXPECT_TRUE(body["representative"].is_null());
  EXPECT_TRUE(body["closed_on"].is_null());
  EXPECT_TRUE(body["stages"][0]["handler"].is_null());
  EXPECT_TRUE(body["stages"][0]["response"].is_null());
  EXPECT_EQ(body["stages"][0]["working_days_left"], 4);
  // Overdue: Friday 10 January is 2 working days past the deadline.
  body = ComplaintToJson(complaint, RenderContext{&calendar, D("2025-01-10")});
  EXPECT_EQ(body["stages"][0]["working_days_left"], -2);

  // Awaiting acknowledgement counts to acknowledge_by.
  complaint.status = core::CaseStatus::kAwaitingAcknowledgement;
  complaint.stages[0].acknowledged_on.reset();
  body = ComplaintToJson(complaint, RenderContext{&calendar, D("2024-12-23")});
  EXPECT_EQ(body["stages"][0]["working_days_left"], 4);

  // An answered stage has no clock running.
  complaint.status = core::CaseStatus::kResponded;
  complaint.stages[0].response =
      core::Response{D("2025-01-07"), core::Outcome::kUpheld, {"delay"}, {}, {}, "", "emma"};
  body = ComplaintToJson(complaint, RenderContext{&calendar, D("2025-01-10")});
  EXPECT_FALSE(body["stages"][0].contains("working_days_left"));
  EXPECT_EQ(body["stages"][0]["response"]["outcome"], "upheld");
}

TEST(JsonMappingTest, RendersTheActionsTheUserMayTakeAndTheSessionsPermissions) {
  const core::WorkingCalendar calendar(core::Division::kEnglandAndWales);
  const core::Complaint complaint = ExampleComplaint();  // in progress at stage 1
  json body = ComplaintToJson(complaint,
                              RenderContext{&calendar, D("2025-01-02"), core::Role::kCaseHandler});
  EXPECT_EQ(body["allowed_actions"], json({"extend", "respond"}));
  body = ComplaintToJson(complaint, RenderContext{&calendar, D("2025-01-02"), core::Role::kViewer});
  EXPECT_EQ(body["allowed_actions"], json::array());

  app::User viewer;
  viewer.username = "val";
  viewer.role = core::Role::kViewer;
  const json session = SessionUserToJson(viewer);
  EXPECT_EQ(session["permissions"], json({"view_cases", "view_reports", "view_audit"}));
  EXPECT_EQ(session["username"], "val");
}

TEST(JsonMappingTest, RendersEventsWithoutAStageAsNull) {
  app::StoredEvent stored;
  stored.sequence = 7;
  stored.event = core::CaseEvent{core::EventType::kLogged,
                                 D("2024-12-20"),
                                 "amira",
                                 0,
                                 "Logged.",
                                 {{"status", "", "awaiting_acknowledgement"}}};
  stored.recorded_at = "2024-12-20T09:00:00.000Z";
  json event = EventToJson(stored);
  EXPECT_EQ(event["sequence"], 7);
  EXPECT_EQ(event["type"], "logged");
  EXPECT_TRUE(event["stage"].is_null());
  EXPECT_EQ(event["changes"][0]["after"], "awaiting_acknowledgement");
}

}  // namespace
}  // namespace redress::http
