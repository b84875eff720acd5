#!/usr/bin/env bash
# Transparency-log bench for Undersigned: builds a log of ENTRIES entries directly in a fresh database
# (bench/BuildLog.java), then measures inclusion proofs, tiles and the sequencer's integration rate and lag.
# See bench/README.md, section "Transparency log".
#
#   bench/log.sh                        # 10,000,000 entries (the build takes several minutes)
#   ENTRIES=1000000 bench/log.sh        # smaller log
#
# Only 127.0.0.1 is loaded: the app on a free loopback port, PostgreSQL at 127.0.0.1. The app is stopped and the
# bench database dropped on exit, whatever happens.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")

# ---- knobs (environment) -------------------------------------------------------------------------------------
ENTRIES=${ENTRIES:-10000000}
SLUG=${SLUG:-face-recognition-moratorium}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PROOF_DURATION=${PROOF_DURATION:-15}
CONTEXT_DURATION=${CONTEXT_DURATION:-10} # the context runs: checkpoint, hash tiles only, entry bundles only
TILE_DURATION=${TILE_DURATION:-20}
WARMUP=${WARMUP:-10}                   # seconds of warm-up before each wrk measurement (JIT: 5 s was not enough)
APP_WARMUP=${APP_WARMUP:-60}           # seconds of mixed load after the app starts, before any measurement (JIT)
PENDING_RATE=${PENDING_RATE:-2500}     # pgbench -R
PENDING_DURATION=${PENDING_DURATION:-20}
PENDING_CLIENTS=${PENDING_CLIENTS:-4}  # pgbench -c (-j 2): 2 connections could not offer 2,500 commits/s here
BURST=${BURST:-100000}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}    # seconds to wait for log_pending to empty
READY_TIMEOUT=${READY_TIMEOUT:-180}
BUILD=${BUILD:-auto}                   # auto: build only if target/quarkus-app is missing; 1: always
JAVA_OPTS=${JAVA_OPTS:-}
RESULTS_DIR=${RESULTS_DIR:-}

# Targets (issue): integration >= 2,000/s with checkpoint lag <= 1 s; inclusion proof <= 1 ms; tiles >= 10,000/s.
TARGET_INTEGRATE=2000
TARGET_LAG_S=1
TARGET_PROOF_MS=1
TARGET_TILES_RPS=10000

LOG_TAG=logbench
DB_PREFIX=undersigned_logbench
RESULTS_PREFIX=undersigned-logbench
# shellcheck source=bench/common.sh
source "$BENCH_DIR/common.sh"
PG_JAR=$(ls "$REPO_DIR"/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar 2>/dev/null | head -n 1 || true)
[[ -n $PG_JAR ]] || PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null \
    | grep -v sources | sort -V | tail -n 1 || true)
[[ -n $PG_JAR ]] || die "no PostgreSQL JDBC driver found"
# Bouncy Castle (Ed25519, used by the note classes) lets BuildLog sign a real checkpoint with the app's key.
BC_JARS=$(ls "$REPO_DIR"/target/quarkus-app/lib/main/org.bouncycastle.*.jar 2>/dev/null | paste -sd: - || true)
BUILD_CP="$REPO_DIR/target/classes:$PG_JAR${BC_JARS:+:$BC_JARS}"

