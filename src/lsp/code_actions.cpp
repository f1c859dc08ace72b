// Code actions: the fixes findings carry, as quick fixes and one fix-all.
#include "engine/fix.hpp"
#include "lsp/features.hpp"

namespace wikivet::lsp {

namespace {

// The LSP TextEdits of `edits`, or nothing when one cannot be sent faithfully (an end inside a
// character, a replacement that is not valid UTF-8).
std::optional<json::array> text_edits(const CheckedText& checked,
                                      const std::vector<TextEdit>& edits) {
  const std::string_view text = checked.source->original();
  json::array out;
  for (const auto& e : edits) {
    if (e.begin > e.end || e.end > text.size() || !is_position_boundary(text, e.begin) ||
        !is_position_boundary(text, e.end) || !is_valid_utf8(e.replacement))
      return std::nullopt;
    json::object edit;
    edit["range"] = range_json(*checked.positions, e.begin, e.end);
    edit["newText"] = e.replacement;
    out.push_back(std::move(edit));
  }
  return out;
}

json::object workspace_edit(const std::string& uri, json::array edits,
                            const CodeActionOptions& options) {
  json::object edit;
  if (options.document_changes) {
    // Versioned: a client refuses the edit if the document changed since it was checked.
    json::object doc;
    doc["uri"] = uri;
    doc["version"] = options.version;
    json::object change;
    change["textDocument"] = std::move(doc);
    change["edits"] = std::move(edits);
    edit["documentChanges"] = json::array{std::move(change)};
  } else {
    json::object changes;
    changes[uri] = std::move(edits);
    edit["changes"] = std::move(changes);
  }
  return edit;
}

bool touches(const Finding& f, size_t begin, size_t end) {
  return f.location.begin <= end && begin <= f.location.end;
}

}  // namespace

json::array code_actions_json(const CheckedText& checked, const std::string& uri, size_t begin,
                              size_t end, const CodeActionOptions& options) {
  json::array actions;
  if (checked.config_error) return actions;
  const auto& findings = checked.result.findings;
  size_t fixable = 0;
  for (const auto& f : findings) {
    if (f.suppressed || !f.fix || f.fix->edits.empty()) continue;
    ++fixable;
    if (!options.want_quickfix || !touches(f, begin, end)) continue;
    auto edits = text_edits(checked, f.fix->edits);
    if (!edits) continue;
    json::object action;
    action["title"] =
        valid_utf8(f.fix->description.empty() ? "fix: " + f.message : f.fix->description);
    action["kind"] = "quickfix";
    action["diagnostics"] = json::array{diagnostic_json(f, checked, uri)};
    action["isPreferred"] = true;
    action["edit"] = workspace_edit(uri, std::move(*edits), options);
    actions.push_back(std::move(action));
  }
  if (options.want_fix_all && fixable > 1) {
    const FixPlan plan = plan_fixes(findings, FixSelection{});
    if (auto edits = text_edits(checked, plan.edits); edits && !plan.applied.empty()) {
      json::object action;
      action["title"] = "wikivet: apply " + std::to_string(plan.applied.size()) + " fixes" +
                        (plan.skipped.empty() ? std::string()
                                              : " (" + std::to_string(plan.skipped.size()) +
                                                    " more collide; run it again)");
      action["kind"] = "source.fixAll.wikivet";
      action["edit"] = workspace_edit(uri, std::move(*edits), options);
      actions.push_back(std::move(action));
    }
  }
  return actions;
}

}  // namespace wikivet::lsp
