#!/usr/bin/env bash
# Performance bench for Undersigned: sign intake, count JSON, letter page, and a PostgreSQL single-row INSERT
# baseline (pgbench), all in one run against a fresh database. See bench/README.md.
#
#   bench/run.sh                 # full run (about 6 minutes after the build, 1M signatures seeded first)
#   DURATION=10 bench/run.sh     # quick run: every measurement 10 s
#
# All traffic goes to 127.0.0.1 only: the app is started here on a free loopback port, PostgreSQL is reached at
# 127.0.0.1. The app is stopped and the bench database dropped on exit, whatever happens.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export BENCH_DIR   # the wrk scripts load each other from it
REPO_DIR=$(dirname "$BENCH_DIR")

# ---- knobs (environment) -------------------------------------------------------------------------------------
DURATION=${DURATION:-}                                   # sets all four measurement durations at once (seconds)
SIGN_DURATION=${SIGN_DURATION:-${DURATION:-30}}
COUNT_DURATION=${COUNT_DURATION:-${DURATION:-20}}
PAGE_DURATION=${PAGE_DURATION:-${DURATION:-20}}
PGBENCH_DURATION=${PGBENCH_DURATION:-${DURATION:-20}}
SEARCH_DURATION=${SEARCH_DURATION:-${DURATION:-20}}
SEED_SIGNATURES=${SEED_SIGNATURES:-1000000}             # confirmed signatures added before count, page and search
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-16}
WARMUP=${WARMUP:-30}                                     # seconds of warm-up per endpoint (0 = none)
THREADS=${THREADS:-2}                                    # wrk threads
SIGN_CONNECTIONS=${SIGN_CONNECTIONS:-32}
GET_CONNECTIONS=${GET_CONNECTIONS:-64}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-8}
PGBENCH_JOBS=${PGBENCH_JOBS:-2}
SLUG=${SLUG:-face-recognition-moratorium}
PG_PORT=${PG_PORT:-5432}                                 # PostgreSQL on 127.0.0.1 (the host is not a knob)
PG_USER=${PG_USER:-postgres}
JAVA_OPTS=${JAVA_OPTS:-}
BUILD=${BUILD:-auto}                                     # auto: build only if target/quarkus-app is missing; 1: always
READY_TIMEOUT=${READY_TIMEOUT:-180}
RESULTS_DIR=${RESULTS_DIR:-}                             # raw outputs; default: a new /tmp/undersigned-bench.* folder
FAIL_ON_MISS=${FAIL_ON_MISS:-0}                          # 1: exit status 1 when a target is missed
ANALYZE=${ANALYZE:-1}                                    # 1: ANALYZE the bench database after the warm-up

# Targets.
TARGET_SIGN_RPS=2000
TARGET_SIGN_P99_MS=100
TARGET_SIGN_VS_PG=0.5
TARGET_COUNT_RPS=20000
TARGET_PAGE_RPS=5000

LOG_TAG=bench
DB_PREFIX="undersigned_bench_$(date +%Y%m%d%H%M%S)"
RESULTS_PREFIX=undersigned-bench
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck source=bench/common.sh
source "$BENCH_DIR/common.sh"
AUTOVACUUM=$("$PSQL" "${PG[@]}" -d postgres -Atqc 'show autovacuum')

# ---- database and app ----------------------------------------------------------------------------------------
create_db
APP_PORT=$(free_port)
MAIL_PORT=$(free_port)   # nothing listens there: mail stays queued in the outbox, as in an SMTP outage
[[ $MAIL_PORT != "$APP_PORT" ]] || MAIL_PORT=$(free_port)
BASE="http://$HOST:$APP_PORT"
CURL=(curl -s --noproxy '*' --max-time 5)
log "starting the app on $BASE (rate limits off, mail to $HOST:$MAIL_PORT where nothing listens)"
start_app "$RESULTS_DIR/app.log"

# Fail fast if an endpoint does not answer as the bench expects.
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-sign.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench Check\",\"email\":\"bench-check-$RUN_ID@example.org\",\"listing\":\"public\"}" \
    "$BASE/api/letters/$SLUG/signatures")
