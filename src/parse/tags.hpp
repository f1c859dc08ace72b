#pragma once
// The fixed vocabularies of wikitext: extension tags, HTML tags MediaWiki's sanitizer lets
// through, parser-function names, behaviour switches and URL schemes.
#include <cstdint>
#include <string_view>

namespace wikivet::parse_detail {

enum class ExtContent : uint8_t {
  Raw,       // content kept as one Text leaf (nowiki, pre, math, syntaxhighlight, ...)
  Wikitext,  // content parsed as wikitext (ref, references, poem, indicator, gallery)
  Marker,    // noinclude / includeonly / onlyinclude: a transparent marker, content continues
};

struct ExtTagInfo {
  int8_t id = -1;  // index into the extension tag table; -1: not an extension tag
  ExtContent content = ExtContent::Raw;
};

// Looks `name` up (ASCII case-insensitive) among the extension tags.
ExtTagInfo find_ext_tag(std::string_view name);
int ext_tag_count();
std::string_view ext_tag_name(int id);  // lower-case
// Is `name` an HTML tag MediaWiki's sanitizer allows (ASCII case-insensitive)?
bool is_html_tag(std::string_view name);
// Is `name` (the text before ':' in "{{name:...}}", trimmed) a parser function? True for names
// starting with '#' and for the colon-taking magic words ("lc", "formatnum", "DEFAULTSORT"...).
bool is_parser_function(std::string_view name);
// Is `word` (without the surrounding "__") a behaviour switch such as NOTOC?
bool is_behavior_switch(std::string_view word);
// Length of the URL scheme (including "://" or ":") that `t` starts with at `i`, or 0.
// Protocol-relative "//" counts only when `allow_relative` (bracketed external links).
uint32_t url_scheme_length(std::string_view t, uint32_t i, bool allow_relative);

}  // namespace wikivet::parse_detail
