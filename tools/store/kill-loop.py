#!/usr/bin/env python3
"""Kills a writing `chat` at a random moment, again and again, and checks that nothing it confirmed is lost.

    tools/store/kill-loop.py [--chat PATH] [--iterations 200] [--seed 1]

Each iteration pipes journal entries into `chat --data-dir DIR` (the same DIR throughout), reads
its replies while it runs, and sends SIGKILL after a random delay. Then, with SQLite's own
command-line tool, `PRAGMA integrity_check` must say ok and every entry whose "Saved to your
journal." had been printed must be in the database. Run on demand, not in CI.
"""
import argparse, os, random, signal, sqlite3, subprocess, sys, tempfile, threading, time

SAVED = "Saved to your journal."


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chat", default=os.path.join(root, ".build/debug/chat"))
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--entries", type=int, default=150, help="entries piped in per iteration")
    parser.add_argument("--min-delay", type=float, default=0.2, help="shortest wait before the kill, in seconds")
    parser.add_argument("--max-delay", type=float, default=1.2, help="longest wait before the kill, in seconds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="between-kill-")
    env = dict(os.environ, NO_COLOR="1", XDG_CACHE_HOME=folder + "/cache", XDG_CONFIG_HOME=folder + "/config")
    confirmed_total, killed_writing, failures = 0, 0, []
    for iteration in range(args.iterations):
        lines = []
        for i in range(args.entries):
            lines += ["journal", f"entry {iteration}-{i} " + "x" * rng.randrange(0, 3000), "no"]
        process = subprocess.Popen([args.chat, "--data-dir", folder + "/data", "--no-cache"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        confirmed = 0
        lock = threading.Lock()

        def read():
            nonlocal confirmed
            for raw in process.stdout:
                if raw.decode(errors="replace").rstrip("\n") == SAVED:
                    with lock:
                        confirmed += 1

        def feed():
            try:
                process.stdin.write(("\n".join(lines) + "\n").encode())
                process.stdin.close()
            except (BrokenPipeError, ValueError):
                pass

        reader, feeder = threading.Thread(target=read), threading.Thread(target=feed)
        reader.start(); feeder.start()
        time.sleep(rng.uniform(args.min_delay, args.max_delay))
        with lock:
            process.send_signal(signal.SIGKILL)
            counted = confirmed  # only what was printed before the kill counts as confirmed
        process.wait()
        reader.join(); feeder.join()
        if 0 < counted < args.entries:
            killed_writing += 1
        confirmed_total += counted
        database = folder + "/data/between.sqlite"
        if not os.path.exists(database):
            if counted:
                failures.append(f"iteration {iteration}: {counted} confirmed but no database")
            continue
        check = subprocess.run(["sqlite3", database, "PRAGMA integrity_check"], capture_output=True, text=True)
        if check.stdout.strip() != "ok":
            failures.append(f"iteration {iteration}: integrity_check said {check.stdout.strip() or check.stderr.strip()}")
        with sqlite3.connect(database, timeout=30) as db:
            present = {row[0].split(" ")[1] for row in db.execute("SELECT text FROM journal_entry WHERE text LIKE ?",
                                                                   (f"entry {iteration}-%",))}
        missing = [i for i in range(counted) if f"{iteration}-{i}" not in present]
        if missing:
            failures.append(f"iteration {iteration}: confirmed entries missing: {missing}")
        print(f"iteration {iteration + 1}/{args.iterations}: killed after {counted} confirmed, {len(present)} stored,"
              f" integrity {check.stdout.strip()}", flush=True)
    print(f"\n{args.iterations} iterations, {killed_writing} killed in the middle of writing, {confirmed_total} entries confirmed,"
          f" {len(failures)} failures")
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
