#!/usr/bin/env bash
# Download Debian's linux-source-6.1 and the newest linux-source-6.12 (bookworm,
# the 6.12 one comes from bookworm-security) and extract kernel trees for
# pvyield's KernelSource scanner.
#
#   fetch.sh [--full] [--series "6.1 6.12"] OUT
#
#   default   extract only the files in files.txt (next to this script) into
#             OUT/linux-6.1 and OUT/linux-6.12: enough for the page's probes
#   --full    extract the whole tree (for the benchmark)
#   --series  which linux-source-X packages (default "6.1 6.12")
#
#   PVYIELD_KERNEL_SRC_CACHE   where the .debs are kept
#                              (default /var/cache/pvyield-kernel-src)
#
# Needs root only for `apt-get update` when the package lists lack a package.
# Packages are only downloaded (`apt-get download`), never installed.
# A package that cannot be had prints "skipped: ..." and leaves nothing
# extracted for that version; the script still exits 0 so CI can go on
# without the source checks. Re-running reuses the cached .debs, and a tree
# already extracted from the same package version, mode and file list.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
full=0
SERIES="6.1 6.12"
usage() { echo "usage: $0 [--full] [--series \"6.1 6.12\"] OUT" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --full) full=1; shift;;
    --series) [ $# -ge 2 ] || usage; SERIES=$2; shift 2;;
    -*) usage;;
    *) break;;
  esac
done
[ $# -eq 1 ] || usage
OUT=$1
CACHE=${PVYIELD_KERNEL_SRC_CACHE:-/var/cache/pvyield-kernel-src}
FILES=$here/files.txt

log() { printf 'kernel-src: %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

mkdir -p "$CACHE" "$OUT"

candidate() { apt-cache policy "$1" 2>/dev/null | awk '$1=="Candidate:"{print $2}'; }
updated=0
# The candidate is the newest version apt knows (for 6.12 that is the
# bookworm-security one); refresh the lists once if a package is unknown.
version_of() {
  local v; v=$(candidate "$1")
  if { [ -z "$v" ] || [ "$v" = "(none)" ]; } && [ "$updated" = 0 ]; then
    updated=1
    log "apt-get update (no candidate for $1)"
    apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed"
    v=$(candidate "$1")
  fi
  [ "$v" = "(none)" ] && v=
  printf '%s' "$v"
}

# download PKG VERSION -> path of the cached .deb on stdout
download() {
  local pkg=$1 ver=$2 deb
  deb=$(ls "$CACHE/${pkg}_"*"_all.deb" 2>/dev/null | grep -F "_${ver/:/%3a}_" | head -n 1 || true)
  if [ -z "$deb" ]; then
    log "apt-get download $pkg=$ver"
    (cd "$CACHE" && apt-get download -q "$pkg=$ver" >/dev/null 2>&1) || return 1
    deb=$(ls "$CACHE/${pkg}_"*"_all.deb" 2>/dev/null | grep -F "_${ver/:/%3a}_" | head -n 1 || true)
  fi
  [ -n "$deb" ] && printf '%s' "$deb"
}

# The paths to extract, comments and blank lines dropped.
wanted_files() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$FILES"; }

# A stamp in each extracted tree says what it was made from, so a re-run can
# keep it; it also marks the directory as ours, the only kind we delete.
stamp_for() {
  local pkg=$1 ver=$2
  if [ "$full" = 1 ]; then echo "$pkg $ver full"
  else echo "$pkg $ver files $(wanted_files | sha256sum | cut -c1-16)"; fi
}

extract() {
  local series=$1 pkg=linux-source-$1 ver deb dest tmp stamp start errs missing
  dest=$OUT/linux-$series
  ver=$(version_of "$pkg")
  if [ -z "$ver" ]; then echo "skipped: $pkg has no installation candidate in apt's lists"; return 0; fi
  if ! deb=$(download "$pkg" "$ver"); then
    echo "skipped: apt-get download $pkg=$ver failed (no network or mirror?)"; return 0
  fi
  stamp=$(stamp_for "$pkg" "$ver")
  if [ -f "$dest/.pvyield-kernel-src" ] && [ "$(cat "$dest/.pvyield-kernel-src")" = "$stamp" ]; then
    echo "cached: $dest ($stamp)"; return 0
  fi
  if [ -e "$dest" ] && [ ! -f "$dest/.pvyield-kernel-src" ]; then
    log "$dest exists and was not made by this script; not touching it"; exit 1
  fi

  tmp=$OUT/.linux-$series.tmp
  rm -rf "$tmp"; mkdir -p "$tmp"
  errs=$(mktemp)
  start=$(now)
  # The .deb holds usr/src/linux-source-X.tar.xz whose members all start with
  # linux-source-X/. Stream it out of the .deb instead of caching a copy.
  local members=()
  if [ "$full" = 0 ]; then
    mapfile -t members < <(wanted_files | sed "s|^|linux-source-$series/|")
  fi
  set +e
  dpkg-deb --fsys-tarfile "$deb" \
    | tar -xOf - "./usr/src/linux-source-$series.tar.xz" \
    | tar -xJf - -C "$tmp" --strip-components=1 "${members[@]}" 2>"$errs"
  local rc=("${PIPESTATUS[@]}")
  set -e
  # GNU tar exits 2 when a listed member is absent; that is expected for files
  # a newer kernel removed, so only other errors count.
  missing=$(sed -n 's|^tar: linux-source-[^/]*/\(.*\): Not found in archive$|\1|p' "$errs")
  # The readers upstream may see SIGPIPE (141) once the last tar has read the
  # end-of-archive marker; that is not a failure.
  ok_upstream() { [ "$1" = 0 ] || [ "$1" = 141 ]; }
  if ! ok_upstream "${rc[0]}" || ! ok_upstream "${rc[1]}" \
     || { [ "${rc[2]}" != 0 ] && [ -z "$missing" ]; } \
     || grep -v -e 'Not found in archive' -e 'Exiting with failure status' "$errs" | grep -q .; then
    log "extracting $deb failed:"; cat "$errs" >&2; rm -rf "$tmp" "$errs"; exit 1
  fi
  rm -f "$errs"
  [ -f "$tmp/Makefile" ] || { log "no Makefile in $pkg's tarball"; rm -rf "$tmp"; exit 1; }
  echo "$stamp" > "$tmp/.pvyield-kernel-src"
  rm -rf "$dest"; mv "$tmp" "$dest"

  local count; count=$(find "$dest" -type f ! -name .pvyield-kernel-src | wc -l)
  echo "extracted: $dest <- $pkg $ver ($count files, $(since "$start") s)"
  if [ -n "$missing" ]; then
    printf '  not in this version: %s\n' $missing
  fi
}

total=$(now)
for s in $SERIES; do extract "$s"; done
echo "kernel-src: done in $(since "$total") s"
