#!/usr/bin/env bash
# All probes on this live system: wall time of `pvyield verify` (release
# build) over repeated runs, against the target of 100 ms. Uses hyperfine
# when installed (apt-get install hyperfine), else a shell loop.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product pvyield >/dev/null
BIN=.build/release/pvyield
RUNS=${RUNS:-30}
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs "$RUNS" -N -i "$BIN verify --format json" | sed -n '1,4p'
else
  start=$(date +%s%N)
  for _ in $(seq "$RUNS"); do "$BIN" verify --format json >/dev/null || true; done
  end=$(date +%s%N)
  echo "pvyield verify: $(( (end - start) / RUNS / 1000000 )) ms mean over $RUNS runs (target < 100 ms)"
fi
