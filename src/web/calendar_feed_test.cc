// The calendar files the server gives, through the real application on a
// temporary SQLite store and a clock the test sets: each event is dated by
// the publication that last changed it (issue 9, defect 12), as calendar
// programs need to replace the copy they hold.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "format/meeting_file.h"
#include "format/meeting_json.h"
#include "render/ics_test_support.h"
#include "store/sqlite_store.h"
#include "web/app.h"
#include "web/test_support.h"

namespace plenary::web {
namespace {

using nlohmann::json;
using plenary::testing::EventDates;
using plenary::testing::event_dates;

const std::string kMeetingFile = "/meetings/1/CTOC_COP_WG.7_2022_1";
const std::string kFeed = "/bodies/CTOC_COP_WG.7";
const std::string kMondayMorning = "ctoc-cop-wg.7-2022-1-2022-06-27-1-en@plenary";
const std::string kTuesdayAfternoon = "ctoc-cop-wg.7-2022-1-2022-06-28-2-en@plenary";

class CalendarFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::Clock clock = [now = now_] { return *now; };
    const std::string database = folder_.file("plenary.sqlite");
    std::unique_ptr<store::SqliteStore> store = store::SqliteStore::open(database, clock);
    editor_ = "Bearer " + testing::add_token_account(*store, "editor", store::Role::editor, {testing::kBody});
    const MeetingFile file = load_meeting_file(testing::kExample);
    ASSERT_TRUE(file.meeting);
    store->create_meeting(file.meeting->body.short_name, file.meeting->document.symbol,
                          meeting_to_json(*file.meeting), "seed");
    AppConfig config;
    config.open_store = [database, clock] {
      return std::unique_ptr<store::Store>(store::SqliteStore::open(database, clock));
    };
    config.clock = clock;
    app_ = std::make_unique<App>(std::move(config));
  }

  Response handle(const std::string& method, const std::string& path, const json& body = nullptr,
                  const Headers& headers = {}) {
    Request request;
    request.method = method;
    request.path = path;
    request.headers = headers;
    if (!body.is_null()) {
      request.headers["authorization"] = editor_;
      request.headers["content-type"] = "application/json";
      request.body = body.dump();
    }
    return app_->handle(request);
  }
  // An editor's write at `at`, based on the current version.
  void write(const std::string& at, const std::string& method, const std::string& path, json body) {
    *now_ = at;
    Request read;
    read.method = "GET";
    read.path = "/api/v1/meetings/1";
    read.headers["authorization"] = editor_;
    body["based_on_version"] = json::parse(app_->handle(read).body).at("version");
    const Response response = handle(method, path, body);
    ASSERT_EQ(response.status, 200) << method << " " << path << ": " << response.body.substr(0, 500);
  }
  // The events of the calendar at `path`, read at `at`.
  std::vector<EventDates> read_calendar(const std::string& at, const std::string& path) {
    *now_ = at;
    const Response response = handle("GET", path);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body.substr(0, 300);
    EXPECT_EQ(response.headers.at("content-type"), "text/calendar; charset=utf-8");
    return event_dates(response.body);
  }

  testing::TempFolder folder_;
  std::shared_ptr<std::string> now_ = std::make_shared<std::string>("2022-04-01T08:00:00Z");
  std::string editor_;
  std::unique_ptr<App> app_;
};

const EventDates* find_event(const std::vector<EventDates>& events, const std::string& uid) {
  for (const EventDates& event : events)
    if (event.uid == uid) return &event;
  ADD_FAILURE() << "no event " << uid;
  return nullptr;
}

void expect_dates(const std::vector<EventDates>& events, const std::string& uid, const std::string& dtstamp,
                  const std::string& last_modified, int sequence) {
  SCOPED_TRACE(uid);
  const EventDates* event = find_event(events, uid);
  if (!event) return;
  EXPECT_EQ(event->dtstamp, dtstamp);
  EXPECT_EQ(event->last_modified, last_modified);
  EXPECT_EQ(event->sequence, sequence);
  EXPECT_EQ(event->status, ICAL_STATUS_CONFIRMED);
}