[[ $code == 202 ]] || die "sign check: HTTP $code $(cat "$RESULTS_DIR/check-sign.json")"
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-count.json" -w '%{http_code}' "$BASE/api/letters/$SLUG/count")
[[ $code == 200 ]] || die "count check: HTTP $code"
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-page.html" -w '%{http_code}' "$BASE/letters/$SLUG")
[[ $code == 200 ]] || die "letter page check: HTTP $code"
PAGE_BYTES=$(wc -c <"$RESULTS_DIR/check-page.html")
COUNT_BYTES=$(wc -c <"$RESULTS_DIR/check-count.json")

sampler >"$RESULTS_DIR/cpu.samples" 2>/dev/null &
SAMPLER_PID=$!

PHASES="$RESULTS_DIR/phases"
: >"$PHASES"

# ---- measurements --------------------------------------------------------------------------------------------
SIGN_URL="$BASE"   # the script sets the path
COUNT_URL="$BASE/api/letters/$SLUG/count"
PAGE_URL="$BASE/letters/$SLUG"

# The page target is stated for a letter with 1M signatures: give it that many before anything is measured (so
# sign-ups too are measured against a full table and its indexes), through the same path as confirmations (rows
# and events; the app's sequencer logs them and applies their count effects).
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
    SEEDED=$("${CURL[@]}" "$COUNT_URL" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    log "seeded, logged and counted in $((SECONDS - s0))s: the count API now says total ${SEEDED:-?}"
fi
if ((WARMUP > 0)); then
    log "warm-up: ${WARMUP}s each on sign, count and letter page"
    QUIET=1 run_wrk warmup-sign "$SIGN_CONNECTIONS" "$WARMUP" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}w" "$SLUG"
    QUIET=1 run_wrk warmup-count "$GET_CONNECTIONS" "$WARMUP" "$BENCH_DIR/get.lua" "$COUNT_URL"
    QUIET=1 run_wrk warmup-page "$GET_CONNECTIONS" "$WARMUP" "$BENCH_DIR/get.lua" "$PAGE_URL"
    QUIET=1 run_wrk warmup-search "$SEARCH_CONNECTIONS" "$WARMUP" "$BENCH_DIR/search.lua" "$BASE" "$SLUG"
    for w in sign count page; do log "  warm-up $w: $(sed 's/^BENCH //' <<<"$(bench_line "warmup-$w")" | cut -d' ' -f3,6)"; done
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

log "(a) sign intake: wrk -t$THREADS -c$SIGN_CONNECTIONS -d${SIGN_DURATION}s POST /api/letters/$SLUG/signatures"
run_wrk sign "$SIGN_CONNECTIONS" "$SIGN_DURATION" "$BENCH_DIR/sign.lua" "$SIGN_URL" "${RUN_ID}m" "$SLUG"
sleep 2
log "(b) count JSON: wrk -t$THREADS -c$GET_CONNECTIONS -d${COUNT_DURATION}s GET /api/letters/$SLUG/count"
run_wrk count "$GET_CONNECTIONS" "$COUNT_DURATION" "$BENCH_DIR/get.lua" "$COUNT_URL"
sleep 2
log "(c) letter page: wrk -t$THREADS -c$GET_CONNECTIONS -d${PAGE_DURATION}s GET /letters/$SLUG"
run_wrk page "$GET_CONNECTIONS" "$PAGE_DURATION" "$BENCH_DIR/get.lua" "$PAGE_URL"
sleep 2
log "(c2) name search: wrk -t$THREADS -c$SEARCH_CONNECTIONS -d${SEARCH_DURATION}s GET /api/letters/$SLUG/signatories?q=…"
run_wrk search "$SEARCH_CONNECTIONS" "$SEARCH_DURATION" "$BENCH_DIR/search.lua" "$BASE" "$SLUG"
sleep 2

