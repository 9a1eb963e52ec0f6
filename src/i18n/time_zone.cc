#include "i18n/time_zone.h"

#include <fmt/format.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>

namespace plenary {

namespace {

std::unique_ptr<icu::TimeZone> open_zone(const std::string& zone) {
  if (zone.empty()) return nullptr;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  icu::UnicodeString id;
  tz->getID(id);
  if (id == icu::UnicodeString(u"Etc/Unknown")) return nullptr;  // ICU's answer for a name it does not know
  return tz;
}

}  // namespace

bool is_known_time_zone(const std::string& zone) { return open_zone(zone) != nullptr; }

std::optional<int> utc_offset_minutes(const std::string& zone, const Date& date, TimeOfDay time) {
  auto tz = open_zone(zone);
  if (!tz) return std::nullopt;
  const double local = (static_cast<double>(days_since_epoch(date)) * 1440.0 + time.minutes) * 60000.0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(local, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

std::string local_iso_with_offset(const std::string& zone, const Date& date, TimeOfDay time) {
  auto offset = utc_offset_minutes(zone, date, time);
  if (!offset) return "";
  const int magnitude = *offset < 0 ? -*offset : *offset;
  return fmt::format("{}T{}:00{}{:02}:{:02}", to_iso(date), to_hhmm(time), *offset < 0 ? '-' : '+', magnitude / 60,
                     magnitude % 60);
}

}  // namespace plenary
