#!/usr/bin/env bash
# Wikitext -> HTML throughput: generates 1 MB and 10 MB of synthetic wikitext
# (seed 42), converts each with a release build of pvyield-conformance --bench
# under /usr/bin/time -v (RUNS times, default 5; the median run counts), and
# reports MB/s, process CPU time, peak RSS and the 10 MB / 1 MB cost ratio;
# compares with pandoc when it is installed.
# Targets: >= 20 MB/s on one core; 10 MB costs <= 11x 1 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-wikitext}
GEN=${GEN:-../shared/bench/gen_wikitext.py}
[ -f "$GEN" ] || GEN=/work/shared/bench/gen_wikitext.py
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (for peak RSS)" >&2
    (apt-get install -y time >/dev/null 2>&1 || sudo apt-get install -y time >/dev/null 2>&1) || true
fi

swift build -c release --scratch-path "$SCRATCH" --product pvyield-conformance >&2
BIN="$SCRATCH/release/pvyield-conformance"

python3 "$GEN" 1000000 42 > "$OUT/1mb.wiki"
python3 "$GEN" 10000000 42 > "$OUT/10mb.wiki"

RUNS=${RUNS:-5}

median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

run() { # file label -> prints a summary line, sets SECS_<label> and CPU_<label>
    # Converts the file RUNS times and reports the median run: one run on a
    # shared machine can lose a core for a while.
    local file=$1 label=$2 k
    : > "$OUT/$label.secs"; : > "$OUT/$label.cpu"; : > "$OUT/$label.rss"
    for k in $(seq "$RUNS"); do
        /usr/bin/time -v "$BIN" --bench "$file" > "$OUT/$label.out" 2> "$OUT/$label.time"
        awk '/^seconds /{print $2}' "$OUT/$label.out" >> "$OUT/$label.secs"
        # On a shared machine wall time includes waiting for a core; CPU time
        # (user + system, whole process: reading the file too) is the one-core figure.
        awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$OUT/$label.time" >> "$OUT/$label.cpu"
        awk -F': ' '/Maximum resident/{print $2}' "$OUT/$label.time" >> "$OUT/$label.rss"
    done
    local bytes secs mbs cpu cpumbs rss
    bytes=$(awk '/^bytes /{print $2}' "$OUT/$label.out")
    secs=$(median < "$OUT/$label.secs")
    cpu=$(median < "$OUT/$label.cpu")
    rss=$(sort -g "$OUT/$label.rss" | tail -1)
    mbs=$(python3 -c "print(round($bytes / 1e6 / max($secs, 1e-9), 2))")
    cpumbs=$(python3 -c "print(round($bytes / 1e6 / max($cpu, 1e-9), 2))")
    printf '%-6s %10s bytes  median of %s: %8ss convert  %8s MB/s  process CPU %6ss  %6s MB/CPU-s  peak RSS %8s KB\n' \
        "$label" "$bytes" "$RUNS" "$secs" "$mbs" "$cpu" "$cpumbs" "$rss"
    eval "SECS_$label=$secs"
    eval "CPU_$label=$cpu"
}

echo "pvyield WikitextReader + DocumentHTMLWriter ($BIN --bench)"
run "$OUT/1mb.wiki" 1mb
run "$OUT/10mb.wiki" 10mb
ratio=$(python3 -c "print(round($SECS_10mb / $SECS_1mb, 2))")
cpuratio=$(python3 -c "print(round($CPU_10mb / max($CPU_1mb, 1e-9), 2))")
echo "10MB/1MB cost ratio: $ratio wall, $cpuratio CPU (target <= 11)"
python3 - "$SECS_10mb" "$ratio" <<'PY'
import sys
secs, ratio = float(sys.argv[1]), float(sys.argv[2])
mbs = 10.0 / secs if secs > 0 else float('inf')
ok = mbs >= 20 and ratio <= 11
print(f"10 MB throughput {mbs:.1f} MB/s (target >= 20): {'OK' if ok else 'MISSED'}")
PY

if command -v pandoc >/dev/null 2>&1; then
    echo "pandoc -f mediawiki -t html, for comparison"
    for label in 1mb 10mb; do
        /usr/bin/time -v pandoc -f mediawiki -t html "$OUT/$label.wiki" -o /dev/null 2> "$OUT/pandoc-$label.time" || true
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$OUT/pandoc-$label.time")
        user=$(awk -F': ' '/User time/{print $2}' "$OUT/pandoc-$label.time")
        rss=$(awk -F': ' '/Maximum resident/{print $2}' "$OUT/pandoc-$label.time")
        printf '%-6s pandoc wall %s  user %ss  peak RSS %s KB\n' "$label" "$wall" "$user" "$rss"
    done
else
    echo "pandoc not installed: no comparison"
fi
