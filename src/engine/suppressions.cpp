#include "engine/suppressions.hpp"

#include <algorithm>

#include "core/display_text.hpp"
#include "core/edit_distance.hpp"
#include "engine/config_file.hpp"
#include "model/article.hpp"
#include "model/text_util.hpp"

namespace wikivet {

namespace {

enum class Directive { Disable, Enable, DisableNextLine, DisableLine, DisableFile, Unknown };

constexpr std::pair<std::string_view, Directive> kForms[] = {
    {"wikivet-disable-next-line", Directive::DisableNextLine},
    {"wikivet-disable-line", Directive::DisableLine},
    {"wikivet-disable-file", Directive::DisableFile},
    {"wikivet-disable", Directive::Disable},
    {"wikivet-enable", Directive::Enable},
};

struct Suppression {
  Directive directive;
  std::vector<std::string> rules;  // empty: every rule
  Range comment;                   // text() offsets of the comment
  uint32_t line = 0;               // text line of the comment (1-based)
  size_t end_offset = SIZE_MAX;    // Disable: where the matching Enable starts (text offset)
  bool used = false;
  std::string unknown_rule;       // a named rule that does not exist
  std::string unknown_directive;  // "wikivet-disabel": meant as a directive, but none of ours
};

// The closest directive to a misspelt one, if it is close enough to be a guess worth showing.
std::string closest_directive(std::string_view word) {
  std::string_view best;
  if (word.size() > 64) return {};  // the distance costs length x length; no directive is long
  // Within a third of the word's length, as config keys are guessed ("wikivet-foo" gets none).
  size_t best_d = word.size() / 3 + 1;
  for (const auto& [form, d] : kForms) {
    const size_t dist = edit_distance(word, form);
    if (dist < best_d) {
      best_d = dist;
      best = form;
    }
  }
  return std::string(best);
}

// "<!-- wikivet-disable-next-line a, b -->" -> directive and rule ids.
bool parse_directive(std::string_view comment, Suppression& s) {
  if (comment.size() < 7) return false;
  std::string_view body = comment.substr(4);  // after "<!--"
  if (body.size() >= 3 && body.substr(body.size() - 3) == "-->") body.remove_suffix(3);
  body = trim(body);
  for (const auto& [word, d] : kForms) {
    if (body.substr(0, word.size()) != word) continue;
    std::string_view rest = body.substr(word.size());
    if (!rest.empty() && !is_space(rest.front())) continue;  // "wikivet-disabled" is not ours
    s.directive = d;
    std::string id;
    for (char c : rest) {
      if (is_space(c) || c == ',') {
        if (!id.empty()) s.rules.push_back(std::move(id));
        id.clear();
      } else {
        id.push_back(c);
      }
    }
    if (!id.empty()) s.rules.push_back(std::move(id));
    return true;
  }
  // A comment whose first word is "wikivet-" and letters or hyphens speaks to wikivet, so a
  // misspelt directive is reported rather than silently suppressing nothing. Anything else
  // ("wikivet-2 notes", prose that mentions wikivet later) is an ordinary comment.
  constexpr std::string_view kPrefix = "wikivet-";
  if (body.substr(0, kPrefix.size()) != kPrefix) return false;
  size_t n = kPrefix.size();
  while (n < body.size() && !is_space(body[n])) {
    const char c = body[n];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
    ++n;
  }
  if (n == kPrefix.size()) return false;
  s.directive = Directive::Unknown;
  s.unknown_directive = std::string(body.substr(0, n));
  return true;
}

bool names_rule(const Suppression& s, const std::string& rule) {
  return s.rules.empty() || std::find(s.rules.begin(), s.rules.end(), rule) != s.rules.end();
}

}  // namespace

void apply_suppressions(const Article& article, const Config& config,
                        std::vector<Finding>& findings) {
  const Tree& tree = article.tree();
  const Source& source = article.source();
  std::vector<Suppression> list;
  for (NodeId id : article.comments) {
    const std::string_view text = tree.text(id);
    if (text.find("wikivet-") == std::string_view::npos) continue;
    Suppression s{};
    if (!parse_directive(text, s)) continue;
    s.comment = tree[id].range();
    list.push_back(std::move(s));
  }
  const RuleMeta* unused_meta = nullptr;
  if (const Rule* r = find_rule("unused-suppression")) unused_meta = &r->meta();
  if (list.empty()) return;

  // Lines of the parsed text (for an edit-page scrape these are the restored lines).
  const LineIndex lines(source.text());
  for (auto& s : list) {
    s.line = lines.at(s.comment.begin).line;
    for (const auto& id : s.rules)
      if (!find_rule(id) && s.unknown_rule.empty()) s.unknown_rule = id;
  }
  // Pair each disable with the next enable that names the same rules (or all).
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].directive != Directive::Disable) continue;
    for (size_t j = i + 1; j < list.size(); ++j) {
      if (list[j].directive != Directive::Enable) continue;
      if (list[j].rules.empty() || list[j].rules == list[i].rules) {
        list[i].end_offset = list[j].comment.begin;
        list[j].used = true;  // an enable is never "unused" while it closes a disable
        break;
      }
    }
  }

  for (auto& f : findings) {
    const size_t at = f.location.begin - source.text_begin();
    const uint32_t line = lines.at(at).line;
    for (auto& s : list) {
      if (s.directive == Directive::Unknown || !names_rule(s, f.rule)) continue;
      bool covers = false;
      switch (s.directive) {
        case Directive::Disable:
          covers = at >= s.comment.end && at < s.end_offset;
          break;
        case Directive::DisableNextLine:
          covers = line == s.line + 1;
          break;
        case Directive::DisableLine:
          covers = line == s.line;
          break;
        case Directive::DisableFile:
          covers = true;  // wherever the comment stands, like ruff's file-level noqa
          break;
        case Directive::Enable:
        case Directive::Unknown:
          break;
      }
      if (covers) {
        s.used = true;
        f.suppressed = true;
      }
    }
  }
  if (!config.show_suppressed) {
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [](const Finding& f) { return f.suppressed; }),
                   findings.end());
  }

  if (!unused_meta || !config.enabled(*unused_meta)) return;
  std::vector<Finding> extra;
  for (const auto& s : list) {
    if (s.used && s.unknown_rule.empty() && s.unknown_directive.empty()) continue;
    Finding f;
    f.rule = std::string(unused_meta->id);
    f.severity = config.severity_of(*unused_meta);
    f.category = unused_meta->category;
    f.location = make_location(source, s.comment.begin, s.comment.end);
    f.snippet = make_snippet(source, f.location);
    // Names come from the page: cut short, as config values are (a comment may be huge).
    if (!s.unknown_directive.empty()) {
      f.message = "unknown directive " + quote_short(s.unknown_directive);
      if (const std::string guess = closest_directive(s.unknown_directive); !guess.empty())
        f.message += " (did you mean '" + guess + "'?)";
    } else if (!s.unknown_rule.empty()) {
      f.message = "suppression names unknown rule " + quote_short(s.unknown_rule);
    } else {
      f.message = "suppression silences nothing";
    }
    f.key = f.snippet;
    f.fingerprint = make_fingerprint(f.rule, f.key, extra.size());
    extra.push_back(std::move(f));
  }
  if (extra.empty()) return;
  findings.insert(findings.end(), extra.begin(), extra.end());
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.location.begin < b.location.begin;
  });
}

}  // namespace wikivet
