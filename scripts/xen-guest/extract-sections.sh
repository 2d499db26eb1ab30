#!/usr/bin/env bash
# extract-sections.sh SERIAL_LOG OUTDIR
#
# Writes each `===PVYIELD-BEGIN name===` ... `===PVYIELD-END name===` section of
# a serial log to OUTDIR/name.txt (CRs stripped, Xen's own "(XEN) " console
# lines dropped). A section whose name ends in .b64 holds base64 and is
# decoded to OUTDIR/<name without .b64> (e.g. results.tar.gz.b64 ->
# results.tar.gz). Prints the files written; exits 1 if a section was begun
# but never ended.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 SERIAL_LOG OUTDIR" >&2; exit 2; }
LOG=$1 OUT=$2
mkdir -p "$OUT"
raw=$(mktemp -d "$OUT/.sections.XXXXXX")
trap 'rm -rf "$raw"' EXIT

tr -d '\r' < "$LOG" | awk -v dir="$raw" '
  {
    if (match($0, /===PVYIELD-BEGIN [A-Za-z0-9._-]+===/)) {
      if (name != "") { print name > (dir "/.unterminated"); close(dir "/" name) }
      name = substr($0, RSTART + 17, RLENGTH - 20)
      if (name ~ /^\./) { name = ""; next }
      printf "" > (dir "/" name); havepending = 0; next
    }
    if (name == "") next
    if (match($0, /===PVYIELD-END [A-Za-z0-9._-]+===/)) {
      pre = substr($0, 1, RSTART - 1)
      if (havepending && !(pending == "" && pre == "")) print pending > (dir "/" name)
      if (pre != "") printf "%s", pre > (dir "/" name)
      close(dir "/" name); name = ""; havepending = 0; next
    }
    if ($0 ~ /^\(XEN\) /) next
    if (havepending) print pending > (dir "/" name)
    pending = $0; havepending = 1
  }
  END { if (name != "") print name > (dir "/.unterminated") }
'

status=0
if [ -s "$raw/.unterminated" ]; then
  echo "extract-sections: unterminated section(s): $(tr '\n' ' ' < "$raw/.unterminated")" >&2
  status=1
fi
for f in "$raw"/*; do
  [ -e "$f" ] || continue
  n=$(basename "$f")
  case $n in
    *.b64) base64 -d < "$f" > "$OUT/${n%.b64}" || { echo "extract-sections: bad base64 in $n" >&2; status=1; }
           echo "$OUT/${n%.b64}" ;;
    *)     mv "$f" "$OUT/$n.txt"; echo "$OUT/$n.txt" ;;
  esac
done
exit $status
