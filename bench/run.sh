#!/usr/bin/env bash
# Performance bench for Undersigned (issue 24, "Closer to the hardware"): every figure is judged as a ratio to a
# baseline measured in the same run on the same machine, and absolute rates are context only.
#
#   sign intake (rate limits off)  >= 0.7 x pgbench single-row inserts, p99 <= 50 ms
#   sign intake (rate limits on)   beside it: many clients behind a trusted proxy (no target), 429s counted
#   count JSON                     >= 0.6 x nginx serving the same bytes
#   letter page                    >= 0.4 x nginx serving the same page
#   start-up                       <= 2 s from launching java to ready, on a migrated database (median of restarts)
#   idle RSS                       <= 250 MB, 10 s after ready, no load (median of the same restarts)
#   first 30 s after ready         >= 0.8 x the steady rate of the same endpoint (letter page; sign intake)
#
#   bench/run.sh                                 # full run (about 11 minutes after the build, 1M signatures seeded)
#   SEED_SIGNATURES=0 DURATION=5 WARMUP=3 bench/run.sh   # quick run: checks the script, not the app
#
# All traffic goes to 127.0.0.1 only: the app and nginx are started here on free loopback ports, PostgreSQL is
# reached at 127.0.0.1. The app and nginx are stopped and the bench database dropped on exit, whatever happens.
# See bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export BENCH_DIR   # the wrk scripts load each other from it
REPO_DIR=$(dirname "$BENCH_DIR")

# ---- knobs (environment) -------------------------------------------------------------------------------------
DURATION=${DURATION:-}                                   # sets all steady measurement durations at once (seconds)
SIGN_DURATION=${SIGN_DURATION:-${DURATION:-30}}
RL_SIGN_DURATION=${RL_SIGN_DURATION:-$SIGN_DURATION}     # sign intake with rate limits on
COUNT_DURATION=${COUNT_DURATION:-${DURATION:-20}}        # the app's count JSON, and nginx serving its bytes
PAGE_DURATION=${PAGE_DURATION:-${DURATION:-20}}          # the app's letter page, and nginx serving its bytes
PGBENCH_DURATION=${PGBENCH_DURATION:-${DURATION:-20}}
SEARCH_DURATION=${SEARCH_DURATION:-${DURATION:-20}}
COLD_DURATION=${COLD_DURATION:-30}                       # load right after ready (page; sign with limits on); 0: none
STARTS=${STARTS:-3}                                      # restarts on the migrated database: start-up time, idle RSS
IDLE_RSS_AFTER=${IDLE_RSS_AFTER:-10}                     # seconds after ready, with no load, when RSS is read
SEED_SIGNATURES=${SEED_SIGNATURES:-1000000}             # confirmed signatures added before anything is measured
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-16}
WARMUP=${WARMUP:-30}                                     # seconds of warm-up per endpoint (0 = none)
THREADS=${THREADS:-2}                                    # wrk threads
SIGN_CONNECTIONS=${SIGN_CONNECTIONS:-32}
GET_CONNECTIONS=${GET_CONNECTIONS:-64}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-8}
PGBENCH_JOBS=${PGBENCH_JOBS:-2}
NGINX_WORKERS=${NGINX_WORKERS:-2}
RL_SIGNS_PER_CLIENT=${RL_SIGNS_PER_CLIENT:-1}            # limits on: sign-ups per client address (X-Forwarded-For)
RL_DOMAINS=${RL_DOMAINS:-each}                           # limits on: each (own mail domain), webmail, one (example.org)
SLUG=${SLUG:-face-recognition-moratorium}
PG_PORT=${PG_PORT:-5432}                                 # PostgreSQL on 127.0.0.1 (the host is not a knob)
PG_USER=${PG_USER:-postgres}
JAVA_OPTS=${JAVA_OPTS:-}                                 # JVM options for every start of the app
BUILD=${BUILD:-auto}                                     # auto: build only if target/quarkus-app is missing; 1: always
READY_TIMEOUT=${READY_TIMEOUT:-180}
RESULTS_DIR=${RESULTS_DIR:-}                             # raw outputs; default: a new /tmp/undersigned-bench.* folder
FAIL_ON_MISS=${FAIL_ON_MISS:-0}                          # 1: exit status 1 when a target is missed
ANALYZE=${ANALYZE:-1}                                    # 1: ANALYZE the bench database after each warm-up
COUNT_AUDIT=${COUNT_AUDIT:-off}                          # on: the app's count audit runs as in production

for k in SIGN_DURATION RL_SIGN_DURATION COUNT_DURATION PAGE_DURATION PGBENCH_DURATION SEARCH_DURATION COLD_DURATION \
    STARTS IDLE_RSS_AFTER SEED_SIGNATURES WARMUP RL_SIGNS_PER_CLIENT NGINX_WORKERS; do
    [[ ${!k} =~ ^[0-9]+$ ]] || { echo "$k must be a whole number, not '${!k}'" >&2; exit 2; }
