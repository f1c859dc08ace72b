#pragma once
// What the server tells the client about one checked text: diagnostics, code actions, hover.
// Each is a pure function of a CheckedText; the server (server.cpp) decides when to ask.
#include <string>
#include <vector>

#include "lsp/checker.hpp"
#include "lsp/json_rpc.hpp"

namespace wikivet::lsp {

// {"start": Position, "end": Position} of byte range [begin, end) of the checked text.
json::object range_json(const PositionIndex& positions, size_t begin, size_t end);

// One Diagnostic per finding (suppressed ones are not in the result): range, severity (error 1,
// warning 2, info 3), code = the rule id, source "wikivet", the message, relatedInformation
// for the finding's related locations, and data {key, fingerprint}. A broken config file gives
// one error diagnostic at the start of the document pointing to the file.
json::array diagnostics_json(const CheckedText& checked, const std::string& uri);
json::object diagnostic_json(const Finding& f, const CheckedText& checked, const std::string& uri);

struct CodeActionOptions {
  bool document_changes = false;  // the client takes versioned documentChanges
  int64_t version = 0;            // the document's version the edits apply to
  bool want_quickfix = true;      // context.only allows "quickfix"
  bool want_fix_all = true;       // context.only allows "source.fixAll"
};

// A "quickfix" for every fix of a finding whose range touches [begin, end] (byte offsets; an
// empty range at a finding's edge touches it), and, when the document has more than one
// fixable finding, one "source.fixAll" with every fix that does not collide with an earlier
// one (as `wikivet check --fix` takes them). A fix whose replacement is not valid UTF-8 is not
// offered: it could not travel in JSON unchanged.
json::array code_actions_json(const CheckedText& checked, const std::string& uri, size_t begin,
                              size_t end, const CodeActionOptions& options);

// The findings at byte `offset` with their rules' documentation, as Markdown (or plain text
// when the client cannot show Markdown); null when there is no finding there.
json::value hover_json(const CheckedText& checked, size_t offset, bool markdown);

}  // namespace wikivet::lsp
