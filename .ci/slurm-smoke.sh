#!/usr/bin/env bash
# CI: runs the Slurm fan-out for real on a single-node Slurm cluster on this machine (Debian's slurm-wlm and munge;
# needs root). Writes a one-node slurm.conf (this host, its CPUs and memory as `slurmd -C` reports them, no cgroups),
# starts munged, slurmctld and slurmd, submits a smoke-profile suite of 3 trials (fnet, seeds 0-2) through deploy/slurm-submit.sh
# (one build, then `sbatch --array`), waits for the array, merges the trial folders with `./lra report`, checks that
# every trial completed and prints the merged summary. Stops the daemons it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/target/slurm-smoke"
suite="--protocol scifar --profile smoke --models fnet --seeds 3"
timeout_s="${LRA_SLURM_SMOKE_TIMEOUT:-900}"

log() { echo "slurm-smoke: $*"; }

if ! command -v sbatch >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  log "installing slurm-wlm and munge from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host="$(hostname -s)"
node_line="$(slurmd -C | head -n 1)"
node_line="${node_line/NodeName=* CPUs/NodeName=$host CPUs}"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
cat > /etc/slurm/slurm.conf <<CONF
# single-node CI cluster written by .ci/slurm-smoke.sh
ClusterName=lra-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SlurmdTimeout=300
$node_line State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
log "slurm.conf node: $node_line"

started=()
cleanup() {
  scontrol shutdown >/dev/null 2>&1 || true
  sleep 1
  for pidfile in "${started[@]}"; do
    if [[ -f "$pidfile" ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT

if [[ ! -f /etc/munge/munge.key ]]; then
  mungekey --create >/dev/null 2>&1 || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null
fi
chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
chmod 0700 /etc/munge; chmod 0400 /etc/munge/munge.key
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
  started+=(/run/munge/munged.pid)
fi
munge -n | unmunge >/dev/null
log "munged is up"

slurmctld -c
started+=(/run/slurmctld.pid)
slurmd
started+=(/run/slurmd.pid)
for _ in $(seq 1 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then break; fi
  sleep 1
done
sinfo
if ! sinfo -h -o '%t' | grep -qE '^(idle|mix|alloc)'; then
  log "the node did not come up"; tail -n 30 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log || true
  exit 1
fi

rm -rf "$out"
job="$(LRA_SUITE="$suite" LRA_FANOUT_OUT="$out" LRA_DATA="$root/target/no-data-needed" \
       LRA_JAVA_OPTS="-Xmx2g" deploy/slurm-submit.sh --cpus-per-task=1 --mem=3G --time=00:20:00)"
log "submitted array job $job"
squeue
waited=0
while [[ -n "$(squeue -h -j "$job" 2>/dev/null)" ]]; do
  if (( waited >= timeout_s )); then
    log "the array did not finish within ${timeout_s}s"; squeue; scancel "$job" || true
    tail -n 40 logs/lra-bench-"$job"-*.log || true
    exit 1
  fi
  sleep 5; waited=$((waited + 5))
done
log "array job $job finished after ~${waited}s"

status=0
tasks=$(find "$out" -maxdepth 1 -type d -name 'trial-*' | wc -l)
if (( tasks < 3 )); then log "expected 3 trial folders, found $tasks"; status=1; fi
for log_file in logs/lra-bench-"$job"-*.log; do
  echo "--- $log_file (last lines)"; tail -n 3 "$log_file"
done
LRA_NO_BUILD=1 ./lra report "$out"/trial-* --out "$out"
results=$(find "$out" -name result.json | wc -l)
completed=$(grep -l '"status" : "completed"' $(find "$out" -name result.json) /dev/null | wc -l)
log "$completed of $results trial(s) completed ($tasks array task(s))"
if (( results < 3 || completed != results )); then status=1; fi
echo "--- merged summary ($out/summary.md)"
cat "$out/summary.md"
exit "$status"