TEST_F(CalendarFeedTest, EventsAreDatedByThePublicationThatLastChangedThem) {
  write("2022-05-02T08:00:00Z", "POST", "/api/v1/meetings/1/publish", json::object());
  for (const std::string& path : {kMeetingFile + ".en.ics", kFeed + ".en.ics"}) {
    SCOPED_TRACE(path);
    const std::vector<EventDates> events = read_calendar("2022-05-03T10:00:00Z", path);
    EXPECT_EQ(events.size(), 4u);
    for (const std::string& uid : {kMondayMorning, kTuesdayAfternoon})
      expect_dates(events, uid, "20220503T100000Z", "20220502T080000Z", 0);
  }

  // Item 5, taken up on Tuesday afternoon only, gets a new English title.
  write("2022-06-01T09:00:00Z", "PATCH", "/api/v1/meetings/1/items/5", {{"title", {{"en", "Any other business"}}}});
  write("2022-06-01T09:30:00Z", "POST", "/api/v1/meetings/1/publish", json::object());
  for (const std::string& path : {kMeetingFile + ".en.ics", kFeed + ".en.ics"}) {
    SCOPED_TRACE(path);
    const std::vector<EventDates> events = read_calendar("2022-06-02T07:00:00Z", path);
    EXPECT_EQ(events.size(), 4u);
    expect_dates(events, kMondayMorning, "20220602T070000Z", "20220502T080000Z", 0);
    expect_dates(events, kTuesdayAfternoon, "20220602T070000Z", "20220601T093000Z", 1);
  }
  // The French calendar shows no English title: nothing changed in it.
  for (const EventDates& event : read_calendar("2022-06-02T07:00:00Z", kMeetingFile + ".fr.ics")) {
    EXPECT_EQ(event.last_modified, "20220502T080000Z") << event.uid;
    EXPECT_EQ(event.sequence, 0) << event.uid;
  }

  // The hybrid format moves every meeting to other hours.
  write("2022-06-10T14:00:00Z", "PUT", "/api/v1/meetings/1/format", {{"format", "hybrid"}});
  write("2022-06-10T14:05:00Z", "POST", "/api/v1/meetings/1/publish", json::object());
  for (const std::string& path : {kMeetingFile + ".en.ics", kFeed + ".en.ics"}) {
    SCOPED_TRACE(path);
    const std::vector<EventDates> events = read_calendar("2022-06-11T00:00:00Z", path);
    expect_dates(events, kMondayMorning, "20220611T000000Z", "20220610T140500Z", 1);
    expect_dates(events, kTuesdayAfternoon, "20220611T000000Z", "20220610T140500Z", 2);
  }
}

TEST_F(CalendarFeedTest, ACachedFileKeepsItsStampAndItsETagUntilTheNextPublication) {
  write("2022-05-02T08:00:00Z", "POST", "/api/v1/meetings/1/publish", json::object());
  for (const std::string& path : {kMeetingFile + ".en.ics", kFeed + ".en.ics"}) {
    SCOPED_TRACE(path);
    *now_ = "2022-05-03T10:00:00Z";
    const Response made = handle("GET", path);
    ASSERT_EQ(made.status, 200);
    const std::string etag = made.headers.at("etag");
    EXPECT_EQ(made.headers.at("last-modified"), "Mon, 02 May 2022 08:00:00 GMT");

    // Later, the same file: made when it was first asked for.
    *now_ = "2022-05-04T10:00:00Z";
    const Response again = handle("GET", path);
    EXPECT_EQ(again.body, made.body);
    EXPECT_EQ(again.headers.at("etag"), etag);
    EXPECT_EQ(event_dates(again.body).at(0).dtstamp, "20220503T100000Z");
    const Response unchanged = handle("GET", path, nullptr, {{"if-none-match", etag}});
    EXPECT_EQ(unchanged.status, 304);
    EXPECT_TRUE(unchanged.body.empty());
  }

  write("2022-06-01T09:00:00Z", "PATCH", "/api/v1/meetings/1/items/5", {{"title", {{"en", "Any other business"}}}});
  write("2022-06-01T09:30:00Z", "POST", "/api/v1/meetings/1/publish", json::object());
  for (const std::string& path : {kMeetingFile + ".en.ics", kFeed + ".en.ics"}) {
    SCOPED_TRACE(path);
    *now_ = "2022-06-02T07:00:00Z";
    const Response made = handle("GET", path);
    ASSERT_EQ(made.status, 200);
    const Response unchanged = handle("GET", path, nullptr, {{"if-none-match", made.headers.at("etag")}});
    EXPECT_EQ(unchanged.status, 304);
    EXPECT_EQ(made.headers.at("last-modified"), "Wed, 01 Jun 2022 09:30:00 GMT");
    EXPECT_EQ(find_event(event_dates(made.body), kTuesdayAfternoon)->sequence, 1);
  }
}

TEST_F(CalendarFeedTest, ADraftCalendarIsTheOnePublishingWouldGive) {
  write("2022-05-02T08:00:00Z", "POST", "/api/v1/meetings/1/publish", json::object());
  write("2022-06-01T09:00:00Z", "PATCH", "/api/v1/meetings/1/items/5", {{"title", {{"en", "Any other business"}}}});
  *now_ = "2022-06-01T09:10:00Z";
  Request request;
  request.method = "GET";
  request.path = "/api/v1/meetings/1/render";
  request.query = {{"format", "ics"}, {"lang", "en"}};
  request.headers["authorization"] = editor_;
  const Response draft = app_->handle(request);
  ASSERT_EQ(draft.status, 200) << draft.body.substr(0, 300);
  const std::vector<EventDates> events = event_dates(draft.body);
  expect_dates(events, kMondayMorning, "20220601T091000Z", "20220502T080000Z", 0);
  expect_dates(events, kTuesdayAfternoon, "20220601T091000Z", "20220601T091000Z", 1);
  // The public still has the published calendar.
  expect_dates(read_calendar("2022-06-01T09:20:00Z", kMeetingFile + ".en.ics"), kTuesdayAfternoon,
               "20220601T092000Z", "20220502T080000Z", 0);
}

}  // namespace
}  // namespace plenary::web
