#!/usr/bin/env python3
"""Turn one guest boot's sections into a content/verifications record.

    record.py verification BOOT_DIR GUEST SERIES OUT.json
    record.py fixture BOOT_DIR FIXTURE_DIR

BOOT_DIR is what scripts/xen-guest/boot.sh left for a boot whose payload was
payload/run.sh (uname-r.txt, proc-version.txt, xen-version.txt, verify.txt,
verify-exit.txt, detect.txt, snap.tar.gz, result). `verification` writes a
`pvyield-guest-verification/1` document (Sources/Probes/Report/
GuestVerification.swift): guest, kernelSeries, kernelRelease (uname -r),
kernelVersion (from /proc/version), xenVersion, date (the guest's verify run)
and report (the verify JSON as printed in the guest). `fixture` unpacks the
snapshot the guest took into FIXTURE_DIR (replacing it), leaving out a stored
file larger than 1 MB (see payload/README.md). Exits 1 with a message naming
the file at fault.
"""
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile

GUESTS = {"xen-pv-dom0": ("PV", "dom0"), "xen-pvh-dom0": ("PVH", "dom0"), "xen-pv-domu": ("PV", "domU")}
MAX_FIXTURE_FILE = 1 << 20


def fail(msg):
    print(f"record.py: {msg}", file=sys.stderr)
    sys.exit(1)


def section(boot, name, required=True):
    path = os.path.join(boot, name + ".txt")
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().strip()
    except FileNotFoundError:
        if required:
            fail(f"{path}: missing (the guest did not print section {name})")
        return None


def json_section(boot, name):
    text = section(boot, name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        fail(f"{os.path.join(boot, name + '.txt')}:{e.lineno}:{e.colno}: expected JSON ({e.msg})")


def kernel_version(proc_version, release):
    # Debian: "... #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2026-...)"; else
    # the release's leading version ("6.12.117+deb12-amd64" -> 6.12.117).
    # The compiler's "(Debian 12.2.0-14)" comes first: take the last match.
    found = re.findall(r"Debian (\d+\.\d+(?:\.\d+)?)", proc_version)
    if found:
        return found[-1]
    m = re.match(r"(\d+\.\d+(?:\.\d+)?)", release)
    return m.group(1) if m else None


def verification(boot, guest, series, out):
    if guest not in GUESTS:
        fail(f"unknown guest {guest}; known: {', '.join(GUESTS)}")
    try:
        with open(os.path.join(boot, "result")) as f:
            result = f.read().strip()
    except FileNotFoundError:
        result = "missing"
    if result != "ok":
        fail(f"{boot}/result: expected ok, got {result!r}")
    release = section(boot, "uname-r")
    proc_version = section(boot, "proc-version")
    if not release.startswith(series + ".") or not proc_version.startswith("Linux version " + release + " "):
        fail(f"{boot}: expected a Linux {series} kernel, got uname -r {release!r}, /proc/version {proc_version[:60]!r}")
    xen = section(boot, "xen-version")
    if not re.fullmatch(r"\d+\.\d+\S*", xen):
        fail(f"{boot}/xen-version.txt: expected a Xen version like 4.17.7, got {xen!r}")
    report = json_section(boot, "verify")
    if report.get("schema") != "pvyield-verify/1":
        fail(f"{boot}/verify.txt: expected schema pvyield-verify/1, got {report.get('schema')!r}")
    exit_status = section(boot, "verify-exit")
    if exit_status not in ("0", "1", "2"):
        fail(f"{boot}/verify-exit.txt: pvyield verify exited {exit_status} (expected 0, 1 or 2); "
             f"stderr: {section(boot, 'verify-stderr', required=False)!r}")
    record = {
        "format": "pvyield-guest-verification/1",
        "guest": guest,
        "kernelSeries": series,
        "kernelRelease": release,
        "kernelVersion": kernel_version(proc_version, release),
        "xenVersion": xen,
        "date": report.get("created"),
        "report": report,
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, out)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(report.get("summary", {}).items()))
    print(f"record.py: {out}: {guest} Linux {record['kernelVersion']} ({release}), Xen {xen}, "
          f"verify exit {exit_status}: {summary}")


def fixture(boot, dest):
    snap = os.path.join(boot, "snap.tar.gz")
    if not os.path.isfile(snap):
        fail(f"{snap}: missing (the guest's snapshot did not come back)")
    parent = os.path.dirname(os.path.abspath(dest))
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".fixture.", dir=parent)
    try:
        with tarfile.open(snap) as tar:
            tar.extractall(work, filter="data")
        # The archive holds manifest.json at the top or inside one folder.
        top = work
        entries = os.listdir(work)
        if "manifest.json" not in entries and len(entries) == 1 and os.path.isdir(os.path.join(work, entries[0])):
            top = os.path.join(work, entries[0])
        if not os.path.isfile(os.path.join(top, "manifest.json")):
            fail(f"{snap}: no manifest.json")
        left_out = []
        for d, _, files in os.walk(top):
            for n in files:
                p = os.path.join(d, n)
                size = os.path.getsize(p)
                if size > MAX_FIXTURE_FILE:
                    left_out.append((os.path.relpath(p, top), size))
                    os.remove(p)
        if left_out:
            with open(os.path.join(top, "LEFT-OUT.txt"), "w") as f:
                f.write("Stored files of the guest's snapshot left out of the fixture (over 1 MB):\n")
                for rel, size in left_out:
                    f.write(f"{rel} {size} bytes\n")
        if os.path.isdir(dest):
            shutil.rmtree(dest)
        os.replace(top, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"record.py: fixture {dest}" + "".join(f" (left out {rel}: {size} bytes)" for rel, size in left_out))


def main(argv):
    if len(argv) == 6 and argv[1] == "verification":
        verification(argv[2], argv[3], argv[4], argv[5])
    elif len(argv) == 4 and argv[1] == "fixture":
        fixture(argv[2], argv[3])
    else:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
