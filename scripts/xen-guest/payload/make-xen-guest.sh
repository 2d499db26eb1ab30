#!/usr/bin/env bash
# make-xen-guest.sh: what `make xen-guest` runs (see payload/README.md).
#
#  1. fetch.sh: Xen 4.17 and Debian's Linux 6.1 and 6.12 into the cache
#     (PVYIELD_XEN_CACHE, default /var/cache/pvyield-xen). When they cannot be
#     had (no network, no apt), it says so, writes "skipped" to
#     $OUT/status and exits 0: the tests then check the committed files only.
#  2. build-static.sh: the static, stripped pvyield (skipped when
#     PVYIELD_XEN_PVYIELD names a prebuilt one).
#  3. The payload: run.sh, pvyield, a copy of content/ and paths.txt (the
#     paths probes.yaml reads, which run.sh lists so that failures can quote them).
#  4. One initramfs per kernel, then the four boots one after the other, each
#     under boot.sh's hard timeout (PVYIELD_XEN_TIMEOUT, default 300 s here),
#     into $OUT/<guest>-<series>/ (xen-pv-dom0-6.1, ...). Each PV dom0 also
#     boots a PV domU (stage-domu.sh, start-domu.sh; PVYIELD_XEN_DOMU=0 to
#     leave it out), whose console becomes $OUT/xen-pv-domu-<series>/.
#  5. record.py: content/verifications/<guest>-<series>.json for each boot
#     that succeeded; with PVYIELD_RECORD=1 also the snapshot fixtures
#     $PVYIELD_XEN_FIXTURES/real-<guest>-<series>/ (default
#     Tests/Fixtures/real-snapshots).
#
# $OUT (default .build-xen) gets status (ok / failed / skipped), times.txt
# and summary.txt. Exits 1 if a step or any boot failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
xg=$(dirname "$here")
root=$(cd "$xg/../.." && pwd)
cd "$root"
OUT=${PVYIELD_XEN_OUT:-$root/.build-xen}
export PVYIELD_XEN_TIMEOUT=${PVYIELD_XEN_TIMEOUT:-300}
# Not Tests/Fixtures/snapshots: its tests require every folder there to be a
# hand-made fixture they list (see payload/README.md).
FIXTURES=${PVYIELD_XEN_FIXTURES:-Tests/Fixtures/real-snapshots}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT/status" "$OUT/times.txt" "$OUT/summary.txt"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }
say() { printf 'xen-guest: %s\n' "$*" >&2; }
timed() { printf '%-28s %8s s\n' "$1" "$2" >> "$OUT/times.txt"; }
T0=$(now)

# 1. Downloads (cached; never required) --------------------------------------
t=$(now)
if ! "$xg/fetch.sh" > "$OUT/fetch.txt" 2> >(tee "$OUT/fetch.err" >&2); then
  sleep 0.2   # let tee finish
  echo skipped > "$OUT/status"
  cat >&2 <<MSG
