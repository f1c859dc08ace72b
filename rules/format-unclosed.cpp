// format-unclosed: bold or italic opened with apostrophes and not closed on its line.
#include <algorithm>
#include <iterator>
#include <vector>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"format-unclosed",
                         Category::Formatting,
                         Severity::Warning,
                         "Bold or italic opened with apostrophes is not closed on its line.",
                         R"md(
MediaWiki reads `''` (italic), `'''` (bold) and `'''''` (both) line by line, and closes at the
end of the line whatever is still open. An opener without its closer makes the rest of the line
italic or bold, which is rarely what the editor meant (`''The Times reported`, `5'11''` for
feet and inches), and the HTML it produces is mis-nested.

What it reports: each line whose apostrophe runs leave bold or italic open, decided the way
MediaWiki's parser decides (its `doQuotes`): a run of four is an apostrophe and bold, a run of
more than five is apostrophes and bold italic, and when the line has an odd number of both
italic and bold runs MediaWiki turns one bold run into an apostrophe and italic (as in
`L'''amour''`), so such a line is closed and not reported. What is left open is reported at
the run that opened it, when it visibly runs over text: there are words before the opener on
its line (an opener that begins the line, `''Note: ...` or `* '''Result`, formats the whole line,
as its writer meant and MediaWiki shows) and words after it (`text.)''<ref>` formats nothing; an opener in a link's label, `[http://x ''Title]`, counts the words after
the link), and an italic quotation that runs to the end of the line (`stated ''"It is ..."`)
is what its opener was meant for. Table lines are not judged (each cell ends what is open in it, and the cells of one line share
one apostrophe count, so what a reader sees cannot be told from the line), nor are headings.
Apostrophes inside templates and their arguments, comments and extension
tags (`<ref>`, `<nowiki>`, `<pre>`, `<math>`, `<syntaxhighlight>`, `<gallery>`, ...) are not
counted (MediaWiki reads them apart, or what they become cannot be told), and a line that a
template, tag or comment spans into from another line is skipped, as is everything after an
unclosed template, link, tag or comment.

Bad:

```wikitext
The ''Zembla Times reported the treaty on 4 May 1961.
```

Good:

```wikitext
The ''Zembla Times'' reported the treaty on 4 May 1961.
```
)md",
                         false,
                         "wpcleaner:540"};

struct Run {
  uint32_t begin, end;  // the run's bytes
  int kind;             // 2 italic, 3 bold, 5 both
};

// Text a reader sees (not markup, space or punctuation): ASCII letters and digits, and the
// letters of other scripts (any code point from U+0080 on but Latin-1 and general
// punctuation, « » ‘ ’ “ ” – —, and the full stops of Armenian and Devanagari).
bool is_wordy_at(std::string_view text, size_t i, size_t& next) {
  const auto u = static_cast<unsigned char>(text[i]);
  next = i + 1;
  if (u < 0x80) return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
  const size_t len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
  if (len == 1) return false;  // a continuation byte: counted with its lead
  next = std::min(text.size(), i + len);
  const char32_t cp = utf8_decode(text, i, next - i);
  return !(cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x0589 || cp == 0x055D ||
           cp == 0x0964 || cp == 0x0965 || (cp >= 0x3000 && cp <= 0x303F));
}

// The bytes of the outermost opaque constructs (is_opaque), as ranges in page order: memory
// in proportion to the constructs, not a byte per byte of the page.
class Opaque {
 public:
  void add(Range r) {
    if (!r.empty()) ranges_.push_back(r);
  }
  bool contains(size_t at) const {
    const auto it = std::upper_bound(ranges_.begin(), ranges_.end(), at,
                                     [](size_t x, const Range& r) { return x < r.end; });
    return it != ranges_.end() && it->begin <= at;
  }
  // Asks "is byte `at` opaque" for bytes in increasing order, each in amortised constant time.
  class Cursor {
   public:
    Cursor(const Opaque& o, size_t from)
        : it_(std::upper_bound(o.ranges_.begin(), o.ranges_.end(), from,
                               [](size_t x, const Range& r) { return x < r.end; })),
          end_(o.ranges_.end()) {}
    // The opaque range holding `at` (which is no smaller than the last one asked), or null.
    const Range* at(size_t at) {
      while (it_ != end_ && it_->end <= at) ++it_;
      return it_ != end_ && it_->begin <= at ? &*it_ : nullptr;
    }

