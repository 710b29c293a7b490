#include "dates.h"

#include <cstdio>

namespace hb {

namespace {

constexpr const char* kMonths[] = {"januar",    "februar", "marts",    "april",
                                   "maj",       "juni",    "juli",     "august",
                                   "september", "oktober", "november", "december"};

// Howard Hinnant's civil_from_days.
void civil(int64_t days, int& y, int& m, int& d) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

bool parse_day(std::string_view s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

}  // namespace

std::string iso_day(int64_t time, int offset) {
  int y, m, d;
  civil(floor_div(time + int64_t{offset} * 60, 86400), y, m, d);
  char buf[16];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string iso_timestamp(int64_t time, int offset) {
  int64_t local = time + int64_t{offset} * 60;
  int64_t secs = local - floor_div(local, 86400) * 86400;
  char buf[40];
  int off = offset < 0 ? -offset : offset;
  snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", iso_day(time, offset).c_str(),
           static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
           static_cast<int>(secs % 60), offset < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

std::string long_date(std::string_view day) {
  int y, m, d;
  if (!parse_day(day, y, m, d)) return std::string(day);
  return std::to_string(d) + ". " + kMonths[m - 1] + " " + std::to_string(y);
}

std::string month_heading(std::string_view day) {
  int y, m, d;
  if (!parse_day(day, y, m, d)) return "";
  std::string name = kMonths[m - 1];
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name + " " + std::to_string(y);
}

bool day_number(std::string_view day, int64_t& out) {
  int y, m, d;
  if (!parse_day(day, y, m, d)) return false;
  out = days_from_civil(y, m, d);
  return true;
}

}  // namespace hb