xen-guest: SKIPPED: Xen 4.17 and the Debian kernels could not be fetched (no
xen-guest: network or no Debian apt source; fetch.sh's messages are above and in
xen-guest: $OUT/fetch.err).
xen-guest: No guest was booted: the tests check the committed
xen-guest: content/verifications/*.json only.
MSG
  exit 0
fi
timed fetch "$(since "$t")"
# shellcheck disable=SC1091
. "${PVYIELD_XEN_CACHE:-/var/cache/pvyield-xen}/current.env"
cat "$OUT/fetch.txt" >&2

# 2. Static pvyield ------------------------------------------------------------
t=$(now)
if [ -n "${PVYIELD_XEN_PVYIELD:-}" ]; then
  bin=$PVYIELD_XEN_PVYIELD
  say "using prebuilt $bin"
else
  say "building static pvyield (release, whole package)"
  bin=$("$xg/build-static.sh")
fi
[ -x "$bin" ] || { say "no pvyield binary at $bin"; echo failed > "$OUT/status"; exit 1; }
timed static-build "$(since "$t")"

# 3. Payload -------------------------------------------------------------------
t=$(now)
P="$OUT/payload"
rm -rf "$P"; mkdir -p "$P/content"
cp "$here/run.sh" "$P/run.sh"
cp "$bin" "$P/pvyield"
# content/ without the results of earlier runs (they do not affect a verify).
(cd content && tar -cf - --exclude=./verifications .) | tar -xf - -C "$P/content"
find content/pages -name probes.yaml -exec grep -ohE "/(proc|sys|dev|boot|run|etc)/[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)*" {} + \
  | sort -u > "$P/paths.txt"

# 4. Initramfs per kernel, then the boots --------------------------------------
"$xg/make-initramfs.sh" "$K61_DIR" "$OUT/initrd-6.1.cpio.gz" "$P" >&2
"$xg/make-initramfs.sh" "$K612_DIR" "$OUT/initrd-6.12.cpio.gz" "$P" >&2
# The PV dom0s also boot a PV domU (the plain initramfs above) unless
# PVYIELD_XEN_DOMU=0; without the toolstack packages (no network) they boot
# without it and the domU is skipped.
domu=()
rm -rf "$OUT"/xen-pv-domu-*
if [ "${PVYIELD_XEN_DOMU:-1}" != 0 ]; then
  for series in 6.1 6.12; do
    if [ "$series" = 6.1 ]; then kdir=$K61_DIR; else kdir=$K612_DIR; fi
    rm -rf "$OUT/payload-pv-$series"; cp -a "$P" "$OUT/payload-pv-$series"
    if "$here/stage-domu.sh" "$kdir" "$OUT/initrd-$series.cpio.gz" "$OUT/payload-pv-$series"; then
      "$xg/make-initramfs.sh" "$kdir" "$OUT/initrd-pv-$series.cpio.gz" "$OUT/payload-pv-$series" >&2
      domu+=("$series")
    else
      say "SKIPPED the PV domU on $series: the Xen toolstack could not be staged"
    fi
    rm -rf "$OUT/payload-pv-$series"
  done
fi
timed payload+initramfs "$(since "$t")"

has_domu() { local s; for s in "${domu[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# domu_results SERIES: the domU's console (sent back by its dom0) into
# $OUT/xen-pv-domu-SERIES/ as if it were a boot of its own.
domu_results() {
  local series=$1 dom0="$OUT/xen-pv-dom0-$1" d="$OUT/xen-pv-domu-$1" ok=1
  mkdir -p "$d"
  if [ ! -s "$dom0/domu-console.log" ]; then
    echo "fail: no domU console came back (domu-exit $(cat "$dom0/domu-exit.txt" 2>/dev/null))" > "$d/result"
    tail -n 30 "$dom0/domu-start.txt" >&2 2>/dev/null || true
    return 1
  fi
  cp "$dom0/domu-console.log" "$d/serial.log"
  "$xg/extract-sections.sh" "$d/serial.log" "$d" > "$d/sections.list" || ok=0
  awk '$1=="domu-start"{a=$2} $1=="domu-end"{b=$2} END{if (a!="" && b!="") printf "%.1f\n", b-a}' \
    "$dom0/guest-times.txt" > "$d/boot-seconds" 2>/dev/null || true
  if ! tr -d '\r' < "$d/serial.log" | grep -q '===PVYIELD-DONE==='; then
    echo "fail: no DONE marker in the domU console" > "$d/result"
  elif [ $ok = 0 ]; then
    echo "fail: bad sections" > "$d/result"
  else
    echo ok > "$d/result"; return 0
  fi
  echo "xen-guest: PV domU $series FAILED ($(cat "$d/result")); last 40 lines of its console:" >&2
  tr -d '\r' < "$d/serial.log" | tail -n 40 >&2
  return 1
}

boots=()
failed=()
for mode in pv pvh; do
  for series in 6.1 6.12; do
    guest=xen-$mode-dom0
    dir="$OUT/$guest-$series"
    boots+=("$guest $series")
    initrd="$OUT/initrd-$series.cpio.gz"
    [ "$mode" = pv ] && has_domu "$series" && initrd="$OUT/initrd-pv-$series.cpio.gz"
    t=$(now)
    # QEMU's software emulation of nested paging occasionally triple-faults a
    # guest that boots fine on the next try (3 PVH boots in about 40 here),
    # so a failed boot is tried again, up to XEN_BOOT_TRIES times in all; a
    # guest that fails every time still fails the step. Retries are reported.
    # A PV dom0 and the domU it starts are one try: a domU that did not
    # report back retries the pair.
    with_domu=0
    if [ "$mode" = pv ] && has_domu "$series"; then with_domu=1; boots+=("xen-pv-domu $series"); fi
    tries=${XEN_BOOT_TRIES:-4}
    for try in $(seq "$tries"); do
      why=""
      if PVYIELD_XEN_INITRD="$initrd" "$xg/boot.sh" "$mode" "$series" "$dir"; then
        if [ $with_domu = 1 ] && ! domu_results "$series"; then
          why="xen-pv-domu-$series: $(cat "$OUT/xen-pv-domu-$series/result")"
        fi
      else
        why="$guest-$series: $(cat "$dir/result" 2>/dev/null || echo 'boot.sh failed')"
      fi
      if [ -z "$why" ]; then
        [ "$try" -gt 1 ] && say "$guest-$series booted on try $try of $tries"
        break
      fi
      # Retries stop once the step has used XEN_STEP_BUDGET seconds (default
      # 1800), so a guest that keeps failing cannot eat CI's 90 minutes.
      spent=$(since "$T0"); spent=${spent%.*}
      if [ "$try" = "$tries" ] || [ "$spent" -ge "${XEN_STEP_BUDGET:-1800}" ]; then
        failed+=("$why (after $try of $tries tries, ${spent}s into the step)")
        break
      else
        say "RETRY $why; trying again"
        rm -rf "$dir.failed-$try"; mv "$dir" "$dir.failed-$try"
      fi
    done
    timed "boot $guest-$series" "$(since "$t")"
    if [ $with_domu = 1 ]; then
      timed "  (its domU, guest clock)" "$(cat "$OUT/xen-pv-domu-$series/boot-seconds" 2>/dev/null || echo -)"
    fi
  done
done

# 5. Records -----------------------------------------------------------------
t=$(now)
for b in "${boots[@]}"; do
  set -- $b
  dir="$OUT/$1-$2"
  [ "$(cat "$dir/result" 2>/dev/null)" = ok ] || continue
  if ! python3 "$here/record.py" verification "$dir" "$1" "$2" "content/verifications/$1-$2.json"; then
    failed+=("$1-$2: record.py failed")
    continue
  fi
  if [ -n "${PVYIELD_RECORD:-}" ]; then
    python3 "$here/record.py" fixture "$dir" "$FIXTURES/real-$1-$2" || failed+=("$1-$2: fixture failed")
  fi
done
timed records "$(since "$t")"
timed "whole make xen-guest" "$(since "$T0")"

{
  printf '%-20s %-28s %-8s %-10s %-8s %s\n' guest uname-r xen seconds verify result
  for b in "${boots[@]}"; do
    set -- $b
    d="$OUT/$1-$2"
    f() { [ -s "$d/$1" ] && head -n 1 "$d/$1" | tr -d '\n' || printf -- '-'; }
    printf '%-20s %-28s %-8s %-10s %-8s %s\n' "$1-$2" "$(f uname-r.txt)" "$(f xen-version.txt)" \
      "$(f boot-seconds)" "exit $(f verify-exit.txt)" "$(f result)"
  done
  echo
  cat "$OUT/times.txt"
} > "$OUT/summary.txt"
cat "$OUT/summary.txt" >&2

if [ ${#failed[@]} -gt 0 ]; then
  echo failed > "$OUT/status"
  say "FAILED:"; printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo ok > "$OUT/status"
say "all four guests booted; results in $OUT, records in content/verifications/"
