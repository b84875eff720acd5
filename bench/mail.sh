#!/usr/bin/env bash
# Mail bench: how fast the outbox delivers to a local relay, and whether a surge of sign-ups gets its confirmation
# mails within seconds without slowing intake. One run, one fresh database, the packaged app, Postfix's smtp-sink as
# the relay (it keeps every message as a file: its time is the delivery time, its X-Rcpt-Args the recipient).
#
#   bench/mail.sh                # 5-minute surges (about 13 minutes after the build)
#   SURGE=30 bench/mail.sh       # quick run: 30 s surges
#
# Phases: (1) a surge with mail queued (the relay is down: the intake baseline); (2) the relay comes up and the
# backlog of (1) is drained alone (mails/s); (3) the same surge with the relay up, mail delivered while sign-ups
# arrive. Pass/fail: drain >= 2,000 mails/s; intake in (3) >= 0.8 x intake in (1); >= 95% of the confirmations of
# (3) delivered by 10 s after it ends; sign-up-to-delivery p99 <= 10 s. All traffic stays on 127.0.0.1.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export BENCH_DIR
REPO_DIR=$(dirname "$BENCH_DIR")

# ---- knobs (environment) -------------------------------------------------------------------------------------
SURGE=${SURGE:-${DURATION:-300}}                         # seconds of each surge
WARMUP=${WARMUP:-20}                                     # seconds of sign-ups before anything is measured
THREADS=${THREADS:-2}                                    # wrk threads
SIGN_CONNECTIONS=${SIGN_CONNECTIONS:-32}
SLUG=${SLUG:-face-recognition-moratorium}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
JAVA_OPTS=${JAVA_OPTS:-}
BUILD=${BUILD:-auto}
READY_TIMEOUT=${READY_TIMEOUT:-180}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-900}                      # seconds the drain of the backlog may take at most
RESULTS_DIR=${RESULTS_DIR:-}
FAIL_ON_MISS=${FAIL_ON_MISS:-0}
PG_STATS=${PG_STATS:-0}                                  # 1: top statements and table churn per phase (needs
                                                         # pg_stat_statements in shared_preload_libraries)

TARGET_DRAIN_RATE=2000
TARGET_INTAKE_RATIO=0.8
TARGET_DELIVERED_PCT=95
TARGET_P99_S=10

LOG_TAG=mail
DB_PREFIX="undersigned_mail_$(date +%Y%m%d%H%M%S)"
RESULTS_PREFIX=undersigned-mail
# shellcheck source=bench/common.sh
source "$BENCH_DIR/common.sh"

if ! command -v smtp-sink >/dev/null 2>&1; then
    log "smtp-sink is missing: installing Postfix (Debian's postfix package) with apt-get, not configured"
    [[ $(id -u) == 0 ]] || die "smtp-sink is missing and this is not root: apt-get install postfix"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y postfix >&2 \
        || die "could not install postfix"
fi
SMTP_SINK=$(command -v smtp-sink)

# The sink's messages on tmpfs where there is one, so they do not queue behind PostgreSQL's writes.
if [[ -d /dev/shm && -w /dev/shm ]]; then SINK_DIR=/dev/shm/undersigned-mail-sink.$RUN_ID; else SINK_DIR=$RESULTS_DIR/sink; fi
mkdir -p "$SINK_DIR"
chmod 777 "$SINK_DIR"
SINK_PID=""
stop_sink() {
    if [[ -n $SINK_PID ]]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
    SINK_PID=""
}
mail_cleanup() {
    local rc=$?
    stop_sink
    rm -rf "$SINK_DIR"
    (exit "$rc")
    cleanup
}
trap mail_cleanup EXIT

create_db
APP_PORT=$(free_port)
MAIL_PORT=$(free_port)
[[ $MAIL_PORT != "$APP_PORT" ]] || MAIL_PORT=$(free_port)
BASE="http://$HOST:$APP_PORT"
log "starting the app on $BASE (rate limits off, mail to $HOST:$MAIL_PORT, where the relay starts later)"
start_app "$RESULTS_DIR/app.log"
sampler >"$RESULTS_DIR/cpu.samples" 2>/dev/null &
SAMPLER_PID=$!
PHASES="$RESULTS_DIR/phases"
: >"$PHASES"

sql() { "$PSQL" "${PG[@]}" -d "$DB" -AtXq "$@"; }
pending() { sql -c "SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'"; }
queued() { [[ $(sql -c "SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE status = 'PENDING')") == t ]]; }
now() { date +%s.%N; }

# With PG_STATS=1, where PostgreSQL's time went in each phase: statements by total time, and the outbox's churn.
[[ $PG_STATS != 1 ]] || sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
    || die "PG_STATS=1 needs shared_preload_libraries = 'pg_stat_statements'"
