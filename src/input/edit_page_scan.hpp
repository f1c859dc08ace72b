#pragma once
// A lightweight, linear, non-recursive scanner used by the edit-page adapter to know which bytes
// sit inside a construct whose inner '|', '!', '=' or '*' must never be taken for line
// structure: templates {{...}}, links [[...]], comments <!--...-->, and extension tags such as
// <ref>...</ref>, <nowiki>...</nowiki>, <math>...</math>. It is not the wikitext parser (that
// lives in src/parse); it only finds the outermost such spans.
#include <cstddef>
#include <string_view>
#include <vector>

namespace wikivet {

enum class SpanKind { Template, Link, Comment, ExtTag };

struct Span {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
  SpanKind kind = SpanKind::Template;
};

// The outermost spans of `text`, sorted by begin and non-overlapping. Rules, chosen to follow
// MediaWiki's preprocessor closely enough for this purpose:
// - a comment runs from "<!--" to the next "-->", or to the end of the text when unclosed;
// - an extension tag (ref, nowiki, pre, math, gallery, ...) is opaque from its opening tag to the
//   first matching close tag (case-insensitive); a self-closing tag is a span by itself; an
//   opening tag without a close tag is plain text;
// - "{{" and "[[" are matched with "}}" and "]]" on one stack; a closer whose kind is not on the
//   stack is ignored, and openers left above a matching one are dropped as unmatched; unmatched
//   openers form no span.
// Time and memory are linear in the text.
std::vector<Span> outer_spans(std::string_view text);

// True when bytes [i, i + word.size()) equal `word` ignoring ASCII case.
bool starts_with_icase(std::string_view text, size_t i, std::string_view word);

}  // namespace wikivet
