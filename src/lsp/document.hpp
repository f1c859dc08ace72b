#pragma once
// An open document: its text as the client has it, and the last check of that text.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "lsp/checker.hpp"
#include "lsp/json_rpc.hpp"

namespace wikivet::lsp {

struct Document {
  std::string uri;
  std::optional<std::string> path;  // file: URIs only
  std::string text;
  int64_t version = 0;      // the client's
  uint64_t generation = 0;  // ours: changes with every edit, so a check knows it is stale
  std::shared_ptr<const CheckedText> checked;  // null until checked; may be of an older text

  bool up_to_date() const { return checked && checked->generation == generation; }
};

// Applies the contentChanges of one didChange, in order: an entry with a range replaces that
// range (positions in UTF-16 units, clamped as the protocol says), one without replaces the
// whole text. Throws InvalidParams for an entry that is neither; the text is then unchanged.
void apply_content_changes(std::string& text, const json::array& changes);

}  // namespace wikivet::lsp