# ---- database and app ----------------------------------------------------------------------------------------
create_db
Q() { "$PSQL" "${PG[@]}" -d "$DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }
APP_PORT=$(free_port)
MAIL_PORT=$(free_port)
[[ $MAIL_PORT != "$APP_PORT" ]] || MAIL_PORT=$(free_port)
BASE="http://$HOST:$APP_PORT"
ORIGIN="$HOST:$APP_PORT/log/$SLUG"   # the app's log origin for UNDERSIGNED_PUBLIC_URL=$BASE (LogKeys.origin)
CURL=(curl -s --noproxy '*' --max-time 10)

log "starting the app on $BASE (migrate)"
start_app "$RESULTS_DIR/app-migrate.log"
LETTER_ID=$(Q "SELECT id FROM letter WHERE slug = '$SLUG'")
[[ -n $LETTER_ID ]] || die "letter $SLUG not loaded"
# the log signing key is generated on first use: fetch the keys once so that it exists for BuildLog
"${CURL[@]}" -o /dev/null "$BASE/.well-known/undersigned/keys" || true
stop_app

# ---- build the log -------------------------------------------------------------------------------------------
log "building a log of $ENTRIES entries for letter $LETTER_ID ($SLUG)"
b0=$SECONDS
java -Xmx2g -cp "$BUILD_CP" "$BENCH_DIR/BuildLog.java" \
    "jdbc:postgresql://$HOST:$PG_PORT/$DB" "$LETTER_ID" "$ENTRIES" ${BC_JARS:+"$ORIGIN"} \
    > "$RESULTS_DIR/buildlog.out" 2> >(tee "$RESULTS_DIR/buildlog.err" >&2)
BUILD_WALL=$((SECONDS - b0))
BUILD_SECONDS=$(sed -n 's/^BUILD_SECONDS=//p' "$RESULTS_DIR/buildlog.out")
AVG_ENTRY=$(sed -n 's/^AVG_ENTRY_BYTES=//p' "$RESULTS_DIR/buildlog.out")
a0=$SECONDS
Q "ANALYZE log_entry; ANALYZE log_hash; ANALYZE log_tile;"
ANALYZE_SECONDS=$((SECONDS - a0))
DB_SIZE=$(Q "SELECT pg_size_pretty(pg_database_size(current_database()))")
log "log built in ${BUILD_SECONDS}s (BuildLog), ${BUILD_WALL}s with JVM start; ANALYZE ${ANALYZE_SECONDS}s; database $DB_SIZE"

log "starting the app on $BASE (bench)"
start_app "$RESULTS_DIR/app-bench.log"
SIZE=$(Q "SELECT size FROM log_head WHERE letter_id = $LETTER_ID")
"${CURL[@]}" "$BASE/log/$SLUG/checkpoint" > "$RESULTS_DIR/checkpoint.txt"
grep -qx "$SIZE" "$RESULTS_DIR/checkpoint.txt" || die "checkpoint does not show size $SIZE: $(cat "$RESULTS_DIR/checkpoint.txt")"
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-proof.json" -w '%{http_code}' \
    "$BASE/log/$SLUG/proof/inclusion?index=$((SIZE / 3))&size=$SIZE")
[[ $code == 200 ]] || die "proof check: HTTP $code $(cat "$RESULTS_DIR/check-proof.json")"
code=$("${CURL[@]}" -o "$RESULTS_DIR/check-tile" -w '%{http_code}' "$BASE/log/$SLUG/tile/0/000")
[[ $code == 200 && $(wc -c <"$RESULTS_DIR/check-tile") == 8192 ]] || die "tile check: HTTP $code"

export SLUG LOG_SIZE=$SIZE BENCH_DIR
result() { grep '^RESULT' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
run_wrk() {   # name threads connections duration script|url-path
    local name=$1 t=$2 c=$3 d=$4 script=$5 target
    if [[ $script == /log/* ]]; then target=("$BASE$script" -s "$BENCH_DIR/stats.lua"); else target=(-s "$script" "$BASE"); fi
    if ((WARMUP > 0)); then
        wrk -t"$t" -c"$c" -d"${WARMUP}s" "${target[@]}" >"$RESULTS_DIR/wrk-$name-warmup.txt" 2>&1 || true
    fi
    log "wrk $name: -t$t -c$c -d${d}s"
    wrk -t"$t" -c"$c" -d"${d}s" --latency "${target[@]}" >"$RESULTS_DIR/wrk-$name.txt" 2>&1
    grep '^RESULT\|^SERVER' "$RESULTS_DIR/wrk-$name.txt" >&2
}

# ---- warm-up: on two cores the JIT keeps compiling for about half a minute after start; a proof measured then
# has a p99 above 1 ms that a warm app does not have (bench/LOG.md). Proofs and tiles together, as measured below.
if ((APP_WARMUP > 0)); then
    log "warming the app up: ${APP_WARMUP}s of proofs and tiles"
    wrk -t1 -c4 -d"${APP_WARMUP}s" -s "$BENCH_DIR/proof.lua" "$BASE" >"$RESULTS_DIR/wrk-app-proof-warmup.txt" 2>&1 &
    wrk -t1 -c4 -d"${APP_WARMUP}s" -s "$BENCH_DIR/tiles.lua" "$BASE" >"$RESULTS_DIR/wrk-app-tiles-warmup.txt" 2>&1 || true
    wait $! || true
fi

# ---- (a) inclusion proofs ------------------------------------------------------------------------------------
run_wrk proof-c1 1 1 "$PROOF_DURATION" "$BENCH_DIR/proof.lua"
run_wrk proof-c32 2 32 "$PROOF_DURATION" "$BENCH_DIR/proof.lua"
# ---- context: the same app answering from one indexed read (the checkpoint), one connection -------------------
run_wrk checkpoint-c1 1 1 "$CONTEXT_DURATION" "/log/$SLUG/checkpoint"
# ---- (b) tiles -----------------------------------------------------------------------------------------------
(sleep $((WARMUP + 2)); top -b -d 5 -n 3 -w 200 | head -n 60) >"$RESULTS_DIR/top-tiles.txt" 2>&1 &
run_wrk tiles 2 64 "$TILE_DURATION" "$BENCH_DIR/tiles.lua"
wait $! 2>/dev/null || true
# context: hash tiles alone and entry bundles alone
TILE_KINDS=0 run_wrk tiles-hash0 2 64 "$CONTEXT_DURATION" "$BENCH_DIR/tiles.lua"
TILE_KINDS=entries run_wrk tiles-entries 2 64 "$CONTEXT_DURATION" "$BENCH_DIR/tiles.lua"

# ---- (c) integration rate and lag ----------------------------------------------------------------------------
# Sampler: one psql session, one row every 0.25 s: clock, age of the oldest pending event (= checkpoint lag: the
# checkpoint is written in the transaction that removes the events), pending count, head size.
sampler() {
    while [[ -e $RESULTS_DIR/sampling ]]; do
        echo "SELECT extract(epoch FROM clock_timestamp()),
                     COALESCE(extract(epoch FROM clock_timestamp() - MIN(created_at)), 0), COUNT(*),
                     (SELECT size FROM log_head WHERE letter_id = $LETTER_ID) FROM log_pending;"
        sleep 0.25
    done | "$PSQL" "${PG[@]}" -d "$DB" -AtqF ' ' >"$RESULTS_DIR/lag.txt" 2>&1
}
wait_drained() {   # prints seconds until log_pending is empty
    local t0=$EPOCHREALTIME
    local deadline=$((SECONDS + DRAIN_TIMEOUT))
    while [[ $(Q "SELECT COUNT(*) FROM (SELECT 1 FROM log_pending LIMIT 1) p") != 0 ]]; do
        ((SECONDS < deadline)) || { echo "timeout"; return; }
        sleep 0.1
    done
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'
}
touch "$RESULTS_DIR/sampling"
sampler &
SAMPLER_PID=$!
sleep 1
H0=$(Q "SELECT size FROM log_head WHERE letter_id = $LETTER_ID")
# every event below carries a confirmation's count effect (+1): the count API must move by the entries integrated
count_total() { sleep 2; "${CURL[@]}" "$BASE/api/letters/$SLUG/count" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
COUNT0=$(count_total)
T0=$EPOCHREALTIME
log "pgbench: -R $PENDING_RATE for ${PENDING_DURATION}s into log_pending"
"$PGBENCH" "${PG[@]}" -n -c "$PENDING_CLIENTS" -j 2 -R "$PENDING_RATE" -T "$PENDING_DURATION" -D letter_id="$LETTER_ID" \
    -f "$BENCH_DIR/pending.sql" "$DB" >"$RESULTS_DIR/pgbench.txt" 2>&1
H1=$(Q "SELECT size FROM log_head WHERE letter_id = $LETTER_ID")
T1=$EPOCHREALTIME
DRAIN_AFTER=$(wait_drained)
TD=$EPOCHREALTIME
H2=$(Q "SELECT size FROM log_head WHERE letter_id = $LETTER_ID")
sleep 1
INSERTED=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RESULTS_DIR/pgbench.txt")
INSERT_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RESULTS_DIR/pgbench.txt" | head -n 1)
INTEGRATED_RATE=$(awk -v a="$H0" -v b="$H1" -v t0="$T0" -v t1="$T1" 'BEGIN { printf "%.0f", (b - a) / (t1 - t0) }')  # includes the < 1 s behind at the end
# lag samples taken while pgbench ran (and until drained)
lag_stats() {   # from to: max, p99 (nearest rank) and count of the lag samples taken in [from, to]
    awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b && NF == 4 { print $2 }' "$RESULTS_DIR/lag.txt" | sort -g \
        | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a n/a 0"; exit }
            i = int(NR * 0.99 + 0.999999); if (i > NR) i = NR; printf "%.3f %.3f %d\n", v[NR], v[i], NR }'
}
read -r LAG_MAX LAG_P99 LAG_N < <(lag_stats "$T0" "$TD")
log "insert rate $INSERT_TPS/s ($INSERTED rows), integrated $INTEGRATED_RATE entries/s during the run," \
    "drained ${DRAIN_AFTER}s after; lag max ${LAG_MAX}s p99 ${LAG_P99}s ($LAG_N samples)"

log "burst: $BURST pending rows in one INSERT"
Q "INSERT INTO log_pending (letter_id, entry, signature_seq, effect, created_at)
   SELECT $LETTER_ID, '{\"evidence\":[\"email\"],\"letter\":\"$SLUG\",\"listing\":\"' || md5(g::text) || md5((g + 1)::text)
       || '\",\"signer\":\"' || md5((g + 2)::text) || md5((g + 3)::text)
       || '\",\"textSha256\":\"5f1d7a0c3e9b2d4f6a8c0e2b4d6f8a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f\",\"time\":\"'
       || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '\",\"type\":\"signature\",\"v\":1,\"version\":1}',
       g, '{\"delta\":1,\"keys\":{\"identity\":\"email\",\"level\":\"none\",\"version\":\"1\"},\"dimension\":null,\"from\":null,\"to\":null}',
       now() FROM generate_series(1, $BURST) g"
TB0=$EPOCHREALTIME
HB0=$(Q "SELECT size FROM log_head WHERE letter_id = $LETTER_ID")
BURST_SECONDS=$(wait_drained)
TB1=$EPOCHREALTIME
HB1=$(Q "SELECT size FROM log_head WHERE letter_id = $LETTER_ID")
rm -f "$RESULTS_DIR/sampling"; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
read -r BLAG_MAX _ _ < <(lag_stats "$TB0" "$TB1")
BURST_RATE=$(awk -v n="$BURST" -v s="$BURST_SECONDS" 'BEGIN { if (s + 0 > 0) printf "%.0f", n / s; else print "n/a" }')
log "burst drained in ${BURST_SECONDS}s ($BURST_RATE entries/s; head $HB0 -> $HB1)"
FINAL_CHECK=$("${CURL[@]}" "$BASE/log/$SLUG/checkpoint" | sed -n 2p)
COUNT1=$(count_total)
COUNT_DELTA=$(( ${COUNT1:-0} - ${COUNT0:-0} )); COUNT_EXPECTED=$((HB1 - H0))
log "count API total $COUNT0 -> $COUNT1 (+$COUNT_DELTA) for $COUNT_EXPECTED entries integrated"

# ---- diagnostics: the plans of the queries HashRepository.reader sends for a proof and for a level-0 tile -------
{
    ids=""; n=$((SIZE / 2)); lvl=0
    while ((lvl < 22)); do ids+="${ids:+ OR }(level = $lvl AND idx = $(( (n >> lvl) ^ 1 )))"; lvl=$((lvl + 1)); done
    echo "== proof-shaped read (22 ORs)"
    Q "EXPLAIN (ANALYZE, BUFFERS) SELECT level, idx, hash FROM log_hash WHERE letter_id = $LETTER_ID AND ($ids)"
    ids=""; for i in $(seq 0 255); do ids+="${ids:+ OR }(level = 0 AND idx = $((256 * 1000 + i)))"; done
    echo "== level-0 tile read (256 ORs)"
    Q "EXPLAIN (ANALYZE, BUFFERS) SELECT level, idx, hash FROM log_hash WHERE letter_id = $LETTER_ID AND ($ids)"
} >"$RESULTS_DIR/explain.txt" 2>&1 || true

# ---- summary -------------------------------------------------------------------------------------------------
ms() { awk -v u="$(result "$RESULTS_DIR/wrk-$1.txt" "$2")" 'BEGIN { printf "%.3f", u / 1000 }'; }
CP_P50=$(ms checkpoint-c1 p50_us); CP_RPS=$(result "$RESULTS_DIR/wrk-checkpoint-c1.txt" rps)
H0_RPS=$(result "$RESULTS_DIR/wrk-tiles-hash0.txt" rps); H0_P50=$(ms tiles-hash0 p50_us)
EN_RPS=$(result "$RESULTS_DIR/wrk-tiles-entries.txt" rps); EN_P50=$(ms tiles-entries p50_us)
P1_MEAN=$(awk -v u="$(result "$RESULTS_DIR/wrk-proof-c1.txt" mean_us)" 'BEGIN { printf "%.3f", u / 1000 }')
P1_P50=$(awk -v u="$(result "$RESULTS_DIR/wrk-proof-c1.txt" p50_us)" 'BEGIN { printf "%.3f", u / 1000 }')
P1_P99=$(awk -v u="$(result "$RESULTS_DIR/wrk-proof-c1.txt" p99_us)" 'BEGIN { printf "%.3f", u / 1000 }')
P1_RPS=$(result "$RESULTS_DIR/wrk-proof-c1.txt" rps)
# server time, from each answer's Server-Timing header (bench/servertime.lua)
server() { grep '^SERVER' "$RESULTS_DIR/wrk-$1.txt" | tr ' ' '\n' | sed -n "s/^$2=//p" \
    | awk '{ printf "%.3f", $1 / 1000 } END { if (NR == 0) printf "n/a" }'; }
S1_MEAN=$(server proof-c1 mean_us); S1_P50=$(server proof-c1 p50_us); S1_P99=$(server proof-c1 p99_us)
P32_RPS=$(result "$RESULTS_DIR/wrk-proof-c32.txt" rps)
P32_P99=$(awk -v u="$(result "$RESULTS_DIR/wrk-proof-c32.txt" p99_us)" 'BEGIN { printf "%.2f", u / 1000 }')
T_RPS=$(result "$RESULTS_DIR/wrk-tiles.txt" rps)
T_P99=$(awk -v u="$(result "$RESULTS_DIR/wrk-tiles.txt" p99_us)" 'BEGIN { printf "%.2f", u / 1000 }')
NON2XX=0
for f in "$RESULTS_DIR"/wrk-*.txt; do
    [[ $f == *-warmup.txt ]] || NON2XX=$((NON2XX + $(grep '^RESULT' "$f" | tr ' ' '\n' | sed -n 's/^non2xx=//p')))
done
pf() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { if (v == "n/a" || v == "timeout") { print "FAIL"; exit }
    ok = (op == ">=") ? (v + 0 >= t) : (v + 0 <= t); print ok ? "pass" : "FAIL" }'; }
{
    echo
    echo "Transparency log bench — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$PSQL" "${PG[@]}" -d postgres -Atqc 'show server_version')"
    echo "log: $SIZE entries (avg ${AVG_ENTRY} B), built in ${BUILD_SECONDS}s (+ANALYZE ${ANALYZE_SECONDS}s), database $DB_SIZE"
    echo "measured after ${APP_WARMUP}s of warm-up load on the freshly started app, and ${WARMUP}s before each measurement"
    printf '%-52s %-22s %-10s %s\n' "measure" "result" "target" "verdict"
    printf '%-52s %-22s %-10s %s\n' "inclusion proof, 1 conn, server: mean/p50/p99 ms" "$S1_MEAN / $S1_P50 / $S1_P99" "<= 1 ms" "$(pf "$S1_P99" "$TARGET_PROOF_MS" "<=") (p99)"
    printf '%-52s %-22s %-10s %s\n' "inclusion proof, 1 conn, client: mean/p50/p99 ms" "$P1_MEAN / $P1_P50 / $P1_P99" "" ""
    printf '%-52s %-22s %-10s %s\n' "inclusion proof, 1 conn: req/s" "$P1_RPS" "" ""
    printf '%-52s %-22s %-10s %s\n' "inclusion proof, 32 conns: req/s (p99 ms)" "$P32_RPS ($P32_P99)" "" ""
    printf '%-52s %-22s %-10s %s\n' "tiles, 64 conns: req/s (p99 ms)" "$T_RPS ($T_P99)" ">= 10000" "$(pf "$T_RPS" "$TARGET_TILES_RPS" ">=")"
    printf '%-52s %-22s %-10s %s\n' "  context: level-0 hash tiles only: req/s (p50 ms)" "$H0_RPS ($H0_P50)" "" ""
    printf '%-52s %-22s %-10s %s\n' "  context: entry bundles only: req/s (p50 ms)" "$EN_RPS ($EN_P50)" "" ""
    printf '%-52s %-22s %-10s %s\n' "  context: checkpoint, 1 conn: req/s (p50 ms)" "$CP_RPS ($CP_P50)" "" ""
    printf '%-52s %-22s %-10s %s\n' "pending inserted (pgbench -c $PENDING_CLIENTS -R $PENDING_RATE): rows/s" "$INSERT_TPS" "" ""
    printf '%-52s %-22s %-10s %s\n' "integrated during the run: entries/s" "$INTEGRATED_RATE" ">= 2000" "$(pf "$INTEGRATED_RATE" "$TARGET_INTEGRATE" ">=")"
    printf '%-52s %-22s %-10s %s\n' "checkpoint lag (oldest pending), max / p99 (s)" "$LAG_MAX / $LAG_P99" "<= 1 s" "$(pf "$LAG_MAX" "$TARGET_LAG_S" "<=") (max)"
    printf '%-52s %-22s %-10s %s\n' "burst of $BURST: drained in (s) / entries/s" "$BURST_SECONDS / $BURST_RATE" ">= 2000" "$(pf "$BURST_RATE" "$TARGET_INTEGRATE" ">=")"
    printf '%-52s %-22s %-10s %s\n' "  burst: max lag of its events (s)" "$BLAG_MAX" "" ""
    printf '%-52s %-22s %-10s %s\n' "count API total moved by (entries integrated)" "+$COUNT_DELTA ($COUNT_EXPECTED)" "equal" "$([[ -n $COUNT1 && $COUNT_DELTA == "$COUNT_EXPECTED" ]] && echo pass || echo FAIL)"
    echo "non-2xx responses in wrk runs: $NON2XX; final head $HB1, checkpoint size $FINAL_CHECK"
} | tee "$RESULTS_DIR/summary.txt"
