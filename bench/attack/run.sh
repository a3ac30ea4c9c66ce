#!/usr/bin/env bash
# The attack benchmark of issue 9: each attack against the shipped `spaprov serve` and, in the same
# run, against nginx (HTTP/HTTPS) + in.tftpd (TFTP) serving the same file, with a legitimate client
# polling alongside (HTTP GET, HTTPS GET with a device certificate, TFTP RRQ, each every 100 ms,
# fresh connection, 5 s timeout). One Markdown row per attack x server: the legitimate client's
# success and p50/p99 before, during and in the 10 s after the attack, the server's RSS.
# Not part of the tests. See bench/attack/README.md.
#
# Usage: bench/attack/run.sh [ATTACK...]     (default: all of them)
#   attacks: wrq rrq rrq255 slowloris slowtls slowmany flood404 badreq chains
#   env: SERVERS="spaprov peer"  NOFILE=4096 (fd limit of every server)  XMX=256m  WARM=3  BEFORE=5  AFTER=10
#        INTERVAL=100 TIMEOUT=5000  WRQ_COUNT=1000 RRQ_COUNT=1200 HOLD=30 (s the TFTP attacker keeps its sockets)
#        SLOW_CONNS=3000 SLOW_EVERY=5 SLOW_DURATION=70  MANY_CONNS=5000 MANY_SRCS=50 (slowmany: past the fd limit)  FLOOD_DURATION=30  BAD_DURATION=20
#        CHAIN_VARIANTS=2000 CHAIN_JUNK=10  ATTACK_SRC=127.0.0.2 SRC_COUNT=1  NOBUILD=1  OUT=results.md
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. scripts/find-jdk.sh
ALL="wrq rrq rrq255 slowloris slowtls slowmany flood404 badreq chains"
ATTACKS=${*:-$ALL}
SERVERS=${SERVERS:-"spaprov peer"}
NOFILE=${NOFILE:-4096}; XMX=${XMX:-256m}; WARM=${WARM:-3}; BEFORE=${BEFORE:-5}; AFTER=${AFTER:-10}
INTERVAL=${INTERVAL:-100}; TIMEOUT=${TIMEOUT:-5000}
WRQ_COUNT=${WRQ_COUNT:-1000}; RRQ_COUNT=${RRQ_COUNT:-1200}; HOLD=${HOLD:-30}
SLOW_CONNS=${SLOW_CONNS:-3000}; SLOW_EVERY=${SLOW_EVERY:-5}; SLOW_DURATION=${SLOW_DURATION:-70}
MANY_CONNS=${MANY_CONNS:-5000}; MANY_SRCS=${MANY_SRCS:-50}
FLOOD_DURATION=${FLOOD_DURATION:-30}; BAD_DURATION=${BAD_DURATION:-20}
CHAIN_VARIANTS=${CHAIN_VARIANTS:-2000}; CHAIN_JUNK=${CHAIN_JUNK:-10}
ATTACK_SRC=${ATTACK_SRC:-127.0.0.2}; SRC_COUNT=${SRC_COUNT:-1}
MAC=000e08aabb02; FILE=spa$MAC.cfg   # a keyed device's encrypted profile: served to anyone, over every protocol
for a in $ATTACKS; do case " $ALL " in *" $a "*) ;; *) echo "run.sh: unknown attack $a (known: $ALL)" >&2; exit 2 ;; esac; done
for bin in nginx /usr/sbin/in.tftpd openssl curl setsid; do
  command -v "$bin" >/dev/null || { echo "run.sh: $bin is missing" >&2; exit 2; }
done

