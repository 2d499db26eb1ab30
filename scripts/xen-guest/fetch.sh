#!/usr/bin/env bash
# Install the host tools and download + unpack Xen 4.17 and two Debian kernels
# (the 6.1 that linux-image-amd64 depends on, and the newest 6.12+deb12) into a
# cache directory. The Xen/kernel packages are only downloaded and unpacked
# with `dpkg -x`, never installed into /.
#
#   PVYIELD_XEN_CACHE   cache dir (default /var/cache/pvyield-xen)
#
# Writes $PVYIELD_XEN_CACHE/current.env (sourced by boot.sh) and prints the
# versions it used. Safe to re-run: cached .debs and unpacked trees are reused.
set -euo pipefail

CACHE=${PVYIELD_XEN_CACHE:-/var/cache/pvyield-xen}
case $CACHE in *,*) echo "fetch.sh: cache path must not contain a comma (QEMU -initrd syntax): $CACHE" >&2; exit 2;; esac
mkdir -p "$CACHE/debs"
export DEBIAN_FRONTEND=noninteractive

log() { printf 'fetch: %s\n' "$*" >&2; }
t0=$SECONDS

updated=0
apt_update() {
  [ "$updated" = 1 ] && return 0
  log "apt-get update"
  apt-get update -qq
  updated=1
}
# apt lists are needed for every look-up below; a fresh machine may have none.
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then apt_update; fi

# --- host tools --------------------------------------------------------------
need=()
for p in qemu-system-x86 busybox-static cpio xz-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { apt_update; apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

t_tools=$((SECONDS - t0))

# --- which packages ----------------------------------------------------------
candidate() { apt-cache policy "$1" 2>/dev/null | awk '$1=="Candidate:"{print $2}'; }
k61_pkg() { apt-cache depends linux-image-amd64 2>/dev/null | awk '$1=="Depends:" && $2 ~ /^linux-image-6\.1\./ {print $2; exit}'; }
k612_pkg() {
  apt-cache search --names-only '^linux-image-6\.12\.[0-9]+\+deb12-amd64$' 2>/dev/null \
    | awk '{print $1}' | sort -V | tail -n 1
}
XEN_PKG=xen-hypervisor-4.17-amd64
resolve() {  # sets K61_PKG, K612_PKG and the three candidate versions
  K61_PKG=$(k61_pkg); K612_PKG=$(k612_pkg)
  XEN_VER=$(candidate "$XEN_PKG")
  K61_VER=$([ -z "$K61_PKG" ] || candidate "$K61_PKG")
  K612_VER=$([ -z "$K612_PKG" ] || candidate "$K612_PKG")
  local v
  for v in "$XEN_VER" "$K61_VER" "$K612_VER"; do
    [ -n "$v" ] && [ "$v" != "(none)" ] || return 1
  done
}

# download PKG VER -> prints the path of the cached .deb
download() {
  local pkg=$1 ver=$2 file tmp
  file="$CACHE/debs/${pkg}_${ver//:/%3a}_amd64.deb"
  if [ ! -s "$file" ]; then
    log "downloading $pkg $ver"
    # apt-get download writes into the current directory as user _apt when it
    # can: use a world-writable temp dir, then move the file into place.
    tmp=$(mktemp -d "$CACHE/debs/.dl.XXXXXX")
    chmod 777 "$tmp"
    (cd "$tmp" && apt-get download -qq "$pkg=$ver" >/dev/null) || { rm -rf "$tmp"; return 1; }
    mv "$tmp"/*.deb "$file"; rm -rf "$tmp"
  fi
  printf '%s\n' "$file"
}
download_all() {
  xen_deb=$(download "$XEN_PKG" "$XEN_VER") &&
  k61_deb=$(download "$K61_PKG" "$K61_VER") &&
  k612_deb=$(download "$K612_PKG" "$K612_VER")
}

t1=$SECONDS
# Stale package lists show up as a missing name or a failed download: then
# update once and try again.
if ! resolve || ! download_all; then
  apt_update
  resolve || { log "cannot resolve packages: xen=$XEN_VER ${K61_PKG:-linux 6.1?}=$K61_VER ${K612_PKG:-linux 6.12?}=$K612_VER"; exit 1; }
  download_all
fi
t_download=$((SECONDS - t1)); t1=$SECONDS

# unpack DEB DIR: dpkg -x into DIR once (a .done stamp marks completion)
unpack() {
  local deb=$1 dir=$2
  if [ ! -e "$dir/.done" ]; then
    log "unpacking $(basename "$deb")"
    rm -rf "$dir"; mkdir -p "$dir"
    dpkg -x "$deb" "$dir"
    touch "$dir/.done"
  fi
}

XEN_DIR="$CACHE/unpacked/${XEN_PKG}_${XEN_VER//:/%3a}"
unpack "$xen_deb" "$XEN_DIR"
XEN_GZ=$(ls "$XEN_DIR"/boot/xen-4.17*-amd64.gz 2>/dev/null | head -n 1)
[ -n "$XEN_GZ" ] || { log "no boot/xen-4.17*-amd64.gz in $XEN_PKG"; exit 1; }
XEN_IMAGE="$XEN_DIR/xen"   # 32-bit multiboot ELF for QEMU -kernel
[ -s "$XEN_IMAGE" ] || { zcat "$XEN_GZ" > "$XEN_IMAGE.tmp" && mv "$XEN_IMAGE.tmp" "$XEN_IMAGE"; }

K61_DIR="$CACHE/unpacked/${K61_PKG}_${K61_VER//:/%3a}"
K612_DIR="$CACHE/unpacked/${K612_PKG}_${K612_VER//:/%3a}"
unpack "$k61_deb" "$K61_DIR"
unpack "$k612_deb" "$K612_DIR"
for d in "$K61_DIR" "$K612_DIR"; do
  ls "$d"/boot/vmlinuz-* >/dev/null 2>&1 || { log "no boot/vmlinuz-* in $d"; exit 1; }
done
t_unpack=$((SECONDS - t1))

# Drop older versions from the cache.
for f in "$CACHE"/debs/*.deb; do
  case $f in "$xen_deb"|"$k61_deb"|"$k612_deb") ;; *) [ -e "$f" ] && { log "removing old $(basename "$f")"; rm -f "$f"; } ;; esac
done
for d in "$CACHE"/unpacked/*; do
  case $d in "$XEN_DIR"|"$K61_DIR"|"$K612_DIR") ;; *) [ -e "$d" ] && { log "removing old $d"; rm -rf "$d"; } ;; esac
done

{
  printf '# written by scripts/xen-guest/fetch.sh\n'
  for v in XEN_PKG XEN_VER XEN_IMAGE K61_PKG K61_VER K61_DIR K612_PKG K612_VER K612_DIR; do
    printf '%s=%q\n' "$v" "${!v}"
  done
} > "$CACHE/current.env.tmp"
mv "$CACHE/current.env.tmp" "$CACHE/current.env"

printf 'xen:        %s %s\n' "$XEN_PKG" "$XEN_VER"
printf 'linux 6.1:  %s %s\n' "$K61_PKG" "$K61_VER"
printf 'linux 6.12: %s %s\n' "$K612_PKG" "$K612_VER"
printf 'cache:      %s\n' "$CACHE"
printf 'seconds:    host tools %s, download %s, unpack %s\n' "$t_tools" "$t_download" "$t_unpack"
