#!/usr/bin/env bash
# run-all.sh OUTDIR
#
# fetch.sh, one initramfs per kernel, then boot pv/pvh x 6.1/6.12 one after
# the other (never in parallel: TCG is CPU-bound). Each boot's files land in
# OUTDIR/<mode>-<kernel>/ (see boot.sh). Prints a summary table; exits 1 if
# any boot failed. PVYIELD_XEN_PAYLOAD (a payload dir) is put in every
# initramfs; the other PVYIELD_XEN_* variables are passed on to the scripts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
CACHE=${PVYIELD_XEN_CACHE:-/var/cache/pvyield-xen}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

t=$(now)
"$here/fetch.sh" | tee "$OUT/fetch.txt"
fetch_secs=$(since "$t")
# shellcheck disable=SC1091
. "$CACHE/current.env"

t=$(now)
"$here/make-initramfs.sh" "$K61_DIR"  "$OUT/initrd-6.1.cpio.gz"  ${PVYIELD_XEN_PAYLOAD:+"$PVYIELD_XEN_PAYLOAD"}
"$here/make-initramfs.sh" "$K612_DIR" "$OUT/initrd-6.12.cpio.gz" ${PVYIELD_XEN_PAYLOAD:+"$PVYIELD_XEN_PAYLOAD"}
initrd_secs=$(since "$t")

failed=0
for mode in pv pvh; do
  for k in 6.1 6.12; do
    PVYIELD_XEN_INITRD="$OUT/initrd-$k.cpio.gz" "$here/boot.sh" "$mode" "$k" "$OUT/$mode-$k" || failed=$((failed + 1))
  done
done

field() { [ -s "$1" ] && head -n 1 "$1" | tr -d '\n' || printf -- '-'; }
echo
printf 'fetch %ss, initramfs %ss\n' "$fetch_secs" "$initrd_secs"
printf '%-5s %-6s %-30s %-6s %-10s %s\n' mode kernel uname-r guest seconds result
for mode in pv pvh; do
  for k in 6.1 6.12; do
    d="$OUT/$mode-$k"
    printf '%-5s %-6s %-30s %-6s %-10s %s\n' "$mode" "$k" \
      "$(field "$d/uname.txt" | awk '{print $3}')" "$(field "$d/guest-type.txt")" \
      "$(field "$d/boot-seconds")" "$(field "$d/result")"
  done
done
[ "$failed" = 0 ] || { echo "run-all: $failed boot(s) failed" >&2; exit 1; }
