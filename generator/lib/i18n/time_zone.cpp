#include "i18n/time_zone.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace tandem {

namespace {

constexpr int64_t kMsPerDay = 86'400'000;

bool IsLeap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads exactly `width` digits at `at`, moving past them.
bool Digits(std::string_view s, size_t& at, size_t width, int& out) {
  if (at + width > s.size()) return false;
  out = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[at + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  at += width;
  return true;
}

bool Char(std::string_view s, size_t& at, char c) {
  if (at >= s.size() || s[at] != c) return false;
  ++at;
  return true;
}

// HH:MM[:SS[.fraction]], the fraction dropped: dates are shown by the day.
bool ReadTime(std::string_view s, size_t& at, DateTime& t) {
  if (!Digits(s, at, 2, t.hour) || !Char(s, at, ':') || !Digits(s, at, 2, t.minute)) return false;
  if (Char(s, at, ':')) {
    if (!Digits(s, at, 2, t.second)) return false;
    if (Char(s, at, '.')) {
      size_t from = at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
      if (at == from) return false;
    }
  }
  t.has_time = true;
  return t.hour <= 23 && t.minute <= 59 && t.second <= 60;
}

// Z, or +HH:MM or +HHMM (or -), after one space or none: Go writes "2018-10-19 09:00:00 -0400",
// and Hugo reads it.
bool ReadOffset(std::string_view s, size_t& at, DateTime& t) {
  if (at == s.size()) return true;
  t.has_offset = true;
  if (Char(s, at, 'Z') || Char(s, at, 'z')) return true;
  Char(s, at, ' ');
  int sign = at == s.size() ? 0 : s[at] == '+' ? 1 : s[at] == '-' ? -1 : 0;
  if (sign == 0) return false;
  ++at;
  int hours, minutes;
  if (!Digits(s, at, 2, hours)) return false;
  Char(s, at, ':');  // +04:00 or +0400
  if (!Digits(s, at, 2, minutes)) return false;
  t.offset_minutes = sign * (hours * 60 + minutes);
  return hours <= 23 && minutes <= 59;
}

}  // namespace

std::string DateTime::ToString() const {
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  if (has_time) n += std::snprintf(buf + n, sizeof buf - n, "T%02d:%02d:%02d", hour, minute, second);
  if (has_offset && offset_minutes == 0)
    std::snprintf(buf + n, sizeof buf - n, "Z");
  else if (has_offset)
    std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                  std::abs(offset_minutes) / 60, std::abs(offset_minutes) % 60);
  return buf;
}

std::string DateTime::Day() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<DateTime> ParseDateTime(std::string_view s) {
  DateTime t;
  size_t at = 0;
  if (!Digits(s, at, 4, t.year) || !Char(s, at, '-') || !Digits(s, at, 2, t.month) || !Char(s, at, '-') ||
      !Digits(s, at, 2, t.day))
    return std::nullopt;
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > DaysIn(t.year, t.month)) return std::nullopt;
  if (at == s.size()) return t;
  if (s[at] != 'T' && s[at] != 't' && s[at] != ' ') return std::nullopt;
  ++at;
  if (!ReadTime(s, at, t) || !ReadOffset(s, at, t) || at != s.size()) return std::nullopt;
  return t;
}

TimeZone::TimeZone(const std::string& id) : id_(id) {
  zone_.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
  // ICU answers an unknown name with the "Etc/Unknown" zone instead of failing.
  if (!zone_ || *zone_ == icu::TimeZone::getUnknown())
    throw std::runtime_error("unknown time zone \"" + id + "\"");
  OffsetMsAt(0);  // ICU loads the zone's rules lazily: done here, before threads share it
}

TimeZone::~TimeZone() = default;

int64_t TimeZone::OffsetMsAt(int64_t epoch_ms) const {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone_->getOffset(static_cast<UDate>(epoch_ms), false, raw, dst, status);
  return U_SUCCESS(status) ? int64_t{raw} + dst : 0;
}

int64_t TimeZone::ToEpochMs(const DateTime& t) const {
  int64_t wall =
      DaysFromCivil(t.year, t.month, t.day) * kMsPerDay + ((t.hour * 60LL + t.minute) * 60 + t.second) * 1000;
  if (t.has_offset) return wall - t.offset_minutes * 60'000LL;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone_->getOffset(static_cast<UDate>(wall), true, raw, dst, status);  // wall time here
  return wall - (U_SUCCESS(status) ? int64_t{raw} + dst : 0);
}

std::string TimeZone::DayAt(int64_t epoch_ms) const {
  int64_t local = epoch_ms + OffsetMsAt(epoch_ms);
  int64_t days = local >= 0 ? local / kMsPerDay : (local - kMsPerDay + 1) / kMsPerDay;
  return CivilFromDays(days);
}

std::string TimeZone::DayOf(const DateTime& t) const {
  return !t.has_time || !t.has_offset ? t.Day() : DayAt(ToEpochMs(t));
}

}  // namespace tandem