ulimit -n "$(ulimit -Hn)"   # the attacker's thousands of sockets; every server gets NOFILE (start_group)
WORK=$(mktemp -d /tmp/spaprov-attack.XXXXXX)
chmod 755 "$WORK"   # nginx workers and in.tftpd run as nobody
GROUPS_RUNNING=()
stop_group() { # PGID: TERM the whole process group, KILL it after 10 s
  local g=$1 i rest=() x
  for x in "${GROUPS_RUNNING[@]}"; do [ "$x" = "$g" ] || rest+=("$x"); done
  GROUPS_RUNNING=("${rest[@]}")
  kill -TERM -- "-$g" 2>/dev/null || return 0
  for i in $(seq 100); do kill -0 -- "-$g" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$g" 2>/dev/null || true
}
cleanup() {
  local g
  for g in "${GROUPS_RUNNING[@]}"; do stop_group "$g"; done
  [ -z "${LEGIT:-}" ] || kill "$LEGIT" 2>/dev/null || true
  [ -z "${ATTACKER:-}" ] || kill "$ATTACKER" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_group PIDFILE LOG CMD...: runs CMD in its own session (so its forked children can be stopped
# with it) under the fd limit NOFILE; PIDFILE gets its PID = process group.
start_group() {
  local pidfile=$1 log=$2; shift 2
  rm -f "$pidfile"
  setsid bash -c 'ulimit -n "$1"; echo $$ > "$2"; shift 2; exec "$@"' _ "$NOFILE" "$pidfile" "$@" > "$log" 2>&1 < /dev/null &
  local i; for i in $(seq 50); do [ -s "$pidfile" ] && break; sleep 0.1; done
  GROUPS_RUNNING+=("$(cat "$pidfile")")
}
free_port() { python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, getattr(socket, sys.argv[1])); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' "$1"; }
now_ms() { date +%s%3N; }

JAR=$ROOT/spaprov-cli/target/spaprov.jar
if [ -z "${NOBUILD:-}" ]; then
  echo "== build (mvn ${MVN_FLAGS:--o} -q -DskipTests package)" >&2
  mvn -B ${MVN_FLAGS:--o} -q -ntp -DskipTests package >&2
fi
[ -f "$JAR" ] || { echo "run.sh: $JAR is missing (run without NOBUILD)" >&2; exit 2; }
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/attack/Attack.java
ATK=(java -Xmx512m -cp "$WORK/classes" Attack)

echo "== site, device PKCS#12, junk certificates" >&2
java -jar "$JAR" site init "$WORK/site" > /dev/null
openssl pkcs12 -export -in "$WORK/site/pki/devices/$MAC.crt" -inkey "$WORK/site/pki/devices/$MAC.key" \
    -out "$WORK/device.p12" -passout pass:attack -name device
for i in $(seq 16); do
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout /dev/null -days 30 \
      -subj "/CN=junk-$i/O=padding padding padding padding/OU=padding padding padding padding" 2>/dev/null
done > "$WORK/junk.pem"
# nginx wants a CA file with the device CA; in.tftpd and nginx serve what spaprov serves for $FILE.
mkdir -p "$WORK/www"

SP_PORTS=()
start_spaprov() { # RUN -> sets SP (pgid), HTTP HTTPS TFTP
  local run=$1 i
  start_group "$run/spaprov.pid" "$run/spaprov.log" java "-Xmx$XMX" ${SPAPROV_JOPTS:-} -jar "$JAR" serve \
      --site "$WORK/site" --data "$run/data" --bind 127.0.0.1 --tftp-port 0 --http-port 0 --https-port 0
  SP=$(cat "$run/spaprov.pid")
  for i in $(seq 1200); do
    grep -q '^listening https ' "$run/spaprov.log" && break
    kill -0 "$SP" 2>/dev/null || { echo "spaprov exited at start:" >&2; cat "$run/spaprov.log" >&2; exit 1; }
    sleep 0.1
  done
  port_of() { awk -v p="$1" '$1=="listening" && $2==p {n=split($3,a,":"); print a[n]}' "$run/spaprov.log"; }
  HTTP=$(port_of http); HTTPS=$(port_of https); TFTP=$(port_of tftp)
  [ -n "$HTTP" ] && [ -n "$HTTPS" ] && [ -n "$TFTP" ] || { echo "spaprov did not start:" >&2; cat "$run/spaprov.log" >&2; exit 1; }
}
start_peer() { # RUN -> sets NG, TF (pgids), HTTP HTTPS TFTP
  local run=$1 i
  HTTP=$(free_port SOCK_STREAM); HTTPS=$(free_port SOCK_STREAM); TFTP=$(free_port SOCK_DGRAM)
  mkdir -p "$run/nginx"
  local pki=$WORK/site/pki
  cat > "$run/nginx/nginx.conf" <<NGX
worker_processes auto; daemon off; pid $run/nginx/nginx.pid; error_log $run/nginx/error.log;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; default_type application/xml;
  server { listen 127.0.0.1:$HTTP; root $WORK/www; }
  server { listen 127.0.0.1:$HTTPS ssl; ssl_certificate $pki/server.crt; ssl_certificate_key $pki/server.key;
           ssl_client_certificate $pki/ca.crt; ssl_verify_client on; root $WORK/www; } }
NGX
  start_group "$run/nginx.pid" "$run/nginx.out" nginx -c "$run/nginx/nginx.conf" -p "$run/nginx" -e "$run/nginx/error.log"
  NG=$(cat "$run/nginx.pid")
  start_group "$run/intftpd.pid" "$run/intftpd.out" /usr/sbin/in.tftpd -L -a "127.0.0.1:$TFTP" -s "$WORK/www"
  TF=$(cat "$run/intftpd.pid")
  for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$HTTP/$FILE" && break; sleep 0.1; done
}

wait_served() { # every protocol answers the legitimate file (the JVM's first answers take seconds)
  local i pki=$WORK/site/pki/devices
  for i in $(seq 60); do
    curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$HTTP/$FILE" \
      && curl -sfk --max-time 5 -o /dev/null --cert "$pki/$MAC.crt" --key "$pki/$MAC.key" "https://127.0.0.1:$HTTPS/$FILE" \
      && curl -sf --max-time 5 -o /dev/null "tftp://127.0.0.1:$TFTP/$FILE" && return 0
    sleep 0.5
  done
  echo "run.sh: the server does not serve $FILE on every protocol" >&2; exit 1
}

echo "== the legitimate client's file ($FILE) from spaprov, for the peers" >&2
mkdir -p "$WORK/setup"
start_spaprov "$WORK/setup"
curl -sf -o "$WORK/www/$FILE" "http://127.0.0.1:$HTTP/$FILE"
stop_group "$SP"
chmod -R a+rX "$WORK/www" "$WORK/site/pki"
chmod 644 "$WORK/site/pki/server.key"   # nginx reads it as root, workers never do; a throwaway copy of the site

RESULTS=$WORK/results.md
{
  echo "# Attack benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "machine: $(nproc) cores, $(uname -r), $(java -version 2>&1 | head -1), $(nginx -v 2>&1 | sed 's/.*: //'), tftpd-hpa $(dpkg-query -W -f '${Version}' tftpd-hpa 2>/dev/null || echo '?')"
  echo "spaprov: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') \`java -Xmx$XMX -jar spaprov.jar serve\` on a \`site init\` site; every server: fd limit $NOFILE, 127.0.0.1"
  echo "legitimate client (127.0.0.1): HTTP GET, HTTPS GET (device cert $MAC, full handshake), TFTP RRQ of $FILE ($(wc -c < "$WORK/www/$FILE") B), each every $INTERVAL ms, ${TIMEOUT} ms timeout; attacker: $ATTACK_SRC (x$SRC_COUNT)"
  echo "windows: before = ${BEFORE} s before the attack, during = while the attacker runs, after = the ${AFTER} s after it stops. p50/p99 in ms, a failed probe counts as slowest (\"fail\")."
  echo
  echo "| attack | server | before | during: served | during p50 / p99 | after: served | after p50 / p99 | RSS MB (before → max) | legit failures | attack outcome |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} | tee "$RESULTS"

attack_cmd() { # ATTACK -> the attacker's command line for the current ports
  local common=(--src "$ATTACK_SRC" --src-count "$SRC_COUNT")
  case $1 in
    wrq) echo wrq --tftp "$TFTP" --count "$WRQ_COUNT" --known "$MAC" --hold "$HOLD" "${common[@]}" ;;
    rrq) echo rrq --tftp "$TFTP" --file "$FILE" --count "$RRQ_COUNT" --hold "$HOLD" "${common[@]}" ;;
    rrq255) echo rrq --tftp "$TFTP" --file "$FILE" --count "$RRQ_COUNT" --hold "$HOLD" --timeout-opt 255 "${common[@]}" ;;
    slowloris) echo slowloris --port "$HTTP" --file "$FILE" --conns "$SLOW_CONNS" --every "$SLOW_EVERY" --duration "$SLOW_DURATION" "${common[@]}" ;;
    slowmany) echo slowloris --port "$HTTP" --file "$FILE" --conns "$MANY_CONNS" --every "$SLOW_EVERY" --duration "$SLOW_DURATION" \
                --src "$ATTACK_SRC" --src-count "$MANY_SRCS" ;;
    slowtls) echo slowloris --tls --port "$HTTPS" --conns "$SLOW_CONNS" --every "$SLOW_EVERY" --duration "$SLOW_DURATION" "${common[@]}" ;;
    flood404) echo flood404 --http "$HTTP" --duration "$FLOOD_DURATION" "${common[@]}" ;;
    badreq) echo badreq --http "$HTTP" --https "$HTTPS" --file "$FILE" --duration "$BAD_DURATION" "${common[@]}" ;;
    chains) echo chains --https "$HTTPS" --p12 "$WORK/device.p12" --junk "$WORK/junk.pem" --file "$FILE" \
                --variants "$CHAIN_VARIANTS" --per-chain "$CHAIN_JUNK" "${common[@]}" ;;
  esac
}

