#!/usr/bin/env bash
# Regenerate the MediaWiki 1.39 fixtures for the "XenParavirtOps/yielding" page.
#
# Usage: scripts/mediawiki-oracle/make-fixtures.sh [OUTDIR]
#   OUTDIR defaults to Tests/Fixtures/mediawiki/yielding (relative to the repo).
#
# Reads the hand-written revisions OUTDIR/revisions/r1.wiki .. r3.wiki (copied
# there from the repo's fixture directory when OUTDIR is elsewhere), installs a
# throwaway MediaWiki (SQLite) in a mktemp scratch folder, saves the revisions
# as one page with history and writes:
#   export-full.xml        dumpBackup.php --full (schema 0.11)
#   export-full-0.10.xml   dumpBackup.php --full --schema-version 0.10
#   rendered/rN.html       index.php?title=...&oldid=N, as a browser fetches it
#   rendered/current.html  index.php?title=... (the current page view)
#   parsed/rN.html         maintenance/parse.php of rN.wiki (bare parser output)
#
# Environment: PORT (default 8139) for the loopback server; SHARED (default
# ../shared beside the repo) for the export XSDs used to validate the dumps.
# Needs root only when Debian packages are missing.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SRC_REVS="$REPO/Tests/Fixtures/mediawiki/yielding/revisions"
OUT=${1:-"$REPO/Tests/Fixtures/mediawiki/yielding"}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PORT=${PORT:-8139}
SHARED=${SHARED:-"$REPO/../shared"}
MW=/usr/share/mediawiki
TITLE='XenParavirtOps/yielding'

# Revisions: file, user, edit summary, the time the edit is saved at (UTC).
REVS=(r1 r2 r3)
declare -A USER=([r1]=Admin [r2]=Mcgrof [r3]=Admin)
declare -A SUMMARY=(
  [r1]='Start page: introduction and IOMMU yielding'
  [r2]='Add CPU Microcode and MTRR sections'
  [r3]='Fixture edit: syntaxhighlight, links, emphasis and a list'
)
declare -A WHEN=(
  [r1]='2015-08-08 00:40:00'
  [r2]='2015-08-08 01:00:00'
  [r3]='2015-08-09 09:15:00'
)
# The wall clock the wiki server and parse.php see (after the last edit).
RENDER_TIME='2015-08-10 00:00:00'
# A fixed X-Request-Id (same shape as MediaWiki's random one), so that the
# pages' wgRequestId does not change from run to run.
REQUEST_ID=000000000000000000000000

log() { printf '>> %s\n' "$*" >&2; }