   private:
    std::vector<Range>::const_iterator it_, end_;
  };

 private:
  std::vector<Range> ranges_;
};

bool has_words(std::string_view text, const Opaque& opaque, size_t b, size_t e) {
  Opaque::Cursor cursor(opaque, b);
  for (size_t i = b, next = b; i < e; i = next)
    if (is_wordy_at(text, i, next) && !cursor.at(i)) return true;
  return false;
}

// A quotation set in italics that runs to the end of the line (`stated ''"It is ..."`): the
// rest of the line is what the opener was meant for.
bool quotes_to_line_end(std::string_view text, const Opaque& opaque, size_t from, size_t end) {
  while (from < end && (text[from] == ' ' || opaque.contains(from))) ++from;
  while (end > from && (text[end - 1] == ' ' || text[end - 1] == '.' || opaque.contains(end - 1)))
    --end;
  const std::string_view rest = text.substr(from, end - from);
  auto starts = [&](std::string_view q) { return rest.substr(0, q.size()) == q; };
  auto ends = [&](std::string_view q) {
    return rest.size() > q.size() && rest.substr(rest.size() - q.size()) == q;
  };
  return (starts("\"") && ends("\"")) || (starts("«") && ends("»")) || (starts("“") && ends("”")) ||
         (starts("„") && ends("“"));
}

// Whether the open formatting visibly runs over text it was not meant for. An opener that
// begins the line's words (`''Note: ...`, `* '''Result`) formats the whole line, which is
// what its writer meant and what MediaWiki shows; one with no words after it formats nothing.
// Table lines are left out: each cell ends what is open in it, and cells on one line
// (`|| ''a || ''b`) share one apostrophe count, so what a reader sees cannot be told from the
// line. Headings are left out as formatted as a whole.
bool leaks(std::string_view text, const Opaque& opaque, size_t line, size_t end, const Run& opener,
           const std::vector<Range>& links) {
  size_t i = line;
  while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i < end && (text[i] == '|' || text[i] == '!' || text[i] == '=')) return false;
  if (i + 1 < end && text[i] == '{' && text[i + 1] == '|') return false;
  // An opener in a link's label (`[http://x ''Title]`, `[[File:x|thumb|''Caption]]`) is
  // meant for the label; it leaks only onto words after the link.
  size_t after = opener.end;
  auto it = std::upper_bound(links.begin(), links.end(), opener.begin,
                             [](uint32_t at, const Range& r) { return at < r.begin; });
  if (it != links.begin() && std::prev(it)->contains(opener.begin))
    after = std::min<size_t>(end, std::prev(it)->end);
  return has_words(text, opaque, line, opener.begin) && has_words(text, opaque, after, end) &&
         !quotes_to_line_end(text, opaque, opener.end, end);
}

}  // namespace

