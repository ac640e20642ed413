#!/usr/bin/env bash
# Benchmarks, run on demand (not in CI). Every comparison runs side by side in one go.
#
#   Benchmarks/run.sh peers     routing speed against AIML-python and RiveScript-python
#   Benchmarks/run.sh startup   start-up against a Swift hello-world that imports Foundation
#   Benchmarks/run.sh turns     time per turn (p50, p99) over a long piped conversation
#   Benchmarks/run.sh screen    what the safety screen's second design (frames and the learned net)
#                               costs: start-up and turns against the commit before it, in turn
#   Benchmarks/run.sh           peers, startup and turns
#
# Needs python3 (a virtual environment with rivescript and aiml is made in $WORK), and the
# generator in ../shared/bench (set BENCH_KIT to point elsewhere). RUNS (default 3) sets how many
# times each engine runs per size; the median is reported.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
kit=${BENCH_KIT:-$root/../shared/bench}
work=${WORK:-/tmp/between-bench}
lines=${LINES_PER_RUN:-2000}
mkdir -p "$work"

echo "== build (release, as ./dev builds it)"
release=(-c release)
[ "$(uname -s)" = Linux ] && release+=(--static-swift-stdlib)
swift build "${release[@]}" --product chat >&2
chat="$(swift build "${release[@]}" --show-bin-path)/chat"

peers() {
    [ -f "$kit/gen.py" ] || { echo "no generator at $kit/gen.py; set BENCH_KIT" >&2; exit 1; }
    if [ ! -x "$work/venv/bin/python" ]; then
        python3 -m venv "$work/venv"
        "$work/venv/bin/pip" install -q rivescript aiml
    fi
    runs=${RUNS:-3}
    median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
    echo "lines per second: the median of $runs runs of each engine, taken in turn (RiveScript once)"
    printf '%-8s %-14s %12s %10s %9s\n' intents engine lines/s "agree %" "x AIML"
    for k in 50 1000 10000; do
        dir="$work/b$k"
        [ -d "$dir/flows" ] || python3 "$kit/gen.py" "$k" "$lines" "$dir" > /dev/null
        : > "$dir/aiml.runs"; : > "$dir/chat.runs"
        for _ in $(seq 1 "$runs"); do
            "$work/venv/bin/python" "$kit/peers.py" aiml "$dir/rules.aiml" "$dir/inputs.txt" "$dir/aiml.out" | sed 's/.*lines_per_s=//' >> "$dir/aiml.runs"
            "$chat" match --stats --flows "$dir/flows" < "$dir/inputs.txt" 2>&1 > "$dir/chat.out" | sed 's/.*lines_per_s=\([0-9]*\).*/\1/' >> "$dir/chat.runs"
        done
        aiml=$(median < "$dir/aiml.runs")
        ours=$(median < "$dir/chat.runs")
        agree_aiml=$(paste "$dir/aiml.out" "$dir/expected.tsv" | awk '$1==$2{a++} END{printf "%.1f", 100*a/NR}')
        printf '%-8s %-14s %12s %10s %9s   (runs: %s)\n' "$k" aiml-python "$aiml" "$agree_aiml" 1.0 "$(tr '\n' ' ' < "$dir/aiml.runs")"
        if [ "$k" -le 1000 ]; then
            rive=$("$work/venv/bin/python" "$kit/peers.py" rivescript "$dir/rules.rive" "$dir/inputs.txt" | sed 's/.*lines_per_s=//')
            printf '%-8s %-14s %12s %10s %9s\n' "$k" rivescript-py "$rive" - "$(awk -v a="$rive" -v b="$aiml" 'BEGIN{printf "%.2f", a/b}')"
        fi
        load=$("$chat" match --stats --flows "$dir/flows" < /dev/null 2>&1 > /dev/null | sed 's/.*load_s=\([0-9.]*\).*/\1/')
        memory=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$chat" match --flows "$dir/flows")
        agree=$(paste <(cut -f1 "$dir/chat.out") "$dir/expected.tsv" | awk '$1==$2{a++} END{printf "%.1f", 100*a/NR}')
        printf '%-8s %-14s %12s %10s %9s   (runs: %s; load %ss; peak memory %s MiB)\n' "$k" "chat match" "$ours" "$agree" \
            "$(awk -v a="$ours" -v b="$aiml" 'BEGIN{printf "%.2f", a/b}')" "$(tr '\n' ' ' < "$dir/chat.runs")" "$load" "$memory"
    done
}

