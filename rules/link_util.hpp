#pragma once
// What the link-* rules share: URL schemes as MediaWiki's $wgUrlProtocols has them, and
// whether a text leaf is wikitext at all.
#include <cstdint>
#include <string_view>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

// Length of the URL scheme `text` starts with at `i` ("https://" -> 8, "mailto:" -> 7), or 0.
// `relative`: protocol-relative "//" counts too (it does in bracketed external links).
uint32_t url_scheme_at(std::string_view text, uint32_t i, bool relative);
// The same, for schemes written with "://" only (http, https, ftp, ...): the ones no page
// title or namespace could be confused with.
uint32_t slash_scheme_at(std::string_view text, uint32_t i);
// Is this Text leaf inside the content of a raw extension tag (nowiki, pre, math, source,
// syntaxhighlight...), which MediaWiki does not read as wikitext?
bool in_raw_tag(const Tree& tree, NodeId text_leaf);
// The first ']' in [from, eol) of the tree's text that is not a wikilink's closer (`closers`
// is Article::wikilink_closers()), or npos.
size_t next_bare_close(std::string_view text, const std::vector<bool>& closers, size_t from,
                       size_t eol);

}  // namespace wikivet
