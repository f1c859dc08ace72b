// Shapes of date cells that are not one well written date: badly written dates ("1949-2-7"),
// several dates in one text, one date with words that bound it ("Before 1982"), and the
// "not applicable" words. Built on the date scanner's tokens, so each is linear in the text.
#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <utility>

#include "model/date.hpp"
#include "model/date_scan.hpp"
#include "model/month_names.hpp"
#include "model/text_util.hpp"

namespace wikivet {
namespace {

using date_scan::Kind;
using date_scan::Token;

bool alnum(const Token& t) {
  return t.kind == Kind::Number || t.kind == Kind::Word;
}

// A letter of a script other than Latin: a UTF-8 sequence the tokenizer keeps as Other.
bool non_ascii(std::string_view text, const Token& t) {
  return t.kind == Kind::Other && static_cast<unsigned char>(text[t.begin]) >= 0xC0;
}

struct Found {
  size_t begin_token = 0, end_token = 0;  // [begin, end) of one date (a range counts once)
  Date date;
};

// Every date of the text: full and month-year dates in any letter case, bare 4-digit years; a
// range "1977–79", "1960–1962", "20–22 August 1960" is one.
std::vector<Found> scan(std::span<const Token> tokens) {
  std::vector<Found> out;
  const date_scan::MatchOptions options;  // not prose: month names in any case
  const size_t n = tokens.size();
  for (size_t i = 0; i < n;) {
    const bool boundary = i == 0 || tokens[i].space_before || !alnum(tokens[i - 1]);
    auto m = boundary ? date_scan::match_at(tokens, i, options, /*allow_year=*/true) : std::nullopt;
    // A decade, "1960s": one date.
    if (m && m->end_token < n && m->date.precision == DatePrecision::Year &&
        m->date.year % 10 == 0 && tokens[m->end_token].kind == Kind::Word &&
        tokens[m->end_token].word == "s" && !tokens[m->end_token].space_before) {
      out.push_back({i, m->end_token + 1, m->date});
      i = m->end_token + 1;
      continue;
    }
    if (m) {
      size_t e = m->end_token;
      if (e == n || tokens[e].space_before || !alnum(tokens[e])) {
        // The other end of a range belongs to this date.
        const bool slash = e + 1 < n && tokens[e].kind == Kind::Other &&
                           tokens[e].end - tokens[e].begin == 1 && !tokens[e].space_before &&
                           m->date.precision == DatePrecision::Year;  // "1929/30", a season
        if (e + 1 < n && (tokens[e].kind == Kind::Dash || slash)) {
          if (auto m2 = date_scan::match_at(tokens, e + 1, options, true)) {
            e = m2->end_token;
          } else if (tokens[e + 1].kind == Kind::Number && tokens[e + 1].digits <= 4) {
            e = e + 2;
          }
        }
        out.push_back({i, e, m->date});
        i = e;
        continue;
      }
    }
    ++i;
  }
  return out;
}

int digits_value(const Token& t, int max_digits) {
  if (t.kind != Kind::Number || t.ordinal || t.digits > max_digits) return -1;
  return t.value;
}

}  // namespace

bool is_not_applicable_text(std::string_view text) {
  std::string w = to_lower(trim(text));
  if (w.size() >= 2 && w.front() == '(' && w.back() == ')') w = w.substr(1, w.size() - 2);
  for (std::string_view u : {"n/a", "n.a.", "n.a", "na", "-", "--", "\xE2\x80\x93", "\xE2\x80\x94",
                             "&ndash;", "&mdash;", "&#8212;", "&#8211;"})
    if (w == u) return true;
  return false;
}

std::optional<MalformedDate> parse_malformed_date(std::string_view text) {
  const std::string_view whole = trim(text);
  return date_scan::malformed_date(whole, date_scan::tokenize(whole));
}

std::optional<MalformedDate> date_scan::malformed_date(std::string_view whole,
                                                       std::span<const Token> t) {
  if (!t.empty() && t.back().kind == Kind::Dot) t = t.first(t.size() - 1);  // a final full stop
  // Parts and the separators between them: all the same kind ('-', '/', '.'), or spaces. A
  // date has three parts at most: more is no date (counted, not kept).
  std::array<const Token*, 3> part{};
  size_t parts = 0;
  auto add_part = [&](const Token& x) {
    if (parts < part.size()) part[parts] = &x;
    ++parts;
  };
  int sep = -1;  // 0 spaces, 1 hyphen, 2 slash, 3 dot
  const bool spaced =
      t.size() >= 2 && std::all_of(t.begin(), t.end(), [&](const Token& x) {
        return x.kind == Kind::Number && !x.ordinal && (&x == &t.front() || x.space_before);
      });
  if (spaced) {
    sep = 0;
    for (const Token& x : t) add_part(x);
  } else {
    if (t.size() % 2 == 0) return std::nullopt;
    for (size_t i = 0; i < t.size(); ++i) {
      const Token& x = t[i];
      if (i > 0 && x.space_before) return std::nullopt;
      if (i % 2 == 0) {
        const bool is_part = (x.kind == Kind::Number && !x.ordinal) ||
                             (x.kind == Kind::Word && x.value != 0 && i == 2);
        if (!is_part) return std::nullopt;
        add_part(x);
        continue;
      }
      int s = -1;
      if (x.kind == Kind::Dash && x.hyphen) s = 1;
      if (x.kind == Kind::Other && whole.substr(x.begin, 1) == "/") s = 2;
      if (x.kind == Kind::Dot) s = 3;
      if (s < 0 || (sep >= 0 && s != sep)) return std::nullopt;
      sep = s;
    }
  }
  if (parts < 2 || parts > 3 || sep < 0) return std::nullopt;
  if (parts == 3 && part[1]->kind == Kind::Word && sep != 1) return std::nullopt;
  MalformedDate out;
  Date& d = out.date;
  const Token& a = *part[0];
  const Token& b = *part[parts - 1];
  if (parts == 2) {
    // "1869-10", "10/1869": a year and a month.
    const Token& y = a.digits == 4 ? a : b;
    const Token& m = a.digits == 4 ? b : a;
    if (y.digits != 4 || m.kind != Kind::Number || m.digits > 2 || m.value < 1 || m.value > 12)
      return std::nullopt;
    d.year = y.value;
    d.month = m.value;
    d.precision = DatePrecision::Month;
    out.readable = true;
  } else {
    const Token& mid = *part[1];
    const int month_word = mid.kind == Kind::Word ? mid.value : 0;
    if (a.digits == 4) {  // year first: y m d (or y d m, "1975-25-11")
      int m = month_word ? month_word : digits_value(mid, 2);
      int day = digits_value(b, 2);
      if (!month_word && m > 12 && m <= 31 && day >= 1 && day <= 12) std::swap(m, day);
      if (m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
      d.year = a.value;
      d.month = m;
      d.day = day;
      out.readable = true;
    } else if (b.digits == 4) {  // year last: d m y or m d y
      const int x = digits_value(a, 2);
      const int y = month_word ? month_word : digits_value(mid, 2);
      if (x < 1 || y < 1 || x > 31 || y > 31) return std::nullopt;
      d.year = b.value;
      if (month_word) {
        d.day = x, d.month = y, out.readable = true;
      } else if (x > 12 && y <= 12) {
        d.day = x, d.month = y, out.readable = true;
      } else if (y > 12 && x <= 12) {
        d.month = x, d.day = y, out.readable = true;
      } else if (x <= 12 && y <= 12) {
        d.day = x, d.month = y;  // either order: not readable
      } else {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    d.precision = DatePrecision::Day;
  }
  if (d.year < 1) return std::nullopt;
  d.format = DateFormat::None;
  date_scan::set_exists(d);
  return out;
}

int count_dates(std::string_view text) {
  return static_cast<int>(scan(date_scan::tokenize(text)).size());
}

std::optional<Date> parse_qualified_date(std::string_view text, int max_words) {
  return date_scan::qualified_date(text, date_scan::tokenize(text), max_words);
}

std::optional<Date> date_scan::qualified_date(std::string_view text, std::span<const Token> tokens,
                                              int max_words) {
  const std::vector<Found> found = scan(tokens);
  if (found.size() != 1) return std::nullopt;
  const Found& f = found.front();
  int words = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i >= f.begin_token && i < f.end_token) continue;
    const Token& t = tokens[i];
    // Another number: no bound of one date. An ordinal ("(3rd)") is a word.
    if (t.kind == Kind::Number && !t.ordinal) return std::nullopt;
    // "1909 (?)": a question mark doubts the date, as a word would.
    const bool doubt = t.kind == Kind::Other && text.substr(t.begin, 1) == "?";
    const bool letter =
        t.kind == Kind::Word || t.kind == Kind::Number || doubt || non_ascii(text, t);
    const bool starts = i == 0 || t.space_before ||
                        !(tokens[i - 1].kind == Kind::Word || non_ascii(text, tokens[i - 1]));
    if (letter && starts) ++words;
  }
  if (words == 0 || words > max_words) return std::nullopt;
  Date d = f.date;
  return d;
}

}  // namespace wikivet
