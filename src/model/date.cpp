// Dates as text: parse_date, parse_date_range, the unknown words, comparison, formatting and
// the prose scanner. Templates ({{dts}}, {{start date}}) live in date_template.cpp.
#include "model/date.hpp"
#include "model/text_util.hpp"

#include <array>
#include <span>

#include "model/date_scan.hpp"
#include "model/month_names.hpp"

namespace wikivet {
namespace {

using date_scan::Kind;
using date_scan::Token;

// Trims ASCII white space (newlines included) and the non-breaking spaces wikitext writes.
std::string_view trim_blank(std::string_view s) {
  for (;;) {
    size_t before = s.size();
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
      s.remove_prefix(1);
    }
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
      s.remove_suffix(1);
    }
    for (std::string_view sp : {"\xC2\xA0", "&nbsp;", "&#160;"}) {
      if (s.starts_with(sp)) s.remove_prefix(sp.size());
      if (s.ends_with(sp)) s.remove_suffix(sp.size());
    }
    if (s.size() == before) return s;
  }
}

// Skips "c.", "ca.", "circa" at tokens[i]; returns whether it did.
bool skip_circa(std::span<const Token> tokens, size_t& i) {
  if (i >= tokens.size() || tokens[i].kind != Kind::Word) return false;
  // Words are ASCII letters: compared without a lower-cased copy.
  const std::string_view w = tokens[i].word;
  if (iequals(w, "circa")) {
    ++i;
    return true;
  }
  if ((iequals(w, "c") || iequals(w, "ca")) && i + 1 < tokens.size() &&
      tokens[i + 1].kind == Kind::Dot && !tokens[i + 1].space_before) {
    i += 2;
    return true;
  }
  return false;
}

// Whether tokens [i, end) are exactly one date, with an optional trailing full stop.
std::optional<Date> exact_date(std::span<const Token> tokens, size_t i, size_t end) {
  date_scan::MatchOptions options;
  // match_at may read past `end` only if tokens continue; callers pass whole-token ranges.
  auto m = date_scan::match_at(tokens, i, options, /*allow_year=*/true);
  if (!m || m->end_token > end) return std::nullopt;
  size_t e = m->end_token;
  if (e < end && tokens[e].kind == Kind::Dot && !tokens[e].space_before) ++e;
  if (e != end) return std::nullopt;
  return m->date;
}

std::string pad(int value, size_t width) {
  std::string s = std::to_string(value);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  return date_scan::one_date(date_scan::tokenize(trim_blank(text)));
}

std::optional<DateRange> parse_date_range(std::string_view text) {
  const std::string_view t = trim_blank(text);
  return date_scan::date_range(t, date_scan::tokenize(t));
}

std::optional<Date> date_scan::one_date(std::span<const Token> tokens) {
  size_t i = 0;
  bool approximate = skip_circa(tokens, i);
  auto d = exact_date(tokens, i, tokens.size());
  if (d) d->approximate = approximate;
  return d;
}

