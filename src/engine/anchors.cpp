#include "engine/anchors.hpp"

#include <algorithm>
#include <cctype>

namespace wikivet {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The known tool `word` names before its colon, in canonical spelling; empty when none.
std::string_view tool_of(std::string_view word, std::string_view* id) {
  const size_t colon = word.find(':');
  if (colon == std::string_view::npos || colon + 1 == word.size()) return {};
  for (std::string_view tool : anchor_tools()) {
    if (iequals(word.substr(0, colon), tool)) {
      *id = word.substr(colon + 1);
      return tool;
    }
  }
  return {};
}

}  // namespace

const std::vector<std::string_view>& anchor_tools() {
  static const std::vector<std::string_view> kTools = {"checkwiki", "wpcleaner", "linter",
                                                       "wikilint", "cite"};
  return kTools;
}

std::vector<Anchor> anchors_of(const RuleMeta& meta) {
  std::vector<Anchor> out;
  std::string_view rest = meta.anchors;
  while (!rest.empty()) {
    const size_t start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    const size_t end = std::min(rest.find(' '), rest.size());
    std::string_view id;
    std::string_view tool = tool_of(rest.substr(0, end), &id);
    if (!tool.empty()) out.push_back({tool, id});
    rest.remove_prefix(end);
  }
  return out;
}

std::string anchor_label(const Anchor& anchor) {
  if (anchor.tool == "checkwiki") return "CheckWiki #" + std::string(anchor.id);
  if (anchor.tool == "wpcleaner") return "WPCleaner #" + std::string(anchor.id);
  if (anchor.tool == "linter") return "Linter " + std::string(anchor.id);
  if (anchor.tool == "cite") return "Cite " + std::string(anchor.id);
  return std::string(anchor.tool) + " " + std::string(anchor.id);
}

bool selects_anchor(std::string_view selector, const RuleMeta& meta) {
  std::string_view id;
  std::string_view tool = tool_of(selector, &id);
  if (tool.empty()) return false;
  const auto anchors = anchors_of(meta);
  return std::any_of(anchors.begin(), anchors.end(),
                     [&](const Anchor& a) { return a.tool == tool && a.id == id; });
}

bool is_anchor_selector(std::string_view selector) {
  std::string_view id;
  return !tool_of(selector, &id).empty();
}

}  // namespace wikivet
