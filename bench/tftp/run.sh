#!/usr/bin/env bash
# TFTP transfers/s and transfers per server CPU-second: spaprov's TftpServer vs in.tftpd (tftpd-hpa)
# serving the same 30 KB files, each measured with two clients in the same run:
#   curl  one `curl -K list --parallel --parallel-max 8` process (the peer-made client), and
#   load  bench/tftp/TftpLoad.java (one selector thread, INFLIGHT non-blocking DatagramChannels),
# alternating in.tftpd/spaprov/in.tftpd/spaprov, medians of RUNS runs per client and blksize (see
# ../../../shared/BENCHMARKING.md). Each server runs in its own cpuacct cgroup, so in.tftpd's
# forked per-request children are counted too (needs root and cgroup v1 cpuacct or cgroup v2;
# without them the CPU columns are empty). Not part of the tests.
#
# Usage: bench/tftp/run.sh   (env: RUNS=5 COUNT=3000 LOAD_COUNT=6000 INFLIGHT=8 FILES=100
#                             BLKSIZES="512 1468" CLIENTS="curl load")
# Prints a Markdown table; raw runs go to $WORK/runs.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh

RUNS=${RUNS:-5}
COUNT=${COUNT:-3000}
LOAD_COUNT=${LOAD_COUNT:-6000}
INFLIGHT=${INFLIGHT:-8}
CLIENTS=${CLIENTS:-"curl load"}
FILES=${FILES:-100}
BLKSIZES=${BLKSIZES:-"512 1468"}
SIZE=${SIZE:-30720}
for bin in curl /usr/sbin/in.tftpd python3; do
  command -v "$bin" >/dev/null || { echo "run.sh: $bin is missing" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/spaprov-bench-tftp.XXXXXX)
PIDS=()
CGROUPS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  for g in "${CGROUPS[@]}"; do rmdir "$g" 2>/dev/null || true; done
}
trap cleanup EXIT

echo "# building spaprov-tftp (test classes) ..." >&2
mvn -B -q -ntp -pl spaprov-tftp test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >&2
CP="spaprov-tftp/target/classes:spaprov-tftp/target/test-classes:$(cat "$WORK/cp.txt")"

# The same FILES files of 30 KB of XML-like text for both servers; warm the page cache.
mkdir -p "$WORK/files"
python3 - "$WORK/files" "$FILES" "$SIZE" <<'PY'
import random, sys
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
for i in range(n):
    body = "".join(f'<Param_{j}_ ua="na">{rnd.getrandbits(64):016x}</Param_{j}_>\n' for j in range(2000))
    data = ("<flat-profile>\n" + body)[: size - 16] + "</flat-profile>\n"
    open(f"{d}/spa{i:012x}.xml", "w").write(data[:size].ljust(size))
