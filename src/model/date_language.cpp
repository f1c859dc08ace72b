// Dates in a wiki's own language: month words, digits and patterns from the wiki's profile.
#include "model/date_language.hpp"

#include <stdexcept>

#include "model/date_scan.hpp"
#include "model/month_names.hpp"
#include "model/text_util.hpp"

namespace wikivet {

namespace {

struct Token {
  enum class Kind : uint8_t { Number, Word, Punct } kind = Kind::Punct;
  std::string text;  // Word: folded; Punct: the character
  int value = 0;     // Number: its value (digits <= 6)
  int digits = 0;    // Number: digit count
};

bool is_space_at(std::string_view s, size_t i, size_t& length) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
    length = 1;
    return true;
  }
  // Every other space starts with one of these bytes: most characters are ruled out by it.
  if (c != '\xC2' && c != '\xE2' && c != '&') return false;
  const std::string_view rest = s.substr(i);
  for (std::string_view sp : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "&nbsp;"}) {
    if (rest.starts_with(sp)) {
      length = sp.size();
      return true;
    }
  }
  return false;
}

// Punctuation outside ASCII that may stand in or around a date: dashes, quotes, the CJK, Armenian
// and Devanagari full stops and commas. Every other non-ASCII character counts as a letter.
bool is_punctuation(char32_t c) {
  switch (c) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case 0x00B7:
    case 0x00AB:
    case 0x00BB:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x3001:
    case 0x3002:
    case 0xFF08:
    case 0xFF09:
    case 0xFF0C:
    case 0x055D:
    case 0x0589:
    case 0x0964:
      return true;
    default:
      return false;
  }
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Cuts text (with ASCII digits) into numbers, words and single punctuation characters.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t space = 0;
    if (is_space_at(s, i, space)) {
      i += space;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    Token t;
    if (c >= '0' && c <= '9') {
      t.kind = Token::Kind::Number;
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
        if (t.digits < 7) t.value = t.value * 10 + (s[j] - '0');
        ++t.digits;
        ++j;
      }
      if (t.digits > 6) t.value = -1;
      i = j;
    } else if (c < 0x80 && !is_ascii_letter(static_cast<char>(c))) {
      t.text = std::string(1, static_cast<char>(c));
      ++i;
    } else {
      const size_t n = utf8_length(c);
      if (c >= 0x80 && is_punctuation(utf8_decode(s, i, n))) {
        t.text = std::string(s.substr(i, n));
        i += n;
      } else {
        // A word: letters until a space, a digit or punctuation.
        t.kind = Token::Kind::Word;
        size_t j = i;
        while (j < s.size()) {
          const unsigned char d = static_cast<unsigned char>(s[j]);
          size_t sp = 0;
          if ((d >= '0' && d <= '9') || is_space_at(s, j, sp)) break;
          if (d < 0x80 && !is_ascii_letter(static_cast<char>(d))) break;
          const size_t m = utf8_length(d);
          if (d >= 0x80 && is_punctuation(utf8_decode(s, j, m))) break;
          j += m;
        }
        if (j > s.size()) j = s.size();
        t.text = fold_case(s.substr(i, j - i));
        i = j;
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Words English dates use besides month names: circa, and the decade's "s".
bool is_english_date_word(const std::string& w) {
  return w == "c" || w == "ca" || w == "circa" || w == "s";
}

// A letter of a script other than Latin: Greek, Cyrillic, Armenian, Indic, CJK and the rest
// (general punctuation and symbols, and U+FFFD that stands for malformed bytes, excepted).
bool is_non_latin_letter(char32_t c) {
  if (c < 0x370 || (c >= 0x1E00 && c <= 0x1EFF)) return false;  // Latin (Vietnamese included)
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD) return false;
  return !is_punctuation(c);
}

}  // namespace

void DateLanguage::add_month(int month, std::string_view word) {
  if (month < 1 || month > 12) throw std::invalid_argument("a month is 1 to 12");
  const auto tokens = tokenize(word);
  if (tokens.size() != 1 || tokens[0].kind != Token::Kind::Word)
    throw std::invalid_argument("a month word is one word: '" + std::string(word) + "'");
  months_[tokens[0].text] = month;
}

