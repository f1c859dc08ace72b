// markup-invisible-char: a soft hyphen, zero-width space or joiner, or byte order mark in the text.
#include "model/char_scan.hpp"
#include "rules/markup_chars.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"markup-invisible-char",
                         Category::Markup,
                         Severity::Warning,
                         "An invisible character (soft hyphen, zero-width space, joiner, BOM) "
                         "hides in the text.",
                         R"md(
Invisible characters come in with copy and paste. A reader sees nothing, but the word they sit
in is no longer found by search (`Bam\u00ADako` is not `Bamako`), links and template names
that hold one point elsewhere, and the next editor cannot see what to delete. What it reports,
at the exact character (columns count code points, so the column is the invisible character's
own):

- U+00AD soft hyphen, U+200B zero-width space, U+2060 word joiner, U+FEFF zero-width no-break
  space (a byte order mark inside the text);
- U+200C zero-width non-joiner and U+200D zero-width joiner only between two ASCII characters
  (or at the edge of one): Bengali, Marathi and the other Indic scripts, Persian and emoji
  sequences need them between their own letters, and there the rule is silent.

A run of the same character is one finding. A soft hyphen in a table cell, where it lets a
long word break in a narrow column, is left alone. A zero-width space next to Thai, Lao, Khmer, Myanmar, Tibetan, Chinese or Japanese text marks a
word break those scripts do not write with spaces: silent. Comments and the content of raw
tags (`<nowiki>`, `<pre>`, `<math>`, `<syntaxhighlight>`...) are not read. The fix deletes the
character; it is safe except for the soft hyphen, which someone may have put in a long word on
purpose as a hyphenation hint (applied with `--unsafe-fixes`). CheckWiki #16.

Bad (a zero-width space after "Mali", invisible here):

```wikitext
[[Mali​]] borders Algeria.
```

Good:

```wikitext
[[Mali]] borders Algeria.
```
)md",
                         true,
                         "checkwiki:16"};

// Scripts written without spaces between words, where U+200B marks the word breaks.
bool is_unspaced_script(char32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
         (cp >= 0x0F00 && cp <= 0x0FFF) ||  // Tibetan
         (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
         (cp >= 0x1A20 && cp <= 0x1AAF) ||  // Tai Tham
         (cp >= 0x2E80 && cp <= 0x9FFF) ||  // CJK, kana
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// ZWJ/ZWNJ do work only between letters of the scripts that join (Indic, Arabic, Persian,
// emoji): reported when each neighbour is ASCII or nothing (the start or end of the text).
bool is_ascii_context(char32_t cp) {
  return cp < 0x80;
}

const char* char_label(char32_t cp) {
  switch (cp) {
    case 0x00AD:
      return "soft hyphen";
    case 0x200B:
      return "zero-width space";
    case 0x200C:
      return "zero-width non-joiner";
    case 0x200D:
      return "zero-width joiner";
    case 0x2060:
      return "word joiner";
    case 0xFEFF:
      return "zero-width no-break space (byte order mark)";
    default:
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<Rule> make_markup_invisible_char_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const std::string_view text = article.text();
    const Tree& tree = article.tree();
    // A run of the same character (machine translation leaves "\u200B\u200B") is one finding,
    // with one fix that deletes the run.
    SpecialChar run{};
    uint32_t run_end = 0;
    int count = 0;
    const auto flush = [&] {
      if (count == 0) return;
      const std::string label = char_label(run.cp);
      const std::string name = code_point_name(run.cp);
      const std::string what =
          count == 1 ? "invisible " + label + " (" + name + ")"
                     : std::to_string(count) + " invisible " + label + "s (" + name + ")";
      Fix fix{"delete the " + label + (count == 1 ? "" : "s"),
              {{run.offset, run_end, ""}},
              run.cp != 0x00AD};
      out.report({run.offset, run_end}, what + " in the text", name, {}, std::move(fix));
      count = 0;
    };
    for (const SpecialChar& c : article.special_chars()) {
      const char* label = char_label(c.cp);
      if (label == nullptr) continue;
      if (count > 0 && c.cp == run.cp && c.offset == run_end) {
        run_end = c.offset + c.length;
        ++count;
        continue;
      }
      const char32_t before = code_point_before(text, c.offset);
      const char32_t after = code_point_at(text, c.offset + c.length);
      if (c.cp == 0x200C || c.cp == 0x200D) {
        if (!is_ascii_context(before) || !is_ascii_context(after)) continue;
      }
      if (c.cp == 0x200B && (is_unspaced_script(before) || is_unspaced_script(after))) continue;
      // In a table cell a soft hyphen lets a long word break in a narrow column, as the
      // Manual of Style allows it: only prose is read for them.
      if (c.cp == 0x00AD && tree.ancestor(c.leaf, NodeKind::TableCell) != kNoNode) continue;
      flush();
      run = c;
      run_end = c.offset + c.length;
      count = 1;
    }
    flush();
  });
}

}  // namespace wikivet
