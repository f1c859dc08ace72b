#pragma once
// The syntax-* rules report what the parser recorded as broken: each rule takes one kind of
// parser Problem and words it.
#include <functional>
#include <string>

#include "engine/rule.hpp"
#include "model/article.hpp"

namespace wikivet {

// Reports every problem of one of `kinds`, with message(problem text, problem) as message and
// the opener's text (plus what follows it, up to 40 characters) as the key.
void report_problems(const Article& article, std::initializer_list<ProblemKind> kinds,
                     const std::function<std::string(std::string_view, const Problem&)>& message,
                     FindingSink& out);

}  // namespace wikivet
