#!/usr/bin/env bash
# boot.sh pv|pvh 6.1|6.12 OUTDIR
#
# Boots Xen 4.17 + a Debian dom0 kernel under QEMU TCG (no KVM), with the
# initramfs's /init running the payload (or the fallback fact dump).
# Success is judged only by the ===PVYIELD-DONE=== marker in the serial log,
# never by QEMU's exit status. Writes to OUTDIR:
#   serial.log      the whole serial console (Xen + dom0)
#   <name>.txt      each marked section (see extract-sections.sh)
#   boot-seconds    wall time of the QEMU run
#   result          "ok" or "fail: <why>"
#   sections.list   the files extracted from the log
#
# Env: PVYIELD_XEN_CACHE (see fetch.sh; fetch.sh is run if the cache is empty),
#      PVYIELD_XEN_INITRD  prebuilt initramfs (default: build OUTDIR/initrd.cpio.gz),
#      PVYIELD_XEN_PAYLOAD payload dir for that build (see make-initramfs.sh),
#      PVYIELD_XEN_TIMEOUT seconds before QEMU is killed (default 240).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
usage() { echo "usage: $0 pv|pvh 6.1|6.12 OUTDIR" >&2; exit 2; }
[ $# -eq 3 ] || usage
MODE=$1 KVER=$2 OUT=$3
case $MODE in pv|pvh) ;; *) usage;; esac
case $KVER in 6.1|6.12) ;; *) usage;; esac
TIMEOUT=${PVYIELD_XEN_TIMEOUT:-240}
CACHE=${PVYIELD_XEN_CACHE:-/var/cache/pvyield-xen}

[ -s "$CACHE/current.env" ] || "$here/fetch.sh" >&2
# shellcheck disable=SC1091
. "$CACHE/current.env"
if [ "$KVER" = 6.1 ]; then KDIR=$K61_DIR; else KDIR=$K612_DIR; fi
VMLINUZ=$(ls "$KDIR"/boot/vmlinuz-* | head -n 1)

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# Forget the previous run's outputs (sections.list names the files it extracted).
if [ -f "$OUT/sections.list" ]; then
  while IFS= read -r f; do rm -f -- "$f"; done < "$OUT/sections.list"
fi
rm -f "$OUT/sections.list" "$OUT/result" "$OUT/boot-seconds"
INITRD=${PVYIELD_XEN_INITRD:-}
if [ -z "$INITRD" ]; then
  INITRD="$OUT/initrd.cpio.gz"
  "$here/make-initramfs.sh" "$KDIR" "$INITRD" ${PVYIELD_XEN_PAYLOAD:+"$PVYIELD_XEN_PAYLOAD"} >&2
fi
for f in "$XEN_IMAGE" "$VMLINUZ" "$INITRD"; do
  [ -s "$f" ] || { echo "boot.sh: missing $f" >&2; exit 1; }
  case $f in *,*) echo "boot.sh: path must not contain a comma (QEMU -initrd syntax): $f" >&2; exit 2;; esac
done

XEN_ARGS="console=com1 com1=115200,8n1 dom0_mem=1024M,max:1024M dom0_max_vcpus=2 loglvl=all guest_loglvl=all"
if [ "$MODE" = pv ]; then
  # -cpu max crashes a PV dom0 under TCG (SMAP); qemu64 works.
  MACHINE=(-cpu qemu64)
  DOM0_ARGS="console=hvc0 earlyprintk=xen"
else
  # PVH dom0 needs HAP (emulated SVM+NPT) and an IOMMU.
  MACHINE=(-machine q35 -cpu "qemu64,+svm,+npt" -device amd-iommu)
  XEN_ARGS="dom0=pvh iommu=1 $XEN_ARGS"
  DOM0_ARGS="console=hvc0"
fi

LOG="$OUT/serial.log"
: > "$LOG"
echo "boot.sh: $MODE dom0, $(basename "$VMLINUZ"), timeout ${TIMEOUT}s, log $LOG" >&2
start=$(date +%s.%N)
set +e
timeout -k 10 "$TIMEOUT" qemu-system-x86_64 -accel tcg "${MACHINE[@]}" \
  -m 2048 -smp 2 -display none -no-reboot -monitor none -net none \
  -serial "file:$LOG" \
  -kernel "$XEN_IMAGE" -append "$XEN_ARGS" \
  -initrd "$VMLINUZ $DOM0_ARGS,$INITRD" < /dev/null >"$OUT/qemu.stderr" 2>&1
qemu_rc=$?
set -e
end=$(date +%s.%N)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')
echo "$secs" > "$OUT/boot-seconds"

sections_ok=1
"$here/extract-sections.sh" "$LOG" "$OUT" > "$OUT/sections.list" || sections_ok=0

if tr -d '\r' < "$LOG" | grep -q '===PVYIELD-DONE==='; then
  if [ $sections_ok = 1 ]; then echo ok > "$OUT/result"; else echo "fail: bad sections" > "$OUT/result"; fi
else
  if [ $qemu_rc = 124 ] || [ $qemu_rc = 137 ]; then why="timeout after ${TIMEOUT}s"; else why="no DONE marker (qemu exit $qemu_rc)"; fi
  echo "fail: $why" > "$OUT/result"
fi

if [ "$(cat "$OUT/result")" = ok ]; then
  echo "boot.sh: $MODE $KVER ok in ${secs}s" >&2
  exit 0
fi
echo "boot.sh: $MODE $KVER FAILED ($(cat "$OUT/result")) after ${secs}s; last 40 lines of $LOG:" >&2
tr -d '\r' < "$LOG" | tail -n 40 >&2
[ -s "$OUT/qemu.stderr" ] && { echo "--- qemu stderr:" >&2; tail -n 20 "$OUT/qemu.stderr" >&2; }
exit 1
