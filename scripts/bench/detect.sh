#!/usr/bin/env bash
# Times `pvyield detect` against `systemd-detect-virt` with hyperfine.
# Target: pvyield within 2x of systemd-detect-virt (both answer "what VM,
# what container"; pvyield also gathers evidence).
#
#   scripts/bench/detect.sh                 # builds a release pvyield, then measures
#   STATIC=1 scripts/bench/detect.sh        # the same with the Swift runtime linked in
#   PVYIELD_BIN=/path/to/pvyield scripts/bench/detect.sh
#
# `pvyield --version` is timed too: it is the process start-up floor (loading
# Foundation, libxml2 and ICU), so "detect minus --version" is what detection
# itself costs. On a shared machine the wall-clock mean is noisy; user+system
# CPU time is printed beside it.
#
# Environment: PVYIELD_BIN (skip the build), STATIC (1: --static-swift-stdlib),
# PVYIELD_BENCH_SCRATCH (release scratch path, default .build-bench or
# .build-bench-static), RUNS (default 200), SWIFT.
# Exit status: 0 within target, 1 over it, 2 missing tools or failed build.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-200}
swift=${SWIFT:-$(command -v swift || echo /opt/swift/usr/bin/swift)}

command -v systemd-detect-virt >/dev/null || { echo "detect.sh: systemd-detect-virt not found (apt-get install systemd)" >&2; exit 2; }
if ! command -v hyperfine >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y hyperfine >/dev/null || { echo "detect.sh: apt-get install hyperfine failed" >&2; exit 2; }
    else
        echo "detect.sh: hyperfine not found (apt-get install -y hyperfine)" >&2; exit 2
    fi
fi

bin=${PVYIELD_BIN:-}
if [ -z "$bin" ]; then
    static_flag=()
    default_scratch=$root/.build-bench
    if [ "${STATIC:-0}" = 1 ]; then static_flag=(--static-swift-stdlib); default_scratch=$root/.build-bench-static; fi
    scratch=${PVYIELD_BENCH_SCRATCH:-$default_scratch}
    echo "building pvyield (release${STATIC:+, STATIC=$STATIC}) in $scratch ..."
    (cd "$root" && "$swift" build -c release --product pvyield "${static_flag[@]}" --scratch-path "$scratch" >/dev/null) \
        || { echo "detect.sh: release build failed" >&2; exit 2; }
    bin="$scratch/release/pvyield"
fi
"$bin" detect >/dev/null || { echo "detect.sh: '$bin detect' failed" >&2; exit 2; }

echo "pvyield detect says:        $("$bin" detect | head -n 1)"
echo "systemd-detect-virt says:   $(systemd-detect-virt || true) (vm: $(systemd-detect-virt --vm || true))"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# -N: no intermediate shell, so only the programs are timed. -i: systemd-detect-virt
# exits 1 when it prints "none".
hyperfine -N -i --warmup 10 --runs "$runs" --export-json "$out/result.json" \
    -n systemd-detect-virt "systemd-detect-virt" \
    -n "pvyield detect" "$bin detect" \
    -n "pvyield --version" "$bin --version"

python3 - "$out/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ref, ours, floor = r["systemd-detect-virt"], r["pvyield detect"], r["pvyield --version"]
ms = lambda x: x * 1000
cpu = lambda x: x["user"] + x["system"]
ratio = ours["mean"] / ref["mean"]
print(f"mean      systemd-detect-virt {ms(ref['mean']):.2f} ms, pvyield detect {ms(ours['mean']):.2f} ms, "
      f"pvyield --version {ms(floor['mean']):.2f} ms")
print(f"median    {ms(ref['median']):.2f} / {ms(ours['median']):.2f} / {ms(floor['median']):.2f} ms")
print(f"user+sys  {ms(cpu(ref)):.2f} / {ms(cpu(ours)):.2f} / {ms(cpu(floor)):.2f} ms "
      f"(ratio {cpu(ours) / cpu(ref):.2f}x)")
print(f"detection itself (detect - --version, median): {ms(ours['median'] - floor['median']):.2f} ms")
print(f"ratio of means {ratio:.2f}x, target <= 2x: {'met' if ratio <= 2.0 else 'NOT met'}")
sys.exit(0 if ratio <= 2.0 else 1)
PY