std::optional<DateRange> date_scan::date_range(std::string_view t, std::span<const Token> all) {
  // A cell that holds a range is short; a bound keeps this linear on anything else.
  if (all.empty() || all.size() > 32) return std::nullopt;
  size_t start = 0;
  bool approximate = skip_circa(all, start);
  // Views, not copies: the parts around each dash are read in place.
  const std::span<const Token> tokens = all.subspan(start);
  size_t n = tokens.size();

  // A decade: "1960s", "1960's".
  if ((n == 2 || n == 3) && tokens[0].kind == Kind::Number && tokens[0].digits == 4 &&
      !tokens[0].ordinal && tokens[0].value % 10 == 0 && tokens[0].value > 0) {
    bool apostrophe = false;
    if (n == 3 && tokens[1].kind == Kind::Other && !tokens[1].space_before) {
      std::string_view a = t.substr(tokens[1].begin, tokens[1].end - tokens[1].begin);
      apostrophe = a == "'" || a == "\xE2\x80\x99";
    }
    const Token& s = tokens[n - 1];
    if ((n == 2 || apostrophe) && s.kind == Kind::Word && s.word == "s" && !s.space_before) {
      DateRange r;
      r.first.year = tokens[0].value;
      r.last.year = tokens[0].value + 9;
      for (Date* d : {&r.first, &r.last}) {
        d->precision = DatePrecision::Year;
        d->format = DateFormat::Year;
        d->approximate = approximate;
      }
      r.decade = true;
      return r;
    }
  }

  // A season: "1929/30", "1929/1930".
  if (n == 3 && tokens[0].kind == Kind::Number && tokens[0].digits == 4 && !tokens[0].ordinal &&
      tokens[1].kind == Kind::Other && t.substr(tokens[1].begin, 1) == "/" &&
      !tokens[1].space_before && !tokens[2].space_before && tokens[2].kind == Kind::Number &&
      !tokens[2].ordinal && (tokens[2].digits == 2 || tokens[2].digits == 4)) {
    DateRange r;
    r.first.year = tokens[0].value;
    r.last.year =
        tokens[2].digits == 2 ? tokens[0].value / 100 * 100 + tokens[2].value : tokens[2].value;
    if (r.last.year == r.first.year + 1) {
      for (Date* d : {&r.first, &r.last}) {
        d->precision = DatePrecision::Year;
        d->format = DateFormat::Year;
        d->approximate = approximate;
      }
      return r;
    }
  }

  for (size_t k = 1; k + 1 < n; ++k) {
    if (tokens[k].kind != Kind::Dash) continue;
    const std::span<const Token> left = tokens.first(k);
    const std::span<const Token> right = tokens.subspan(k + 1);
    std::optional<Date> last = exact_date(right, 0, right.size());
    std::optional<Date> first = exact_date(left, 0, left.size());
    if (first && !last && first->precision == DatePrecision::Year && right.size() == 1 &&
        right[0].kind == Kind::Number && right[0].digits == 2 && !right[0].ordinal) {
      // "1960–62": the second year shares the first one's century.
      Date end = *first;
      end.year = first->year / 100 * 100 + right[0].value;
      if (end.year > first->year) last = end;
    }
    if (last && !first) {
      // The first part borrows what it leaves out from the second: "20–22 August 1960",
      // "20 August – 5 September 1960", "August 20 – September 5, 1960", "August–September 1960".
      Date f = *last;
      const bool day = last->precision == DatePrecision::Day;
      auto is_day = [](const Token& x) {
        return x.kind == Kind::Number && x.digits <= 2 && x.value >= 1 && x.value <= 31;
      };
      if (left.size() == 1 && day && is_day(left[0])) {
        f.day = left[0].value;
        first = f;
      } else if (left.size() == 2 && day && is_day(left[0]) && left[1].kind == Kind::Word &&
                 left[1].value != 0) {
        f.day = left[0].value;
        f.month = left[1].value;
        first = f;
      } else if (left.size() == 2 && day && left[0].kind == Kind::Word && left[0].value != 0 &&
                 is_day(left[1])) {
        f.month = left[0].value;
        f.day = left[1].value;
        first = f;
      } else if (left.size() == 1 && last->precision == DatePrecision::Month &&
                 left[0].kind == Kind::Word && left[0].value != 0) {
        f.month = left[0].value;
        first = f;
      }
      if (first) date_scan::set_exists(*first);
    }
    if (!first && !last && left.size() == 2 && left[0].kind == Kind::Word && left[0].value != 0 &&
        left[1].kind == Kind::Number && left[1].digits <= 2 && !left[1].ordinal &&
        (right.size() == 2 || (right.size() == 3 && right[1].kind == Kind::Comma))) {
      // "December 27–29, 1988": two days of one month, the month written once before them.
      const Token& d2 = right[0];
      const Token& y = right.back();
      if (d2.kind == Kind::Number && d2.digits <= 2 && !d2.ordinal && y.kind == Kind::Number &&
          !y.ordinal && (y.digits == 3 || y.digits == 4) && y.value > 0 && left[1].value >= 1 &&
          d2.value <= 31 && left[1].value < d2.value) {
        Date a;
        a.year = y.value;
        a.month = left[0].value;
        a.day = left[1].value;
        a.precision = DatePrecision::Day;
        a.format = DateFormat::Mdy;
        Date b = a;
        b.day = d2.value;
        date_scan::set_exists(a);
        date_scan::set_exists(b);
        first = a;
        last = b;
      }
    }
    if (first && last) {
      first->approximate = last->approximate = approximate;
      return DateRange{*first, *last, false};
    }
  }
  return std::nullopt;
}

bool is_unknown_date_text(std::string_view text) {
  std::string_view t = trim_blank(text);
  if (t.ends_with(".") && t.size() > 1 && t != "n.a.") t.remove_suffix(1);
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')')
    t = trim_blank(t.substr(1, t.size() - 2));
  if (t.size() > 16) return false;
  // Every word below starts with one of these: most dates are ruled out by their first byte,
  // without a lower-cased copy (citation date parameters all pass through here).
  if (!t.empty()) {
    switch (t.front()) {
      case 'u':
      case 'U':
      case 'n':
      case 'N':
      case 't':
      case 'T':
      case '?':
      case '-':
      case '&':
      case '\xE2':
        break;
      default:
        return false;
    }
  }
  std::string w = to_lower(t);
  static constexpr std::array<std::string_view, 21> kUnknown = {
      "",   "unknown",      "not known",    "unk",     "n/a",     "n.a.",    "na",
      "?",  "??",           "???",          "tbd",     "tba",     "tbc",     "-",
      "--", "\xE2\x80\x93", "\xE2\x80\x94", "&ndash;", "&mdash;", "&#8212;", "&#8211;"};
  for (std::string_view u : kUnknown) {
    if (w == u) return true;
  }
  return false;
}