void DateLanguage::set_digits(std::string_view ten_digits) {
  std::vector<std::string> digits;
  for (size_t i = 0; i < ten_digits.size();) {
    const size_t n = utf8_length(static_cast<unsigned char>(ten_digits[i]));
    digits.emplace_back(ten_digits.substr(i, n));
    i += n;
  }
  if (digits.size() != 10) throw std::invalid_argument("digits are ten characters, zero first");
  digits_ = std::move(digits);
  const std::string& zero = digits_[0];
  digits_counted_ = zero.size() >= 2;
  for (size_t d = 0; d < 10 && digits_counted_; ++d) {
    const std::string& s = digits_[d];
    digits_counted_ =
        s.size() == zero.size() && s.compare(0, s.size() - 1, zero, 0, s.size() - 1) == 0 &&
        static_cast<unsigned char>(s.back()) == static_cast<unsigned char>(zero.back()) + d;
  }
  if (digits_counted_) {
    digit_prefix_ = zero.substr(0, zero.size() - 1);
    digit_last_zero_ = static_cast<unsigned char>(zero.back());
  }
}

int DateLanguage::digit_at(std::string_view text, size_t i, size_t& length) const {
  if (digits_counted_) {
    const size_t n = digit_prefix_.size() + 1;
    if (i + n > text.size() || text.compare(i, n - 1, digit_prefix_) != 0) return -1;
    const unsigned d = static_cast<unsigned char>(text[i + n - 1]) - digit_last_zero_;
    if (d >= 10) return -1;
    length = n;
    return static_cast<int>(d);
  }
  for (size_t d = 0; d < digits_.size(); ++d) {
    if (text.substr(i).starts_with(digits_[d])) {
      length = digits_[d].size();
      return static_cast<int>(d);
    }
  }
  return -1;
}

void DateLanguage::add_pattern(DateFormat format, std::string_view pattern) {
  Pattern p{format, {}};
  bool year = false;
  size_t i = 0;
  while (i < pattern.size()) {
    while (i < pattern.size() && pattern[i] == ' ') ++i;
    size_t j = i;
    while (j < pattern.size() && pattern[j] != ' ') ++j;
    std::string_view item = pattern.substr(i, j - i);
    i = j;
    if (item.empty()) continue;
    bool optional = false;
    if (item.size() > 1 && item.back() == '?') {
      optional = true;
      item.remove_suffix(1);
    }
    // Placeholders may be glued to literals ("Y年N月D日"): cut the item at each of them.
    size_t k = 0;
    while (k < item.size()) {
      const char c = item[k];
      if (c == 'D' || c == 'N' || c == 'M' || c == 'Y') {
        Item it{c == 'D'   ? Item::Kind::Day
                : c == 'N' ? Item::Kind::MonthNumber
                : c == 'M' ? Item::Kind::MonthWord
                           : Item::Kind::Year,
                "", false};
        year = year || c == 'Y';
        p.items.push_back(std::move(it));
        ++k;
        continue;
      }
      size_t e = k;
      while (e < item.size() && item[e] != 'D' && item[e] != 'N' && item[e] != 'M' &&
             item[e] != 'Y')
        ++e;
      for (Token& t : tokenize(item.substr(k, e - k))) {
        if (t.kind == Token::Kind::Word) literals_.push_back(t.text);
        p.items.push_back(Item{Item::Kind::Literal, std::move(t.text), optional});
      }
      k = e;
    }
  }
  if (!year) throw std::invalid_argument("a date pattern needs a year (Y)");
  patterns_.push_back(std::move(p));
}

