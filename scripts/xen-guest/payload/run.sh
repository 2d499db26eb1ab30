#!/bin/sh
# /payload/run.sh: runs inside a Xen dom0 booted by scripts/xen-guest/boot.sh
# (busybox sh, working directory /payload). /payload holds the static,
# stripped `pvyield` and a copy of the repository's `content/`. Every result
# goes to the serial console between section markers (see ../README.md); the
# host turns them into content/verifications/*.json (record.py).
#
# Sections: uname-r, proc-version, guest-type, xen-version, xen-version-files,
# detect (+ detect-stderr), verify (+ verify-exit, verify-stderr),
# snapshot-log, snapshot-exit (+ snapshot-dir-log, snapshot-dir-exit),
# snap.tar.gz.b64, and, for the host's failure excerpts, paths (what the
# probes' paths, listed in paths.txt, hold) and kernel-log (the whole log);
# in a PV dom0 staged with a domU: domu-start, domu-exit, domu-console.log.b64;
# guest-times (uptime after each step).
. /lib/pvyield.sh
P=/payload/pvyield
# Guest uptime after each step, printed last (section guest-times).
mark() { echo "$1 $(cut -d' ' -f1 /proc/uptime)" >> /tmp/guest-times; }
mark start

section uname-r uname -r
section proc-version cat /proc/version
section guest-type cat /sys/hypervisor/guest_type
# major.minor + extra, as `xl info` prints xen_version (e.g. 4.17.7).
section xen-version sh -c 'd=/sys/hypervisor/version; echo "$(cat $d/major).$(cat $d/minor)$(cat $d/extra)"'
section xen-version-files sh -c 'for f in /sys/hypervisor/version/*; do printf "%s=%s\n" "${f##*/}" "$(cat "$f")"; done'

# stdout only in the JSON sections; stderr gets its own section.
section detect sh -c '"$0" detect --format json 2>/tmp/detect.err' "$P"
section detect-stderr cat /tmp/detect.err
mark detect

# verify exits 0 (all applicable hold), 1 (contradicted) or 2 (unknown): all
# three are results; the host compares them with the expectations.
section verify sh -c '"$0" verify --format json --content /payload/content 2>/tmp/verify.err' "$P"
section verify-exit echo "$?"
section verify-stderr cat /tmp/verify.err
mark verify

# pvyield packs a .tar.gz with GNU tar's options (--sort=name, --owner=0,
# ...), which busybox tar lacks: if that fails, snapshot to a folder and pack
# it here. The .tar.gz try is killed after 30 s: Foundation's
# Process.waitUntilExit hung in it in about one try of four (README.md). A
# folder snapshot spawns nothing; it is killed after 120 s all the same.
section snapshot-log timeout -s KILL 30 "$P" snapshot --content /payload/content --out /tmp/snap.tar.gz
section snapshot-exit echo "$?"
if [ ! -s /tmp/snap.tar.gz ]; then
  rm -rf /tmp/snap /tmp/snap.tar.gz
  section snapshot-dir-log timeout -s KILL 120 "$P" snapshot --content /payload/content --out /tmp/snap
  section snapshot-dir-exit echo "$?"
  [ -d /tmp/snap ] && (cd /tmp/snap && tar -czf /tmp/snap.tar.gz .)
fi
mark snapshot
[ -s /tmp/snap.tar.gz ] && section_file snap.tar.gz /tmp/snap.tar.gz
mark snapshot-sent

# What the probes' paths hold, and the kernel log as the probes saw it, so
# that a failing check on the host can quote the lines about its evidence.
show_paths() {
  while read -r p; do
    if [ -d "$p" ]; then echo "$p: directory: $(ls -A "$p" | tr '\n' ' ')"
    elif [ -e "$p" ]; then head -n 3 "$p" 2>&1 | sed "s|^|$p: |"
    else echo "$p: absent"; fi
  done < /payload/paths.txt
}
section paths show_paths
# What one read of /proc/kallsyms costs and holds (probes read it whole).
mark paths
section kallsyms-size sh -c 'wc -lc < /proc/kallsyms'
mark kallsyms-read
section kernel-log dmesg

# A PV dom0 whose payload has domu/ (stage-domu.sh) boots a PV domU with the
# same kernel and the plain payload, and sends back its console: the host
# splits that into the domU's own sections.
if [ -f /payload/domu/domu.cfg ]; then
  mark domu-start
  section domu-start sh /payload/start-domu.sh
  section domu-exit echo "$?"
  mark domu-end
  for f in /tmp/domu-console/*.log; do
    [ -s "$f" ] && section_file domu-console.log "$f"
    break
  done
fi
mark end
section guest-times cat /tmp/guest-times
exit 0