# --- 1. packages ------------------------------------------------------------
PKGS=(mediawiki php-cli php-sqlite3 php-intl php-mbstring php-xml faketime libxml2-utils curl)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing: ${missing[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "something already listens on 127.0.0.1:$PORT; set PORT to a free port" >&2; exit 1
fi

# --- inputs -----------------------------------------------------------------
mkdir -p "$OUT/revisions" "$OUT/rendered" "$OUT/parsed"
for r in "${REVS[@]}"; do
  if [ ! -f "$OUT/revisions/$r.wiki" ]; then
    cp "$SRC_REVS/$r.wiki" "$OUT/revisions/$r.wiki"
  fi
done

# --- scratch wiki -----------------------------------------------------------
W=$(mktemp -d "${TMPDIR:-/tmp}/mw-oracle.XXXXXX")
SERVER_PID=
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -s "$W/server.log" ]; then
    echo "--- server log:" >&2; tail -n 20 "$W/server.log" >&2
  fi
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$W"
}
trap cleanup EXIT
export TZ=UTC
CONF="$W/LocalSettings.php"
# Run a command with a fake wall clock that starts at $1 and advances one
# microsecond per clock read (libfaketime "@T i0.000001"), so the times seen do
# not depend on how fast the machine is. A fully frozen clock does not work:
# PHP's uniqid() spins until the clock moves. The monotonic clock stays real.
FAKETIME_LIB=$(dpkg -L libfaketime | grep '/libfaketime\.so\.1$' | head -n1)
fake_env() { printf '%s\n' LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$1 i0.000001" FAKETIME_DONT_FAKE_MONOTONIC=1; }
at() {
  local t=$1; shift
  local -a vars; mapfile -t vars < <(fake_env "$t")
  env "${vars[@]}" "$@"
}

log "installing MediaWiki in $W"
(cd "$MW" && php maintenance/install.php --dbtype sqlite --dbpath "$W/data" --dbname wikidb \
  --server "http://127.0.0.1:$PORT" --scriptpath "" --lang en \
  --pass 'Throwaway-Passw0rd-123' --confpath "$W" TestWiki Admin >"$W/install.log")
cat >>"$CONF" <<'EOF'

# make-fixtures.sh: take X-Request-Id from the fetch, so wgRequestId is fixed.
$wgAllowExternalReqID = true;
EOF

(cd "$MW" && php maintenance/createAndPromote.php --conf "$CONF" Mcgrof 'Throwaway-Passw0rd-456' >/dev/null)

for r in "${REVS[@]}"; do
  log "saving $r as ${USER[$r]} at ${WHEN[$r]}"
  (cd "$MW" && at "${WHEN[$r]}" php maintenance/edit.php --conf "$CONF" \
     -u "${USER[$r]}" -s "${SUMMARY[$r]}" "$TITLE" <"$OUT/revisions/$r.wiki" >/dev/null)
done

# --- exports ----------------------------------------------------------------
printf '%s\n' "$TITLE" >"$W/pagelist"
log "dumping"
(cd "$MW" && php maintenance/dumpBackup.php --conf "$CONF" --full --quiet \
   --pagelist="$W/pagelist" >"$OUT/export-full.xml")
(cd "$MW" && php maintenance/dumpBackup.php --conf "$CONF" --full --quiet \
   --schema-version 0.10 --pagelist="$W/pagelist" >"$OUT/export-full-0.10.xml")

if [ -f "$SHARED/corpora/mediawiki-export/local-export-0.11.xsd" ]; then
  xmllint --noout --schema "$SHARED/corpora/mediawiki-export/local-export-0.11.xsd" "$OUT/export-full.xml"
  xmllint --noout --schema "$SHARED/corpora/mediawiki-export/local-export-0.10.xsd" "$OUT/export-full-0.10.xml"
else
  log "no XSDs under $SHARED; skipping validation"
fi

# Revision ids in history order, as MediaWiki assigned them.
n=$(xmllint --xpath "count(//*[local-name()='revision'])" "$OUT/export-full.xml")
if [ "$n" -ne "${#REVS[@]}" ]; then
  echo "expected ${#REVS[@]} revisions in the dump, found $n" >&2; exit 1
fi
IDS=()
for i in "${!REVS[@]}"; do
  IDS+=("$(xmllint --xpath "string((//*[local-name()='revision'])[$((i + 1))]/*[local-name()='id'])" "$OUT/export-full.xml")")
done

# --- rendered pages ---------------------------------------------------------
log "serving on 127.0.0.1:$PORT"
mapfile -t FAKE_VARS < <(fake_env "$RENDER_TIME")
# A plain backgrounded command (not a function or subshell), so that $! is
# php itself once env has exec'd it, and killing it stops the server.
env -C "$MW" MW_CONFIG_FILE="$CONF" "${FAKE_VARS[@]}" php -S "127.0.0.1:$PORT" -t "$MW" >"$W/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT/index.php"
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api.php" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "php -S exited" >&2; exit 1; }
  sleep 0.2
done
kill -0 "$SERVER_PID" 2>/dev/null || { echo "php -S exited" >&2; exit 1; }
fetch() { curl -sS --fail -H "X-Request-Id: $REQUEST_ID" -o "$2" "$1"; }
for i in "${!REVS[@]}"; do
  r=${REVS[$i]}
  log "rendering $r (oldid=${IDS[$i]})"
  fetch "$BASE?title=$TITLE&oldid=${IDS[$i]}" "$OUT/rendered/$r.html"
done
fetch "$BASE?title=$TITLE" "$OUT/rendered/current.html"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=

# --- bare parser output -----------------------------------------------------
for r in "${REVS[@]}"; do
  (cd "$MW" && at "$RENDER_TIME" php maintenance/parse.php --conf "$CONF" --quiet \
     --title "$TITLE" <"$OUT/revisions/$r.wiki" >"$OUT/parsed/$r.html")
done

# --- scrub what is measured per run -----------------------------------------
# Only the parse's CPU time (getrusage, which no fake clock touches). Under the
# fake clock everything else is deterministic, wall times and
# wgBackendResponseTime included; the request id is fixed by the header.
sed -i -E \
  -e 's/"cputime":"[0-9.]+"/"cputime":"0.000"/g' \
  -e 's/^CPU time usage: [0-9.]+ seconds$/CPU time usage: 0.000 seconds/' \
  "$OUT"/rendered/*.html

log "done: $OUT"
