#!/usr/bin/env bash
# A scripted week of use, through a pipe with --data-dir, then the export to bring to a therapist.
#
#   tools/store/scripted-week.sh [OUT]    (default OUT: a new temporary folder)
#
# Each day is one piped run under faketime (Debian's faketime package), so the entries carry the
# week's dates. Writes OUT/data (the store), OUT/notes.md, OUT/notes.json and, when pandoc is
# there, OUT/notes.html to read the rendered Markdown. Run on demand, not in CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
chat="${CHAT:-.build/debug/chat}"
out="${1:-$(mktemp -d)}"
data="$out/data"
mkdir -p "$out"
command -v faketime >/dev/null || { echo "needs faketime: sudo apt-get install faketime" >&2; exit 1; }
export NO_COLOR=1 XDG_CACHE_HOME="$out/cache" XDG_CONFIG_HOME="$out/config"

day() {  # day DATE LINES...
    local when="$1"; shift
    printf '%s\n' "$@" | faketime "$when" "$chat" --data-dir "$data" --region GB --no-cache > "$out/day-${when%% *}.txt"
}

day "2026-11-26 21:10:00" "mood check-in" "4" "yes" \
    "note something for my therapist" "skip" "sleeping badly since the move" "yes" "my sister's wedding" "no" \
    "safety plan" "skip" "not sleeping, skipping meals, staying in bed" "music, a hot shower, walking to the river" \
    "my sister's kitchen, the library" "my sister Ana, my friend Sam" "Dr Patel at the surgery, 020 7946 0000" \
    "ask Sam to hold on to my spare keys to the car, go where people are"
day "2026-11-27 22:30:00" "help me notice something good" "4" "I had a nice coffee with my sister" "we both made time for it" \
    "I finished the washing up" "I put music on while I did it" "6" \
    "I'd like to journal" "skip" "Work was long. I felt invisible in the meeting, but I said one thing and it went okay." "no" \
    "mood check-in" "5" "yes"
day "2026-11-28 20:05:00" "I can't stop worrying about money" "3" "the rent went up again" \
    "I'll never manage and everything is ruined" "worried" "7" "it's a lot more money every month" \
    "I have some savings and I kept a budget last year" "it's tight, but I've handled tight months before" "4" "5" \
    "self-care ideas" "skip" "tea in my favourite mug" "yes" "a bath with the *good* bubbles" "no"
day "2026-11-29 23:40:00" "I want to cut down on drinking" "skip" "alcohol" "no drinks on weeknights" \
    "mood check-in" "3" "yes" \
    "I want to kill myself" "no" "no" "no"
day "2026-11-30 19:15:00" "journal" "5" "Quiet day. Walked to the river after work." "no" "6" \
    "habits" "skip" "partly" "yes" "mood check-in" "6" "yes"
day "2026-12-01 18:00:00" "my next session" "skip" "2" "1" "self care" "skip" "1" \
    "slow breathing" "yes" "done" "no"
day "2026-12-02 21:45:00" "mood check-in" "7" "yes" "two good things" "5" "the sun came out at lunch" "I sat outside for ten minutes" \
    "Sam called" "it reminded me people care" "7"

"$chat" export --data-dir "$data" --region GB > "$out/notes.md"
"$chat" export --data-dir "$data" --region GB --format json > "$out/notes.json"
"$chat" export --data-dir "$data" --region GB --sections topics crisis > "$out/notes-crisis.md"
if command -v pandoc >/dev/null; then pandoc -s --metadata title="notes" "$out/notes.md" -o "$out/notes.html"; fi
echo "$out"
