#include "model/date_scan.hpp"

#include "model/month_names.hpp"

namespace wikivet::date_scan {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of a space-like sequence at text[i]: ' ', '\t', '\r', U+00A0, U+202F, U+2009, and the
// entities &nbsp; &#160; &#xA0; that wikitext uses for them. 0 when there is none.
size_t space_length(std::string_view text, size_t i) {
  char c = text[i];
  if (c == ' ' || c == '\t' || c == '\r') return 1;
  std::string_view rest = text.substr(i);
  if (rest.starts_with("\xC2\xA0")) return 2;
  if (rest.starts_with("\xE2\x80\xAF") || rest.starts_with("\xE2\x80\x89")) return 3;
  if (c == '&') {
    for (std::string_view entity : {"&nbsp;", "&#160;", "&#xA0;", "&#xa0;"}) {
      if (rest.starts_with(entity)) return entity.size();
    }
  }
  return 0;
}

// Length of a dash at text[i] (en dash, em dash, their entities, or '-'), 0 when none.
size_t dash_length(std::string_view text, size_t i, bool& hyphen) {
  std::string_view rest = text.substr(i);
  hyphen = false;
  if (rest[0] == '-') {
    hyphen = true;
    return 1;
  }
  if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94")) return 3;
  if (rest.starts_with("&ndash;") || rest.starts_with("&mdash;")) return 7;
  return 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4);  // prose averages more than four bytes a token
  bool space = false;
  size_t i = 0;
  while (i < text.size()) {
    if (size_t n = space_length(text, i)) {
      space = true;
      i += n;
      continue;
    }
    Token t;
    t.begin = i;
    t.space_before = space;
    space = false;
    char c = text[i];
    bool hyphen = false;
    if (is_digit(c)) {
      t.kind = Kind::Number;
      size_t j = i;
      long long value = 0;
      while (j < text.size() && is_digit(text[j])) {
        if (j - i < 9) value = value * 10 + (text[j] - '0');
        ++j;
      }
      t.digits = static_cast<uint8_t>(j - i < 9 ? j - i : 9);
      t.value = t.digits <= 6 ? static_cast<int>(value) : -1;
      // An ordinal suffix stays part of the number ("20th"), but not a longer word ("20thx").
      if (j + 2 <= text.size() && (j + 2 == text.size() || !is_alpha(text[j + 2]))) {
        std::string_view suffix = text.substr(j, 2);
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
          t.ordinal = true;
          j += 2;
        }
      }
      i = j;
    } else if (is_alpha(c)) {
      t.kind = Kind::Word;
      size_t j = i;
      while (j < text.size() && is_alpha(text[j])) ++j;
      t.word = text.substr(i, j - i);
      t.capitalized = c >= 'A' && c <= 'Z';
      MonthWord m = month_from_word(t.word);
      t.value = m.month;
      t.month_abbrev = m.abbreviated;
      i = j;
    } else if (size_t n = dash_length(text, i, hyphen)) {
      t.kind = Kind::Dash;
      t.hyphen = hyphen;
      i += n;
    } else if (c == ',') {
      t.kind = Kind::Comma;
      ++i;
    } else if (c == '.') {
      t.kind = Kind::Dot;
      ++i;
    } else if (c == '\n') {
      t.kind = Kind::Newline;
      ++i;
    } else {
      t.kind = Kind::Other;
      // One token per UTF-8 sequence, so a letter like 'é' never splits into two tokens.
      size_t j = i + 1;
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      i = j;
    }
    t.end = i;
    tokens.push_back(t);
  }
  return tokens;
}

void set_exists(Date& d) {
  d.exists = true;
  // There is no year 0 as articles write dates (1 BC is followed by AD 1).
  if (d.precision != DatePrecision::None && d.year < 1) d.exists = false;
  if (d.precision == DatePrecision::Day && d.exists)
    d.exists = d.day <= days_in_month(d.year, d.month);
}

namespace {

struct Cursor {
  std::span<const Token> tokens;
  size_t pos;

