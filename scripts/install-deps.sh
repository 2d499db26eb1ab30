#!/usr/bin/env bash
# Installs the system packages pvyield builds against, when missing:
# libxml2 (XML and HTML parsing), libcmark (CommonMark), zlib (/proc/config.gz).
# Debian/Ubuntu only; run as root (CI and the dev machines are root).
set -euo pipefail
need=()
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
