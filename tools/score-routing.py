#!/usr/bin/env python3
"""Score routing on labelled rounds: `label<TAB>message` files.

    tools/score-routing.py [--chat PATH] [--misses] FILE...

A label is a flow id (the line should start or offer that flow) or one of the conversation kinds:
feeling, smalltalk, meta, offtopic. Runs `chat match` once over every message and reads its first
column (the flow id, a conversation kind, or none).

A line counts as routed well when:
- a flow label: the first column is that flow id, started or offered;
- feeling, smalltalk, meta: the first column is that kind (the conversation layer answers it);
- offtopic: the first column is offtopic or none (a kind "I can't help with that" is right).

It also counts the lines of the conversation kinds that would start an exercise uninvited: the
goal is none.
"""
import argparse, subprocess, sys

KINDS = {"feeling", "smalltalk", "meta", "offtopic"}


def first_columns(chat, messages):
    out = subprocess.run([chat, "match"], input="\n".join(messages) + "\n",
                         capture_output=True, text=True, check=True).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    if len(rows) != len(messages):
        sys.exit(f"expected {len(messages)} answers, got {len(rows)}")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chat", default=".build/debug/chat")
    parser.add_argument("--misses", action="store_true", help="print the lines that went wrong")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for path in args.files:
        rows = []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            rows.append(tuple(line.split("\t", 1)))
        got = first_columns(args.chat, [m for _, m in rows])
        good, uninvited, misses = 0, 0, []
        per = {}
        for (want, message), columns in zip(rows, got):
            flow = columns[0]
            offered = "offered" in columns[1:3]
            if want in KINDS:
                ok = flow == want or (want == "offtopic" and flow == "none")
                if flow not in KINDS and flow != "none" and not offered:
                    uninvited += 1
            else:
                ok = flow == want
            good += ok
            per.setdefault(want, [0, 0])
            per[want][0] += ok
            per[want][1] += 1
            if not ok:
                misses.append(f"  {want} -> {' '.join(columns[:3])}: {message}")
        print(f"{path}: {good}/{len(rows)} routed well ({100 * good / len(rows):.0f}%), "
              f"{uninvited} conversation lines would start an exercise")
        print("  " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(per.items())))
        if args.misses:
            print("\n".join(misses))


if __name__ == "__main__":
    main()
