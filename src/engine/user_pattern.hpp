#pragma once
// Every pattern that comes from a user or from data (config globs, .gitignore lines,
// `audit --title-regex`) is compiled here, so that all of them get the same bounds: RE2 (linear
// matching), its error log off (a bad pattern is our one-line error, not RE2's lines on stderr),
// and a length cap checked before any work (a megabyte of '?' makes RE2 spend seconds and log
// from deep inside before it gives up).
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace wikivet {

// Longer than any path (PATH_MAX) and any sensible title pattern.
inline constexpr size_t kMaxPatternLength = 4096;

// `regex` compiled; `shown` is what the user wrote (the glob, not its regex), quoted in errors.
// On failure returns null and sets `error` (one line, no more than a short prefix of `shown`).
std::unique_ptr<re2::RE2> compile_user_pattern(const std::string& regex, std::string_view shown,
                                               const std::string& what, std::string& error);

}  // namespace wikivet
