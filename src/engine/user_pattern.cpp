#include "engine/user_pattern.hpp"

#include <re2/re2.h>

#include "core/display_text.hpp"

namespace wikivet {

std::unique_ptr<re2::RE2> compile_user_pattern(const std::string& regex, std::string_view shown,
                                               const std::string& what, std::string& error) {
  if (shown.size() > kMaxPatternLength || regex.size() > 8 * kMaxPatternLength) {
    error = what + " " + quote_short(shown) + " is longer than " +
            std::to_string(kMaxPatternLength) + " bytes";
    return nullptr;
  }
  RE2::Options opts;
  opts.set_log_errors(false);
  auto re = std::make_unique<RE2>(regex, opts);
  if (!re->ok()) {
    error = "bad " + what + " " + quote_short(shown) + ": " + re->error();
    return nullptr;
  }
  return re;
}

}  // namespace wikivet
