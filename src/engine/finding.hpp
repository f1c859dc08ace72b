#pragma once
// What a rule reports. Reporters (src/report) turn findings into text, JSON, SARIF, ...; they
// never know which rule produced a finding beyond its id and metadata.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/source.hpp"

namespace wikivet {

enum class Severity : uint8_t { Error, Warning, Info };
// A rule's family: what `--select tags` names, and how the catalogue groups the rules.
enum class Category : uint8_t {
  Syntax,      // unclosed or stray markup that breaks what follows
  Refs,        // the reference index and Cite's errors
  Tables,      // what a table means: numbering, columns, citations, cross-table dates
  Dates,       // dates with their precision and format
  Tags,        // HTML tags: unclosed, stray, misnested, self-closed
  Links,       // external links and single brackets
  Headings,    // heading levels and markup
  Formatting,  // bold and italic
  Templates,   // how a transclusion is written
  Markup,      // obsolete tags and invisible characters
  Meta,        // about wikivet's own directives
};
inline constexpr Category kAllCategories[] = {
    Category::Syntax,    Category::Refs,   Category::Tables,   Category::Dates,
    Category::Tags,      Category::Links,  Category::Headings, Category::Formatting,
    Category::Templates, Category::Markup, Category::Meta};

const char* to_string(Severity s);  // "error", "warning", "info"
const char* to_string(Category c);  // "syntax", "refs", "tables", ... (lower case)
std::optional<Severity> parse_severity(std::string_view s);
std::optional<Category> parse_category(std::string_view s);

// A span of the file the user gave: byte offsets into Source::original() and the line/column
// of both ends (end is exclusive: the position just after the last character).
struct Location {
  std::string path;
  size_t begin = 0;  // byte offset in the original file
  size_t end = 0;
  LineCol start;
  LineCol stop;  // position of `end`
};

struct RelatedLocation {
  Location location;
  std::string message;  // "the other row numbered 124"
};

// One replacement in the original file. Edits of one fix never overlap. (Rules give them in
// text() offsets through FindingSink; the engine converts them to original offsets.)
struct TextEdit {
  size_t begin = 0;  // byte offsets into Source::original()
  size_t end = 0;
  std::string replacement;
};

struct Fix {
  std::string description;
  std::vector<TextEdit> edits;
  // Safe: certain, and the page means what it meant (a date written in the article's declared
  // format, a definition put back from the article's own old revision). `--fix` applies only
  // safe fixes; unsafe ones (a guess about which text is right) need `--unsafe-fixes`. A rule
  // has to claim safety: by default a fix is unsafe.
  bool safe = false;
};

struct Finding {
  std::string rule;  // stable kebab-case id
  Severity severity = Severity::Warning;
  Category category = Category::Syntax;
  std::string message;  // names the thing: the number, the ref name, the entity, the date text
  Location location;
  std::string snippet;      // source text of the range, cut at 200 bytes (on a character boundary)
  std::string key;          // stable identity within the rule: "124", ":1", "Belgium"
  std::string fingerprint;  // hex hash of rule + key (+ occurrence), stable when lines move
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  bool suppressed = false;  // silenced by an inline comment (kept only with --show-suppressed)
  // Against a baseline: "new", "unchanged" or "absent" (in the baseline, gone now); empty when
  // no baseline was applied.
  std::string baseline_state;
};

// Builds a Location for text() offsets [begin, end) of `source`.
Location make_location(const Source& source, size_t text_begin, size_t text_end);
// The snippet for a location: the original bytes, cut at 200 bytes on a UTF-8 boundary, with
// "…" appended when cut.
std::string make_snippet(const Source& source, const Location& loc);

// Fingerprints: a 64-bit FNV-1a of "rule\0key\0n" (n counts earlier findings of the same rule
// and key in the same file, so two identical keys stay distinct), as 16 hex digits.
std::string make_fingerprint(const std::string& rule, const std::string& key, size_t occurrence);

}  // namespace wikivet
