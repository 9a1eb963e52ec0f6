#include "format/plan_json.h"

#include "i18n/time_zone.h"

namespace plenary {

namespace {

using nlohmann::json;

json slot_json(const Slot& slot, const std::string& time_zone = "") {
  json items = json::array();
  for (const SlotItem& entry : slot.items) {
    json item{{"item", entry.item}, {"continued", entry.continued}};
    if (entry.minutes) item["minutes"] = *entry.minutes;
    items.push_back(item);
  }
  json out{{"date", to_iso(slot.date)}, {"start", to_hhmm(slot.start)}, {"end", to_hhmm(slot.end)}, {"items", items}};
  if (!time_zone.empty()) {
    out["starts_at"] = local_iso_with_offset(time_zone, slot.date, slot.start);
    out["ends_at"] = local_iso_with_offset(time_zone, slot.date, slot.end);
  }
  return out;
}

}  // namespace

json plan_json(const planning::Plan& plan, MeetingFormat format, const std::string& time_zone) {
  json out{{"ok", plan.ok}, {"format", to_string(format)}, {"time_zone", time_zone}};
  out["slots"] = json::array();
  for (const Slot& slot : plan.organization.slots) out["slots"].push_back(slot_json(slot, time_zone));
  out["changes"] = json::array();
  for (const planning::PlanChange& change : plan.changes) {
    json from = json::array(), to = json::array();
    for (const Slot& slot : change.from) from.push_back(slot_json(Slot{slot.date, slot.start, slot.end, {}}));
    for (const Slot& slot : change.to) to.push_back(slot_json(Slot{slot.date, slot.start, slot.end, {}}));
    for (json* list : {&from, &to})
      for (json& slot : *list) slot.erase("items");
    out["changes"].push_back({{"item", change.item}, {"from", from}, {"to", to}, {"text", change.text}});
  }
  out["durations"] = json::array();
  for (const planning::ItemTime& t : plan.durations)
    out["durations"].push_back({{"item", t.key}, {"minutes", t.minutes}, {"requested", t.requested},
                                {"minimum", t.minimum}, {"priority", t.priority}, {"shares_rest", t.shares_rest}});
  out["shrunk"] = plan.shrunk;
  out["problems"] = plan.problems;
  out["explanations"] = plan.explanations;
  out["cost"] = {{"changes", plan.cost.changes}, {"start", plan.cost.start}, {"splits", plan.cost.splits}};
  return out;
}

}  // namespace plenary
