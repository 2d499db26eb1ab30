#!/usr/bin/env bash
# Peak memory and throughput of MediaWikiExportReader on a large synthetic
# export dump (default 1 GB: many pages, each with several revisions).
#
#   scripts/bench/export-dump.sh [SIZE_MB]        (default 1024)
#   CONFIG=debug scripts/bench/export-dump.sh 64  (skip the release build)
#
# The dump is generated into a temporary folder, streamed to disk, read once
# by the MediaWikiExportBenchmark test (which is skipped unless
# PVYIELD_EXPORT_BENCH_FILE names a dump), and deleted. The target is a peak
# resident set under 64 MB whatever the dump's size.
set -euo pipefail

size_mb=${1:-1024}
config=${CONFIG:-release}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${SCRATCH:-$root/.build-export}
work=$(mktemp -d "${TMPDIR:-/tmp}/pvyield-export-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
dump=$work/export-dump.xml

echo "generating ${size_mb} MB dump in $dump" >&2
python3 - "$dump" "$size_mb" <<'PY'
import random, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
rng = random.Random(42)
words = ("xen yield paravirt iommu hypervisor microcode mtrr pv_ops guest dom0 "
         "&amp; &lt;source&gt; [[XenParavirtOps]] '''bold''' ''italic'' {{Template}} "
         "日本語 café").split()
# A pool of paragraphs, so generation is fast but revisions still differ.
pool = [" ".join(rng.choice(words) for _ in range(rng.randint(20, 120))) + "\n\n" for _ in range(500)]
with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
    out.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
              '  <siteinfo><sitename>Bench</sitename><case>first-letter</case></siteinfo>\n')
    written, page, rev = 0, 0, 0
    while written < size:
        page += 1
        parts = [f"  <page>\n    <title>Bench page {page}</title>\n    <ns>0</ns>\n    <id>{page}</id>\n"]
        parent = None
        for _ in range(rng.randint(2, 8)):
            rev += 1
            text = f"== Revision {rev} ==\n" + "".join(rng.choice(pool) for _ in range(rng.randint(2, 40)))
            parts.append(
                f"    <revision>\n      <id>{rev}</id>\n"
                + (f"      <parentid>{parent}</parentid>\n" if parent else "")
                + "      <timestamp>2015-08-08T01:00:00Z</timestamp>\n"
                + f"      <contributor><username>User{rev % 97}</username><id>{rev % 97 + 1}</id></contributor>\n"
                + "      <comment>bench edit</comment>\n      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                + f'      <text bytes="{len(text.encode())}" xml:space="preserve">{text}</text>\n'
                + "      <sha1>0</sha1>\n    </revision>\n")
            parent = rev
        parts.append("  </page>\n")
        chunk = "".join(parts)
        out.write(chunk)
        written += len(chunk.encode())
    out.write("</mediawiki>\n")
PY
ls -l "$dump" >&2

cd "$root"
echo "building tests ($config)" >&2
# -enable-testing: the test targets use @testable imports, which release builds otherwise refuse.
swift build -c "$config" --build-tests --scratch-path "$scratch" -Xswiftc -enable-testing >&2
tests=$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)/pvyieldPackageTests.xctest

echo "reading" >&2
PVYIELD_EXPORT_BENCH_FILE=$dump /usr/bin/time -f "time: %e s elapsed, peak RSS %M KB (/usr/bin/time)" \
  "$tests" --testing-library swift-testing --filter MediaWikiExportBenchmark 2>&1 \
  | grep -E "export-bench:|^time:|✘|error" || true