stats_begin() { [[ $PG_STATS != 1 ]] || sql -c "SELECT pg_stat_statements_reset()" >/dev/null; }
stats_end() { # <phase>
    [[ $PG_STATS == 1 ]] || return 0
    sql -F $'\t' >"$RESULTS_DIR/pg-stats-$1.tsv" <<'SQL'
SELECT calls, round(total_exec_time) AS ms, round(mean_exec_time::numeric, 3) AS mean_ms, rows,
       regexp_replace(left(query, 160), '\s+', ' ', 'g')
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time DESC LIMIT 25;
SELECT relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, autovacuum_count,
       autoanalyze_count
FROM pg_stat_user_tables ORDER BY n_tup_ins + n_tup_upd + n_tup_del DESC LIMIT 12;
SQL
}

# start_sink [dump]: with "dump", every message is kept as a file (the delivery times of phase 3); without, the
# relay only accepts and discards, as a relay's cost should not be the drain's measure.
start_sink() {
    local as=() dump=()
    [[ $(id -u) != 0 ]] || as=(-u nobody)
    [[ ${1:-} != dump ]] || dump=(-d "$SINK_DIR/%H%M")
    "$SMTP_SINK" "${as[@]}" "${dump[@]}" "$HOST:$MAIL_PORT" 1024 >>"$RESULTS_DIR/sink.log" 2>&1 &
    SINK_PID=$!
    for _ in $(seq 1 50); do port_in_use "$MAIL_PORT" && return; sleep 0.1; done
    die "smtp-sink did not listen on $MAIL_PORT"
}

# ---- phase 0: warm-up (relay down) -----------------------------------------------------------------------------
if ((WARMUP > 0)); then
    log "warm-up: ${WARMUP}s of sign-ups"
    QUIET=1 run_wrk warmup "$SIGN_CONNECTIONS" "$WARMUP" "$BENCH_DIR/sign.lua" "$BASE" "w$RUN_ID" "$SLUG"
fi

# ---- phase 1: surge with mail queued ---------------------------------------------------------------------------
log "surge 1: ${SURGE}s of sign-ups with the relay down (mail stays queued)"
stats_begin
run_wrk queued "$SIGN_CONNECTIONS" "$SURGE" "$BENCH_DIR/sign.lua" "$BASE" "q$RUN_ID" "$SLUG"
QUEUED=$(bench_line queued)
stats_end queued

# ---- phase 2: the backlog drained alone ------------------------------------------------------------------------
start_sink
# While the relay was down, the sender probed it once per retry delay and postponed only what each probe claimed;
# the rest kept its due time. Those few are made due again, as the next probe would find them.
sql -c "UPDATE mail_outbox SET next_attempt_at = now(), claimed_until = NULL
        WHERE status = 'PENDING' AND (next_attempt_at > now() OR claimed_until IS NOT NULL)"
BACKLOG=$(pending)
log "relay up: draining a backlog of $BACKLOG mails"
# progress from the app's own counter, not from the outbox table, so that watching costs PostgreSQL nothing; the
# drain is timed from the first mail sent (the sender finds the relay back at its next probe, up to a retry delay)
sent() { curl -s --noproxy '*' --max-time 5 "http://$HOST:$MANAGEMENT_PORT/q/metrics" \
    | awk '/^undersigned_mail_sent_total[ {]/ { n = $NF } END { printf "%d", n }'; }
stats_begin
d_start=$(uptime_now)
w0=$(now)
until (($(sent) > 0)); do
    awk -v a="$w0" -v b="$(now)" 'BEGIN { exit !(b - a > 300) }' && die "no mail was sent in 300 s"
    sleep 0.05
done
t0=$(now)
while (($(sent) < BACKLOG)); do
    awk -v a="$t0" -v b="$(now)" -v m="$DRAIN_TIMEOUT" 'BEGIN { exit !(b - a > m) }' \
        && die "the backlog was not drained in ${DRAIN_TIMEOUT}s"
    sleep 0.2
done
t1=$(now)
! queued || die "the sender counted $BACKLOG mails sent, but the outbox still holds some"
echo "drain $d_start $(uptime_now)" >>"$PHASES"
stats_end drain
DRAIN_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
DRAIN_RATE=$(awk -v n="$BACKLOG" -v s="$DRAIN_SECONDS" 'BEGIN { printf "%.0f", n / s }')
log "drained $BACKLOG mails in ${DRAIN_SECONDS}s: $DRAIN_RATE mails/s"

