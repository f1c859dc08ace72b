#!/usr/bin/env python3
"""Runs every command the README and docs/*.md show (tests/cli/docs_commands.sh).

The convention, for whoever writes docs (README "Documentation"):

  ```sh        shell commands: each line (a trailing backslash continues it) is run by this
               test and must exit 0 or 1 (1: findings, which the examples are there to show)
  ```console   `$ COMMAND` lines are run the same way; the other lines are the output shown
  ```toml      a wikivet.toml (or part of one): `wikivet config --show --config` must accept
               it (an `extend = "../wikivet.toml"` finds an empty parent)
  ```yaml, ```json
               must parse (YAML: a pre-commit config or workflow to copy; JSON: an output
               sample, where `...` may stand for what is left out)
  ```text, ```lua, ```elisp, ```wikitext
               not commands (output, diagrams, files to copy): not run
  a fence with no language is an error: say which it is

  <!-- not-run: REASON -->  on a line just before a sh or console fence (other comments may
               stand between them): the block is not run, for the REASON, which must name what
               runs it instead or why nothing can (the test prints it)

Each Markdown file's commands run in order, in a fresh sandbox of their own: a git repository
holding the files the examples name (article.wiki, old.wiki and new.wiki, articles/mali.wiki
with an uncommitted edit, wikivet-baseline.json, small dumps, ...), with the wikivet under test first on PATH.
Addresses of real wikis (https://en.wikipedia.org, https://bn.wikipedia.org) are pointed at
tests/tools/fake_wiki.py on 127.0.0.1, which serves recorded pages for the examples; nothing
reaches the network.

Usage: docs_commands.py WIKIVET FILE.md...
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

WIKIVET = os.path.abspath(sys.argv[1])
ROOT = os.getcwd()
FIXTURES = os.path.join(ROOT, "fixtures")
SEED = os.path.join(FIXTURES, "seed", "foreign-relations-of-mali.wiki")
ZEMBLA = os.path.join(FIXTURES, "articles", "foreign-relations-of-zembla.wiki")
NOT_COMMANDS = {"text", "toml", "yaml", "json", "lua", "elisp", "wikitext"}
FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
fails = 0


def say(ok, what):
    global fails
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        fails += 1


def blocks(path):
    """(line, language, [lines], not_run_reason or None) of each fenced block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, lang, start = m.group(1), m.group(2), i
        body = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        reason = None
        j = start - 1
        while j >= 0 and lines[j].strip().startswith("<!--") and lines[j].strip().endswith("-->"):
            r = re.match(r"^\s*<!--\s*not-run:(.*)-->\s*$", lines[j])
            if r:
                reason = r.group(1).strip()
            j -= 1
        out.append((start + 1, lang, body, reason))
        i += 1
    return out


def commands(lang, body):
    """The commands of a sh or console block, continuation lines joined."""
    cmds, cur = [], ""
    for line in body:
        if lang == "console":
            if cur:
                pass
            elif line.startswith("$ "):
                line = line[2:]
            else:
                continue  # output
        if not cur and (not line.strip() or line.lstrip().startswith("#")):
            continue
        cur = cur + "\n" + line if cur else line
        if cur.endswith("\\"):
            continue
        cmds.append(cur)
        cur = ""
    if cur:
        cmds.append(cur)
    return cmds


def run(args, cwd, **kw):
    return subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, **kw)


def sandbox(base):
    """A git repository with the files the examples name; articles/mali.wiki has an uncommitted
    edit (the France row deleted), so `--baseline-git HEAD` has something to report."""
    d = tempfile.mkdtemp(dir=base)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    for name in ("article.wiki", "page.wiki", "old.wiki", "OLD.wiki"):
        shutil.copy(SEED, os.path.join(d, name))
    shutil.copy(ZEMBLA, os.path.join(d, "list.wiki"))
    os.makedirs(os.path.join(d, "articles"))
    os.makedirs(os.path.join(d, "lists"))
    shutil.copy(SEED, os.path.join(d, "articles", "mali.wiki"))
    shutil.copy(ZEMBLA, os.path.join(d, "lists", "europe.wiki"))
    edit = os.path.join(ROOT, "tests", "cli", "seed_edit.py")
    deleted = os.path.join(d, "new.wiki")
    run([sys.executable, edit, "delete-bilateral-row", "France", SEED, deleted], d)
    shutil.copy(deleted, os.path.join(d, "NEW.wiki"))
    # Dumps: the fixtures as pages (audit_make_dump.py), under the names the examples use.
    run([sys.executable, os.path.join(ROOT, "tests", "cli", "audit_make_dump.py"),
         os.path.join(base, "dump"), FIXTURES], d)
    import bz2
    data = open(os.path.join(base, "dump.xml"), "rb").read()
    for name in ("dump.xml.bz2", "bnwiki-latest-pages-articles.xml.bz2"):
        with bz2.open(os.path.join(d, name), "wb") as f:
            f.write(data.replace(b"<dbname>testwiki</dbname>", b"<dbname>bnwiki</dbname>")
                    if name.startswith("bnwiki") else data)
    # The recorded baseline the examples name, as `--write-baseline` writes it.
    run([WIKIVET, "check", "--write-baseline", "wikivet-baseline.json", "articles/mali.wiki"], d,
        stderr=subprocess.DEVNULL)
    run(["git", "init", "-q", "."], d, env=env)
    run(["git", "add", "-A"], d, env=env)
    run(["git", "commit", "-qm", "examples"], d, env=env)
    shutil.copy(deleted, os.path.join(d, "articles", "mali.wiki"))
    return d, env


