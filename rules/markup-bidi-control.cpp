// markup-bidi-control: a bidirectional control character in a line without right-to-left text.
#include "model/char_scan.hpp"
#include "model/text_util.hpp"
#include "rules/markup_chars.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"markup-bidi-control",
                         Category::Markup,
                         Severity::Warning,
                         "A bidirectional control character (LRM, RLM, embedding, isolate) stands "
                         "in a line with no right-to-left text.",
                         R"md(
Left-to-right and right-to-left marks (U+200E, U+200F, U+061C), embeddings and overrides
(U+202A to U+202E) and isolates (U+2066 to U+2069) steer the direction of mixed Hebrew, Arabic
or Persian and Latin text. In a line with no right-to-left letter they do nothing but hide in
the text, usually pasted in with a name or a date copied from another site, and they break
search, sorting and the templates they end up in. Where the line holds right-to-left letters
the mark may be needed, and the rule is silent. Comments and raw tags (`<nowiki>`, `<pre>`,
`<math>`, ...) are not read. Positions are the character's own; a run of the same mark is one finding. The fix deletes it; it is
unsafe (`--unsafe-fixes`), since on a wiki written right to left a mark may matter even in a
line of Latin text. CheckWiki #16.

Bad (a left-to-right mark after the date, invisible here):

```wikitext
| 12 May 1961‎ || [[Bamako]]
```

Good:

```wikitext
| 12 May 1961 || [[Bamako]]
```
)md",
                         true,
                         "checkwiki:16"};

const char* bidi_label(char32_t cp) {
  switch (cp) {
    case 0x200E:
      return "left-to-right mark";
    case 0x200F:
      return "right-to-left mark";
    case 0x061C:
      return "Arabic letter mark";
    case 0x202A:
      return "left-to-right embedding";
    case 0x202B:
      return "right-to-left embedding";
    case 0x202C:
      return "pop directional formatting";
    case 0x202D:
      return "left-to-right override";
    case 0x202E:
      return "right-to-left override";
    case 0x2066:
      return "left-to-right isolate";
    case 0x2067:
      return "right-to-left isolate";
    case 0x2068:
      return "first strong isolate";
    case 0x2069:
      return "pop directional isolate";
    default:
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<Rule> make_markup_bidi_control_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const std::string_view text = article.text();
    // Whether the current line holds a right-to-left letter, computed once per line (the scan
    // goes forward, so each line is read once: linear).
    uint32_t line_begin = 1, line_end = 0;
    bool line_rtl = false;
    SpecialChar run{};
    uint32_t run_end = 0;
    int count = 0;
    const auto flush = [&] {
      if (count == 0) return;
      const std::string label = bidi_label(run.cp);
      const std::string name = code_point_name(run.cp);
      const std::string what = count == 1
                                   ? label + " (" + name + ")"
                                   : std::to_string(count) + " " + label + "s (" + name + ")";
      Fix fix{"delete the " + label + (count == 1 ? "" : "s"), {{run.offset, run_end, ""}}, false};
      out.report({run.offset, run_end}, what + " in a line without right-to-left text", name, {},
                 std::move(fix));
      count = 0;
    };
    for (const SpecialChar& c : article.special_chars()) {
      const char* label = bidi_label(c.cp);
      if (label == nullptr) continue;
      if (!(c.offset >= line_begin && c.offset < line_end)) {
        const size_t b = text.rfind('\n', c.offset);
        line_begin = b == std::string_view::npos ? 0 : static_cast<uint32_t>(b + 1);
        const size_t e = text.find('\n', c.offset);
        line_end = e == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                               : static_cast<uint32_t>(e);
        line_rtl = false;
        for (uint32_t i = line_begin; i < line_end && !line_rtl;) {
          const auto lead = static_cast<unsigned char>(text[i]);
          if (lead < 0x80) {
            ++i;
            continue;
          }
          const char32_t cp = code_point_at(text, i);
          line_rtl = is_rtl_letter(cp) && cp != 0x061C;
          i += static_cast<uint32_t>(utf8_length(lead));
        }
      }
      if (line_rtl) continue;
      if (count > 0 && c.cp == run.cp && c.offset == run_end) {  // a run is one finding
        run_end = c.offset + c.length;
        ++count;
        continue;
      }
      flush();
      run = c;
      run_end = c.offset + c.length;
      count = 1;
    }
    flush();
  });
}

}  // namespace wikivet
