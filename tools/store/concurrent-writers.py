#!/usr/bin/env python3
"""Runs two `chat` writers at once into the same data folder, round after round, and checks that none lose an entry.

    tools/store/concurrent-writers.py [--chat PATH] [--rounds 50] [--entries 40]

Each round starts from a new folder, so the two also race to create the database and run its
migrations. Both must confirm every entry, exit 0, and every entry must be in the database once.
Run on demand, not in CI.
"""
import argparse, os, sqlite3, subprocess, sys, tempfile

SAVED = "Saved to your journal."


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chat", default=os.path.join(root, ".build/debug/chat"))
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=40, help="entries per writer per round")
    args = parser.parse_args()
    base = tempfile.mkdtemp(prefix="between-writers-")
    env = dict(os.environ, NO_COLOR="1", XDG_CACHE_HOME=base + "/cache", XDG_CONFIG_HOME=base + "/config")
    failures, lost_rounds = [], 0
    for round_ in range(args.rounds):
        folder = f"{base}/round-{round_}"
        writers = []
        for writer in ("a", "b"):
            lines = []
            for i in range(args.entries):
                lines += ["journal", f"entry {writer}-{i}", "no"]
            process = subprocess.Popen([args.chat, "--data-dir", folder, "--no-cache"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            writers.append((writer, process, ("\n".join(lines) + "\n").encode()))
        results = [(writer, process.communicate(data)) + (process.returncode,) for writer, process, data in writers]
        problems = []
        for writer, (out, err), status in results:
            saved = out.decode().splitlines().count(SAVED)
            if saved != args.entries or status != 0:
                problems.append(f"writer {writer} confirmed {saved}/{args.entries}, exit {status}: {err.decode().strip()[:200]}")
        with sqlite3.connect(folder + "/between.sqlite", timeout=30) as db:
            texts = [row[0] for row in db.execute("SELECT text FROM journal_entry")]
        expected = {f"entry {w}-{i}" for w in "ab" for i in range(args.entries)}
        if sorted(texts) != sorted(expected):
            problems.append(f"{len(expected - set(texts))} entries lost, {len(texts) - len(set(texts))} doubled")
        if problems:
            lost_rounds += 1
            failures += [f"round {round_}: {p}" for p in problems]
        print(f"round {round_ + 1}/{args.rounds}: {len(texts)} of {len(expected)} entries stored"
              + ("" if not problems else "  FAIL"), flush=True)
    print(f"\n{args.rounds} rounds of 2 writers x {args.entries} entries: {lost_rounds} rounds lost or failed something")
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
