#!/usr/bin/env bash
# Checks the worked example in docs/authoring.md end to end, as a new author would.
# Usage: docs/example/check.sh PATH/TO/chat
set -euo pipefail
chat=${1:-chat}
here=$(cd "$(dirname "$0")" && pwd)
"$chat" lint Scripts/flows "$here/flows"
"$chat" graph worry-time --user-flows "$here/flows" > /dev/null
"$chat" graph worry-time --user-flows "$here/flows" --format mermaid > /dev/null
if command -v dot > /dev/null; then
    "$chat" graph worry-time --user-flows "$here/flows" | dot -Tsvg > /dev/null
fi
"$chat" test --coverage --user-flows "$here/flows" "$here/worry-time.transcript"