done
[[ $RL_DOMAINS =~ ^(each|webmail|one)$ ]] || { echo "RL_DOMAINS must be each, webmail or one" >&2; exit 2; }
((STARTS >= 1)) || { echo "STARTS must be at least 1" >&2; exit 2; }

# Targets (issue 24): ratios to baselines measured in this run, and the start-up and memory bounds.
TARGET_SIGN_VS_PG=0.7
TARGET_SIGN_P99_MS=50
TARGET_COUNT_VS_NGINX=0.6
TARGET_PAGE_VS_NGINX=0.4
TARGET_START_S=2
TARGET_RSS_MB=250
TARGET_COLD_VS_STEADY=0.8

LOG_TAG=bench
DB_PREFIX="undersigned_bench_$(date +%Y%m%d%H%M%S)"
RESULTS_PREFIX=undersigned-bench
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck source=bench/common.sh
source "$BENCH_DIR/common.sh"
apt_install nginx nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
AUTOVACUUM=$("$PSQL" "${PG[@]}" -d postgres -Atqc 'show autovacuum')

# ---- database, ports, the sampler -------------------------------------------------------------------------------
create_db
APP_PORT=$(free_port)
MAIL_PORT=$(free_port)   # nothing listens there: mail stays queued in the outbox, as in an SMTP outage
while [[ $MAIL_PORT == "$APP_PORT" ]]; do MAIL_PORT=$(free_port); done
BASE="http://$HOST:$APP_PORT"
CURL=(curl -s --noproxy '*' --max-time 5)
SIGN_URL="$BASE"   # the script sets the path
COUNT_PATH="/api/letters/$SLUG/count"
PAGE_PATH="/letters/$SLUG"
COUNT_URL="$BASE$COUNT_PATH"
PAGE_URL="$BASE$PAGE_PATH"
# As in production: rate limits on, and the proxy in front (here wrk, from 127.0.0.1) trusted for X-Forwarded-For.
PROD_ENV=(UNDERSIGNED_RATE_LIMIT_ENABLED=true "UNDERSIGNED_TRUSTED_PROXIES=$HOST")
# The count audit replays new log entries every 10 s, from where it stopped. After the seed it would replay a million
# at once (about 500 a second on this machine kind: half an hour), during the measured starts, which signatures that
# arrive over time never cause: it waits a day in every start here (its first run comes one period after the start)
# unless COUNT_AUDIT=on.
BASE_ENV=()
[[ $COUNT_AUDIT == on ]] || BASE_ENV=(UNDERSIGNED_COUNT_AUDIT_EVERY=24h)
PROD_ENV+=(${BASE_ENV[@]+"${BASE_ENV[@]}"})

PHASES="$RESULTS_DIR/phases"
: >"$PHASES"
sampler >"$RESULTS_DIR/cpu.samples" 2>/dev/null &
SAMPLER_PID=$!
phase() { echo "$1 $2 $3" >>"$PHASES"; }   # <name> <start uptime> <end uptime>, for the CPU table

CDS_STARTS=0 CDS_OK=0 CDS_WARNING=""
note_cds() {
    [[ $APP_CDS_OK != - ]] || return 0
    CDS_STARTS=$((CDS_STARTS + 1)) CDS_OK=$((CDS_OK + APP_CDS_OK))
    [[ -n $CDS_WARNING || -z $APP_CDS_WARNING ]] || CDS_WARNING=$APP_CDS_WARNING
}

# ---- (1) first start: the app migrates the fresh database; the letter gets its signatures -------------------------
log "first start on $BASE: migrating the fresh database (rate limits off, mail to $HOST:$MAIL_PORT where nothing listens)"
APP_ENV=(${BASE_ENV[@]+"${BASE_ENV[@]}"})
start_app "$RESULTS_DIR/app-migrate.log"
FIRST_START=$APP_READY_SECONDS
note_cds

# Fail fast if an endpoint does not answer as the bench expects.
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-sign.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench Check\",\"email\":\"bench-check-$RUN_ID@example.org\",\"listing\":\"public\"}" \
    "$BASE/api/letters/$SLUG/signatures")
[[ $code == 202 ]] || die "sign check: HTTP $code $(cat "$RESULTS_DIR/check-sign.json")"
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-count.json" -w '%{http_code}' "$COUNT_URL")
[[ $code == 200 ]] || die "count check: HTTP $code"
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-page.html" -w '%{http_code}' "$PAGE_URL")
[[ $code == 200 ]] || die "letter page check: HTTP $code"