def start_wiki(base):
    port_file = os.path.join(base, "port")
    proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "tools", "fake_wiki.py"),
                             FIXTURES, port_file, os.path.join(base, "wiki.log")])
    for _ in range(200):
        if os.path.exists(port_file) and open(port_file).read().strip():
            return proc, "http://127.0.0.1:" + open(port_file).read().strip()
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("FAIL the local test wiki did not start")


def toml_accepted(base, where, body):
    """A config example must be one wikivet reads: exit 0 from `config --show --config`."""
    d = tempfile.mkdtemp(dir=base)
    os.makedirs(os.path.join(d, "team"))
    open(os.path.join(d, "wikivet.toml"), "w").close()  # the parent an `extend` names
    path = os.path.join(d, "team", "wikivet.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    p = subprocess.run([WIKIVET, "config", "--show", "--config", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    say(p.returncode == 0, f"{where}: wikivet reads this config (exit {p.returncode})")
    if p.returncode != 0:
        print("     " + p.stdout.decode("utf-8", "replace")[-800:])


def parses(where, lang, body):
    text = "\n".join(body)
    try:
        if lang == "yaml":
            import yaml
            yaml.safe_load(text)
        else:
            # "...": the sample leaves something out; it stands for a value or a member.
            json.loads(re.sub(r",\s*\.\.\.", "", text).replace("...", "null"))
        say(True, f"{where}: the {lang} parses")
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        say(False, f"{where}: the {lang} does not parse: {e}")


def main():
    base = tempfile.mkdtemp()
    wiki, address = start_wiki(base)
    wikis = {"https://en.wikipedia.org": address + "/ok", "https://bn.wikipedia.org": address + "/bnwiki"}
    ran = skipped = 0
    try:
        for md in sys.argv[2:]:
            d = None
            for line, lang, body, reason in blocks(md):
                where = f"{md}:{line}"
                if lang == "":
                    say(False, f"{where}: a fence without a language: sh or console (run by this "
                               f"test), or text, toml, ... (not commands)")
                    continue
                if lang == "toml":
                    toml_accepted(base, where, body)
                    continue
                if lang in ("yaml", "json"):
                    parses(where, lang, body)
                    continue
                if lang not in ("sh", "console"):
                    if lang not in NOT_COMMANDS:
                        say(False, f"{where}: unknown fence language '{lang}'")
                    continue
                cmds = commands(lang, body)
                if not cmds:
                    say(False, f"{where}: a {lang} block without a command")
                    continue
                if reason is not None:
                    say(len(reason) > 10, f"{where}: not run: {reason or '(no reason given)'}")
                    skipped += 1
                    continue
                if d is None:
                    d, env = sandbox(base)
                    env["PATH"] = os.path.dirname(WIKIVET) + os.pathsep + env["PATH"]
                    env["HOME"] = base
                    found = subprocess.run(["bash", "-c", "command -v wikivet"], env=env,
                                           stdout=subprocess.PIPE, text=True).stdout.strip()
                    say(os.path.realpath(found) == os.path.realpath(WIKIVET),
                        f"{md}: `wikivet` is the binary under test ({found})")
                for cmd in cmds:
                    shown = cmd
                    for real, local in wikis.items():
                        cmd = cmd.replace(real, local)
                    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=d, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       timeout=120)
                    ok = p.returncode in (0, 1)
                    note = " (against the local test wiki)" if cmd != shown else ""
                    say(ok, f"{where}: exit {p.returncode}{note}: {shown.splitlines()[0]}")
                    if not ok:
                        print("     " + p.stdout.decode("utf-8", "replace")[-1500:]
                              .replace("\n", "\n     "))
                    ran += 1
    finally:
        wiki.kill()
        wiki.wait()
        shutil.rmtree(base, ignore_errors=True)
    say(ran > 20, f"{ran} commands run, {skipped} blocks not run (with their reasons)")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
