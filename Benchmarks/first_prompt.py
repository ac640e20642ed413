#!/usr/bin/env python3
"""Time from starting a program in a pseudo-terminal until it shows its prompt.

Usage: first_prompt.py RUNS PROMPT COMMAND [ARG...]
Prints the median, min and max in milliseconds. The program is killed once the prompt shows.
"""
import os, pty, select, signal, statistics, sys, time

runs, prompt, command = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            sys.exit("no prompt within 10 s")
        try:
            seen += os.read(fd, 4096)
        except OSError:
            break
    times.append((time.perf_counter() - start) * 1000)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
print(f"median_ms={statistics.median(times):.1f} min_ms={min(times):.1f} max_ms={max(times):.1f} runs={runs}")