PY
chmod -R a+rX "$WORK"
cat "$WORK"/files/* > /dev/null

free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# One cpuacct cgroup per server: its CPU counter covers every process in it, including children that
# in.tftpd forks per request and never waits for (it ignores SIGCHLD with SA_NOCLDWAIT, so their CPU
# never reaches its cutime/cstime in /proc/PID/stat).
CG_ROOT=""
if [ -w /sys/fs/cgroup/cpuacct ]; then CG_ROOT=/sys/fs/cgroup/cpuacct; CG_FILE=cpuacct.usage
elif [ -w /sys/fs/cgroup/cgroup.procs ] && [ -f /sys/fs/cgroup/cgroup.controllers ]; then CG_ROOT=/sys/fs/cgroup; CG_FILE=cpu.stat
fi
[ -n "$CG_ROOT" ] || echo "run.sh: no writable cgroup (run as root): no server CPU figures" >&2
make_cg() { # $1 name -> path of its CPU counter file, or empty
  [ -n "$CG_ROOT" ] || return 0
  local g="$CG_ROOT/spaprov-bench-$$-$1"; mkdir "$g"; echo "$g/$CG_FILE"
}
cg_ns() { # $1 counter file -> CPU nanoseconds (0 without cgroups)
  [ -n "$1" ] || { echo 0; return; }
  case "$1" in *cpu.stat) awk '$1=="usage_usec" { print $2*1000 }' "$1" ;; *) cat "$1" ;; esac
}
CPU_A=$(make_cg intftpd); CPU_B=$(make_cg spaprov); CPU_C=$(make_cg client)
for f in "$CPU_A" "$CPU_B" "$CPU_C"; do [ -z "$f" ] || CGROUPS+=("$(dirname "$f")"); done
in_cg() { # $1 counter file, then the command: exec it inside that cgroup
  local f="$1"; shift
  # exec: callers run it in a subshell (& or a pipeline), so $! is the server itself
  if [ -n "$f" ]; then exec sh -c 'echo $$ > "$0/cgroup.procs"; exec "$@"' "$(dirname "$f")" "$@"; else exec "$@"; fi
}

PORT_A=$(free_port)
in_cg "$CPU_A" /usr/sbin/in.tftpd -L -a "127.0.0.1:$PORT_A" -u "$(id -un)" -s "$WORK/files" &
PID_A=$!; PIDS+=("$PID_A")
PORT_B=$(free_port)
in_cg "$CPU_B" java -Xms256m -Xmx512m -cp "$CP" org.spaprov.tftp.bench.ServeDirectory 127.0.0.1 "$PORT_B" "$WORK/files" "${IO_THREADS:-0}" "${MODE:-inline}" > "$WORK/spaprov.log" 2>&1 &
PID_B=$!; PIDS+=("$PID_B")
mkdir -p "$WORK/load"
javac -d "$WORK/load" bench/tftp/TftpLoad.java

wait_ready() { # $1 port
  for _ in $(seq 1 100); do
    curl -s -o /dev/null --max-time 1 "tftp://127.0.0.1:$1/spa000000000000.xml" && return 0
    sleep 0.1
  done
  echo "run.sh: no TFTP server on port $1" >&2; exit 1
}
wait_ready "$PORT_A"; wait_ready "$PORT_B"

make_list() { # $1 port -> curl config with COUNT transfers over the files
  local f="$WORK/list-$1"
  : > "$f"
  for i in $(seq 0 $((COUNT - 1))); do
    printf 'url = "tftp://127.0.0.1:%s/spa%012x.xml"\noutput = "/dev/null"\n' "$1" $((i % FILES)) >> "$f"
  done
  echo "$f"
}
LIST_A=$(make_list "$PORT_A"); LIST_B=$(make_list "$PORT_B")

# One run: prints "transfers/s server-cpu-s client-cpu-s"; fails unless every transfer got SIZE bytes.
one_run() { # $1 client $2 port $3 server CPU file $4 list $5 blksize $6 warm-up (1 = discard)
  local s0 s1 c0 c1 t0 t1 ok out
  if [ "$1" = curl ]; then
    s0=$(cg_ns "$3"); c0=$(cg_ns "$CPU_C"); t0=$(date +%s.%N)
    ok=$(in_cg "$CPU_C" curl -s --parallel --parallel-max 8 --tftp-blksize "$5" -w '%{size_download}\n' -K "$4" 2>>"$WORK/curl.err" \
         | grep -c "^$SIZE\$" || true)
    t1=$(date +%s.%N); c1=$(cg_ns "$CPU_C"); s1=$(cg_ns "$3")
    if [ "$ok" -ne "$COUNT" ]; then echo "run.sh: only $ok of $COUNT transfers complete" >&2; exit 1; fi
    awk -v n="$COUNT" -v t0="$t0" -v t1="$t1" -v s="$((s1 - s0))" -v c="$((c1 - c0))" \
      'BEGIN { printf "%.1f %.3f %.3f\n", n/(t1-t0), s/1e9, c/1e9 }'
  else
    # TftpLoad warms itself (and the server) with COUNT/5 transfers, then times LOAD_COUNT.
    out=$(java -Xms64m -cp "$WORK/load" TftpLoad 127.0.0.1 "$2" "$LOAD_COUNT" "$INFLIGHT" "$5" "$SIZE" "$FILES" \
          $((LOAD_COUNT / 5)) $3) || { echo "run.sh: TftpLoad failed: $out" >&2; exit 1; }
    echo "$out" | sed -E 's/.*rate=([0-9.]+) load_cpu_s=([0-9.]+) server_cpu_s=([0-9.]+).*/\1 \3 \2/'
  fi
}
median() { sort -g | awk '{ a[NR]=$1 } END { print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2 }'; }