bool is_unknown_date_template(std::string_view normalized_name) {
  std::string w = to_lower(trim_blank(normalized_name));
  for (std::string_view u : {"n/a", "na", "unknown", "dunno", "tba", "tbd", "tbc", "?"}) {
    if (w == u) return true;
  }
  return false;
}

bool dates_agree(const Date& a, const Date& b) {
  if (a.precision == DatePrecision::None || b.precision == DatePrecision::None) return false;
  if (a.year != b.year) return false;
  if (a.precision == DatePrecision::Year || b.precision == DatePrecision::Year) return true;
  if (a.month != b.month) return false;
  if (a.precision == DatePrecision::Month || b.precision == DatePrecision::Month) return true;
  return a.day == b.day;
}

bool date_before(const Date& a, const Date& b) {
  if (a.precision == DatePrecision::None || b.precision == DatePrecision::None) return false;
  if (a.year != b.year) return a.year < b.year;
  if (a.precision == DatePrecision::Year || b.precision == DatePrecision::Year) return false;
  if (a.month != b.month) return a.month < b.month;
  if (a.precision == DatePrecision::Month || b.precision == DatePrecision::Month) return false;
  return a.day < b.day;
}

std::string format_date(const Date& d, DateFormat f) {
  if (d.precision == DatePrecision::None) return "";
  std::string out = d.approximate ? "c. " : "";
  const std::string year = std::to_string(d.year);
  // The format cannot add precision the date does not have.
  if (d.precision == DatePrecision::Year || f == DateFormat::Year) {
    return out + (f == DateFormat::Iso ? pad(d.year, 4) : year);
  }
  if (d.precision == DatePrecision::Month || f == DateFormat::MonthYear) {
    if (f == DateFormat::Iso) return out + pad(d.year, 4) + "-" + pad(d.month, 2);
    return out + month_name(d.month) + " " + year;
  }
  switch (f) {
    case DateFormat::Mdy:
      return out + month_name(d.month) + " " + std::to_string(d.day) + ", " + year;
    case DateFormat::Iso:
      return out + pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2);
    default:  // Dmy, and None: the international order
      return out + std::to_string(d.day) + " " + month_name(d.month) + " " + year;
  }
}

std::string to_string(const Date& d) {
  return format_date(d, d.format);
}

const char* to_string(DateFormat f) {
  switch (f) {
    case DateFormat::Dmy:
      return "dmy";
    case DateFormat::Mdy:
      return "mdy";
    case DateFormat::Iso:
      return "iso";
    case DateFormat::MonthYear:
      return "month-year";
    case DateFormat::Year:
      return "year";
    case DateFormat::None:
      break;
  }
  return "none";
}

std::vector<DateMention> find_dates_in_prose(std::string_view text) {
  std::vector<Token> tokens = date_scan::tokenize(text);
  std::vector<DateMention> found;
  date_scan::MatchOptions options;
  options.prose = true;
  auto is_alnum = [](const Token& t) { return t.kind == Kind::Number || t.kind == Kind::Word; };
  size_t n = tokens.size();
  size_t last_end = 0;  // tokens before this belong to a date already found
  for (size_t i = 0; i < n;) {
    const Token& t = tokens[i];
    // A date starts at a word boundary: "x20 August 1960" is no date.
    bool boundary = i == 0 || t.space_before || !is_alnum(tokens[i - 1]);
    auto m =
        boundary ? date_scan::match_at(tokens, i, options, /*allow_year=*/false) : std::nullopt;
    if (m) {
      size_t e = m->end_token;
      bool ok = e == n || tokens[e].space_before || !is_alnum(tokens[e]);
      // "1979–80", "August 1960–1961": the date is the start of a range with a cut-short end.
      if (ok && e + 1 < n && tokens[e].kind == Kind::Dash && !tokens[e].space_before &&
          tokens[e + 1].kind == Kind::Number && !tokens[e + 1].space_before) {
        ok = date_scan::match_at(tokens, e + 1, options, false).has_value();
      }
      // "20–22 August 1960", "August–September 1960": the end of a range whose start is cut
      // short is no date of its own. A full date before the dash ("1 May 1963 – 5 May 1964")
      // does not count: its tokens are below last_end.
      if (ok && i >= 2 && i - 2 >= last_end && tokens[i - 1].kind == Kind::Dash &&
          (tokens[i - 2].kind == Kind::Number ||
           (tokens[i - 2].kind == Kind::Word && tokens[i - 2].value != 0))) {
        ok = false;
      }
      // "22 August 1960" where the day was refused above: do not report "August 1960" alone.
      if (ok && m->date.precision == DatePrecision::Month && t.kind == Kind::Word && i >= 1 &&
          t.space_before && tokens[i - 1].kind == Kind::Number && tokens[i - 1].digits <= 2) {
        ok = false;
      }
      if (ok) {
        found.push_back(DateMention{m->date, t.begin, tokens[e - 1].end});
        last_end = e;
        i = e;
        continue;
      }
    }
    ++i;
  }
  return found;
}

}  // namespace wikivet
