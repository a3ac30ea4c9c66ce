#!/usr/bin/env bash
# TFTP transfers/s: spaprov's TftpServer vs in.tftpd (tftpd-hpa) serving the same 30 KB files,
# both driven by one `curl -K list --parallel --parallel-max 8` process, alternating A/B/A/B,
# medians of RUNS runs per blksize (see ../../../shared/BENCHMARKING.md). Not part of the tests.
#
# Usage: bench/tftp/run.sh            (env: RUNS=5 COUNT=3000 FILES=100 BLKSIZES="512 1468")
# Prints a Markdown table; raw runs go to $WORK/runs.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/find-jdk.sh

RUNS=${RUNS:-5}
COUNT=${COUNT:-3000}
FILES=${FILES:-100}
BLKSIZES=${BLKSIZES:-"512 1468"}
SIZE=30720
for bin in curl /usr/sbin/in.tftpd python3; do
  command -v "$bin" >/dev/null || { echo "run.sh: $bin is missing" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/spaprov-bench-tftp.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
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
# CPU seconds (utime+stime+cutime+cstime) of a process, from /proc/PID/stat.
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.3f", ($14+$15+$16+$17)/t }' "/proc/$1/stat"; }

PORT_A=$(free_port)
/usr/sbin/in.tftpd -L -a "127.0.0.1:$PORT_A" -u "$(id -un)" -s "$WORK/files" &
PID_A=$!; PIDS+=("$PID_A")
PORT_B=$(free_port)
java -Xms256m -Xmx512m -cp "$CP" org.spaprov.tftp.bench.ServeDirectory 127.0.0.1 "$PORT_B" "$WORK/files" > "$WORK/spaprov.log" 2>&1 &
PID_B=$!; PIDS+=("$PID_B")

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

# One run: prints "transfers/s server-cpu-s"; fails unless every transfer got SIZE bytes.
one_run() { # $1 pid $2 list $3 blksize
  local c0 c1 t0 t1 ok
  c0=$(cpu_of "$1"); t0=$(date +%s.%N)
  ok=$(curl -s --parallel --parallel-max 8 --tftp-blksize "$3" -w '%{size_download}\n' -K "$2" 2>>"$WORK/curl.err" \
       | grep -c "^$SIZE\$" || true)
  t1=$(date +%s.%N); c1=$(cpu_of "$1")
  if [ "$ok" -ne "$COUNT" ]; then echo "run.sh: only $ok of $COUNT transfers complete" >&2; exit 1; fi
  awk -v n="$COUNT" -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" 'BEGIN { printf "%.1f %.3f\n", n/(t1-t0), c1-c0 }'
}
median() { sort -g | awk '{ a[NR]=$1 } END { print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2 }'; }

printf 'blksize\tserver\trun\ttransfers_per_s\tserver_cpu_s\n' > "$WORK/runs.tsv"
echo "# $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg) at start" >&2
for bs in $BLKSIZES; do
  echo "# blksize $bs: warm-up (discarded) ..." >&2
  one_run "$PID_A" "$LIST_A" "$bs" > /dev/null
  one_run "$PID_B" "$LIST_B" "$bs" > /dev/null
  for r in $(seq 1 "$RUNS"); do
    read -r ra ca < <(one_run "$PID_A" "$LIST_A" "$bs")
    read -r rb cb < <(one_run "$PID_B" "$LIST_B" "$bs")
    printf '%s\tin.tftpd\t%s\t%s\t%s\n%s\tspaprov\t%s\t%s\t%s\n' "$bs" "$r" "$ra" "$ca" "$bs" "$r" "$rb" "$cb" >> "$WORK/runs.tsv"
    echo "# blksize $bs run $r: in.tftpd $ra/s ($ca cpu-s), spaprov $rb/s ($cb cpu-s)" >&2
  done
done

# Per server CPU-second only for spaprov: in.tftpd ignores SIGCHLD with SA_NOCLDWAIT, so the CPU of
# its per-request children never reaches its cutime/cstime and its /proc figure is meaningless.
echo "| blksize | in.tftpd transfers/s | spaprov transfers/s | ratio | spaprov transfers per server CPU-s |"
echo "|---:|---:|---:|---:|---:|"
for bs in $BLKSIZES; do
  ma=$(awk -F'\t' -v b="$bs" '$1==b && $2=="in.tftpd" { print $4 }' "$WORK/runs.tsv" | median)
  mb=$(awk -F'\t' -v b="$bs" '$1==b && $2=="spaprov" { print $4 }' "$WORK/runs.tsv" | median)
  pb=$(awk -F'\t' -v b="$bs" -v n="$COUNT" '$1==b && $2=="spaprov" && $5>0 { print n/$5 }' "$WORK/runs.tsv" | median)
  awk -v bs="$bs" -v ma="$ma" -v mb="$mb" -v pb="$pb" \
    'BEGIN { printf "| %s | %.0f | %.0f | %.2f× | %.0f |\n", bs, ma, mb, mb/ma, pb }'
done
echo
echo "Raw runs: $WORK/runs.tsv (COUNT=$COUNT transfers of $SIZE bytes per run, $FILES files, RUNS=$RUNS, curl --parallel-max 8)." >&2
