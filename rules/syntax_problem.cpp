#include "rules/syntax_problem.hpp"

#include <algorithm>

#include "model/text_util.hpp"

namespace wikivet {

void report_problems(const Article& article, std::initializer_list<ProblemKind> kinds,
                     const std::function<std::string(std::string_view, const Problem&)>& message,
                     FindingSink& out) {
  const Tree& tree = article.tree();
  Range last_nested{UINT32_MAX, UINT32_MAX};
  for (const Problem& p : tree.problems()) {
    if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) continue;
    // A nested opener is also unclosed (its close tag ended the outer tag): say it once.
    if (p.kind == ProblemKind::NestedTag) last_nested = p.range;
    if (p.kind == ProblemKind::UnclosedTag && p.range == last_nested) continue;
    const std::string_view text = tree.slice(p.range);
    // The key is what stands at the problem, so it survives lines moving above it.
    std::string key(utf8_prefix(tree.text().substr(p.range.begin), 40));
    out.report(p.range, message(text, p), std::move(key));
  }
}

}  // namespace wikivet
