#include "cli/plan_command.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/commands.h"
#include "format/meeting_file.h"
#include "i18n/time_zone.h"
#include "format/plan_json.h"
#include "planning/planner.h"
#include "planning/slots.h"

namespace plenary {

namespace {

using nlohmann::json;

// Reads a plan written by `plenary plan --json`; throws std::runtime_error
// naming the offending field.
OrganizationOfWork read_previous(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open the file", path));
  json document;
  try {
    document = json::parse(in);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(fmt::format("{}: not valid JSON: {}", path, e.what()));
  }
  auto field = [&](const json& object, const char* key, const std::string& where) -> const json& {
    if (!object.is_object() || !object.contains(key))
      throw std::runtime_error(fmt::format("{}: {} needs \"{}\"", path, where, key));
    return object[key];
  };
  auto text = [&](const json& value, const std::string& where) {
    if (!value.is_string()) throw std::runtime_error(fmt::format("{}: {} should be a string", path, where));
    return value.get<std::string>();
  };
  OrganizationOfWork organization;
  const json& slots = field(document, "slots", "the plan");
  if (!slots.is_array()) throw std::runtime_error(fmt::format("{}: \"slots\" should be an array", path));
  for (size_t s = 0; s < slots.size(); ++s) {
    const std::string where = fmt::format("slots[{}]", s);
    Slot slot;
    auto date = parse_iso_date(text(field(slots[s], "date", where), where + ".date"));
    auto start = parse_hhmm(text(field(slots[s], "start", where), where + ".start"));
    auto end = parse_hhmm(text(field(slots[s], "end", where), where + ".end"));
    if (!date || !start || !end)
      throw std::runtime_error(fmt::format("{}: {} needs a date YYYY-MM-DD and times HH:MM", path, where));
    slot.date = *date, slot.start = *start, slot.end = *end;
    const json& items = field(slots[s], "items", where);
    if (!items.is_array()) throw std::runtime_error(fmt::format("{}: {}.items should be an array", path, where));
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string item_where = fmt::format("{}.items[{}]", where, i);
      auto key = parse_item_key(text(field(items[i], "item", item_where), item_where + ".item"));
      if (!key) throw std::runtime_error(fmt::format("{}: {}.item is not an item number", path, item_where));
      slot.items.push_back(SlotItem{*key, false, std::nullopt});
    }
    organization.slots.push_back(std::move(slot));
  }
  return organization;
}

std::string title_of(const Meeting& meeting, const std::string& key) {
  const Item* item = find_item(meeting, key);
  if (!item || item->title.empty()) return "";
  if (const std::string* en = text_in(item->title, "en")) return *en;
  return item->title.begin()->second;
}

void print_table(const Meeting& meeting, const planning::Plan& plan, MeetingFormat format, bool explain,
                 std::ostream& out) {
  out << fmt::format("Organization of work, {} format ({})\n", to_string(format), meeting.document.symbol);
  Date day;
  for (const Slot& slot : plan.organization.slots) {
    if (!(slot.date == day)) out << '\n' << planning::describe_day(slot.date) << '\n';
    day = slot.date;
    bool first = true;
    for (const SlotItem& entry : slot.items) {
      const std::string hours = first ? fmt::format("{}-{}", to_hhmm(slot.start), to_hhmm(slot.end)) : "";
      out << fmt::format("  {:<12} {:<6} {:>7}  {}{}\n", hours, entry.item,
                         entry.minutes ? planning::describe_minutes(*entry.minutes) : "", title_of(meeting, entry.item),
                         entry.continued ? " (continued)" : "");
      first = false;
    }
    if (slot.items.empty()) out << fmt::format("  {}-{}  (no item)\n", to_hhmm(slot.start), to_hhmm(slot.end));
  }
  if (!plan.shrunk.empty()) {
    out << "\nToo little time; items shortened:\n";
    for (const std::string& line : plan.shrunk) out << "  " << line << '\n';
  }
  if (!plan.changes.empty()) {
    out << fmt::format("\nChanges against the previous plan ({}):\n", plan.changes.size());
    for (const planning::PlanChange& change : plan.changes) out << "  " << change.text << '\n';
  }
  if (explain) {
    out << "\nWhy each item sits where it does:\n";
    for (const std::string& line : plan.explanations) out << "  " << line << '\n';
  }
}

// The [organization] section as TOML text.
std::string organization_toml(const OrganizationOfWork& organization) {
  std::string out = "[organization]\n";
  if (!organization.footnote.empty()) out += fmt::format("footnote = \"{}\"\n", organization.footnote);
  out += fmt::format("sequence = {}\n", organization.sequence);
  for (const Slot& slot : organization.slots) {
    out += fmt::format("\n[[organization.slots]]\ndate = {}\nstart = \"{}\"\nend = \"{}\"\nitems = [", to_iso(slot.date),
                       to_hhmm(slot.start), to_hhmm(slot.end));
    for (size_t i = 0; i < slot.items.size(); ++i) {
      const SlotItem& entry = slot.items[i];
      out += fmt::format("{}{{ item = \"{}\", minutes = {} }}", i ? ", " : "", entry.item, entry.minutes.value_or(0));
    }
    out += "]\n";
  }
  return out;
}

// Replaces the file's [organization] tables (or appends them), keeping every
// other line as written. The new text must load cleanly before it replaces
// the old file.
bool write_organization(const std::string& path, const OrganizationOfWork& organization, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::istringstream lines(buffer.str());
  std::string kept, line;
  bool inside = false;
  for (; std::getline(lines, line);) {
    std::string trimmed = line.substr(std::min(line.size(), line.find_first_not_of(" \t")));
    if (trimmed.starts_with("[")) {
      inside = trimmed.starts_with("[organization]") || trimmed.starts_with("[[organization.") ||
               trimmed.starts_with("[organization.");
    }
    if (!inside) kept += line + "\n";
  }
  while (kept.size() >= 2 && kept.ends_with("\n\n")) kept.pop_back();
  const std::string text = kept + "\n" + organization_toml(organization);
  const MeetingFile check = parse_meeting_file(text, path);
  if (check.unreadable || !check.diagnostics.empty()) {
    err << fmt::format("plenary plan: the plan could not be written into {} (the file would not load); it is "
                       "unchanged\n",
                       path);
    return false;
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      err << fmt::format("plenary plan: cannot write {}\n", temporary);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    err << fmt::format("plenary plan: cannot replace {}: {}\n", path, ec.message());
    return false;
  }
  return true;
}

// Same meetings at the same times with the same items.
bool same_assignments(const OrganizationOfWork& a, const OrganizationOfWork& b) {
  if (a.slots.size() != b.slots.size()) return false;
  for (size_t s = 0; s < a.slots.size(); ++s) {
    const Slot& x = a.slots[s];
    const Slot& y = b.slots[s];
    if (!(x.date == y.date) || x.start != y.start || x.end != y.end || x.items.size() != y.items.size()) return false;
    for (size_t i = 0; i < x.items.size(); ++i)
      if (x.items[i].item != y.items[i].item) return false;
  }
  return true;
}

}  // namespace

