#!/usr/bin/env bash
# Side-by-side HTTP/HTTPS benchmark: spaprov's transport vs nginx serving the same bytes.
# Usage: bench/http/run.sh            (env: ROUNDS=3 DUR=10s N=100 SIZE=30000 DISPATCH=pool|inline
#                                     ONLY=http|https FIRST_CONTACT=1: spaprov verifies every client chain in full,
#                                     as for devices it has not seen within the hour)
# Follows ../shared/BENCHMARKING.md: same client command, same run, A/B/A/B, medians, per server CPU-second.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. scripts/find-jdk.sh
ROUNDS=${ROUNDS:-3}; DUR=${DUR:-10s}; N=${N:-100}; SIZE=${SIZE:-30000}; DISPATCH=${DISPATCH:-inline}; TLS=${TLS:-auto}
STIME=${STIME:-10}; SPAR=${SPAR:-4}; ONLY=${ONLY:-both}
export N
WORK=$(mktemp -d /tmp/spaprov-bench-http.XXXXXX)
TCK=$(getconf CLK_TCK)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_ticks() { # sum utime+stime of the given PIDs (whole processes, all threads)
  local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "== build" >&2
[ -n "${NOBUILD:-}" ] || mvn -B -q -ntp -pl spaprov-server -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime >&2
CP="$ROOT/spaprov-server/target/classes:$(cat spaprov-server/target/cp.txt)"

echo "== data: $N profiles of $SIZE bytes, PKI (EC P-256)" >&2
mkdir -p "$WORK/www" "$WORK/pki" "$WORK/nginx"
python3 - "$WORK/www" "$N" "$SIZE" <<'PY'
import sys, random
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(1, n + 1):
    rnd = random.Random(i)
    out = ['<flat-profile>\n']
    k = 0
    while sum(map(len, out)) < size - 20:
        k += 1
        out.append('<Param_%d_ ua="na">%s</Param_%d_>\n' % (k, ''.join(rnd.choice('abcdef0123456789') for _ in range(24)), k))
    out.append('</flat-profile>\n')
    open('%s/spa%012x.xml' % (d, i), 'w').write(''.join(out))
PY
cat "$WORK"/www/* > /dev/null
chmod -R a+rX "$WORK"   # nginx workers run as nobody
cat > "$WORK/logback.xml" <<'XML'
<configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n</pattern></encoder></appender>
<root level="WARN"><appender-ref ref="E"/></root></configuration>
XML
(
  cd "$WORK/pki"
  ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
  openssl req -x509 $ec -keyout ca.key -out ca.crt -days 30 -subj /CN=bench-device-ca 2>/dev/null
  openssl req $ec -keyout server.key -out server.csr -subj /CN=localhost 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 30 -extfile server.ext 2>/dev/null
  openssl req $ec -keyout device.key -out device.csr -subj /CN=000000000001 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' > device.ext
  openssl x509 -req -in device.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out device.crt -days 30 -extfile device.ext 2>/dev/null
)

OH=$(free_port); OS=$(free_port); NH=$(free_port); NS=$(free_port)
echo "== start spaprov (http $OH, https $OS, dispatch $DISPATCH, tls $TLS${FIRST_CONTACT:+, first contacts}) and nginx (http $NH, https $NS)" >&2
java ${JOPTS:-} -Xms256m -Xmx1g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$CP" bench/http/BenchServer.java "$WORK/www" "$OH" "$OS" "$WORK/pki" "$DISPATCH" "$TLS" \
    "$([ -n "${FIRST_CONTACT:-}" ] && echo first-contact || echo returning)" \
    > "$WORK/spaprov.out" 2>&1 &
OURS=$!; PIDS+=("$OURS")
cat > "$WORK/nginx/nginx.conf" <<NGX
worker_processes auto; daemon off; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; default_type application/xml;
  server { listen 127.0.0.1:$NH; root $WORK/www; }
  server { listen 127.0.0.1:$NS ssl; ssl_certificate $WORK/pki/server.crt; ssl_certificate_key $WORK/pki/server.key;
           ssl_client_certificate $WORK/pki/ca.crt; ssl_verify_client on;
           ssl_session_cache off; ssl_session_tickets off; root $WORK/www; } }
NGX
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx/error.log" &
NGINX=$!; PIDS+=("$NGINX")
for i in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$OH/spa000000000001.xml" && curl -sf -o /dev/null "http://127.0.0.1:$NH/spa000000000001.xml" && break
  sleep 0.3
done
nginx_pids() { echo "$NGINX $(pgrep -P "$NGINX" | tr '\n' ' ')"; }
cmp <(curl -s "http://127.0.0.1:$OH/spa000000000002.xml") <(curl -s "http://127.0.0.1:$NH/spa000000000002.xml")

wrk_run() { # NAME PORT PIDS... -> prints "rps cpu_s"
  local port=$1; shift
  local before after out rps
  before=$(cpu_ticks "$@")
  out=$(wrk -t2 -c64 -d"$DUR" -s bench/http/rotate.lua "http://127.0.0.1:$port/")
  after=$(cpu_ticks "$@")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers: $out" >&2; exit 1; fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  echo "$rps $(awk -v a="$after" -v b="$before" -v t="$TCK" 'BEGIN {printf "%.2f", (a-b)/t}')"
}
stime_run() { # PORT PIDS... -> prints "conn_per_s cpu_s"
  local port=$1; shift
  local before after i total=0 sp=()
  before=$(cpu_ticks "$@")
  for i in $(seq "$SPAR"); do
    openssl s_time -connect "127.0.0.1:$port" -new -cert "$WORK/pki/device.crt" -key "$WORK/pki/device.key" \
        -CAfile "$WORK/pki/ca.crt" -time "$STIME" -www /spa000000000001.xml > "$WORK/stime.$i" 2>&1 &
    sp+=($!)
  done
  wait "${sp[@]}" || true
  after=$(cpu_ticks "$@")
  total=$(awk '/connections in [0-9]+ real seconds/ {c += $1/$4} END {printf "%.0f", c}' "$WORK"/stime.*)
  echo "$total $(awk -v a="$after" -v b="$before" -v t="$TCK" 'BEGIN {printf "%.2f", (a-b)/t}')"
}

# The JIT needs a while, TLS longer than HTTP (tens of thousands of handshakes): a minute for the JVM.
echo "== warm-up (discarded)" >&2
if [ "$ONLY" != https ]; then DUR=10s wrk_run "$OH" "$OURS" > /dev/null; DUR=5s wrk_run "$NH" $(nginx_pids) > /dev/null; fi
if [ "$ONLY" != http ]; then STIME=60 stime_run "$OS" "$OURS" > /dev/null; STIME=5 stime_run "$NS" $(nginx_pids) > /dev/null; fi

: > "$WORK/http.txt"; : > "$WORK/https.txt"
for r in $(seq "$ROUNDS"); do
  if [ "$ONLY" != https ]; then
    echo "== round $r: HTTP keep-alive" >&2
    a=$(wrk_run "$OH" "$OURS"); b=$(wrk_run "$NH" $(nginx_pids))
    echo "$r $a $b" | tee -a "$WORK/http.txt" >&2
  fi
  if [ "$ONLY" != http ]; then
    echo "== round $r: HTTPS mTLS full handshakes" >&2
    a=$(stime_run "$OS" "$OURS"); b=$(stime_run "$NS" $(nginx_pids))
    echo "$r $a $b" | tee -a "$WORK/https.txt" >&2
  fi
done

report() { # FILE UNIT
  local f=$1 unit=$2
  local o n oc nc
  o=$(awk '{print $2}' "$f" | median); n=$(awk '{print $4}' "$f" | median)
  oc=$(awk '{printf "%.0f\n", $2*'"${DUR%s}"'/$3}' "$f" | median); nc=$(awk '{printf "%.0f\n", $4*'"${DUR%s}"'/$5}' "$f" | median)
  [ "$unit" = conn/s ] && { oc=$(awk '{printf "%.0f\n", $2*'"$STIME"'/$3}' "$f" | median); nc=$(awk '{printf "%.0f\n", $4*'"$STIME"'/$5}' "$f" | median); }
  echo "| rounds (spaprov $unit, cpu s / nginx $unit, cpu s) | $(awk '{printf "%s %s / %s %s; ", $2, $3, $4, $5}' "$f") |"
  echo "| median $unit | spaprov $o | nginx $n | ratio $(awk -v a="$o" -v b="$n" 'BEGIN {printf "%.2f", a/b}')x |"
  echo "| median $unit per server CPU-second | spaprov $oc | nginx $nc | ratio $(awk -v a="$oc" -v b="$nc" 'BEGIN {printf "%.2f", a/b}')x |"
}
{
  echo "machine: $(nproc) cores, $(uname -r), $(java -version 2>&1 | head -1), $(nginx -v 2>&1), $(wrk -v 2>&1 | head -1), $(openssl version)"
  echo "HTTP keep-alive: wrk -t2 -c64 -d$DUR, $N profiles of $SIZE bytes (rotate.lua), dispatch $DISPATCH"
  [ -s "$WORK/http.txt" ] && report "$WORK/http.txt" req/s
  echo "HTTPS mTLS full handshakes: $SPAR x openssl s_time -new -cert -key -time $STIME -www (EC P-256, TLS 1.3), spaprov TLS engine $TLS"
  [ -s "$WORK/https.txt" ] && report "$WORK/https.txt" conn/s
} | tee "$WORK/results.md"
echo "results: $WORK/results.md" >&2
