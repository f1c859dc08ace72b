#pragma once
// Document URIs to paths and back. Only file: URIs name a path (and so a nearest
// wikivet.toml); other schemes (untitled:, a browser's https:) are checked like standard input.
#include <optional>
#include <string>
#include <string_view>

namespace wikivet::lsp {

// "file:///home/a/Mali%20b.wiki" -> "/home/a/Mali b.wiki"; nullopt for another scheme or a
// remote host. "file://localhost/x" is local.
std::optional<std::string> path_from_uri(std::string_view uri);
// "/home/a/Mali b.wiki" -> "file:///home/a/Mali%20b.wiki" (only unreserved bytes and '/' stay).
std::string uri_from_path(std::string_view path);

}  // namespace wikivet::lsp
