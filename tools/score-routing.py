#!/usr/bin/env python3
"""Scores a labelled routing round against `chat match`.

Usage: tools/score-routing.py CHAT ROUND.tsv [--misses]

Each row is `label<TAB>message`. A label is a flow id (a '|' between ids accepts any of them),
or a kind: feeling, smalltalk, meta, offtopic. `chat match` prints the flow first (started or
offered), then the tier; older builds print only the flow and a score (every flow started).

A line counts as acceptable when:
  flow id X   X is started or offered, or X is among the exercises a feeling reply offers;
              ids of flows this build lacks (habits, safety-plan, mood) count when anything is offered
  feeling     a feeling reply, another reply with an offer, or an offered flow; never a started exercise
  smalltalk   a small-talk or meta reply, or a command (bye, help)
  meta        a meta or small-talk reply, or a command (help)
  offtopic    nothing started: "not understood", small talk, meta or a topic reply
Small-talk, meta and off-topic lines that start an exercise are counted on their own.
"""
import subprocess, sys

def main():
    chat, path = sys.argv[1], sys.argv[2]
    show = "--misses" in sys.argv
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#") or "\t" not in line:
            continue
        label, message = line.split("\t", 1)
        rows.append((label, message.replace("\n", " ")))
    out = subprocess.run([chat, "match"], input="\n".join(m for _, m in rows) + "\n", capture_output=True, text=True).stdout
    results = out.rstrip("\n").split("\n")
    assert len(results) == len(rows), (len(results), len(rows))
    import glob, os
    here = os.path.dirname(os.path.abspath(__file__))
    flows = {l.split(":", 1)[1].strip() for f in glob.glob(os.path.join(here, "../Scripts/flows/*.yaml"))
             for l in open(f, encoding="utf-8") if l.startswith("id:")}
    good, starts, by_label, misses = 0, 0, {}, []
    for (label, message), result in zip(rows, results):
        cols = result.split("\t")
        flow = cols[0]
        tier = cols[1] if len(cols) > 3 else ("trigger" if flow != "none" else "none")
        offered = cols[4].split(",") if len(cols) > 4 and cols[4] else []
        started = tier in ("trigger", "mention")
        kind = tier.split(":")[0]
        ok = False
        if label in ("feeling",):
            ok = not started and (kind in ("feeling", "keywords", "topic") or bool(offered))
        elif label in ("smalltalk", "meta"):
            ok = kind in ("smalltalk", "meta", "command")
        elif label == "offtopic":
            ok = not started and kind in ("none", "smalltalk", "meta", "topic")
        else:
            ids = label.split("|")
            ok = flow in ids or any(i in offered for i in ids)
            if not ok and flows is not None and not any(i in flows for i in ids):
                ok = not started and (kind == "keywords" or bool(offered))
        if label in ("smalltalk", "meta", "offtopic") and started:
            starts += 1
        good += ok
        total, right = by_label.get(label, (0, 0))
        by_label[label] = (total + 1, right + ok)
        if not ok:
            misses.append(f"{label}\t{result}\t{message}")
    print(f"{good}/{len(rows)} acceptable ({100 * good / len(rows):.1f}%); small talk, meta or off-topic lines starting an exercise: {starts}")
    for label in sorted(by_label):
        total, right = by_label[label]
        print(f"  {label:16} {right}/{total}")
    if show:
        print("\n".join(misses))

main()
