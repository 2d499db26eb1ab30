#!/usr/bin/env bash
# `make bench`: every benchmark, each a script of its own in this folder.
# Each prints its own figures and targets; a missing tool skips with a message.
set -uo pipefail
cd "$(dirname "$0")"
for b in wikitext export-dump verify detect kernel-src; do
  echo "== bench: $b"
  bash "./$b.sh" || echo "bench $b: failed (exit $?)"
done
# detect again as shipped (`make release`: the Swift runtime linked in).
echo "== bench: detect (static Swift runtime)"
STATIC=1 bash ./detect.sh || echo "bench detect (static): failed (exit $?)"
