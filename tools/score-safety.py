#!/usr/bin/env python3
"""Score the safety screen on labelled rounds: `tier<TAB>message` files.

    tools/score-safety.py [--chat PATH] [--misses] FILE...

Runs `chat match --explain` once over every message, reads the tier the screen gave, and prints,
per file: risky messages (crisis or emergency) that reached crisis or higher, emergencies that
reached emergency, concerns that reached concern, and calm messages raised to crisis.
"""
import argparse, subprocess, sys

ORDER = ["none", "concern", "crisis", "emergency"]


def tiers(chat, messages):
    out = subprocess.run([chat, "match", "--explain"], input="\n".join(messages) + "\n",
                         capture_output=True, text=True, check=True).stdout
    found = [line.split()[1] for line in out.splitlines() if line.startswith("safety: ")]
    if len(found) != len(messages):
        sys.exit(f"expected {len(messages)} verdicts, got {len(found)}")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chat", default=".build/debug/chat")
    parser.add_argument("--misses", action="store_true", help="print the lines that missed")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    total = [0] * 8
    for path in args.files:
        rows = []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            tier, message = line.split("\t", 1)
            if tier in ORDER:
                rows.append((tier, message))
        got = tiers(args.chat, [m for _, m in rows])
        count = {t: [0, 0] for t in ORDER}
        misses = []
        for (want, message), tier in zip(rows, got):
            w, g = ORDER.index(want), ORDER.index(tier)
            count[want][1] += 1
            if want == "none":
                if g >= 2:
                    count[want][0] += 1
                    misses.append(f"  RAISED {tier}: {message}")
            elif want == "concern":
                if g >= 1:
                    count[want][0] += 1
                else:
                    misses.append(f"  MISSED concern -> {tier}: {message}")
            else:
                if g >= w:
                    count[want][0] += 1
                if g < 2 or g < w:
                    misses.append(f"  MISSED {want} -> {tier}: {message}")
        risky = [sum(1 for (w, _), g in zip(rows, got) if w in ("crisis", "emergency") and ORDER.index(g) >= 2),
                 count["crisis"][1] + count["emergency"][1]]
        pct = lambda a, b: f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"
        print(f"{path}: risky at crisis+ {pct(*risky)}; emergency at emergency {pct(*count['emergency'])}; "
              f"crisis at crisis+ {pct(*count['crisis'])}; concern at concern+ {pct(*count['concern'])}; "
              f"calm raised to crisis {pct(*count['none'])}")
        if args.misses:
            print("\n".join(misses))
        for n, value in enumerate(risky + count["emergency"] + count["concern"] + count["none"]):
            total[n] += value
    if len(args.files) > 1:
        print(f"all: risky at crisis+ {pct(*total[0:2])}; emergency at emergency {pct(*total[2:4])}; "
              f"concern at concern+ {pct(*total[4:6])}; calm raised to crisis {pct(*total[6:8])}")


if __name__ == "__main__":
    main()
