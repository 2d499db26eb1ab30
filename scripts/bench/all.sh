#!/usr/bin/env bash
# `make bench`: every benchmark, each a script of its own in this folder.
# Each prints its own figures and targets; a missing tool skips with a message.
set -uo pipefail
cd "$(dirname "$0")"
for b in wikitext export-dump verify detect kernel-src; do
  echo "== bench: $b"
  bash "./$b.sh" || echo "bench $b: failed (exit $?)"
done
