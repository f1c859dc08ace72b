#pragma once
// Text from an article (a ref name, a template parameter) or from a config file reaches people
// through terminals and CI logs. There, a control character is an instruction: ESC sequences
// set the window title or colours, a newline forges a `file:line:col:` line, a bidirectional
// control reorders what is shown. This is the one place that decides which characters are
// shown as U+FFFD instead; the code frame and the text and GitHub reporters use it. JSON and
// SARIF keep the exact text (their consumers parse, they do not display).
#include <cstddef>
#include <string>
#include <string_view>

namespace wikivet {

// Length of the character at s[i] when it must not be shown as is (C0 controls but tab, DEL,
// C1 controls, the bidirectional controls U+200E/F, U+061C, U+202A-202E, U+2066-2069, and
// every byte of ill-formed UTF-8), else 0.
size_t unsafe_display_length(std::string_view s, size_t i);

// `s` with every unsafe character replaced by U+FFFD; `s` itself when there is none.
std::string display_safe(std::string_view s);

// A user-given word for an error message: display-safe, in single quotes, and cut to its first
// `max_chars` code points with "…" and its length in bytes when longer, so that a 50 MB value
// never gets echoed back.
std::string quote_short(std::string_view s, size_t max_chars = 60);

}  // namespace wikivet