  const Token* peek() const { return pos < tokens.size() ? &tokens[pos] : nullptr; }
  const Token* take(Kind kind) {
    const Token* t = peek();
    if (t == nullptr || t->kind != kind) return nullptr;
    ++pos;
    return t;
  }
};

bool year_ok(const Token& t, const MatchOptions& o) {
  if (t.kind != Kind::Number || t.ordinal || t.value < 1) return false;
  return o.prose ? t.digits == 4 : (t.digits == 3 || t.digits == 4);
}

// The year of a day-precise date written as 0 ("1 January 0", "January 1, 0000"): no year, but
// plainly meant as a date, so it is read as one that does not exist. Not in prose, and not for
// a month and a year alone ("May 0" is too likely something else).
bool zero_year_ok(const Token& t, const MatchOptions& o) {
  return !o.prose && t.kind == Kind::Number && !t.ordinal && t.digits <= 4 && t.value == 0;
}

bool day_ok(const Token& t) {
  return t.kind == Kind::Number && t.digits <= 2 && t.value >= 1 && t.value <= 31;
}

// A month word at the cursor, with the full stop of an abbreviation ("Aug.").
int take_month(Cursor& c, const MatchOptions& o) {
  const Token* t = c.peek();
  if (t == nullptr || t->kind != Kind::Word || t->value == 0) return 0;
  if (o.prose && !t->capitalized) return 0;
  ++c.pos;
  const Token* dot = c.peek();
  if (t->month_abbrev && dot != nullptr && dot->kind == Kind::Dot && !dot->space_before) ++c.pos;
  return t->value;
}

// An optional comma; returns whether the next token may follow without a space.
bool skip_comma(Cursor& c) {
  return c.take(Kind::Comma) != nullptr;
}

std::optional<Match> finish(Date d, DatePrecision p, DateFormat f, size_t end) {
  d.precision = p;
  d.format = f;
  set_exists(d);
  return Match{d, end};
}

std::optional<Match> match_iso(std::span<const Token> tokens, size_t i) {
  if (i + 5 > tokens.size()) return std::nullopt;
  const Token& y = tokens[i];
  const Token& d1 = tokens[i + 1];
  const Token& m = tokens[i + 2];
  const Token& d2 = tokens[i + 3];
  const Token& d = tokens[i + 4];
  if (y.kind != Kind::Number || y.digits != 4 || y.ordinal || y.value < 1) return std::nullopt;
  for (const Token* t : {&d1, &m, &d2, &d}) {
    if (t->space_before) return std::nullopt;
  }
  if (d1.kind != Kind::Dash || !d1.hyphen || d2.kind != Kind::Dash || !d2.hyphen) {
    return std::nullopt;
  }
  if (m.kind != Kind::Number || m.digits != 2 || m.ordinal || m.value < 1 || m.value > 12) {
    return std::nullopt;
  }
  if (d.kind != Kind::Number || d.digits != 2 || d.ordinal || d.value < 1 || d.value > 31) {
    return std::nullopt;
  }
  Date date;
  date.year = y.value;
  date.month = m.value;
  date.day = d.value;
  return finish(date, DatePrecision::Day, DateFormat::Iso, i + 5);
}

// "20 August 1960", "20th Aug. 1960", "20 August, 1960".
std::optional<Match> match_dmy(std::span<const Token> tokens, size_t i, const MatchOptions& o) {
  Cursor c{tokens, i};
  const Token* day = c.take(Kind::Number);
  if (day == nullptr || !day_ok(*day)) return std::nullopt;
  const Token* mt = c.peek();
  if (mt == nullptr || !mt->space_before) return std::nullopt;
  int month = take_month(c, o);
  if (month == 0) return std::nullopt;
  bool comma = skip_comma(c);
  const Token* year = c.peek();
  if (year == nullptr || !(year_ok(*year, o) || zero_year_ok(*year, o)) ||
      (!comma && !year->space_before)) {
    return std::nullopt;
  }
  Date d;
  d.year = year->value;
  d.month = month;
  d.day = day->value;
  return finish(d, DatePrecision::Day, DateFormat::Dmy, c.pos + 1);
}

// "August 20, 1960", "Aug. 20th 1960", and the month-year "August 1960".
std::optional<Match> match_month_first(std::span<const Token> tokens, size_t i,
                                       const MatchOptions& o) {
  Cursor c{tokens, i};
  int month = take_month(c, o);
  if (month == 0) return std::nullopt;
  size_t after_month = c.pos;
  // Month day, year.
  const Token* day = c.peek();
  if (day != nullptr && day->space_before && day_ok(*day)) {
    ++c.pos;
    bool comma = skip_comma(c);
    const Token* year = c.peek();
    if (year != nullptr && (year_ok(*year, o) || zero_year_ok(*year, o)) &&
        (comma || year->space_before)) {
      Date d;
      d.year = year->value;
      d.month = month;
      d.day = day->value;
      return finish(d, DatePrecision::Day, DateFormat::Mdy, c.pos + 1);
    }
  }
  // Month year.
  c.pos = after_month;
  bool comma = skip_comma(c);
  const Token* year = c.peek();
  if (year == nullptr || !year_ok(*year, o) || (!comma && !year->space_before)) {
    return std::nullopt;
  }
  Date d;
  d.year = year->value;
  d.month = month;
  return finish(d, DatePrecision::Month, DateFormat::MonthYear, c.pos + 1);
}

}  // namespace

std::optional<Match> match_at(std::span<const Token> tokens, size_t i, const MatchOptions& options,
                              bool allow_year) {
  if (i >= tokens.size()) return std::nullopt;
  const Token& t = tokens[i];
  if (t.kind == Kind::Number) {
    if (auto m = match_iso(tokens, i)) return m;
    if (auto m = match_dmy(tokens, i, options)) return m;
    if (allow_year && t.digits == 4 && !t.ordinal && t.value >= 1000) {  // not "0200"
      Date d;
      d.year = t.value;
      return finish(d, DatePrecision::Year, DateFormat::Year, i + 1);
    }
    return std::nullopt;
  }
  if (t.kind == Kind::Word) return match_month_first(tokens, i, options);
  return std::nullopt;
}

}  // namespace wikivet::date_scan