n=0
for atk in $ATTACKS; do
  for srv in $SERVERS; do
    n=$((n + 1)); run=$WORK/run-$n-$atk-$srv; mkdir -p "$run"
    echo "== $atk against $srv ($run)" >&2
    if [ "$srv" = spaprov ]; then
      start_spaprov "$run"; wait_served; pids="spaprov:$SP"; label=spaprov; name=spaprov
    else
      start_peer "$run"; wait_served; pids="nginx:$NG,in.tftpd:$TF"
      case $atk in wrq|rrq*) label=in.tftpd ;; *) label=nginx ;; esac; name="$label (peer)"
    fi
    "${ATK[@]}" legit --http "$HTTP" --https "$HTTPS" --tftp "$TFTP" --file "$FILE" --p12 "$WORK/device.p12" \
        --src 127.0.0.1 --interval "$INTERVAL" --timeout "$TIMEOUT" --pids "$pids" --out "$run/legit.log" \
        --stop "$run/stop" 2> "$run/legit.err" &
    LEGIT=$!
    sleep "$((WARM + BEFORE))"   # WARM: the legitimate client's JVM and the server's first answers, not counted
    t0=$(now_ms)
    # shellcheck disable=SC2046
    "${ATK[@]}" $(attack_cmd "$atk") > "$run/attack.out" 2>&1 &
    ATTACKER=$!
    wait "$ATTACKER" || echo "attacker exited $? (see $run/attack.out)" >&2
    ATTACKER=
    t1=$(now_ms)
    sleep "$AFTER"
    touch "$run/stop"; wait "$LEGIT" || true; LEGIT=
    outcome=$(sed -n 's/^OUTCOME: //p' "$run/attack.out" | tail -1)
    [ -n "$outcome" ] || outcome="attacker: $(tail -1 "$run/attack.out")"
    if [ "$srv" = spaprov ]; then
      kill -0 "$SP" 2>/dev/null || outcome="$outcome; **spaprov exited**"
      oom=$(grep -c OutOfMemoryError "$run/spaprov.log" || true)
      [ "$oom" = 0 ] || outcome="$outcome; **OutOfMemoryError x$oom in the log**"
      outcome="$outcome; data dir $(du -sm "$run/data" | cut -f1) MB, log $(( $(wc -c < "$run/spaprov.log") / 1024 )) KB"
      stop_group "$SP"
    else
      outcome="$outcome; error.log $(( $(wc -c < "$run/nginx/error.log") / 1024 )) KB"
      stop_group "$NG"; stop_group "$TF"
    fi
    "${ATK[@]}" report --log "$run/legit.log" --t0 "$t0" --t1 "$t1" --before "$((BEFORE * 1000))" --after "$((AFTER * 1000))" \
        --attack "$atk" --server "$name" --rss "$label" --outcome "$outcome" | tee -a "$RESULTS"
  done
done
[ -z "${OUT:-}" ] || cp "$RESULTS" "$OUT"
echo "results: $RESULTS${OUT:+ and $OUT}" >&2