std::unique_ptr<Rule> make_format_unclosed_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view text = tree.text();
    // Every finding is a run of two or more apostrophes: a page without "''" (most pages of
    // wikis that quote with «» or „“) needs no mask and no pass over its nodes.
    if (text.find("''") == std::string_view::npos) return;
    const size_t n = text.size();
    // The lines a template, tag or comment spans into from another line: not judged. Ranges
    // of whole lines in page order (overlapping ones joined), each from a line's start to a
    // line break.
    std::vector<Range> skipped;
    auto skip_lines = [&](size_t b, size_t e) {
      while (b > 0 && text[b - 1] != '\n') --b;
      while (e < n && text[e] != '\n') ++e;
      if (b == e) return;
      if (!skipped.empty() && skipped.back().end >= b)
        skipped.back().end = std::max<uint32_t>(skipped.back().end, static_cast<uint32_t>(e));
      else
        skipped.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    };
    // Opaque constructs, whose apostrophes are not the line's: templates (and what they are
    // given), comments, extension tags, HTML tags (their attributes). Node ids are in document
    // order, a node before its children: a node that begins before the end of the last opaque
    // one is inside it. One pass over the nodes of these kinds and of the links.
    Opaque opaque;
    uint32_t covered = 0, link_covered = 0;
    std::vector<Range> links;  // outermost links, in page order
    for_each_node_of(
        article,
        {NodeKind::Template, NodeKind::ParserFunction, NodeKind::TemplateArgument,
         NodeKind::Comment, NodeKind::ExtensionTag, NodeKind::HtmlTag, NodeKind::WikiLink,
         NodeKind::ExternalLink},
        [&](NodeId id) {
          const Node& node = tree[id];
          if ((node.kind == NodeKind::WikiLink || node.kind == NodeKind::ExternalLink)) {
            if (node.begin >= link_covered) {
              links.push_back(node.range());
              link_covered = node.end;
            }
            return;
          }
          if (node.begin < covered) return;
          covered = node.end;
          opaque.add(node.range());
          if (text.substr(node.begin, node.end - node.begin).find('\n') != std::string_view::npos)
            skip_lines(node.begin, node.end);
        });
    size_t stop = n;  // after an unclosed construct, what MediaWiki reads cannot be told
    for (const Problem& p : tree.problems())
      if (p.kind == ProblemKind::UnclosedTemplate || p.kind == ProblemKind::UnclosedLink ||
          p.kind == ProblemKind::UnclosedTag || p.kind == ProblemKind::UnclosedComment)
        stop = std::min<size_t>(stop, p.range.begin);

    std::vector<Run> runs;
    size_t next_skipped = 0;  // the first range of `skipped` that ends after the line
    size_t line = 0;
    while (line < n && line < stop) {
      // Lines without an apostrophe have no runs: go straight to the next line that has one.
      const size_t quote = text.find('\'', line);
      if (quote == std::string_view::npos || quote >= stop) break;
      const size_t quote_line = text.rfind('\n', quote);
      if (quote_line != std::string_view::npos && quote_line + 1 > line) line = quote_line + 1;
      size_t end = text.find('\n', line);
      if (end == std::string_view::npos) end = n;
      if (end > stop) break;
      while (next_skipped < skipped.size() && skipped[next_skipped].end <= line) ++next_skipped;
      const bool judged = next_skipped == skipped.size() || skipped[next_skipped].begin >= end;
      runs.clear();
      // The apostrophe runs of the line outside opaque constructs (which end a run).
      Opaque::Cursor cursor(opaque, line);
      for (size_t i = judged ? text.find('\'', line) : end; i < end;) {
        if (const Range* r = cursor.at(i)) {
          i = text.find('\'', r->end);
          continue;
        }
        size_t j = i;
        while (j < end && text[j] == '\'' && !cursor.at(j)) ++j;
        const size_t len = j - i;
        if (len >= 2) {
          const int kind = len == 2 ? 2 : len == 3 || len == 4 ? 3 : 5;
          // The leading apostrophes of a run of four or of more than five are text.
          const size_t lead = len == 4 ? 1 : len > 5 ? len - 5 : 0;
          runs.push_back({static_cast<uint32_t>(i + lead), static_cast<uint32_t>(j), kind});
        }
        i = text.find('\'', j);
      }
      if (judged && !runs.empty()) {
        int italics = 0, bolds = 0;
        for (const Run& r : runs) {
          italics += r.kind != 3;
          bolds += r.kind != 2;
        }
        // Both odd: MediaWiki turns a bold run into an apostrophe and italic, and all closes.
        if ((italics % 2) != (bolds % 2)) {
          const bool italic = italics % 2 == 1;
          // The opener is the last run that toggled the open kind on.
          bool open = false;
          const Run* opener = nullptr;
          for (const Run& r : runs) {
            if (italic ? r.kind == 3 : r.kind == 2) continue;
            open = !open;
            if (open) opener = &r;
          }
          if (!leaks(text, opaque, line, end, *opener, links)) {
            line = end + 1;
            continue;
          }
          const std::string what = italic ? "italic" : "bold";
          const std::string_view rest = text.substr(opener->end, end - opener->end);
          out.report({opener->begin, opener->end}, what + " opened here is not closed on this line",
                     what + ":" + quoted(rest));
        }
      }
      line = end + 1;
    }
  });
}

}  // namespace wikivet
