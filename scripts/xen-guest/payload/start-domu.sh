#!/bin/sh
# start-domu.sh: run in a PV dom0 by run.sh when /payload/domu exists. Starts
# the Xen toolstack from /payload/xen (Debian's xen-utils-4.17 and the
# libraries it needs, staged by stage-domu.sh), boots a PV domU from
# /payload/domu/domu.cfg with xl, and waits for it to power off. The domU's
# console goes to /tmp/domu-console/guest-domu.log (xenconsoled --log=guest);
# run.sh sends that file back. Limit: PVYIELD_DOMU_TIMEOUT seconds (guest
# clock), default 240.
X=/payload/xen
B=/usr/lib/xen-4.17/bin
LIMIT=${PVYIELD_DOMU_TIMEOUT:-240}
set -x
# The tools at the paths they were built for; the initramfs has no /usr, /lib64, /var.
ln -s $X/usr /usr
mkdir -p /lib64 /var /tmp/domu-console
ln -sf $X/lib64/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2
ln -s /run /var/run
mkdir -p /var/lib/xen /var/lib/xenstored /var/log/xen /var/lock /run/xen /run/xenstored /etc/xen
: > /etc/xen/xl.conf
# xenconsoled gives each guest console a pty.
mountpoint -q /dev/pts || mount -t devpts -o ptmxmode=0666 devpts /dev/pts
export LD_LIBRARY_PATH=$X/lib
for m in $(cat $X/modules/order); do insmod $X/modules/$m.ko || exit 1; done
ls -l /dev/xen
$B/xenstored --pid-file=/run/xenstored.pid || exit 1
i=0; while [ ! -S /run/xenstored/socket ] && [ $i -lt 30 ]; do sleep 1; i=$((i + 1)); done
$B/xen-init-dom0 || exit 1
$B/xenconsoled --pid-file=/run/xenconsoled.pid --log=guest --log-dir=/tmp/domu-console || exit 1
$B/xl create /payload/domu/domu.cfg || exit 1
start=$(cut -d. -f1 /proc/uptime)
set +x
while $B/xl list domu >/dev/null 2>&1; do
  now=$(cut -d. -f1 /proc/uptime)
  if [ $((now - start)) -ge "$LIMIT" ]; then
    echo "start-domu: domU still running after ${LIMIT}s; destroying it"
    $B/xl list
    $B/xl destroy domu
    exit 1
  fi
  sleep 2
done
echo "start-domu: domU gone after $(( $(cut -d. -f1 /proc/uptime) - start ))s"
# xenconsoled may still be writing the domU's last lines when the domain is
# gone: wait (10 s at most) for the end marker before the log is sent back.
i=0
while ! cat /tmp/domu-console/*.log 2>/dev/null | grep -q '===PVYIELD-DONE===' && [ $i -lt 10 ]; do
  sleep 1; i=$((i + 1))
done
