#include "model/date_events.hpp"

#include "model/text_util.hpp"

namespace wikivet {

namespace {

bool contains_any(const std::string& lower, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

const char* to_string(DateEvent e) {
  switch (e) {
    case DateEvent::Unnamed:
      return "unnamed";
    case DateEvent::Relations:
      return "relations";
    case DateEvent::Recognition:
      return "recognition";
    case DateEvent::Other:
      return "other";
  }
  return "unnamed";
}

DateEvent column_event(std::string_view header) {
  const std::string h = to_lower(header);
  if (contains_any(h, {"recogni"})) return DateEvent::Recognition;
  if (contains_any(h, {"relation", "establish", "began", "begun", "since", "started"}))
    return DateEvent::Relations;
  return DateEvent::Unnamed;
}

const std::vector<std::string>& default_start_words() {
  static const std::vector<std::string> words = {"establish", "began",     "begun",
                                                 "begin",     "started",   "start of",
                                                 "commenced", "inaugurat", "formal"};
  return words;
}

DateEvent prose_event(std::string_view words_before_date,
                      const std::vector<std::string>& start_words) {
  const std::string w = to_lower(words_before_date);
  if (contains_any(
          w, {"embass",     "consul",  "legation",  "high commission", "mission",   "credential",
              "ambassador", "envoy",   "chargé",    "charge d",        "re-establ", "reestabl",
              "re-estabil", "restor",  "resum",     "renew",           "reopen",    "re-open",
              "upgrad",     "elevat",  "sever",     "suspend",         "broke",     "cut off",
              "interrupt",  "treaty",  "agreement", "protocol",        "visit",     "flight",
              "airline",    "railway", "trade",     "independence",    "re-recogn", "rerecogn",
              "office",     "program", "meeting",   "joined",          "normali",   "thaw",
              "war "}))
    return DateEvent::Other;
  if (w.find("recogni") != std::string::npos) return DateEvent::Recognition;
  if (w.find("relations") == std::string::npos && w.find("ties") == std::string::npos)
    return DateEvent::Unnamed;
  for (const std::string& s : start_words)
    if (!s.empty() && w.find(s) != std::string::npos) return DateEvent::Relations;
  return DateEvent::Unnamed;
}

}  // namespace wikivet
