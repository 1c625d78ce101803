// Dates as editors write them, and the site's time zone that turns an instant into the day a
// reader is shown. Every day tandem displays is a day in the site's zone (site.toml `timezone`),
// never the build machine's: the same site gives the same dates wherever CI runs.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class TimeZone;
U_NAMESPACE_END

namespace tandem {

// A date, or a date and a time, as written: 2021-07-30, 2021-07-30T09:00:00-04:00,
// 2021-07-30 09:00Z, 2018-10-19 09:00:00 -0400, 2021-07-30T09:00:00.5 (a time without an
// offset is in the site's zone). A fraction of a second is read and dropped: tandem shows days
// and orders by them, and the canonical text stays the same with or without one.
struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC

  // The canonical text: "2021-07-30", "2021-07-30T09:00:00", "2021-07-30T09:00:00-04:00".
  std::string ToString() const;
  // The calendar day as written ("2021-07-30"), whatever its offset.
  std::string Day() const;
};

// Reads YYYY-MM-DD, or that date, T or a space, and HH:MM[:SS[.fraction]], then an offset or
// none: Z, +HH:MM or +HHMM (or -), which may follow one space. These are the numeric forms Hugo
// reads, an RFC 3339 date-time among them; nullopt for anything else, an impossible date
// (2023-02-29) or time (25:00) included.
std::optional<DateTime> ParseDateTime(std::string_view text);

class TimeZone {
 public:
  // An IANA name such as "America/Toronto" (site.toml checked it); throws std::runtime_error if
  // ICU does not know it.
  explicit TimeZone(const std::string& id);
  ~TimeZone();
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

  const std::string& id() const { return id_; }
  // Milliseconds since 1970 UTC. A date alone is the start of that day here; a time without
  // an offset is a time here.
  int64_t ToEpochMs(const DateTime& when) const;
  // The day ("YYYY-MM-DD") in this zone at `epoch_ms`.
  std::string DayAt(int64_t epoch_ms) const;
  // The day here of a date as written: a date alone is itself; a date-time is moved into this zone.
  std::string DayOf(const DateTime& when) const;

 private:
  int64_t OffsetMsAt(int64_t epoch_ms) const;

  std::string id_;
  std::unique_ptr<icu::TimeZone> zone_;
};

}  // namespace tandem