# Builds a one-file Swift package in $1 (release) from a Package.swift ($2) and a main.swift ($3),
# with any further build flags after them.
build_hello() {
    local folder=$1 manifest=$2 main=$3
    shift 3
    if [ ! -x "$folder/.build/release/hello" ]; then
        mkdir -p "$folder/Sources/hello"
        printf '%s\n' "$manifest" > "$folder/Package.swift"
        printf '%s\n' "$main" > "$folder/Sources/hello/main.swift"
        (cd "$folder" && swift build -c release "$@" > /dev/null)
    fi
}

startup() {
    hello="$work/hello"
    manifest='// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "hello", targets: [.executableTarget(name: "hello")])'
    build_hello "$hello" "$manifest" 'import Foundation
print("Hello, world")'
    # For scale: the same hello-world linked as ./dev links chat, and one parsing an option with
    # swift-argument-parser as chat does (the part of start-up any tool built on it pays).
    static="$work/hello-static"
    build_hello "$static" "$manifest" 'import Foundation
print("Hello, world")' "${release[@]:2}"
    parser="$work/hello-parser"
    build_hello "$parser" \
        '// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "hello", dependencies: [.package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")],
    targets: [.executableTarget(name: "hello", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")])])' \
        'import ArgumentParser
import Foundation
struct Hello: ParsableCommand {
    @Option var region: String?
    func run() { print("Hello, world") }
}
Hello.main()'
    printf 'hello\n' > "$work/one.txt"
    # A cache of the benchmark's own, not yours; the first run fills it.
    export XDG_CACHE_HOME="$work/cache"
    "$chat" --region US < "$work/one.txt" > /dev/null
    echo "first reply through a pipe (all shipped flows), the commands taken in turn, median of 40 each:"
    python3 - "$chat" "$hello/.build/release/hello" "$work/one.txt" "$parser/.build/release/hello" "$static/.build/release/hello" "$work" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
chat, hello, one, parser, static, work = sys.argv[1:7]
def cold_cache():
    return dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp(dir=work))
commands = {
    "hello": lambda: ([hello], None),
    "chat": lambda: ([chat, "--region", "US"], None),
    "chat, nothing cached yet": lambda: ([chat, "--region", "US"], cold_cache()),
    "parser": lambda: ([parser, "--region", "US"], None),
    "static": lambda: ([static], None),
    "version": lambda: ([chat, "--version"], None),
}
times = {name: [] for name in commands}
for _ in range(40):
    for name, make in commands.items():
        command, env = make()
        with open(one) as f:
            start = time.perf_counter()
            subprocess.run(command, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            times[name].append((time.perf_counter() - start) * 1000)
m = {name: statistics.median(values) for name, values in times.items()}
h = m["hello"]
print(f"  hello-world median_ms={h:.1f}  chat median_ms={m['chat']:.1f}  ratio={m['chat'] / h:.2f}")
print(f"  the first run, compiling the flows and filling the cache: median_ms={m['chat, nothing cached yet']:.1f} ({m['chat, nothing cached yet'] / h:.2f}x)")
print(f"  for scale: hello-world linked like chat median_ms={m['static']:.1f} ({m['static'] / h:.2f}x); "
      f"with swift-argument-parser median_ms={m['parser']:.1f} ({m['parser'] / h:.2f}x); chat --version median_ms={m['version']:.1f} ({m['version'] / h:.2f}x)")
PY
    echo "first prompt in a terminal (pseudo-terminal):"
    printf '  hello-world: '; python3 Benchmarks/first_prompt.py 30 "Hello" "$hello/.build/release/hello"
    printf '  chat:        '; python3 Benchmarks/first_prompt.py 30 "> " "$chat" --no-history
    echo "loading 1,000 flow files:"
    [ -d "$work/b1000/flows" ] || python3 "$kit/gen.py" 1000 "$lines" "$work/b1000" > /dev/null
    for _ in 1 2 3; do "$chat" match --stats --flows "$work/b1000/flows" < /dev/null 2>&1 > /dev/null; done
}

turns_input() {
    grep -h '^> ' Scripts/transcripts/*.transcript | sed 's/^> //' | grep -vix 'quit\|exit\|bye\|goodbye' > "$work/turns-one.txt"
    for _ in $(seq 1 25); do cat "$work/turns-one.txt"; done > "$work/turns.txt"
}

turns() {
    turns_input
    echo "turns over $(wc -l < "$work/turns.txt") piped lines (safety screen, commands, matching and the flow runtime):"
    for _ in 1 2 3; do "$chat" --timings < "$work/turns.txt" 2>&1 > /dev/null; done
}

# The revision just before the safety screen's second design: the same program with the old screen.
before_screen=${BEFORE_SCREEN:-fa24ac3}

screen() {
    old="$work/before-screen"
    if [ ! -x "$old/bin/chat" ]; then
        rm -rf "$old/src"; mkdir -p "$old/src"
        git archive "$before_screen" | tar -x -C "$old/src"
        (cd "$old/src" && swift build "${release[@]}" --product chat >&2)
        mkdir -p "$old/bin"; cp "$(cd "$old/src" && swift build "${release[@]}" --show-bin-path)/chat" "$old/bin/chat"
    fi
    turns_input
    printf 'hello\n' > "$work/one.txt"
    # Each program keeps its own cache (not yours), which its first run fills.
    XDG_CACHE_HOME="$work/cache-now" "$chat" --region US < "$work/one.txt" > /dev/null
    XDG_CACHE_HOME="$work/cache-before" "$old/bin/chat" --region US < "$work/one.txt" > /dev/null
    echo "first reply through a pipe, this build against $before_screen (each reads its own cached library), median of 40, in turn:"
    python3 - "$chat" "$old/bin/chat" "$work" "$work/one.txt" <<'PY'
import os, statistics, subprocess, sys, time
new, old, work, one = sys.argv[1:5]
commands = {"now": [new, "--region", "US"], "before": [old, "--region", "US"]}
caches = {name: dict(os.environ, XDG_CACHE_HOME=f"{work}/cache-{name}") for name in commands}
times = {name: [] for name in commands}
for _ in range(40):
    for name, command in commands.items():
        with open(one) as f:
            start = time.perf_counter()
            subprocess.run(command, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=caches[name])
            times[name].append((time.perf_counter() - start) * 1000)
m = {name: statistics.median(v) for name, v in times.items()}
print(f"  before median_ms={m['before']:.2f}  now median_ms={m['now']:.2f}  added_ms={m['now'] - m['before']:.2f}")
PY
    echo "turns over $(wc -l < "$work/turns.txt") piped lines, in turn, three runs each (before, then now):"
    for _ in 1 2 3; do
        printf '  before: '; XDG_CACHE_HOME="$work/cache-before" "$old/bin/chat" --timings < "$work/turns.txt" 2>&1 > /dev/null
        printf '  now:    '; XDG_CACHE_HOME="$work/cache-now" "$chat" --timings < "$work/turns.txt" 2>&1 > /dev/null
    done
}

case "${1:-all}" in
    peers) peers ;;
    startup) startup ;;
    turns) turns ;;
    screen) screen ;;
    all) peers; startup; turns ;;
    *) echo "usage: Benchmarks/run.sh [peers|startup|turns|screen|all]" >&2; exit 64 ;;
esac
