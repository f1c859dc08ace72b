"""A small scripted Language Server Protocol client for wikivet's tests.

It starts `wikivet lsp`, frames JSON-RPC messages (Content-Length), reads every message the
server sends on a thread of its own, and waits for answers with a deadline, so a hung server
fails the test instead of hanging it. It also computes LSP positions (UTF-16 units) on its own,
from bytes, to compare with what the server says.
"""
import json
import os
import subprocess
import threading
import time


class ServerGone(Exception):
    pass


class Client:
    def __init__(self, binary, cwd=None, args=("lsp",)):
        # LSP_TEST_WRAPPER (e.g. "valgrind -q") runs the server under a tool, for debugging.
        wrapper = os.environ.get("LSP_TEST_WRAPPER", "").split()
        self.proc = subprocess.Popen([*wrapper, binary, *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.messages = []  # (arrival time, raw body bytes, parsed)
        self.cond = threading.Condition()
        self.eof = False
        self.next_id = 1
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # --- wire --------------------------------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = out.readline()
                    if not line:
                        raise EOFError
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    k, _, v = line.partition(b":")
                    headers[k.strip().lower()] = v.strip()
                n = int(headers[b"content-length"])
                body = out.read(n)
                if len(body) < n:
                    raise EOFError
                # Strict: whatever the server sends must be valid UTF-8 JSON.
                parsed = json.loads(body.decode("utf-8"))
                with self.cond:
                    self.messages.append((time.monotonic(), body, parsed))
                    self.cond.notify_all()
        except EOFError:
            pass
        except Exception as e:  # a framing or encoding error is a failure of the server
            with self.cond:
                self.messages.append((time.monotonic(), b"", {"client-error": repr(e)}))
        with self.cond:
            self.eof = True
            self.cond.notify_all()

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def send_raw(self, data):
        # LSP_TEST_RECORD=FILE keeps what was sent, to replay it under a debugger.
        if os.environ.get("LSP_TEST_RECORD"):
            with open(os.environ["LSP_TEST_RECORD"], "ab") as f:
                f.write(data)
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise ServerGone("the server closed its input")

    def send(self, obj):
        # Text decoded with surrogateescape goes back out as the original bytes: a document that
        # is not valid UTF-8 travels as a client like Neovim sends it, byte for byte.
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogateescape")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    # --- waiting -----------------------------------------------------------------------------
    def wait_for(self, pred, timeout=30, start=0):
        """The first message at index >= start for which pred holds, or an AssertionError."""
        deadline = time.monotonic() + timeout
        with self.cond:
            i = start
            while True:
                while i < len(self.messages):
                    m = self.messages[i][2]
                    if "client-error" in m:
                        raise AssertionError("bad message from the server: " + m["client-error"])
                    if pred(m):
                        return i, m
                    i += 1
                left = deadline - time.monotonic()
                if self.eof or left <= 0:
                    raise AssertionError("timed out or server gone waiting for a message; got %d"
                                         " messages; stderr: %r" % (len(self.messages), self.stderr))
                self.cond.wait(left)

    def response(self, rid, timeout=30):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)[1]

    def call(self, method, params=None, timeout=30):
        return self.response(self.request(method, params), timeout)

    def diagnostics(self, uri, version=None, start=0, timeout=30):
        def pred(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.wait_for(pred, timeout, start)

    def mark(self):
        with self.cond:
            return len(self.messages)

    def all_messages(self):
        with self.cond:
            return [m for _, _, m in self.messages]

    def wait_exit(self, timeout=10):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("the server did not exit")

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --- positions, computed here independently of the server ---------------------------------------
def split_lines_lsp(data):
    """Byte offsets where each line starts; lines end at \\n, \\r\\n or a lone \\r."""
    starts = [0]
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c == 0x0A or c == 0x0D:
            i += 2 if (c == 0x0D and i + 1 < n and data[i + 1] == 0x0A) else 1
            starts.append(i)
        else:
            i += 1
    return starts


def utf16_len(data):
    """UTF-16 units of `data` as an editor shows it: every undecodable byte is one U+FFFD."""
    s = data.decode("utf-8", "surrogateescape")
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in s)


class Positions:
    def __init__(self, data):
        self.data = data
        self.starts = split_lines_lsp(data)

    def at(self, offset):
        import bisect
        line = bisect.bisect_right(self.starts, offset) - 1
        return {"line": line, "character": utf16_len(self.data[self.starts[line]:offset])}

    def range(self, begin, end):
        return {"start": self.at(begin), "end": self.at(end)}


def apply_lsp_edits(data, edits):
    """Applies LSP TextEdits (UTF-16 positions) to bytes, converting positions here."""
    def offset(pos):
        starts = split_lines_lsp(data)
        if pos["line"] >= len(starts):
            return len(data)
        i = starts[pos["line"]]
        units = 0
        s = data[i:].decode("utf-8", "surrogateescape")
        for ch in s:
            if ch in "\r\n" or units >= pos["character"]:
                break
            units += 2 if ord(ch) > 0xFFFF else 1
            i += len(ch.encode("utf-8", "surrogateescape"))
        return i
    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"])
                    for e in edits), key=lambda t: t[0], reverse=True)
    for b, e, text in spans:
        data = data[:b] + text.encode("utf-8") + data[e:]
    return data


def file_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))