printf 'client\tblksize\tserver\trun\ttransfers_per_s\tserver_cpu_s\tclient_cpu_s\ttransfers\n' > "$WORK/runs.tsv"
echo "# $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg) at start" >&2
for bs in $BLKSIZES; do
  for cl in $CLIENTS; do
    n=$COUNT; [ "$cl" = load ] && n=$LOAD_COUNT
    echo "# $cl, blksize $bs: warm-up (discarded) ..." >&2
    one_run "$cl" "$PORT_A" "$CPU_A" "$LIST_A" "$bs" > /dev/null
    one_run "$cl" "$PORT_B" "$CPU_B" "$LIST_B" "$bs" > /dev/null
    for r in $(seq 1 "$RUNS"); do
      read -r ra sa ca < <(one_run "$cl" "$PORT_A" "$CPU_A" "$LIST_A" "$bs")
      read -r rb sb cb < <(one_run "$cl" "$PORT_B" "$CPU_B" "$LIST_B" "$bs")
      printf '%s\t%s\tin.tftpd\t%s\t%s\t%s\t%s\t%s\n%s\t%s\tspaprov\t%s\t%s\t%s\t%s\t%s\n' \
        "$cl" "$bs" "$r" "$ra" "$sa" "$ca" "$n" "$cl" "$bs" "$r" "$rb" "$sb" "$cb" "$n" >> "$WORK/runs.tsv"
      echo "# $cl blksize $bs run $r: in.tftpd $ra/s ($sa cpu-s), spaprov $rb/s ($sb cpu-s); client cpu-s $ca / $cb" >&2
    done
  done
done
echo "# load average $(cut -d" " -f1-3 /proc/loadavg) at end" >&2

col() { # $1 client $2 blksize $3 server $4 awk expression over $5..$8 -> median
  awk -F'\t' -v c="$1" -v b="$2" -v s="$3" '$1==c && $2==b && $3==s { v='"$4"'; if (v != "") print v }' "$WORK/runs.tsv" | median
}
echo "| client | blksize | in.tftpd transfers/s | spaprov transfers/s | ratio | in.tftpd transfers per server CPU-s | spaprov transfers per server CPU-s | ratio per CPU-s | client CPU ms per transfer (in.tftpd / spaprov runs) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for bs in $BLKSIZES; do
  for cl in $CLIENTS; do
    ma=$(col "$cl" "$bs" in.tftpd '$5'); mb=$(col "$cl" "$bs" spaprov '$5')
    pa=$(col "$cl" "$bs" in.tftpd '($6>0 ? $8/$6 : "")'); pb=$(col "$cl" "$bs" spaprov '($6>0 ? $8/$6 : "")')
    ka=$(col "$cl" "$bs" in.tftpd '($7>0 ? 1000*$7/$8 : "")'); kb=$(col "$cl" "$bs" spaprov '($7>0 ? 1000*$7/$8 : "")')
    awk -v cl="$cl" -v bs="$bs" -v ma="$ma" -v mb="$mb" -v pa="$pa" -v pb="$pb" -v ka="$ka" -v kb="$kb" 'BEGIN {
      if (pa > 0 && pb > 0) cpu = sprintf("%.0f | %.0f | %.2f×", pa, pb, pb/pa); else cpu = "– | – | –"
      printf "| %s | %s | %.0f | %.0f | %.2f× | %s | %.3f / %.3f |\n", cl, bs, ma, mb, mb/ma, cpu, ka, kb }'
  done
done
echo
echo "Raw runs: $WORK/runs.tsv (curl: COUNT=$COUNT, load: LOAD_COUNT=$LOAD_COUNT transfers of $SIZE bytes per run, $FILES files, RUNS=$RUNS, in flight: curl 8, load $INFLIGHT)." >&2
