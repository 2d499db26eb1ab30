#!/usr/bin/env bash
# Checks a built pvyield site the way a reader meets it: every page parses as
# HTML (libxml2's parser, via xmllint, and a strict Python check), every link
# and anchor resolves, and in headless Chromium every page loads without a
# console error or a request leaving the site, reads on a phone-sized screen,
# has readable contrast, and search finds a claim by a kernel symbol.
# Screenshots of the home page and a claim page go to .build-site-check/.
#
# Usage: scripts/site-check/check.sh [SITE_DIR]   (default: site; build it first with `make site`)
set -euo pipefail
cd "$(dirname "$0")/../.."
site=${1:-site}
out=.build-site-check
here=scripts/site-check

if [ ! -f "$site/index.html" ]; then
    echo "site-check: no $site/index.html; run 'make site' first" >&2
    exit 1
fi

# Debian's packages, installed when missing (root, or sudo).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "site-check: installing ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

# The DevTools client's one dependency, in a private virtualenv.
mkdir -p "$out"
if ! "$out/venv/bin/python" -c 'import websockets' 2>/dev/null; then
    python3 -m venv "$out/venv"
    "$out/venv/bin/pip" install -q 'websockets>=13,<18'
fi

status=0

# 1. libxml2's HTML parser. It predates HTML5, so it names HTML5's sectioning
#    and interactive elements as unknown tags; anything else is a real error.
html5='main|nav|header|footer|section|article|aside|figure|figcaption|details|summary|mark|time'
errors=$(find "$site" -name '*.html' -print0 | xargs -0 -n1 xmllint --html --noout 2>&1 \
    | grep -E 'error|warning' | grep -vE "Tag ($html5) invalid" || true)
pages=$(find "$site" -name '*.html' | wc -l)
if [ -n "$errors" ]; then
    echo "$errors"
    echo "xmllint: $pages pages, parse errors above"
    status=1
else
    echo "xmllint: $pages pages parse without errors (HTML5 element names aside)"
fi

# 2. Well-formedness, links and anchors, headings, labels: without a browser.
python3 "$here/static_check.py" "$site" || status=1

# 3. The browser.
"$out/venv/bin/python" "$here/browser_check.py" "$site" "$out" || status=1

exit $status