int run_plan(const PlanCommandOptions& options, std::ostream& out, std::ostream& err) {
  const MeetingFile file = load_meeting_file(options.file);
  // The organization in the file is what planning replaces: its own problems
  // (an item added since, a day removed) must not stop the new plan.
  MeetingFile without_plan = file;
  if (without_plan.meeting) without_plan.meeting->organization.slots.clear();
  const std::vector<Diagnostic> diagnostics = check_meeting_file(without_plan, CheckOptions{});
  const bool errors = file.unreadable || std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
                        return d.severity == Severity::error;
                      });
  if (errors) {
    for (const Diagnostic& d : diagnostics) err << format_diagnostic(d) << '\n';
    err << fmt::format("plenary plan: {} has errors; fix them first\n", options.file);
    return file.unreadable ? kExitUnreadable : kExitErrors;
  }
  const Meeting& meeting = *file.meeting;
  MeetingFormat format = meeting.format;
  if (!options.format.empty()) {
    auto parsed = meeting_format_from(options.format);
    if (!parsed) {
      err << fmt::format("plenary plan: unknown format '{}': expected in-person, hybrid or online\n", options.format);
      return kExitUnreadable;
    }
    format = *parsed;
  }
  OrganizationOfWork previous;
  planning::PlanOptions plan_options;
  plan_options.format = format;
  if (!options.previous.empty()) {
    try {
      previous = read_previous(options.previous);
    } catch (const std::exception& e) {
      err << "plenary plan: " << e.what() << '\n';
      return kExitUnreadable;
    }
    plan_options.previous = &previous;
  } else if (options.against_file) {
    previous = meeting.organization;
    plan_options.previous = &previous;
  }
  const planning::Plan plan = planning::plan_meeting(meeting, plan_options);
  if (options.json) {
    out << plan_json(plan, format, meeting.time_zone).dump(2) << '\n';
  } else if (plan.ok) {
    print_table(meeting, plan, format, options.explain, out);
  }
  if (!plan.ok) {
    for (const std::string& problem : plan.problems) err << "plenary plan: " << problem << '\n';
    return kExitErrors;
  }
  if (options.write) {
    // Calendar clients update an event when its SEQUENCE grows: a stored
    // plan that differs from the file's gets the next revision.
    OrganizationOfWork stored = plan.organization;
    stored.sequence = meeting.organization.sequence + (same_assignments(stored, meeting.organization) ? 0 : 1);
    if (!write_organization(options.file, stored, err)) return kExitUnreadable;
    err << fmt::format("plenary plan: wrote the organization of work into {}\n", options.file);
  }
  return kExitOk;
}

}  // namespace plenary
