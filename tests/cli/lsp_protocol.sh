#!/usr/bin/env bash
# `wikivet lsp` through a scripted JSON-RPC client (tests/lsp/protocol_test.py): life cycle,
# diagnostics equal to the CLI's in UTF-16 positions, incremental changes, invalid UTF-8, a
# 5 MB page, a document closed mid-check, code actions, hover, malformed messages.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
py=/usr/bin/python3
[ -x "$py" ] || py=python3
exec timeout 300 "$py" tests/lsp/protocol_test.py "$bin"
