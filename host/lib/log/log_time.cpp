#include "log/log_time.hpp"

#include <cctype>

#include "platform/platform.hpp"

namespace ownvoice::log::timeutil {
namespace {

std::string format(std::time_t t, const char* fmt) {
  const std::tm tm = platform::utc_time(t);
  char buf[32];
  std::size_t n = std::strftime(buf, sizeof buf, fmt, &tm);
  return std::string(buf, n);
}

bool digits(std::string_view s, std::size_t from, std::size_t count) {
  if (from + count > s.size()) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) return false;
  }
  return true;
}

int number(std::string_view s, std::size_t from, std::size_t count) {
  int v = 0;
  for (std::size_t i = from; i < from + count; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

std::string now_rfc3339() { return format(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ"); }

std::string utc_date_days_ago(int days_ago) {
  return format(std::time(nullptr) - static_cast<std::time_t>(days_ago) * 86400, "%Y-%m-%d");
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 0, 4) || !digits(s, 5, 2) || !digits(s, 8, 2)) return false;
  int year = number(s, 0, 4);
  int month = number(s, 5, 2);
  int day = number(s, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  return day <= max_day;
}

bool is_timestamp(std::string_view s) {
  if (s.size() < 20 || !is_date(s.substr(0, 10)) || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z') {
    return false;
  }
  if (!digits(s, 11, 2) || !digits(s, 14, 2) || !digits(s, 17, 2)) return false;
  if (number(s, 11, 2) > 23 || number(s, 14, 2) > 59 || number(s, 17, 2) > 60) return false;
  if (s.size() == 20) return true;
  // Fractional seconds: ".d+" between the seconds and the Z.
  return s[19] == '.' && s.size() > 21 && digits(s, 20, s.size() - 21);
}

bool is_date_or_timestamp(std::string_view s) { return is_date(s) || is_timestamp(s); }

}  // namespace ownvoice::log::timeutil
