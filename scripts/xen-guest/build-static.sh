#!/usr/bin/env bash
# build-static.sh: a fully static, stripped Linux build of the pvyield product,
# to put in a Xen guest's initramfs (no shared libraries, no loader needed).
# Builds from the repo root into .build-static/ (separate from .build/) and
# prints the stripped binary's path: .build-static/pvyield-static.
#
# Env: SWIFT (default: `swift` on PATH, else /opt/swift/usr/bin/swift).
#
# A static link of libxml2 pulls in zlib, liblzma and ICU (libxml2-dev's
# dependencies ship the .a files); without the extra -l flags the link fails
# with "undefined reference to 'crc32' / 'lzma_end' / 'ucnv_open_72' /
# 'icudt72_dat'". libcmark.a (libcmark-dev) is picked up by -static itself.
# glibc warns that getpwnam/getaddrinfo/dlopen need glibc's shared libraries at
# run time; nothing pvyield runs in a guest uses them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

need=()
for p in libxml2-dev libcmark-dev pkg-config binutils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

SWIFT=${SWIFT:-$(command -v swift || echo /opt/swift/usr/bin/swift)}
flags=(-c release --product pvyield --scratch-path .build-static
       -Xswiftc -static-executable
       -Xlinker -lz -Xlinker -llzma -Xlinker -licuuc -Xlinker -licudata -Xlinker -lstdc++)
# The linker's glibc "statically linked applications" warnings are expected; keep
# them out of the way but show real errors.
mkdir -p .build-static
if ! "$SWIFT" build "${flags[@]}" > .build-static/build.log 2>&1; then
  grep -v -e 'in statically linked applications requires' -e "use of \`mktemp' is dangerous" .build-static/build.log | tail -n 60 >&2
  echo "build-static: swift build failed (full log: $root/.build-static/build.log)" >&2
  exit 1
fi
bin="$("$SWIFT" build "${flags[@]}" --show-bin-path)/pvyield"
out="$root/.build-static/pvyield-static"
cp "$bin" "$out.tmp"
strip "$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