# ---- phase 3: surge with mail delivered ------------------------------------------------------------------------
stop_sink
start_sink dump
log "surge 2: ${SURGE}s of sign-ups with the relay up (mail delivered meanwhile)"
stats_begin
run_wrk live "$SIGN_CONNECTIONS" "$SURGE" "$BENCH_DIR/sign.lua" "$BASE" "l$RUN_ID" "$SLUG"
SURGE_END=$(now)
LIVE=$(bench_line live)
stats_end live
a_start=$(uptime_now)
sleep 10
echo "after $a_start $(uptime_now)" >>"$PHASES"
for _ in $(seq 1 120); do queued || break; sleep 1; done
stop_sink

# ---- delivery times: the sink's files against the sign-ups' creation times --------------------------------------
log "reading the sink's $(find "$SINK_DIR" -type f | wc -l) messages"
find "$SINK_DIR" -type f -printf '%p %T@\n' >"$RESULTS_DIR/sink-times.txt"
grep -r -m1 '^X-Rcpt-Args:' "$SINK_DIR" >"$RESULTS_DIR/sink-rcpts.txt" || true
gawk 'NR == FNR { t[$1] = $2; next }
      { i = index($0, ":X-Rcpt-Args:"); path = substr($0, 1, i - 1); to = substr($0, i + 13)
        gsub(/[<> \t\r]/, "", to); if (path in t) print to "\t" t[path] }' \
    "$RESULTS_DIR/sink-times.txt" "$RESULTS_DIR/sink-rcpts.txt" >"$RESULTS_DIR/received.tsv"
read -r SIGNED DELIVERED BY_10S P50 P99 MAX < <(sql -F ' ' -v end="$SURGE_END" -v prefix="bench-l$RUN_ID-%" <<SQL
CREATE TEMP TABLE received (email TEXT, t DOUBLE PRECISION);
\copy received FROM '$RESULTS_DIR/received.tsv'
WITH signed AS (SELECT email, extract(epoch FROM created_at) AS t0 FROM signature WHERE email LIKE :'prefix'),
     first AS (SELECT email, min(t) AS t FROM received GROUP BY email),
     d AS (SELECT f.t, f.t - s.t0 AS latency FROM signed s JOIN first f USING (email))
SELECT (SELECT count(*) FROM signed), count(*), count(*) FILTER (WHERE t <= :end + 10),
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY latency)::numeric, 3),
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY latency)::numeric, 3),
       round(max(latency)::numeric, 3)
FROM d;
SQL
)
[[ -n ${SIGNED:-} ]] || die "could not compute delivery times"

# ---- summary ---------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v + 0 >= t + 0) : (v + 0 <= t + 0);
    printf "%s", ok ? "PASS" : "FAIL"; exit !ok }'; }
phase_cpu() { local l; l=$(grep "^$1 " "$PHASES" | tail -n 1); cpu_split "$(cut -d' ' -f2 <<<"$l")" "$(cut -d' ' -f3 <<<"$l")"; }
Q_RPS=$(field "$QUEUED" rps)
L_RPS=$(field "$LIVE" rps)
RATIO=$(awk -v a="$L_RPS" -v b="$Q_RPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
PCT=$(awk -v a="$BY_10S" -v b="$SIGNED" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
MISSES=0
line() { # <label> <value> <op> <target> <context>
    local v
    v=$(verdict "$2" "$3" "$4") || MISSES=$((MISSES + 1))
    printf '%-44s %12s   %s %s   %s   %s\n' "$1" "$2" "$3" "$4" "$v" "$5"
}
{
    echo
    echo "== Mail bench ($(date -u +%FT%TZ), $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1))"
    echo "   surges of ${SURGE}s, $SIGN_CONNECTIONS connections; relay: Postfix smtp-sink on $HOST:$MAIL_PORT"
    line "drain, backlog alone (mails/s)" "$DRAIN_RATE" ">=" "$TARGET_DRAIN_RATE" "$BACKLOG mails in ${DRAIN_SECONDS}s"
    line "intake, mail live / mail queued" "$RATIO" ">=" "$TARGET_INTAKE_RATIO" "$L_RPS / $Q_RPS sign-ups/s (p99 $(field "$LIVE" p99_ms) / $(field "$QUEUED" p99_ms) ms)"
    line "delivered by 10 s after the surge (%)" "$PCT" ">=" "$TARGET_DELIVERED_PCT" "$BY_10S of $SIGNED; $DELIVERED in the end"
    line "sign-up to delivery p99 (s)" "$P99" "<=" "$TARGET_P99_S" "p50 $P50 s, max $MAX s"
    echo "   CPU (% of one core)"
    for p in queued drain live after; do printf '     %-7s %s\n' "$p" "$(phase_cpu "$p")"; done
    echo "   raw outputs: $RESULTS_DIR"
} | tee "$RESULTS_DIR/summary.txt"
if ((MISSES > 0)) && [[ $FAIL_ON_MISS == 1 ]]; then exit 1; fi
