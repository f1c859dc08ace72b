"""`wikivet lsp` driven by a scripted JSON-RPC client: the protocol's life cycle, diagnostics
compared with `wikivet check --format json` on the same bytes (positions converted to UTF-16
here, independently), incremental and full changes, a change that breaks a whole table, invalid
UTF-8 and astral characters, a document closed while it is being checked, a 5 MB page, code
actions applied and hover, and malformed JSON-RPC of every kind.

usage: protocol_test.py WIKIVET_BINARY   (run from the checkout; prints FAIL lines, exits 1)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, Positions, apply_lsp_edits, file_uri, utf16_len  # noqa: E402

BIN = os.path.abspath(sys.argv[1])
SEED = "fixtures/seed/foreign-relations-of-mali.wiki"
failures = []


def check(name, cond, detail=""):
    if not cond:
        failures.append(name)
        print("FAIL: %s %s" % (name, detail))


def cli_findings(path):
    """What `wikivet check --format json` reports for the file (its own config lookup)."""
    r = subprocess.run([BIN, "check", "--format", "json", path], capture_output=True)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["files"][0]["findings"]


def expected_diagnostics(path):
    data = open(path, "rb").read()
    pos = Positions(data)
    return [(f["rule"], json.dumps(pos.range(f["offset"], f["end_offset"]), sort_keys=True))
            for f in cli_findings(path)]


def got_diagnostics(diags):
    return [(d["code"], json.dumps(d["range"], sort_keys=True)) for d in diags]


def same_as_cli(name, path, diags):
    exp, got = expected_diagnostics(path), got_diagnostics(diags)
    check(name + ": findings equal the CLI's (rule, UTF-16 range)", sorted(exp) == sorted(got),
          "\n  cli only: %s\n  lsp only: %s" % (sorted(set(exp) - set(got))[:5],
                                                 sorted(set(got) - set(exp))[:5]))
    check(name + ": not empty", len(got) > 0)


tmp = tempfile.mkdtemp(prefix="wikivet-lsp-")
try:
    seed_path = os.path.join(tmp, "mali.wiki")
    shutil.copy(SEED, seed_path)
    seed_uri = file_uri(seed_path)
    seed = open(seed_path, "rb").read()

    c = Client(BIN, cwd=tmp)
    # --- before initialize ---------------------------------------------------------------------
    r = c.call("textDocument/hover", {"textDocument": {"uri": seed_uri},
                                      "position": {"line": 0, "character": 0}})
    check("request before initialize: ServerNotInitialized", r.get("error", {}).get("code") == -32002, r)
    r = c.call("initialize", {"processId": None, "rootUri": file_uri(tmp), "capabilities": {
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
        "workspace": {"workspaceEdit": {"documentChanges": True}}}})
    caps = r["result"]["capabilities"]
    check("incremental sync", caps["textDocumentSync"]["change"] == 2, caps)
    check("utf-16 positions", caps.get("positionEncoding") == "utf-16", caps)
    check("hover and code actions offered", caps.get("hoverProvider") and "codeActionProvider" in caps)
    r = c.call("initialize", {"capabilities": {}})
    check("second initialize refused", r.get("error", {}).get("code") == -32600, r)
    c.notify("initialized", {})

    # --- open: the seed's diagnostics are the CLI's ---------------------------------------------
    mark = c.mark()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": seed_uri, "languageId": "wikitext", "version": 1,
        "text": seed.decode("utf-8", "surrogateescape")}})
    _, m = c.diagnostics(seed_uri, version=1, start=mark)
    diags = m["params"]["diagnostics"]
    same_as_cli("seed on open", seed_path, diags)
    check("source is wikivet", all(d["source"] == "wikivet" for d in diags))
    sev = {"error": 1, "warning": 2, "info": 3}
    cli = cli_findings(seed_path)
    check("severities follow the CLI's", sorted(sev[f["severity"]] for f in cli) ==
          sorted(d["severity"] for d in diags))
    with_related = [d for d in diags if d.get("relatedInformation")]
    check("related locations become relatedInformation",
          len(with_related) == sum(1 for f in cli if f.get("related")) and len(with_related) > 0)
    pos = Positions(seed)
    ok = True
    for d in with_related:
        for ri in d["relatedInformation"]:
            ok = ok and ri["location"]["uri"] == seed_uri and ri["message"]
    check("relatedInformation points into the document", ok)

    # --- hover ------------------------------------------------------------------------------------
    first = diags[0]
    r = c.call("textDocument/hover", {"textDocument": {"uri": seed_uri},
                                      "position": first["range"]["start"]})
    explain = subprocess.run([BIN, "explain", first["code"]], capture_output=True, text=True).stdout
    summary = explain.split("\n\n")[1].strip()
    value = (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover names the rule and its message", first["code"] in value and first["message"] in value, value[:200])
    check("hover shows the rule's documentation", summary in value, summary)
    check("hover is markdown", r["result"]["contents"]["kind"] == "markdown")
    r = c.call("textDocument/hover", {"textDocument": {"uri": seed_uri},
                                      "position": {"line": 100000, "character": 0}})
    check("hover where nothing is found: null", "result" in r and r["result"] is None, r)

    # --- code action: the fix of one finding, applied here, equals the CLI's edit ---------------
    fixable = [f for f in cli if f.get("fix")]
    check("the seed has fixable findings", len(fixable) > 1)
    f = fixable[0]
    rng = pos.range(f["offset"], f["offset"])
    r = c.call("textDocument/codeAction", {"textDocument": {"uri": seed_uri}, "range": rng,
                                           "context": {"diagnostics": []}})
    actions = r["result"]
    quick = [a for a in actions if a["kind"] == "quickfix" and a["diagnostics"][0]["code"] == f["rule"]]
    check("a quickfix at the finding", len(quick) >= 1, actions)
    if quick:
        a = quick[0]
        dc = a["edit"]["documentChanges"][0]
        check("versioned edit", dc["textDocument"] == {"uri": seed_uri, "version": 1}, dc)
        fixed = apply_lsp_edits(seed, dc["edits"])
        expected = seed
        for e in sorted(f["fix"]["edits"], key=lambda e: -e["offset"]):
            expected = expected[:e["offset"]] + e["replacement"].encode() + expected[e["end_offset"]:]
        check("applied quickfix equals the CLI's fix", fixed == expected)
    r = c.call("textDocument/codeAction", {"textDocument": {"uri": seed_uri}, "range": rng,
                                           "context": {"diagnostics": [], "only": ["source"]}})
    kinds = [a["kind"] for a in r["result"]]
    check("only=[source]: the fix-all alone", kinds == ["source.fixAll.wikivet"], kinds)
    # Fix-all equals `wikivet check --fix` on a copy.
    fixall = r["result"][0]["edit"]["documentChanges"][0]["edits"] if r["result"] else []
    copy = os.path.join(tmp, "copy.wiki")
    shutil.copy(seed_path, copy)
    subprocess.run([BIN, "check", "--fix", copy], capture_output=True)
    check("fix-all equals wikivet check --fix", apply_lsp_edits(seed, fixall) == open(copy, "rb").read())

    # --- incremental change: the fix sent back as an edit; the finding goes ---------------------
    if quick:
        mark = c.mark()
        c.notify("textDocument/didChange", {"textDocument": {"uri": seed_uri, "version": 2},
                                            "contentChanges": [{"range": e["range"], "text": e["newText"]}
                                                               for e in reversed(dc["edits"])]})
        _, m = c.diagnostics(seed_uri, version=2, start=mark)
        open(copy, "wb").write(fixed)
        same_as_cli("after the quickfix as an incremental change", copy, m["params"]["diagnostics"])
        text = fixed
    else:
        text = seed

    # --- a change that breaks the whole table, then its undo -------------------------------------
    close_at = text.find(b"\n|}")
    check("the seed has a table end", close_at > 0)
    p = Positions(text)
    broken = text[:close_at + 1] + text[close_at + 3:]
    mark = c.mark()
    c.notify("textDocument/didChange", {"textDocument": {"uri": seed_uri, "version": 3},
                                        "contentChanges": [{"range": p.range(close_at + 1, close_at + 3),
                                                            "text": ""}]})
    _, m = c.diagnostics(seed_uri, version=3, start=mark)
    open(copy, "wb").write(broken)
    same_as_cli("table without its end", copy, m["params"]["diagnostics"])
    check("the broken table is reported", any(d["code"] == "syntax-unclosed-table"
                                              for d in m["params"]["diagnostics"]))
    mark = c.mark()
    pb = Positions(broken)
    c.notify("textDocument/didChange", {"textDocument": {"uri": seed_uri, "version": 4},
                                        "contentChanges": [{"range": pb.range(close_at + 1, close_at + 1),
                                                            "text": "|}"}]})
    _, m = c.diagnostics(seed_uri, version=4, start=mark)
    open(copy, "wb").write(text)
    same_as_cli("table restored", copy, m["params"]["diagnostics"])

    # --- full sync, several changes in one notification ------------------------------------------
    mark = c.mark()
    c.notify("textDocument/didChange", {"textDocument": {"uri": seed_uri, "version": 5},
                                        "contentChanges": [{"text": "x"},
                                                           {"text": seed.decode("utf-8", "surrogateescape")}]})
    _, m = c.diagnostics(seed_uri, version=5, start=mark)
    same_as_cli("full text change", seed_path, m["params"]["diagnostics"])

    # --- astral characters and invalid UTF-8 before findings on their lines ----------------------
    # Raw bytes: \xfe \xff \xc3 are not UTF-8; U+1D11E, U+1F600, U+10348 are astral (two units).
    raw = ("{{Use dmy dates}}\n"
           "Intro \U0001D11E\U0001F600 [[Mali|x \U0001F600 ").encode() + b'<ref name="n\xff"/> [[Unclosed\n' + (
           "{| class=\"wikitable\"\n! # !! Country !! Date\n|-\n"
           "| 1 || \U0001F600\U0001F600 {{Flag|Chad}} || 2001-05-03\n|-\n").encode() + (
           b"| 1 || \xfe\xff\xc3 {{Flag|Niger}} || 2002-06-04 [[x\r\n|-\r") + (
           "| 3 || \U00010348 {{Flag|Benin}} || Unknown\n|}\n").encode()
    odd_path = os.path.join(tmp, "odd.wiki")
    open(odd_path, "wb").write(raw)
    odd_uri = file_uri(odd_path)
    mark = c.mark()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": odd_uri, "languageId": "wikitext", "version": 1,
        "text": raw.decode("utf-8", "surrogateescape")}})
    _, m = c.diagnostics(odd_uri, version=1, start=mark)
    odd_diags = m["params"]["diagnostics"]
    same_as_cli("astral and invalid UTF-8", odd_path, odd_diags)
    odd_pos = Positions(raw)

    def has_finding_after(marker):
        """Whether a diagnostic starts on a line after `marker` (so its column counts it)."""
        for d in odd_diags:
            s = d["range"]["start"]
            start = odd_pos.starts[s["line"]]
            seg = raw[start:start + 10000].split(b"\n")[0]
            idx = seg.find(marker)
            if idx >= 0 and utf16_len(seg[:idx]) < s["character"]:
                return True
        return False
    check("a finding after astral characters on its line", has_finding_after("\U0001F600".encode()))
    check("a finding after invalid bytes on its line", has_finding_after(b"\xfe\xff"))
    # The message quoting the invalid ref name arrives as valid UTF-8 (the client parsed it strictly).
    check("messages with invalid bytes sent as U+FFFD",
          any("\ufffd" in d["message"] for d in odd_diags), [d["message"] for d in odd_diags])
    # Typing after the astral characters: an incremental change in UTF-16 units.
    at = raw.find(b"{{Flag|Chad}}")
    po = Positions(raw)
    mark = c.mark()
    c.notify("textDocument/didChange", {"textDocument": {"uri": odd_uri, "version": 2},
                                        "contentChanges": [{"range": po.range(at, at + 13),
                                                            "text": "{{Flag|Togo}} \U0001F600"}]})
    raw2 = raw[:at] + "{{Flag|Togo}} \U0001F600".encode() + raw[at + 13:]
    _, m = c.diagnostics(odd_uri, version=2, start=mark)
    open(odd_path, "wb").write(raw2)
    same_as_cli("edit after astral characters", odd_path, m["params"]["diagnostics"])
    # A position inside a surrogate pair rounds down to the character: nothing is split.
    at = raw2.find("\U00010348".encode())
    p2 = Positions(raw2).at(at)
    inside = {"line": p2["line"], "character": p2["character"] + 1}
    mark = c.mark()
    c.notify("textDocument/didChange", {"textDocument": {"uri": odd_uri, "version": 3},
                                        "contentChanges": [{"range": {"start": inside, "end": inside},
                                                            "text": "Z"}]})
    _, m = c.diagnostics(odd_uri, version=3, start=mark)
    raw3 = raw2[:at] + b"Z" + raw2[at:]
    open(odd_path, "wb").write(raw3)
    same_as_cli("insertion inside a surrogate pair", odd_path, m["params"]["diagnostics"])

    # --- the nearest wikivet.toml applies, and a broken one is said so ---------------------------
    sub = os.path.join(tmp, "proj", "sub")
    os.makedirs(sub)
    open(os.path.join(tmp, "proj", "wikivet.toml"), "w").write('ignore = ["dates"]\n')
    cfg_path = os.path.join(sub, "mali.wiki")
    shutil.copy(seed_path, cfg_path)
    cfg_uri = file_uri(cfg_path)
    mark = c.mark()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": cfg_uri, "languageId": "wikitext", "version": 1,
        "text": seed.decode("utf-8", "surrogateescape")}})
    _, m = c.diagnostics(cfg_uri, version=1, start=mark)
    codes = {d["code"] for d in m["params"]["diagnostics"]}
    same_as_cli("with a wikivet.toml above", cfg_path, m["params"]["diagnostics"])
    check("config ignores the date rules", not any(x.startswith("date-") for x in codes), codes)
    open(os.path.join(tmp, "proj", "wikivet.toml"), "w").write('ignore = ["dates"]\nselct = []\n')
    os.utime(os.path.join(tmp, "proj", "wikivet.toml"), (time.time() + 5, time.time() + 5))
    mark = c.mark()
    c.notify("textDocument/didSave", {"textDocument": {"uri": cfg_uri}})
    _, m = c.diagnostics(cfg_uri, start=mark)
    d = m["params"]["diagnostics"]
    check("a broken config is one error diagnostic",
          len(d) == 1 and d[0]["code"] == "config" and d[0]["severity"] == 1 and "selct" in d[0]["message"], d)
    check("it points at the config file", d and d[0]["relatedInformation"][0]["location"]["uri"]
          == file_uri(os.path.join(tmp, "proj", "wikivet.toml")) and
          d[0]["relatedInformation"][0]["location"]["range"]["start"] == {"line": 1, "character": 0}, d)

    # --- a 5 MB page: bounded time; closed while it is being checked ------------------------------
    big = bytearray()
    unit = seed + "\n\U0001F600 ".encode() * 3
    while len(big) < 5 * 1024 * 1024:
        big += unit
    # One very long line with astral characters and an unclosed link at its end.
    big += ("\U0001F600x" * 200000).encode() + b" [[Unclosed\n"
    big = bytes(big)
    big_path = os.path.join(tmp, "big.wiki")
    open(big_path, "wb").write(big)
    big_uri = file_uri(big_path)
    t0 = time.monotonic()
    mark = c.mark()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": big_uri, "languageId": "wikitext", "version": 1,
        "text": big.decode("utf-8", "surrogateescape")}})
    _, m = c.diagnostics(big_uri, version=1, start=mark, timeout=120)
    elapsed = time.monotonic() - t0
    print("5 MB page (%d bytes, %d diagnostics): %.2f s" % (len(big), len(m["params"]["diagnostics"]), elapsed))
    check("5 MB page within 60 s", elapsed < 60, elapsed)
    same_as_cli("5 MB page", big_path, m["params"]["diagnostics"])

    # Change it and close it at once: the check of the change must not be published after the close.
    big_uri2 = big_uri + "-closed"
    mark = c.mark()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": big_uri2, "languageId": "wikitext", "version": 1,
        "text": big.decode("utf-8", "surrogateescape")}})
    time.sleep(0.05)  # the server is checking it now
    c.notify("textDocument/didChange", {"textDocument": {"uri": big_uri2, "version": 2},
                                        "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                                                      "end": {"line": 0, "character": 0}},
                                                            "text": "[[x\n"}]})
    c.notify("textDocument/didClose", {"textDocument": {"uri": big_uri2}})
    r = c.call("textDocument/hover", {"textDocument": {"uri": seed_uri},
                                      "position": {"line": 0, "character": 0}}, timeout=120)
    check("the server answers after a close mid-check", "result" in r, r)
    pubs = [m["params"] for m in c.all_messages()[mark:]
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == big_uri2]
    check("closed mid-check: the last publication is empty", pubs and pubs[-1]["diagnostics"] == [], pubs[-1:] if pubs else pubs)
    check("closed mid-check: nothing of version 2 published", all(p.get("version") != 2 for p in pubs))
    r = c.call("textDocument/hover", {"textDocument": {"uri": big_uri2},
                                      "position": {"line": 0, "character": 0}})
    check("a closed document is not open", r.get("error", {}).get("code") == -32602, r)

    # --- malformed JSON-RPC: answered per the spec, and the server goes on -----------------------
    def raw_body(body):
        c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    mark = c.mark()
    raw_body(b"{not json")
    _, m = c.wait_for(lambda m: "error" in m, start=mark)
    check("invalid JSON: ParseError with id null", m["error"]["code"] == -32700 and m["id"] is None, m)
    for body, code, rid, name in [
            (b"[1,2]", -32600, None, "a batch"),
            (b"42", -32600, None, "not an object"),
            (b'{"jsonrpc":"2.0","id":907,"method":5}', -32600, 907, "method not a string"),
            (b'{"jsonrpc":"2.0","id":{"a":1},"method":"x"}', -32600, None, "id an object"),
            (b'{"jsonrpc":"2.0","id":908,"method":"textDocument/hover","params":3}', -32600, 908, "params a number"),
            (b'{"jsonrpc":"2.0","id":909,"method":"textDocument/definition","params":{}}', -32601, 909, "unknown method"),
            (b'{"jsonrpc":"2.0","id":"s","method":"textDocument/hover","params":{}}', -32602, "s", "hover without params"),
            (b'{"jsonrpc":"2.0","id":910,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///nowhere.wiki"},"range":{}}}', -32602, 910, "code action on a document not open"),
            (b"[" * 100000 + b"]" * 100000, -32700, None, "nesting 100000 deep"),
            (b'{"jsonrpc":"2.0","id":911,"method":"textDocument/hover","params":{"textDocument":{"uri":"' + seed_uri.encode() + b'"},"position":{"line":-1,"character":0}}}', -32602, 911, "negative position"),
    ]:
        mark = c.mark()
        raw_body(body)
        _, m = c.wait_for(lambda m: "error" in m or "result" in m, start=mark)
        check("%s: error %d" % (name, code), m.get("error", {}).get("code") == code and m.get("id") == rid, m)
    # Notifications are never answered, whatever they are; the next request is.
    mark = c.mark()
    c.notify("$/cancelRequest", {"id": 1})
    c.notify("workspace/didChangeConfiguration", {"settings": {}})
    c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.wiki", "version": 1},
                                        "contentChanges": [{"text": "x"}]})
    c.notify("textDocument/didChange", {"textDocument": {"uri": seed_uri, "version": 6},
                                        "contentChanges": [{"range": "bad", "text": "x"}]})
    raw_body(b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":7}')
    rid = c.request("textDocument/hover", {"textDocument": {"uri": seed_uri}, "position": {"line": 0, "character": 0}})
    _, m = c.wait_for(lambda m: "id" in m and "method" not in m, start=mark)
    check("notifications unanswered, even bad ones", m.get("id") == rid, m)
    # Broken framing: a header without Content-Length, a length that is not a number.
    for header, name in [(b"Content-Type: x\r\n\r\n", "no Content-Length"),
                         (b"Content-Length: abc\r\n\r\n", "Content-Length not a number")]:
        mark = c.mark()
        c.send_raw(header)
        _, m = c.wait_for(lambda m: "error" in m, start=mark)
        check("%s: ParseError" % name, m["error"]["code"] == -32700, m)
    r = c.call("textDocument/hover", {"textDocument": {"uri": seed_uri}, "position": {"line": 0, "character": 0}})
    check("framing errors do not stop the server", "result" in r, r)
    # A mangled change leaves the document as it was (version 5's text): same diagnostics as the seed.
    r = c.call("textDocument/codeAction", {"textDocument": {"uri": seed_uri},
                                           "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                                           "context": {"diagnostics": []}})
    check("a bad change entry leaves the text unchanged", "result" in r)

    # --- shutdown and exit ------------------------------------------------------------------------
    r = c.call("shutdown")
    check("shutdown answers null", "result" in r and r["result"] is None, r)
    r = c.call("textDocument/hover", {"textDocument": {"uri": seed_uri}, "position": {"line": 0, "character": 0}})
    check("requests after shutdown: InvalidRequest", r.get("error", {}).get("code") == -32600, r)
    c.notify("exit")
    check("exit after shutdown: code 0", c.wait_exit() == 0)
    c.close()

    # Exit without shutdown, and end of input: code 1, no crash.
    c = Client(BIN, cwd=tmp)
    c.call("initialize", {"capabilities": {}})
    c.notify("exit")
    check("exit without shutdown: code 1", c.wait_exit() == 1)
    c.close()
    c = Client(BIN, cwd=tmp)
    c.send_raw(b"Content-Length: 100\r\n\r\n{")  # cut short
    c.proc.stdin.close()
    check("end of input mid-message: code 1", c.wait_exit() == 1)
    c.close()
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print("%d failures" % len(failures))
    sys.exit(1)
print("lsp protocol: all checks passed")