std::string DateLanguage::ascii_digits(std::string_view text) const {
  if (digits_.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    const int d = static_cast<unsigned char>(text[i]) >= 0x80 ? digit_at(text, i, length) : -1;
    if (d >= 0) {
      out.push_back(static_cast<char>('0' + d));
      i += length;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

bool DateLanguage::has_digit(std::string_view text) const {
  for (char c : text)
    if (c >= '0' && c <= '9') return true;
  if (digits_.empty()) return false;
  // One pass over the text, not one search for each of the ten digits.
  for (size_t i = 0; i < text.size(); ++i) {
    size_t length = 0;
    if (static_cast<unsigned char>(text[i]) >= 0x80 && digit_at(text, i, length) >= 0) return true;
  }
  return false;
}

std::optional<Date> DateLanguage::parse(std::string_view text) const {
  if (patterns_.empty() && digits_.empty()) return parse_date(text);  // no copy to make
  const std::string t = ascii_digits(text);
  if (!patterns_.empty()) {
    std::vector<Token> tokens = tokenize(t);
    // A final full stop closes a sentence, not the date.
    if (!tokens.empty() && tokens.back().kind == Token::Kind::Punct && tokens.back().text == ".")
      tokens.pop_back();
    // Patterns are a handful of items with at most a few optional ones: trying every way to
    // skip an optional item is cheap, and the token list of a date cell is short.
    if (tokens.size() <= 16) {
      for (const Pattern& p : patterns_) {
        Date d;
        bool day = false, month = false;
        // Matches items[k..] against tokens[i..], filling d.
        auto match = [&](auto&& self, size_t k, size_t i) -> bool {
          if (k == p.items.size()) return i == tokens.size();
          const Item& it = p.items[k];
          if (it.kind == Item::Kind::Literal) {
            if (i < tokens.size() && tokens[i].kind != Token::Kind::Number &&
                tokens[i].text == it.text && self(self, k + 1, i + 1))
              return true;
            return it.optional && self(self, k + 1, i);
          }
          if (i >= tokens.size()) return false;
          const Token& tok = tokens[i];
          switch (it.kind) {
            case Item::Kind::Day:
              if (tok.kind != Token::Kind::Number || tok.digits > 2 || tok.value < 1 ||
                  tok.value > 31)
                return false;
              d.day = tok.value;
              day = true;
              return self(self, k + 1, i + 1);
            case Item::Kind::MonthNumber:
              if (tok.kind != Token::Kind::Number || tok.digits > 2 || tok.value < 1 ||
                  tok.value > 12)
                return false;
              d.month = tok.value;
              month = true;
              return self(self, k + 1, i + 1);
            case Item::Kind::MonthWord: {
              if (tok.kind != Token::Kind::Word) return false;
              const auto m = months_.find(tok.text);
              if (m == months_.end()) return false;
              d.month = m->second;
              month = true;
              // An abbreviation's full stop ("янв.", "Σεπτ.").
              if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::Kind::Punct &&
                  tokens[i + 1].text == "." && self(self, k + 1, i + 2))
                return true;
              return self(self, k + 1, i + 1);
            }
            case Item::Kind::Year:
              if (tok.kind != Token::Kind::Number || tok.digits < 3 || tok.digits > 4 ||
                  tok.value < 1)
                return false;
              d.year = tok.value;
              return self(self, k + 1, i + 1);
            case Item::Kind::Literal:
              break;
          }
          return false;
        };
        if (!match(match, 0, 0)) continue;
        if (day && month) {
          d.precision = DatePrecision::Day;
          d.format = p.format;
        } else if (month) {
          d.day = 0;
          d.precision = DatePrecision::Month;
          d.format = DateFormat::MonthYear;
        } else {
          d.day = d.month = 0;
          d.precision = DatePrecision::Year;
          d.format = DateFormat::Year;
        }
        date_scan::set_exists(d);
        return d;
      }
    }
  }
  return parse_date(t);
}

std::optional<DateRange> DateLanguage::parse_range(std::string_view text) const {
  if (patterns_.empty() && digits_.empty()) return parse_date_range(text);  // no copy to make
  const std::string t = ascii_digits(text);
  if (auto r = parse_date_range(t)) return r;
  if (patterns_.empty()) return std::nullopt;
  // A period in the language's words: a date of the language, a dash, and its end written short
  // ("1918 մայիսի 26-28", "26 মে – 2 জুন 1961"). Its start is what comes before the dash, at
  // the precision the end shares with it; the end need not be read exactly.
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    const size_t at = t.find(dash);
    if (at == std::string::npos || t.find(dash, at + dash.size()) != std::string::npos) continue;
    const std::string_view left = std::string_view(t).substr(0, at);
    const std::string_view right = std::string_view(t).substr(at + dash.size());
    if (!understands(right) || !has_digit(right)) continue;
    auto first = parse(left);
    auto last = parse(right);
    if (first && last) return DateRange{*first, *last, false};
    if (first) return DateRange{*first, *first, false};  // "… 26-28": the end is short
    if (last && last->precision != DatePrecision::None) {
      // "26 মে – 2 জুন 1961" or "26-28 মে 1961": the start shares the end's year only.
      Date start = *last;
      start.precision = DatePrecision::Year;
      start.format = DateFormat::Year;
      start.month = start.day = 0;
      if (understands(left) && has_digit(left)) return DateRange{start, *last, false};
    }
  }
  return std::nullopt;
}

bool DateLanguage::understands(std::string_view text) const {
  if (english_only()) {
    // The English reading judges English text (and Latin-script words around English dates);
    // words of another script are a language the profile does not know. A word is every
    // character that is no space, digit or punctuation, and case folding keeps a letter in its
    // script, so scanning the characters answers as the words would, without cutting them.
    for (size_t i = 0; i < text.size();) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        ++i;
        continue;
      }
      const size_t n = utf8_length(c);
      if (is_non_latin_letter(utf8_decode(text, i, n))) return false;
      i += n;
    }
    return true;
  }
  const auto tokens = tokenize(ascii_digits(text));
  for (const Token& t : tokens) {
    if (t.kind != Token::Kind::Word) continue;
    if (months_.count(t.text)) continue;
    if (month_from_word(t.text).month != 0 || is_english_date_word(t.text)) continue;
    bool literal = false;
    for (const auto& l : literals_) literal = literal || l == t.text;
    if (!literal) return false;
  }
  return true;
}

}  // namespace wikivet
