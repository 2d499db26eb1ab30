#!/usr/bin/env bash
# make-initramfs.sh KERNEL_DIR OUT.cpio.gz [PAYLOAD_DIR]
#
# Builds a busybox-static initramfs for a Xen dom0 booted by boot.sh.
# KERNEL_DIR is a kernel package unpacked with `dpkg -x` (has lib/modules/*/).
# PAYLOAD_DIR, if given, is copied to /payload; /init runs /payload/run.sh if
# present, else a built-in fallback that prints a few facts. Output uses the
# marker protocol described in README.md.
set -euo pipefail

[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 KERNEL_DIR OUT.cpio.gz [PAYLOAD_DIR]" >&2; exit 2; }
KDIR=$1 OUT=$2 PAYLOAD=${3:-}
BUSYBOX=${PVYIELD_BUSYBOX:-/bin/busybox}
[ -x "$BUSYBOX" ] || { echo "make-initramfs: $BUSYBOX missing (apt-get install busybox-static)" >&2; exit 1; }
moddir=$(ls -d "$KDIR"/lib/modules/*/ 2>/dev/null | head -n 1)
[ -n "$moddir" ] || { echo "make-initramfs: no lib/modules/*/ in $KDIR" >&2; exit 1; }
[ -z "$PAYLOAD" ] || [ -d "$PAYLOAD" ] || { echo "make-initramfs: payload dir $PAYLOAD missing" >&2; exit 1; }

root=$(mktemp -d /tmp/pvyield-initramfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,run,lib/modules}
cp "$BUSYBOX" "$root/bin/busybox"
for a in $("$BUSYBOX" --list); do
  [ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
done
mknod -m 600 "$root/dev/console" c 5 1 2>/dev/null || true

# Kernel modules: xen-privcmd then xenfs, plus whatever they depend on (read
# from each module's .modinfo "depends=" field; the package has no modules.dep).
# .ko.xz / .ko.zst are decompressed because busybox insmod wants plain .ko.
modpath() {  # NAME -> path of NAME.ko* under $moddir ('-' and '_' are equivalent)
  local n=$1 alt
  alt=$(printf '%s' "$n" | tr '_-' '-_')
  find "$moddir" \( -name "$n.ko" -o -name "$n.ko.*" -o -name "$alt.ko" -o -name "$alt.ko.*" \) -print -quit
}
decompress() { case $1 in *.xz) xz -dc "$1";; *.zst) zstd -dc "$1";; *.gz) zcat "$1";; *) cat "$1";; esac; }
order=()
add_module() {
  local n=$1 p dep
  for dep in "${order[@]}"; do [ "$dep" = "$n" ] && return 0; done
  p=$(modpath "$n")
  [ -n "$p" ] || { echo "make-initramfs: module $n not found in $moddir" >&2; exit 1; }
  decompress "$p" > "$root/lib/modules/$n.ko"
  for dep in $(grep -a -o 'depends=[A-Za-z0-9_,-]*' "$root/lib/modules/$n.ko" | head -n 1 | cut -d= -f2 | tr ',' ' '); do
    add_module "$dep"
  done
  order+=("$n")   # dependencies first
}
add_module xen-privcmd
add_module xenfs
printf '%s\n' "${order[@]}" > "$root/lib/modules/order"

# Helpers shared by /init and a payload's run.sh (`. /lib/pvyield.sh`).
cat > "$root/lib/pvyield.sh" <<'LIB'
# section NAME CMD...: run CMD, its output between markers. NAME may end in
# .b64 when CMD prints base64 (the host decodes it to NAME without .b64).
section() {
  _name=$1; shift
  printf '\n===PVYIELD-BEGIN %s===\n' "$_name"
  "$@" 2>&1
  _rc=$?
  printf '\n===PVYIELD-END %s===\n' "$_name"
  return $_rc
}
# section_file NAME FILE: a file's bytes as base64, decoded on the host to NAME.
section_file() { section "$1.b64" base64 "$2"; }
LIB

cat > "$root/init" <<'INIT'
#!/bin/sh
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /proc/xen
exec </dev/console >/dev/console 2>&1
dmesg -n 1                           # keep kernel messages out of our output
for m in $(cat /lib/modules/order); do insmod /lib/modules/$m.ko || echo "init: insmod $m failed"; done
mount -t xenfs xenfs /proc/xen || echo "init: mount xenfs failed"
. /lib/pvyield.sh
echo "===PVYIELD-START==="
if [ -f /payload/run.sh ]; then
  cd /payload
  sh /payload/run.sh
  rc=$?
  cd /
  section payload-exit echo "$rc"
else
  section hypervisor-type cat /sys/hypervisor/type
  section guest-type cat /sys/hypervisor/guest_type
  section xen-capabilities cat /proc/xen/capabilities
  section xen-version sh -c 'cd /sys/hypervisor/version && echo "$(cat major).$(cat minor)$(cat extra)"'
  section proc-mtrr sh -c 'ls -l /proc/mtrr && cat /proc/mtrr'
  section microcode ls -la /sys/devices/system/cpu/microcode
  section iommu ls -la /sys/class/iommu
  section uname uname -a
  section cpuinfo-hypervisor-flag sh -c 'grep -m1 -o -w hypervisor /proc/cpuinfo || echo absent'
  section dmesg sh -c "dmesg | grep -E 'Hypervisor detected|Booting|MTRR|PAT|Xen version'"
fi
echo "===PVYIELD-DONE==="
poweroff -f
INIT
chmod 755 "$root/init"

if [ -n "$PAYLOAD" ]; then
  mkdir -p "$root/payload"
  cp -a "$PAYLOAD"/. "$root/payload/"
fi

mkdir -p "$(dirname "$OUT")"
(cd "$root" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) | gzip -6 > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "make-initramfs: $OUT ($(du -h "$OUT" | cut -f1); modules: ${order[*]}${PAYLOAD:+; payload: $PAYLOAD})"