# The page target is stated for a letter with 1M signatures: give it that many before anything is measured (so
# sign-ups too are measured against a full table and its indexes, and restarts find a database of that size),
# through the same path as confirmations (rows and events; the app's sequencer logs them and applies their count
# effects).
SEEDED=0
if ((SEED_SIGNATURES > 0)); then
    log "seeding $SEED_SIGNATURES confirmed signatures (bench/seed.sql); the app's sequencer logs and counts them"
    s0=$SECONDS
    "$PSQL" "${PG[@]}" -d "$DB" -qX -v letter="$SLUG" -v n="$SEED_SIGNATURES" -f "$BENCH_DIR/seed.sql" >&2
    until [[ $("$PSQL" "${PG[@]}" -d "$DB" -AtXc 'SELECT count(*) FROM log_pending') == 0 ]]; do
        ((SECONDS - s0 < 900)) || die "the sequencer did not integrate the seeded signatures in 900 s"
        sleep 2
    done
    "$PSQL" "${PG[@]}" -d "$DB" -qXc 'ANALYZE'
    # the seed wrote gigabytes of WAL: its last checkpoint would otherwise still be writing pages out (and every page
    # touched after it logged whole) during the measurements; a service that grew to this size over time has no such
    # backlog
    "$PSQL" "${PG[@]}" -d "$DB" -qXc 'CHECKPOINT' \
        || log "CHECKPOINT refused (it needs a superuser or pg_checkpoint): the seed's writes may reach the measurements"
    sleep 2   # the count API caches for a moment
    SEEDED=$("${CURL[@]}" "$COUNT_URL" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    log "seeded, logged and counted in $((SECONDS - s0))s: the count API now says total ${SEEDED:-?}"
fi
stop_app

# ---- (2) start-up and idle memory: restarts on the migrated database, as in production ----------------------------
START_S=() RSS_MB=() QUARKUS_S=()
for i in $(seq 1 "$STARTS"); do
    log "restart $i of $STARTS on the migrated database (rate limits on, trusted proxy $HOST): time to ready, RSS after ${IDLE_RSS_AFTER}s idle"
    t0=$(uptime_now)
    # the self-warm-up (after the start-up jobs, before readiness) is not counted in the start-up time (issue 24):
    # these starts skip it; the first-30-s measurements below start with it, as production does
    APP_ENV=("${PROD_ENV[@]}" UNDERSIGNED_STARTUP_WARM_UP=0s)
    start_app "$RESULTS_DIR/app-start-$i.log"
    t1=$(uptime_now)
    phase "start-$i" "$t0" "$t1"
    note_cds
    START_S+=("$APP_READY_SECONDS")
    QUARKUS_S+=("$APP_QUARKUS_STARTED")
    sleep "$IDLE_RSS_AFTER"
    RSS_MB+=("$(app_rss_mb)")
    phase "idle-$i" "$t1" "$(uptime_now)"
    log "  ready in ${APP_READY_SECONDS}s; VmRSS ${RSS_MB[-1]} MB ${IDLE_RSS_AFTER}s later"
    stop_app
done
median() { printf '%s\n' "$@" | sort -g | gawk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
START_MEDIAN=$(median "${START_S[@]}")
RSS_MEDIAN=$(median "${RSS_MB[@]}")

# ---- (3) the steady measurements, rate limits off (as the sign target asks) ----------------------------------------
log "starting the app for the steady measurements (rate limits off)"
APP_ENV=(${BASE_ENV[@]+"${BASE_ENV[@]}"})
start_app "$RESULTS_DIR/app.log"
STEADY_START=$APP_READY_SECONDS
note_cds
if ((COLD_DURATION > 0)); then
    log "letter page right after ready: wrk -t$THREADS -c$GET_CONNECTIONS -d${COLD_DURATION}s GET $PAGE_PATH"
    run_wrk cold-page "$GET_CONNECTIONS" "$COLD_DURATION" "$BENCH_DIR/get.lua" "$PAGE_URL"
fi
if ((WARMUP > 0)); then
    log "warm-up: ${WARMUP}s each on sign, count, letter page and search"
    QUIET=1 run_wrk warmup-sign "$SIGN_CONNECTIONS" "$WARMUP" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}w" "$SLUG"
    QUIET=1 run_wrk warmup-count "$GET_CONNECTIONS" "$WARMUP" "$BENCH_DIR/get.lua" "$COUNT_URL"
    QUIET=1 run_wrk warmup-page "$GET_CONNECTIONS" "$WARMUP" "$BENCH_DIR/get.lua" "$PAGE_URL"
    QUIET=1 run_wrk warmup-search "$SEARCH_CONNECTIONS" "$WARMUP" "$BENCH_DIR/search.lua" "$BASE" "$SLUG"
    for w in sign count page; do
        b=$(bench_line "warmup-$w")
        log "  warm-up $w: $(cut -d' ' -f4,7 <<<"$b")"
    done
fi
# Refresh planner statistics once the tables hold rows, as autovacuum would in production (where it is on by
# default). Without it the server may keep plans made for the empty tables: with autovacuum off, the sign intake's
# look-up of a live signature by (letter, email) kept a cached generic plan from the empty table that scans all
# signatures of the letter, and sign throughput fell steadily as they piled up (see README).
if [[ $ANALYZE == 1 ]]; then
    "$PSQL" "${PG[@]}" -d "$DB" -qXc 'ANALYZE' && log "ran ANALYZE on $DB (autovacuum is $AUTOVACUUM on this server)"
fi

# The app's CPU while no load runs: the JIT compiler still at work, plus mail retries (nothing listens for SMTP).
app_ticks() { gawk '{ sub(/.*\) /, ""); split($0, s, " "); print s[12] + s[13] }' "/proc/$APP_PID/stat"; }
t0=$(app_ticks); sleep 5; t1=$(app_ticks)
IDLE_APP_CPU=$(( (t1 - t0) * 100 / (5 * $(getconf CLK_TCK)) ))
log "app CPU with no load, after the warm-up: ${IDLE_APP_CPU}% of a core"

# save_response <name> <url>: the app's answer as a file (for nginx to serve the same bytes) and its Content-Type.
save_response() {
    local out code type
    out=$("${CURL[@]}" -o "$RESULTS_DIR/response-$1" -w '%{http_code} %{content_type}' "$2")
    code=${out%% *} type=${out#* }
    [[ $code == 200 ]] || die "$1: HTTP $code"
    [[ -n $type && $type != "$out" ]] || die "$1: no Content-Type"
    echo "$type" >"$RESULTS_DIR/response-$1.type"
}

log "(a) sign intake: wrk -t$THREADS -c$SIGN_CONNECTIONS -d${SIGN_DURATION}s POST /api/letters/$SLUG/signatures"
run_wrk sign "$SIGN_CONNECTIONS" "$SIGN_DURATION" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}m" "$SLUG"
sleep 2
save_response count "$COUNT_URL"
log "(b) count JSON: wrk -t$THREADS -c$GET_CONNECTIONS -d${COUNT_DURATION}s GET $COUNT_PATH"
run_wrk count "$GET_CONNECTIONS" "$COUNT_DURATION" "$BENCH_DIR/get.lua" "$COUNT_URL"
sleep 2
save_response page "$PAGE_URL"
log "(c) letter page: wrk -t$THREADS -c$GET_CONNECTIONS -d${PAGE_DURATION}s GET $PAGE_PATH"
run_wrk page "$GET_CONNECTIONS" "$PAGE_DURATION" "$BENCH_DIR/get.lua" "$PAGE_URL"
sleep 2
log "(d) name search: wrk -t$THREADS -c$SEARCH_CONNECTIONS -d${SEARCH_DURATION}s GET /api/letters/$SLUG/signatories?q=…"
run_wrk search "$SEARCH_CONNECTIONS" "$SEARCH_DURATION" "$BENCH_DIR/search.lua" "$BASE" "$SLUG"
stop_app
COUNT_BYTES=$(wc -c <"$RESULTS_DIR/response-count")
PAGE_BYTES=$(wc -c <"$RESULTS_DIR/response-page")
COUNT_TYPE=$(cat "$RESULTS_DIR/response-count.type")
PAGE_TYPE=$(cat "$RESULTS_DIR/response-page.type")
sleep 2

# ---- (4) nginx serving the app's bytes (the app stopped) ------------------------------------------------------------
NGINX_PORT=$(free_port)
while [[ $NGINX_PORT == "$APP_PORT" || $NGINX_PORT == "$MAIL_PORT" ]]; do NGINX_PORT=$(free_port); done
start_nginx "$RESULTS_DIR/nginx" "$NGINX_PORT" "$NGINX_WORKERS" \
    "$COUNT_PATH" "$RESULTS_DIR/response-count" "$COUNT_TYPE" \
    "$PAGE_PATH" "$RESULTS_DIR/response-page" "$PAGE_TYPE"
NGINX_BASE="http://$HOST:$NGINX_PORT"
for r in "count:$COUNT_PATH:$COUNT_TYPE" "page:$PAGE_PATH:$PAGE_TYPE"; do
    IFS=: read -r name path type <<<"$r"
    got=$("${CURL[@]}" -o "$RESULTS_DIR/nginx-check-$name" -w '%{http_code} %{content_type}' "$NGINX_BASE$path")
    [[ $got == "200 $type" ]] || die "nginx answered $path with '$got', not '200 $type'"
    cmp -s "$RESULTS_DIR/nginx-check-$name" "$RESULTS_DIR/response-$name" || die "nginx did not serve the app's bytes for $path"
done
log "(e) nginx, count JSON's bytes: wrk -t$THREADS -c$GET_CONNECTIONS -d${COUNT_DURATION}s"
run_wrk nginx-count "$GET_CONNECTIONS" "$COUNT_DURATION" "$BENCH_DIR/get.lua" "$NGINX_BASE$COUNT_PATH"
sleep 2
log "(f) nginx, letter page's bytes: wrk -t$THREADS -c$GET_CONNECTIONS -d${PAGE_DURATION}s"
run_wrk nginx-page "$GET_CONNECTIONS" "$PAGE_DURATION" "$BENCH_DIR/get.lua" "$NGINX_BASE$PAGE_PATH"
stop_nginx
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
sleep 2

# ---- (5) PostgreSQL alone: single-row inserts shaped like a signature row (the app stopped) -----------------------
log "(g) PostgreSQL baseline: pgbench -n -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -T $PGBENCH_DURATION -f insert.sql"
"$PSQL" "${PG[@]}" -d "$DB" -qX -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE bench_signature (
    seq        bigserial PRIMARY KEY,
    id         uuid NOT NULL UNIQUE,
    letter_id  bigint NOT NULL,
    email      varchar(320),
    name       varchar(200),
    created_at timestamptz NOT NULL DEFAULT now()
);
SQL
mkdir -p "$RESULTS_DIR/pgbench-log"
pg_start=$(uptime_now)
(cd "$RESULTS_DIR/pgbench-log" && "$PGBENCH" "${PG[@]}" -n -c "$PGBENCH_CLIENTS" -j "$PGBENCH_JOBS" \
    -T "$PGBENCH_DURATION" -f "$BENCH_DIR/insert.sql" -l --log-prefix=pgbench "$DB") \
    >"$RESULTS_DIR/pgbench.txt" 2>&1 || { cat "$RESULTS_DIR/pgbench.txt" >&2; die "pgbench failed"; }
phase pgbench "$pg_start" "$(uptime_now)"
sed 's/^/    /' "$RESULTS_DIR/pgbench.txt" >&2
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' "$RESULTS_DIR/pgbench.txt" | tail -n 1)
[[ -n $PG_TPS ]] || PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RESULTS_DIR/pgbench.txt" | tail -n 1)
PG_FAILED=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$RESULTS_DIR/pgbench.txt" | tail -n 1)
# per-transaction log: client_id transaction_no latency_us script_no epoch_s epoch_us
read -r PG_P50 PG_P99 < <(cat "$RESULTS_DIR"/pgbench-log/pgbench.* | gawk '{ print $3 }' | sort -n | gawk '
    { v[NR] = $1 } END { if (NR == 0) { print 0, 0; exit }
    i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
    printf "%.3f %.3f\n", v[i50] / 1000, v[i99] / 1000 }')
rm -rf "$RESULTS_DIR/pgbench-log"
sleep 2

# ---- (6) sign intake with rate limits on: many clients behind a trusted proxy ---------------------------------------
# Every request carries X-Forwarded-For with a client address of its own (RL_SIGNS_PER_CLIENT sign-ups per address),
# and the app trusts 127.0.0.1 (wrk) as its proxy, so each sign-up spends the buckets of its own network, mailbox
# and (RL_DOMAINS=each) domain, as a crowd behind an ingress would. Each wrk run uses its own first octet.
log "starting the app with rate limits on, trusting $HOST as a proxy"
APP_ENV=("${PROD_ENV[@]}")
start_app "$RESULTS_DIR/app-limits.log"
LIMITS_START=$APP_READY_SECONDS
note_cds
RL_ARGS=("$RL_SIGNS_PER_CLIENT" "$RL_DOMAINS")
if ((COLD_DURATION > 0)); then
    log "sign intake (rate limits on) right after ready: wrk -t$THREADS -c$SIGN_CONNECTIONS -d${COLD_DURATION}s"
    run_wrk cold-sign "$SIGN_CONNECTIONS" "$COLD_DURATION" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}c" "$SLUG" 21 "${RL_ARGS[@]}"
fi
if ((WARMUP > 0)); then
    log "warm-up: ${WARMUP}s of sign-ups with rate limits on"
    QUIET=1 run_wrk warmup-sign-limits "$SIGN_CONNECTIONS" "$WARMUP" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}v" "$SLUG" 22 "${RL_ARGS[@]}"