log "(d) PostgreSQL baseline: pgbench -n -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -T $PGBENCH_DURATION -f insert.sql"
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
pg_end=$(uptime_now)
echo "pgbench $pg_start $pg_end" >>"$PHASES"
sed 's/^/    /' "$RESULTS_DIR/pgbench.txt" >&2
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' "$RESULTS_DIR/pgbench.txt" | tail -n 1)
[[ -n $PG_TPS ]] || PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RESULTS_DIR/pgbench.txt" | tail -n 1)
PG_FAILED=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$RESULTS_DIR/pgbench.txt" | tail -n 1)
# per-transaction log: client_id transaction_no latency_us script_no epoch_s epoch_us
read -r PG_TX PG_P50 PG_P99 < <(cat "$RESULTS_DIR"/pgbench-log/pgbench.* | gawk '{ print $3 }' | sort -n | gawk '
    { v[NR] = $1 } END { if (NR == 0) { print 0, 0, 0; exit }
    i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
    printf "%d %.3f %.3f\n", NR, v[i50] / 1000, v[i99] / 1000 }')
rm -rf "$RESULTS_DIR/pgbench-log"

ROWS=$("$PSQL" "${PG[@]}" -d "$DB" -AtXc "select (select count(*) from signature) || ' signatures, ' ||
    (select count(*) from mail_outbox) || ' outbox mails, ' || (select count(*) from bench_signature) ||
    ' bench_signature rows, database ' || pg_size_pretty(pg_database_size(current_database()))")

kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""

# ---- summary -------------------------------------------------------------------------------------------------
S=$(bench_line sign); C=$(bench_line count); P=$(bench_line page); Q=$(bench_line search)
ge() { gawk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
le() { gawk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }

S_RPS=$(field "$S" rps); S_P50=$(field "$S" p50_ms); S_P99=$(field "$S" p99_ms); S_BAD=$(field "$S" bad)
S_SOCK=$(field "$S" socket_errors)
C_RPS=$(field "$C" rps); C_P50=$(field "$C" p50_ms); C_P99=$(field "$C" p99_ms); C_BAD=$(field "$C" bad)
C_SOCK=$(field "$C" socket_errors)
P_RPS=$(field "$P" rps); P_P50=$(field "$P" p50_ms); P_P99=$(field "$P" p99_ms); P_BAD=$(field "$P" bad)
P_SOCK=$(field "$P" socket_errors)
Q_RPS=$(field "$Q" rps); Q_P50=$(field "$Q" p50_ms); Q_P99=$(field "$Q" p99_ms)
Q_BAD=$(( $(field "$Q" bad) + $(field "$Q" socket_errors) ))
RATIO=$(gawk -v a="$S_RPS" -v b="$PG_TPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')

MISSED=0
V_SIGN=$(ge "$S_RPS" $TARGET_SIGN_RPS && le "$S_P99" $TARGET_SIGN_P99_MS && [[ $S_BAD == 0 && $S_SOCK == 0 ]] \
    && echo PASS || echo FAIL)
V_COUNT=$(ge "$C_RPS" $TARGET_COUNT_RPS && [[ $C_BAD == 0 && $C_SOCK == 0 ]] && echo PASS || echo FAIL)
V_PAGE=$(ge "$P_RPS" $TARGET_PAGE_RPS && [[ $P_BAD == 0 && $P_SOCK == 0 ]] && echo PASS || echo FAIL)
V_RATIO=$(ge "$RATIO" $TARGET_SIGN_VS_PG && echo PASS || echo FAIL)
for v in "$V_SIGN" "$V_COUNT" "$V_PAGE" "$V_RATIO"; do [[ $v == PASS ]] || MISSED=1; done

num() { gawk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }'; }
cpu_row() {
    local name=$1 line start end
    line=$(grep "^$name " "$PHASES" | tail -n 1) || { echo "n/a"; return; }
    read -r _ start end <<<"$line"
    cpu_split "$start" "$end"
}

COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
[[ -z $(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null || true) ]] || DIRTY=" (+ local changes)"
CPU_MODEL=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)
{
echo
echo "Undersigned bench - $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT$DIRTY"
echo "machine: $(nproc) CPUs ($CPU_MODEL), $(java -version 2>&1 | head -n 1), $("$PSQL" "${PG[@]}" -d postgres -Atc 'show server_version' | cut -d' ' -f1)"
echo "load average before the run: $LOAD_BEFORE"
echo "wrk, the app and PostgreSQL share these CPUs; warm-up ${WARMUP}s per endpoint; letter '$SLUG'"
echo "PostgreSQL autovacuum: $AUTOVACUUM; ANALYZE after the warm-up: $([[ $ANALYZE == 1 ]] && echo yes || echo no)"
echo "app CPU with no load after the warm-up: ${IDLE_APP_CPU}% of a core (JIT compilation still going on, mail retries)"
echo "database at the end: $ROWS"
echo "count, page and search measured with ${SEEDED:-0} counted signatures on the letter ($SEED_SIGNATURES seeded)"
echo
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "measurement" "load" "req/s" "p50 ms" "p99 ms" "not-OK" "target" "result"
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "sign intake (POST)" "wrk -c$SIGN_CONNECTIONS ${SIGN_DURATION}s" \
    "$(num "$S_RPS")" "$S_P50" "$S_P99" "$((S_BAD + S_SOCK))" ">= $(num $TARGET_SIGN_RPS)/s and p99 <= $TARGET_SIGN_P99_MS ms" "$V_SIGN"
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "count JSON (GET)" "wrk -c$GET_CONNECTIONS ${COUNT_DURATION}s" \
    "$(num "$C_RPS")" "$C_P50" "$C_P99" "$((C_BAD + C_SOCK))" ">= $(num $TARGET_COUNT_RPS)/s" "$V_COUNT"
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "letter page (GET)" "wrk -c$GET_CONNECTIONS ${PAGE_DURATION}s" \
    "$(num "$P_RPS")" "$P_P50" "$P_P99" "$((P_BAD + P_SOCK))" ">= $(num $TARGET_PAGE_RPS)/s at 1M signatures" "$V_PAGE"
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "name search (GET)" "wrk -c$SEARCH_CONNECTIONS ${SEARCH_DURATION}s" \
    "$(num "$Q_RPS")" "$Q_P50" "$Q_P99" "$Q_BAD" "(no target; half find no one)" "-"
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "pgbench 1-row INSERT" "-c$PGBENCH_CLIENTS -j$PGBENCH_JOBS ${PGBENCH_DURATION}s" \
    "$(num "$PG_TPS")" "$PG_P50" "$PG_P99" "${PG_FAILED:-0}" "(baseline)" "-"
printf '%-22s %-16s %10s %9s %9s %8s  %-34s %s\n' "sign / pgbench" "" "$RATIO" "" "" "" ">= $TARGET_SIGN_VS_PG" "$V_RATIO"
echo
echo "CPU during each measurement, % of one core (machine capacity $(( $(nproc) * 100 ))%); approximate (1 s samples):"
printf '%-22s %6s %6s %6s %8s %6s %8s  %s\n' "measurement" "app" "pg" "wrk" "pgbench" "other" "machine" "largest 'other' parts"
for ph in sign count page search pgbench; do
    row=$(cpu_row "$ph")
    gawk -v name="$ph" -v row="$row" 'BEGIN { n = split(row, kv, "|"); for (i = 1; i <= n; i++) { p = index(kv[i], " "); v[substr(kv[i], 1, p - 1)] = substr(kv[i], p + 1) }
        printf "%-22s %5s%% %5s%% %5s%% %7s%% %5s%% %7s%%  %s\n", name, v["app"], v["pg"], v["wrk"], v["pgbench"], v["other"], v["machine"], v["top"] }'
done
OTHER_MAX=0
for ph in sign count page search pgbench; do
    o=$(cpu_row "$ph" | sed -n 's/.*other \([0-9]*\).*/\1/p')
    ((${o:-0} <= OTHER_MAX)) || OTHER_MAX=$o
done
echo "(app = the JVM under test; pg = PostgreSQL server processes except backends of other databases;"
echo " other = everything else on the machine, e.g. concurrent builds or tests)"
if ((OTHER_MAX > 20)); then
    echo "WARNING: other processes used up to ${OTHER_MAX}% of a core during a measurement: the machine was not quiet,"
    echo "         so these figures understate the service; run again on an idle machine."
fi
echo "responses: count JSON ${COUNT_BYTES} bytes, letter page ${PAGE_BYTES} bytes; raw outputs: $RESULTS_DIR"
} | tee "$RESULTS_DIR/summary.txt"

if [[ $MISSED == 1 && $FAIL_ON_MISS == 1 ]]; then
    exit 1
fi
exit 0
