#!/usr/bin/env bash
# npm run test:cluster — factcheck on a real cluster scheduler, checked against one run.
#
# 1. Installs Slurm and munge (and GNU parallel) from Debian when missing.
# 2. Starts a one-node Slurm cluster on this machine: munged, slurmctld and
#    slurmd as foreground child processes of this script, loopback only,
#    proctrack/linuxproc, task/none, no cgroups, no accounting database.
# 3. Submits `sbatch --array=1-4`, each task linting one shard of the bench
#    corpus with --emit-paragraph-hashes; waits with `sbatch --wait`, then
#    checks with sacct-free Slurm commands (squeue) that nothing is left.
# 4. Merges the four outputs with --merge-corpus and checks the result is
#    byte for byte one plain `factcheck --format json` run over the same files.
# 5. The same with GNU parallel: records piped through `factcheck --records`
#    in blocks, merged, checked against the same plain run.
# Prints each stage's time. Whatever happens, the daemons are stopped (trap).
#
#   FACTCHECK_CLUSTER_CORPUS  the folder to lint (default /work/shared/bench/corpus)
#   FACTCHECK_CLUSTER_KEEP=1  keep the work folder (outputs, logs, slurm.conf)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/dist/bundle/bin.js"
corpus=${FACTCHECK_CLUSTER_CORPUS:-/work/shared/bench/corpus}
node=$(command -v node)

say() { printf 'test:cluster: %s\n' "$*"; }
fail() { printf 'test:cluster: FAIL: %s\n' "$*" >&2; exit 1; }

[ -f "$bin" ] || fail "no $bin: run npm run build first"
[ -d "$corpus" ] || fail "no corpus folder $corpus"

# --- timing -------------------------------------------------------------
stages=()
stage_start=0
begin() { stage_name=$1; stage_start=$(date +%s.%N); say "$stage_name …"; }
end() {
  local took
  took=$(awk -v a="$stage_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  stages+=("$(printf '%-70s %8s s' "$stage_name" "$took")")
}

# --- 1. packages --------------------------------------------------------
begin 'install slurm-wlm, munge, parallel if missing'
missing=()
for tool in slurmctld slurmd sbatch munged mungekey parallel; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing ${missing[*]}, and installing needs root"
  say "missing: ${missing[*]}; installing from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends slurm-wlm munge parallel >/dev/null
fi
end

# --- 2. a one-node cluster ----------------------------------------------
work=$(mktemp -d /tmp/factcheck-cluster.XXXXXX)
chmod 711 "$work"
pids=()
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [ -n "${SLURM_CONF:-}" ] && [ -f "$SLURM_CONF" ]; then scancel --quiet --name=factcheck-shards 2>/dev/null || true; fi
  # Only the daemons this script started, by their process ids, newest first.
  for ((index = ${#pids[@]} - 1; index >= 0; index--)); do kill "${pids[index]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    # A daemon gets 10 seconds to stop, then is killed.
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${FACTCHECK_CLUSTER_KEEP:-}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Two free loopback ports for slurmctld and slurmd.
read -r ctld_port slurmd_port < <("$node" -e '
  const net = require("node:net")
  const free = () => new Promise((resolve) => { const server = net.createServer().listen(0, "127.0.0.1", () => { const {port} = server.address(); server.close(() => resolve(port)) }) })
  Promise.all([free(), free()]).then((ports) => console.log(ports.join(" ")))')

begin 'start munged, slurmctld, slurmd'
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/out"
mungekey --create --keyfile="$work/munge/munge.key" >/dev/null 2>&1 || dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --foreground --force --socket="$socket" --key-file="$work/munge/munge.key" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" >>"$work/munge/munged.out" 2>&1 &
pids+=($!)

nodename=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=factcheck
SlurmctldHost=$nodename(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=60
NodeName=$nodename NodeAddr=127.0.0.1 NodeHostname=$nodename CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=factcheck Nodes=$nodename Default=YES MaxTime=INFINITE State=UP
CONF

for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || fail "munged did not start: $(cat "$work/munge/munged.log" 2>/dev/null)"
slurmctld -D -i -f "$SLURM_CONF" >>"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$nodename" -f "$SLURM_CONF" >>"$work/slurmd.out" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 90))
while [ $SECONDS -lt $deadline ]; do
  state=$(timeout 10 sinfo --noheader --nodes="$nodename" --format=%T 2>/dev/null || true)
  case "$state" in idle*|mixed*|allocated*) break ;; esac
  sleep 0.5
done
case "$state" in idle*|mixed*|allocated*) ;; *) fail "the node did not come up (state: ${state:-none}); see $work/slurmctld.log, $work/slurmd.log" ;; esac
say "node $nodename is $state ($cpus CPUs), slurmctld on 127.0.0.1:$ctld_port"
end

# --- 3. the job array ---------------------------------------------------
count=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' -o -name '*.html' -o -name '*.htm' \) | wc -l)
script="$work/factcheck-shard.sbatch"
cat > "$script" <<JOB
#!/bin/bash
#SBATCH --job-name=factcheck-shards
#SBATCH --array=1-4
#SBATCH --cpus-per-task=1
#SBATCH --chdir=$corpus
#SBATCH --output=$work/out/shard-%a.log
# One shard of the corpus: factcheck exits 1 when it finds errors, which is a result, not a failure.
"$node" "$bin" --format json --emit-paragraph-hashes --jobs 1 \\
  --shard "\$SLURM_ARRAY_TASK_ID/\$SLURM_ARRAY_TASK_COUNT" \\
  --output "$work/out/shard-\$SLURM_ARRAY_TASK_ID.json" .
code=\$?
[ \$code -le 1 ] || exit \$code
JOB
cp "$script" "$work/out/"

begin "sbatch --array=1-4 --wait over $count files"
# In the background and waited for, so that a signal reaches the trap at once.
sbatch --wait --parsable "$script" >"$work/jobid" &
wait $! || fail "the job array failed: $(cat "$work"/out/shard-*.log 2>/dev/null)"
jobid=$(cut -d';' -f1 <"$work/jobid")
left=$(squeue --noheader --jobs="$jobid" 2>/dev/null | wc -l)
[ "$left" = 0 ] || fail "squeue still lists $left tasks of job $jobid"
for index in 1 2 3 4; do [ -s "$work/out/shard-$index.json" ] || fail "shard $index wrote nothing: $(cat "$work/out/shard-$index.log")"; done
end

begin 'merge the 4 shard outputs (--merge-corpus)'
merge_code=0
"$node" "$bin" --merge-corpus "$work"/out/shard-{1,2,3,4}.json --output "$work/merged.json" || merge_code=$?
[ $merge_code -le 1 ] || fail "--merge-corpus exited $merge_code"
end

begin "one plain run, --format json --jobs $cpus"
(cd "$corpus" && "$node" "$bin" --format json --jobs "$cpus" --no-progress --output "$work/one.json" .) || [ $? -le 1 ] || fail 'the plain run failed'
end

begin 'compare merged with one run'
cmp -s "$work/merged.json" "$work/one.json" || fail "the merged report differs from one run: diff $work/merged.json $work/one.json (FACTCHECK_CLUSTER_KEEP=1 keeps them)"
summary=$("$node" -e '
  const report = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))
  const messages = report.flatMap((file) => file.messages)
  const shared = messages.filter((message) => message.ruleId === "shared-paragraph").length
  const sizes = process.argv.slice(2).map((file) => JSON.parse(require("node:fs").readFileSync(file, "utf8")).length)
  console.log(`${report.length} files (shards of ${sizes.join(", ")}), ${messages.length} messages, ${shared} shared-paragraph`)
