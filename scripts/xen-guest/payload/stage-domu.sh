#!/usr/bin/env bash
# stage-domu.sh KERNEL_DIR DOMU_INITRD PAYLOAD_DIR
#
# Adds to PAYLOAD_DIR what a PV dom0 needs to boot a PV domU (start-domu.sh):
#   xen/      Debian's Xen 4.17 toolstack (xl, xenstored, xenconsoled,
#             xen-init-dom0, libxl-save-helper) with its libraries, the host's
#             C libraries they link and the loader; modules/ with xen-evtchn,
#             xen-gntdev and xen-gntalloc from KERNEL_DIR (and their deps)
#   domu/     the kernel of KERNEL_DIR, DOMU_INITRD and domu.cfg
#   start-domu.sh
# The toolstack packages are downloaded (never installed) into
# $PVYIELD_XEN_CACHE/domu-tools (default /var/cache/pvyield-xen), at the
# version of the hypervisor fetch.sh chose. Exits 1 when they cannot be had.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 KERNEL_DIR DOMU_INITRD PAYLOAD_DIR" >&2; exit 2; }
KDIR=$1 INITRD=$2 P=$3
here=$(cd "$(dirname "$0")" && pwd)
CACHE=${PVYIELD_XEN_CACHE:-/var/cache/pvyield-xen}
# shellcheck disable=SC1091
. "$CACHE/current.env"
T="$CACHE/domu-tools"
mkdir -p "$T/debs"

# --- the toolstack packages (Xen's at the hypervisor's version) -------------
pkgs=(xen-utils-4.17 libxenmisc4.17 libxenstore4 libxencall1 libxenevtchn1 libxenforeignmemory1
      libxengnttab1 libxentoollog1 libxentoolcore1 libxendevicemodel1 libxenhypfs1)
stamp="$T/root.$XEN_VER.done"
if [ ! -e "$stamp" ]; then
  tmp=$(mktemp -d "$T/debs/.dl.XXXXXX"); chmod 777 "$tmp"
  specs=(libyajl2)
  for p in "${pkgs[@]}"; do specs+=("$p=$XEN_VER"); done
  (cd "$tmp" && apt-get download -qq "${specs[@]}" >/dev/null) || { rm -rf "$tmp"; echo "stage-domu: cannot download ${specs[*]}" >&2; exit 1; }
  rm -rf "$T/root" "$T"/root.*.done "$T"/debs/*.deb
  mv "$tmp"/*.deb "$T/debs/"; rm -rf "$tmp"
  mkdir -p "$T/root"
  for d in "$T"/debs/*.deb; do dpkg -x "$d" "$T/root"; done
  touch "$stamp"
fi
R="$T/root"

# --- binaries, libraries, loader ----------------------------------------------
X="$P/xen"
rm -rf "$X"; mkdir -p "$X/usr/lib/xen-4.17/bin" "$X/lib" "$X/lib64" "$X/modules"
bins=(xl xenstored xenconsoled xen-init-dom0 libxl-save-helper)
for b in "${bins[@]}"; do cp "$R/usr/lib/xen-4.17/bin/$b" "$X/usr/lib/xen-4.17/bin/"; done
cp -a "$R"/usr/lib/x86_64-linux-gnu/*.so* "$X/lib/"
# The host's C libraries the tools link (Debian bookworm, as the packages).
for b in "${bins[@]}"; do
  LD_LIBRARY_PATH="$X/lib" ldd "$R/usr/lib/xen-4.17/bin/$b"
done | awk '$3 ~ /^\// && $3 !~ /domu-tools|\/xen\/lib\// {print $3}' | sort -u | while read -r lib; do
  cp -L "$lib" "$X/lib/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$X/lib64/"
# glibc dlopens libgcc_s for pthread_cancel (xl's helper threads).
cp -L "$(ldconfig -p | awk '/libgcc_s\.so\.1 .*x86-64/ {print $NF; exit}')" "$X/lib/"
if LD_LIBRARY_PATH="$X/lib" ldd "$X/usr/lib/xen-4.17/bin/xl" | grep -q 'not found'; then
  echo "stage-domu: unresolved libraries for xl" >&2; exit 1
fi

# --- kernel modules the toolstack needs (xen-privcmd and xenfs: /init) ------
moddir=$(ls -d "$KDIR"/lib/modules/*/ | head -n 1)
decompress() { case $1 in *.xz) xz -dc "$1";; *.zst) zstd -dc "$1";; *) cat "$1";; esac; }
order=()
add_module() {
  local n=$1 alt p dep
  case $n in xen-privcmd|xen_privcmd|xenfs) return 0;; esac
  for dep in "${order[@]}"; do [ "$dep" = "$n" ] && return 0; done
  alt=$(printf '%s' "$n" | tr '_-' '-_')
  p=$(find "$moddir" \( -name "$n.ko*" -o -name "$alt.ko*" \) -print -quit)
  [ -n "$p" ] || { echo "stage-domu: module $n not in $moddir" >&2; exit 1; }
  decompress "$p" > "$X/modules/$n.ko"
  for dep in $(grep -a -o 'depends=[A-Za-z0-9_,-]*' "$X/modules/$n.ko" | head -n 1 | cut -d= -f2 | tr ',' ' '); do
    add_module "$dep"
  done
  order+=("$n")
}
for m in xen-evtchn xen-gntdev xen-gntalloc; do add_module "$m"; done
printf '%s\n' "${order[@]}" > "$X/modules/order"

# --- the domU ---------------------------------------------------------------
mkdir -p "$P/domu"
cp "$(ls "$KDIR"/boot/vmlinuz-* | head -n 1)" "$P/domu/vmlinuz"
cp "$INITRD" "$P/domu/initrd.cpio.gz"
cp "$here/domu.cfg" "$P/domu/domu.cfg"
cp "$here/start-domu.sh" "$P/start-domu.sh"
echo "stage-domu: $P (toolstack $XEN_VER, modules ${order[*]}, $(du -sh "$P/xen" | cut -f1) tools)" >&2
