#!/usr/bin/python3
"""Edits of a "Foreign relations of X" article that the baseline tests replay, found by text
search (never by line number), so that they keep working when the fixture changes.

usage: seed_edit.py EDIT IN OUT
  delete-bilateral-row COUNTRY   delete COUNTRY's row of the second table (|- to the next |-)
  insert-row-above               insert a new, cited row at the top of the second table
  swap-sections A B              swap the level-2 sections titled A and B
  cite-in-row COUNTRY            add a citation at the end of COUNTRY's row in the second table
"""
import re
import sys


def tables(lines):
    """(start, end) line indexes of top-level tables."""
    out, depth, start = [], 0, None
    for i, l in enumerate(lines):
        s = l.lstrip(" :")
        if s.startswith("{|"):
            if depth == 0:
                start = i
            depth += 1
        elif s.startswith("|}") and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((start, i))
    return out


def row_of(lines, table, country):
    """(first, end) of the row naming {{flag|COUNTRY}} in `table`: from its |- to the next."""
    b, e = table
    pat = re.compile(r"^\|\s*\{\{[Ff]lag\|" + re.escape(country) + r"\}\}")
    hits = [i for i in range(b, e) if pat.match(lines[i])]
    if len(hits) != 1:
        sys.exit(f"expected one {country} row in the table, found {len(hits)}")
    first = hits[0]
    while not lines[first].startswith("|-"):
        first -= 1
    end = hits[0] + 1
    while not (lines[end].startswith("|-") or lines[end].startswith("|}")):
        end += 1
    return first, end


def main(argv):
    edit, args, src, dst = argv[1], argv[2:-2], argv[-2], argv[-1]
    text = open(src, encoding="utf-8").read()
    lines = text.split("\n")
    second = tables(lines)[1]
    if edit == "delete-bilateral-row":
        b, e = row_of(lines, second, args[0])
        del lines[b:e]
    elif edit == "insert-row-above":
        header = next(i for i in range(second[0], second[1]) if lines[i].startswith("!"))
        first_row = next(i for i in range(header, second[1]) if lines[i].startswith("|-"))
        lines[first_row:first_row] = [
            "|-",
            "|{{flag|Atlantis}}||1 January 2000||Relations began on 1 January 2000.<ref>{{Cite web |title=Atlantis}}</ref>",
        ]
    elif edit == "cite-in-row":
        b, e = row_of(lines, second, args[0])
        lines[e - 1] += "<ref>{{Cite web |title=A new source}}</ref>"
    elif edit == "swap-sections":
        heads = [i for i, l in enumerate(lines) if re.match(r"^==[^=].*==\s*$", l)]
        bounds = {}
        for k, h in enumerate(heads):
            title = lines[h].strip("= \t")
            bounds[title] = (h, heads[k + 1] if k + 1 < len(heads) else len(lines))
        (a0, a1), (b0, b1) = sorted([bounds[args[0]], bounds[args[1]]])
        if a1 != b0:
            sys.exit("swap-sections: the sections must be adjacent")
        lines[a0:b1] = lines[b0:b1] + lines[a0:a1]
    else:
        sys.exit(__doc__)
    open(dst, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv)