' "$work/one.json" "$work"/out/shard-{1,2,3,4}.json)
say "Slurm: identical: $summary"
end

# --- 5. GNU parallel over records ---------------------------------------
begin 'write the corpus as JSON lines, in folder order'
(cd "$corpus" && "$node" -e '
  const fs = require("node:fs"), path = require("node:path")
  const walk = (folder) => fs.readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => entry.isDirectory() ? walk(path.join(folder, entry.name)) : /\.(txt|md|markdown|html?)$/i.test(entry.name) ? [path.join(folder, entry.name)] : [])
  for (const file of walk(".")) fs.writeSync(1, JSON.stringify({id: file, path: file, text: fs.readFileSync(file, "utf8")}) + "\n")
' >"$work/records.jsonl")
end

begin "parallel --pipe --keep-order --block 1M -j $cpus factcheck --records"
(cd "$corpus" && parallel --will-cite --pipe --keep-order --block 1M -j "$cpus" \
  "'$node' '$bin' --records --emit-paragraph-hashes --jobs 1; c=\$?; [ \$c -le 1 ]" <"$work/records.jsonl" >"$work/parallel.jsonl") || fail 'a parallel block failed'
blocks=$(awk -F'"line":' 'NF > 1 { split($2, n, ","); if (n[1] == 1) blocks++ } END { print blocks + 0 }' "$work/parallel.jsonl")
end

begin 'merge the parallel output (--merge-corpus)'
merge_code=0
"$node" "$bin" --merge-corpus "$work/parallel.jsonl" --output "$work/parallel-merged.jsonl" || merge_code=$?
[ $merge_code -le 1 ] || fail "--merge-corpus exited $merge_code"
end

begin 'compare with one run'
# A record carries text, not bytes: a file with invalid UTF-8 gets its `encoding` warning (the first
# bad byte) only when read as a file. Those warnings are left out of the comparison, and counted.
encoding=$("$node" -e '
  const fs = require("node:fs")
  const one = JSON.parse(fs.readFileSync(process.argv[1], "utf8"))
  const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)
  const expected = one.map((file) => JSON.stringify({id: file.path, path: file.path, messages: file.messages.filter((message) => message.ruleId !== "encoding")}))
  if (lines.length !== expected.length) { console.error(`${lines.length} records, ${expected.length} files`); process.exit(1) }
  const first = lines.findIndex((line, index) => line !== expected[index])
  if (first !== -1) { console.error(`record ${first + 1} differs:\n${lines[first]}\n${expected[first]}`); process.exit(1) }
  const encoding = one.filter((file) => file.messages.some((message) => message.ruleId === "encoding")).map((file) => file.path)
  console.log(encoding.length === 0 ? "none" : encoding.join(", "))
' "$work/one.json" "$work/parallel-merged.jsonl") || fail 'the merged records differ from one run'
say "GNU parallel: identical over $count records in $blocks blocks (file-only encoding warnings left out: $encoding)"
end

say 'stage times:'
printf '  %s\n' "${stages[@]}"
say 'PASS'