fi
if [[ $ANALYZE == 1 ]]; then
    "$PSQL" "${PG[@]}" -d "$DB" -qXc 'ANALYZE' && log "ran ANALYZE on $DB (the rate-limit buckets now hold rows)"
fi
log "(h) sign intake, rate limits on: wrk -t$THREADS -c$SIGN_CONNECTIONS -d${RL_SIGN_DURATION}s, X-Forwarded-For per client"
run_wrk sign-limits "$SIGN_CONNECTIONS" "$RL_SIGN_DURATION" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}r" "$SLUG" 23 "${RL_ARGS[@]}"
stop_app

ROWS=$("$PSQL" "${PG[@]}" -d "$DB" -AtXc "select (select count(*) from signature) || ' signatures, ' ||
    (select count(*) from mail_outbox) || ' outbox mails, ' || (select count(*) from rate_limit) ||
    ' rate-limit buckets, ' || (select count(*) from bench_signature) ||
    ' bench_signature rows, database ' || pg_size_pretty(pg_database_size(current_database()))")

kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""

# ---- summary -------------------------------------------------------------------------------------------------
ge() { gawk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
le() { gawk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
ratio() { gawk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 <= 0) print "n/a"; else printf "%.2f", a / b }'; }
num() { gawk -v x="$1" 'BEGIN { if (x == "") { print "n/a"; exit }
    s = sprintf("%.0f", x); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }'; }

# Per wrk run: R_<name>_{rps,p50,p99,bad,ok,refused,ran}; "bad" counts non-2xx (get) or non-202 (sign) answers
# other than 429 with rate limits on, plus socket errors; ok/s is the rate of 202 answers (sign runs only).
declare -A R
read_run() {
    local name=$1 line k
    for k in rps p50 p99 okps; do R[$name.$k]=""; done
    R[$name.ran]=0 R[$name.bad]=0 R[$name.refused]=0
    [[ -f $RESULTS_DIR/$name.txt ]] || return 0
    line=$(bench_line "$name") || return 0
    R[$name.ran]=1
    R[$name.rps]=$(field "$line" rps)
    R[$name.p50]=$(field "$line" p50_ms)
    R[$name.p99]=$(field "$line" p99_ms)
    R[$name.refused]=$(field "$line" refused)
    R[$name.refused]=${R[$name.refused]:-0}
    R[$name.bad]=$(( $(field "$line" bad) + $(field "$line" socket_errors) ))
    local ok
    ok=$(field "$line" ok)
    if [[ -n $ok ]]; then
        R[$name.okps]=$(gawk -v n="$ok" -v s="$(field "$line" seconds)" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
        R[$name.bad]=$(( R[$name.bad] - R[$name.refused] ))   # 429s are counted apart
    else
        R[$name.okps]=${R[$name.rps]}
    fi
}
for r in sign count page search nginx-count nginx-page cold-page cold-sign sign-limits; do read_run "$r"; done

MISSED=0
ROWS_OUT=()
# judge <figure> <value> <baseline> <ratio> <target> <PASS|FAIL|-|SKIP>
judge() {
    ROWS_OUT+=("$(printf '%-44s %-22s %-26s %6s  %-12s %s' "$1" "$2" "$3" "$4" "$5" "$6")")
    [[ $6 != FAIL ]] || MISSED=1
}
# verdict <ratio or value> <ge|le> <target> [<run whose not-OK answers must be 0>...]
verdict() {
    local value=$1 cmp=$2 target=$3 r
    shift 3
    [[ $value =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo FAIL; return; }   # n/a: not measured
    case $cmp in
        ge) ge "$value" "$target" || { echo FAIL; return; } ;;
        le) le "$value" "$target" || { echo FAIL; return; } ;;
        *) die "verdict: $cmp" ;;
    esac
    for r in "$@"; do [[ ${R[$r.ran]} == 1 && ${R[$r.bad]} == 0 ]] || { echo FAIL; return; }; done
    echo PASS
}

S_RATIO=$(ratio "${R[sign.rps]}" "$PG_TPS")
judge "sign intake (limits off) / pgbench insert" "$(num "${R[sign.rps]}")/s" "pgbench $(num "$PG_TPS")/s" "$S_RATIO" \
    ">= $TARGET_SIGN_VS_PG" "$(verdict "$S_RATIO" ge "$TARGET_SIGN_VS_PG" sign)"
judge "sign intake (limits off) p99" "${R[sign.p99]} ms" "-" "-" "<= $TARGET_SIGN_P99_MS ms" \
    "$(verdict "${R[sign.p99]}" le "$TARGET_SIGN_P99_MS" sign)"
judge "sign intake (limits on), accepted" "$(num "${R[sign-limits.okps]}")/s, ${R[sign-limits.refused]} 429s" \
    "limits off $(num "${R[sign.rps]}")/s" "$(ratio "${R[sign-limits.okps]}" "${R[sign.rps]}")" "(none)" "-"
C_RATIO=$(ratio "${R[count.rps]}" "${R[nginx-count.rps]}")
judge "count JSON / nginx, same bytes" "$(num "${R[count.rps]}")/s" "nginx $(num "${R[nginx-count.rps]}")/s" "$C_RATIO" \
    ">= $TARGET_COUNT_VS_NGINX" "$(verdict "$C_RATIO" ge "$TARGET_COUNT_VS_NGINX" count nginx-count)"
P_RATIO=$(ratio "${R[page.rps]}" "${R[nginx-page.rps]}")
judge "letter page / nginx, same page" "$(num "${R[page.rps]}")/s" "nginx $(num "${R[nginx-page.rps]}")/s" "$P_RATIO" \
    ">= $TARGET_PAGE_VS_NGINX" "$(verdict "$P_RATIO" ge "$TARGET_PAGE_VS_NGINX" page nginx-page)"
judge "start-up to ready, migrated db (median)" "$START_MEDIAN s" "-" "-" "<= $TARGET_START_S s" \
    "$(verdict "$START_MEDIAN" le "$TARGET_START_S")"
judge "idle RSS ${IDLE_RSS_AFTER} s after ready (median)" "$RSS_MEDIAN MB" "-" "-" "<= $TARGET_RSS_MB MB" \
    "$(verdict "$RSS_MEDIAN" le "$TARGET_RSS_MB")"
if ((COLD_DURATION > 0)); then
    CP_RATIO=$(ratio "${R[cold-page.rps]}" "${R[page.rps]}")
    judge "letter page, first ${COLD_DURATION} s after ready / steady" "$(num "${R[cold-page.rps]}")/s" \
        "steady $(num "${R[page.rps]}")/s" "$CP_RATIO" ">= $TARGET_COLD_VS_STEADY" \
        "$(verdict "$CP_RATIO" ge "$TARGET_COLD_VS_STEADY" cold-page)"
    CS_RATIO=$(ratio "${R[cold-sign.okps]}" "${R[sign-limits.okps]}")
    judge "sign (limits on), first ${COLD_DURATION} s / steady" "$(num "${R[cold-sign.okps]}")/s" \
        "steady $(num "${R[sign-limits.okps]}")/s" "$CS_RATIO" ">= $TARGET_COLD_VS_STEADY" \
        "$(verdict "$CS_RATIO" ge "$TARGET_COLD_VS_STEADY" cold-sign)"
else
    judge "letter page, first 30 s after ready / steady" "not measured" "(COLD_DURATION=0)" "-" ">= $TARGET_COLD_VS_STEADY" SKIP
    judge "sign (limits on), first 30 s / steady" "not measured" "(COLD_DURATION=0)" "-" ">= $TARGET_COLD_VS_STEADY" SKIP
fi

# raw <name> <label> <load>: one line of the measurements table
raw() {
    local n=$1
    if [[ ${R[$n.ran]} != 1 ]]; then return; fi
    local extra=""
    if [[ $n == sign-limits || $n == cold-sign ]]; then extra="  (202: $(num "${R[$n.okps]}")/s, 429: ${R[$n.refused]})"; fi
    printf '%-34s %-18s %10s %9s %9s %7s%s\n' "$2" "$3" "$(num "${R[$n.rps]}")" "${R[$n.p50]}" "${R[$n.p99]}" "${R[$n.bad]}" "$extra"
}
cpu_row() {
    local name=$1 line start end
    line=$(grep "^$name " "$PHASES" | tail -n 1) || { echo "n/a"; return; }
    read -r _ start end <<<"$line"
    cpu_split "$start" "$end"
}
CPU_PHASES=()
for i in $(seq 1 "$STARTS"); do CPU_PHASES+=("start-$i" "idle-$i"); done
CPU_PHASES+=(cold-page sign count page search nginx-count nginx-page pgbench cold-sign sign-limits)

COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
[[ -z $(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null || true) ]] || DIRTY=" (+ local changes)"
CPU_MODEL=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)
CPU_COUNT=$(grep -c '^processor' /proc/cpuinfo)
if [[ $APPCDS_USED == 1 ]]; then
    CDS_LINE="-XX:SharedArchiveFile=$APPCDS_ARCHIVE added; the JVM used it in $CDS_OK of $CDS_STARTS starts"
    [[ -z $CDS_WARNING ]] || CDS_LINE+=" (it said: $CDS_WARNING)"
