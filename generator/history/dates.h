// Dates as the handbook shows them: days ("2026-12-05"), timestamps for feeds
// ("2026-12-05T10:00:00+01:00") and long Danish dates ("5. december 2026").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hb {

// The day of `time` (seconds since 1970) in the time zone `offset` (minutes east of UTC).
std::string iso_day(int64_t time, int offset);
// RFC 3339, as Atom wants it.
std::string iso_timestamp(int64_t time, int offset);
// "2026-12-05" -> "5. december 2026"; anything else is returned as it is.
std::string long_date(std::string_view day);
// "2026-12-05" -> "december 2026"; "" for anything else.
std::string month_heading(std::string_view day);
// Days from 1970-01-01 to `day` ("2026-12-05"); false when it is no such date.
bool day_number(std::string_view day, int64_t& out);

}  // namespace hb