else
    CDS_LINE="not used (no ${APPCDS_ARCHIVE#"$REPO_DIR"/})"
    [[ $APP_JVM_OPTS != *SharedArchiveFile* ]] || CDS_LINE="as JAVA_OPTS says (it names a SharedArchiveFile)"
fi
CT=$((COLD_DURATION > 0 ? COLD_DURATION : 30))
{
echo
echo "Undersigned bench (issue 24: ratios to baselines of this run) - $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT$DIRTY"
echo "CPU: $CPU_MODEL, $CPU_COUNT cores ($(nproc) usable); $(java -version 2>&1 | head -n 1); PostgreSQL $("$PSQL" "${PG[@]}" -d postgres -Atc 'show server_version' | cut -d' ' -f1); $NGINX_VERSION"
echo "load average before the run: $LOAD_BEFORE; wrk, the app, nginx and PostgreSQL share these CPUs"
echo "JVM options: ${APP_JVM_OPTS:-(none)}; AppCDS: $CDS_LINE"
echo "count audit in the app: $COUNT_AUDIT; PostgreSQL autovacuum: $AUTOVACUUM; ANALYZE after each warm-up: $([[ $ANALYZE == 1 ]] && echo yes || echo no); warm-up ${WARMUP}s per endpoint; letter '$SLUG'"
echo "count, page and search measured with ${SEEDED:-0} counted signatures on the letter ($SEED_SIGNATURES seeded)"
echo "database at the end: $ROWS"
echo "start-up to ready (launching java to the first 200 from /q/health/ready), restarts on the migrated database ($STARTS)"
echo "  with rate limits on: ${START_S[*]} s (median $START_MEDIAN; Quarkus' own 'started in': ${QUARKUS_S[*]} s);"
echo "  other starts: first (migrating the fresh database) ${FIRST_START} s, steady instance ${STEADY_START} s, limits-on instance ${LIMITS_START} s"
echo "idle VmRSS ${IDLE_RSS_AFTER} s after ready, no load, same restarts: ${RSS_MB[*]} MB (median $RSS_MEDIAN; MB = 10^6 bytes)"
echo "app CPU with no load after the warm-up: ${IDLE_APP_CPU}% of a core (JIT compilation still going on, mail retries)"
echo "nginx: $NGINX_WORKERS workers, access log off, sendfile, open_file_cache, keep-alive without a request limit, run"
echo "  with the app stopped; it served the app's own responses: count $COUNT_BYTES bytes ($COUNT_TYPE), page $PAGE_BYTES bytes ($PAGE_TYPE)"
echo "rate limits on: trusted proxy $HOST, X-Forwarded-For a client address per $RL_SIGNS_PER_CLIENT sign-up(s), mail domains: $RL_DOMAINS"
echo
echo "Measurements (context; not-OK = unexpected answers and socket errors):"
printf '%-34s %-18s %10s %9s %9s %7s\n' "measurement" "load" "req/s" "p50 ms" "p99 ms" "not-OK"
raw sign "sign intake, limits off" "wrk -c$SIGN_CONNECTIONS ${SIGN_DURATION}s"
raw sign-limits "sign intake, limits on" "wrk -c$SIGN_CONNECTIONS ${RL_SIGN_DURATION}s"
raw cold-sign "sign, limits on, first ${CT}s" "wrk -c$SIGN_CONNECTIONS ${COLD_DURATION}s"
raw count "count JSON" "wrk -c$GET_CONNECTIONS ${COUNT_DURATION}s"
raw nginx-count "nginx, count JSON's bytes" "wrk -c$GET_CONNECTIONS ${COUNT_DURATION}s"
raw page "letter page" "wrk -c$GET_CONNECTIONS ${PAGE_DURATION}s"
raw nginx-page "nginx, letter page's bytes" "wrk -c$GET_CONNECTIONS ${PAGE_DURATION}s"
raw cold-page "letter page, first ${CT}s" "wrk -c$GET_CONNECTIONS ${COLD_DURATION}s"
raw search "name search (no target)" "wrk -c$SEARCH_CONNECTIONS ${SEARCH_DURATION}s"
printf '%-34s %-18s %10s %9s %9s %7s\n' "pgbench 1-row INSERT" "-c$PGBENCH_CLIENTS -j$PGBENCH_JOBS ${PGBENCH_DURATION}s" \
    "$(num "$PG_TPS")" "$PG_P50" "$PG_P99" "${PG_FAILED:-0}"
echo
echo "Targets:"
printf '%-44s %-22s %-26s %6s  %-12s %s\n' "figure" "value" "baseline" "ratio" "target" "result"
printf '%s\n' "${ROWS_OUT[@]}"
echo
echo "CPU during each phase, % of one core (machine capacity $(( $(nproc) * 100 ))%); approximate (1 s samples):"
printf '%-14s %6s %6s %6s %8s %6s %6s %8s  %s\n' "phase" "app" "pg" "wrk" "pgbench" "nginx" "other" "machine" "largest 'other' parts"
OTHER_MAX=0
for ph in "${CPU_PHASES[@]}"; do
    grep -q "^$ph " "$PHASES" || continue
    row=$(cpu_row "$ph")
    gawk -v name="$ph" -v row="$row" 'BEGIN { n = split(row, kv, "|"); for (i = 1; i <= n; i++) { p = index(kv[i], " "); v[substr(kv[i], 1, p - 1)] = substr(kv[i], p + 1) }
        printf "%-14s %5s%% %5s%% %5s%% %7s%% %5s%% %5s%% %7s%%  %s\n", name, v["app"], v["pg"], v["wrk"], v["pgbench"], v["nginx"], v["other"], v["machine"], v["top"] }'
    o=$(sed -n 's/.*other \([0-9]*\).*/\1/p' <<<"$row")
    ((${o:-0} <= OTHER_MAX)) || OTHER_MAX=$o
done
echo "(app = the JVM under test; pg = PostgreSQL server processes except backends of other databases;"
echo " other = everything else on the machine, e.g. concurrent builds or tests; start-i = launch to ready, idle-i = the"
echo " ${IDLE_RSS_AFTER} s after it)"
if ((OTHER_MAX > 20)); then
    echo "WARNING: other processes used up to ${OTHER_MAX}% of a core during a phase: the machine was not quiet,"
    echo "         so these figures are noisy; run again on an idle machine."
fi
echo "raw outputs: $RESULTS_DIR"
} | tee "$RESULTS_DIR/summary.txt"

if [[ $MISSED == 1 && $FAIL_ON_MISS == 1 ]]; then
    exit 1
fi
exit 0
