# Shared by bench/run.sh, bench/log.sh and bench/mail.sh (sourced, not run): loopback-only traffic, PostgreSQL tools, the bench
# database and the app's process, cleaned up on exit whatever happens, and the build.
# Expects: REPO_DIR, PG_PORT, PG_USER, BUILD, RESULTS_DIR (may be empty), LOG_TAG, DB_PREFIX, RESULTS_PREFIX.

HOST=127.0.0.1
# Nothing may redirect the traffic elsewhere: no proxies for curl, no PostgreSQL service files or host overrides.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY PGHOST PGHOSTADDR PGSERVICE PGSERVICEFILE \
    PGDATABASE PGPORT PGUSER || true
PG=(-h "$HOST" -p "$PG_PORT" -U "$PG_USER")

log() { printf '[%s %(%H:%M:%S)T] %s\n' "$LOG_TAG" -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---- tools ---------------------------------------------------------------------------------------------------
pg_tool() {
    local name=$1 found
    if found=$(command -v "$name" 2>/dev/null); then echo "$found"; return; fi
    found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $found ]] || die "$name not found (on PATH or under /usr/lib/postgresql/*/bin)"
    echo "$found"
}

if ! command -v wrk >/dev/null 2>&1; then
    log "wrk is missing: installing it with apt-get"
    SUDO=()
    if [[ $(id -u) != 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "wrk is missing and neither root nor sudo is available: apt-get install wrk"
        SUDO=(sudo)
    fi
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y wrk >&2 \
        || { "${SUDO[@]}" apt-get update >&2 && "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y wrk >&2; } \
        || die "could not install wrk"
fi
for t in java curl awk gawk; do command -v "$t" >/dev/null 2>&1 || die "$t is required"; done
PSQL=$(pg_tool psql)
CREATEDB=$(pg_tool createdb)
DROPDB=$(pg_tool dropdb)
PGBENCH=$(pg_tool pgbench)
"$PSQL" "${PG[@]}" -d postgres -Atqc 'select 1' >/dev/null \
    || die "PostgreSQL is not reachable at $HOST:$PG_PORT as $PG_USER"

# ---- state and cleanup ---------------------------------------------------------------------------------------
RUN_ID=$(printf '%04x%04x' $RANDOM $RANDOM)
DB="${DB_PREFIX}_$RUN_ID"
[[ -n $RESULTS_DIR ]] || RESULTS_DIR=$(mktemp -d "/tmp/$RESULTS_PREFIX.XXXXXX")
mkdir -p "$RESULTS_DIR"
APP_PID=""
SAMPLER_PID=""
DB_CREATED=0

stop_app() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -KILL "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $SAMPLER_PID ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; fi
    stop_app
    if [[ $DB_CREATED == 1 ]]; then
        log "dropping database $DB"
        "$DROPDB" "${PG[@]}" --if-exists --force "$DB" || log "could not drop $DB: drop it by hand"
    fi
    log "raw outputs kept in $RESULTS_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- build ---------------------------------------------------------------------------------------------------
JAR="$REPO_DIR/target/quarkus-app/quarkus-run.jar"
if [[ $BUILD == 1 || ! -f $JAR || ! -d $REPO_DIR/target/classes/org/undersigned/transparency/merkle ]]; then
    log "building the app (./mvnw -B -q package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests) >&2
fi
[[ -f $JAR ]] || die "$JAR is missing after the build"

# ---- database, ports, the app ------------------------------------------------------------------------------
create_db() {
    "$CREATEDB" "${PG[@]}" "$DB"
    DB_CREATED=1
    log "created database $DB (results in $RESULTS_DIR)"
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
        port_in_use "$p" || { echo "$p"; return; }
    done
    die "no free port found"
}

# start_app <log file>: the packaged app against the bench database on APP_PORT, rate limits off, mail to MAIL_PORT
# (where nothing listens: mail stays queued in the outbox, as in an SMTP outage); health and metrics on a free
# management port of their own (MANAGEMENT_PORT, set here); returns once it is ready.
# The packaged application takes its keys and pepper from the environment only: fresh ones for each bench run.
random32() { head -c 32 /dev/urandom | base64; }
BENCH_LOG_KEY=$(random32) BENCH_ORGANISERS_KEY=$(random32) BENCH_ATTESTATIONS_KEY=$(random32) BENCH_PEPPER=$(random32)

start_app() {
    local out=$1
    MANAGEMENT_PORT=$(free_port)
    while [[ $MANAGEMENT_PORT == "$APP_PORT" || $MANAGEMENT_PORT == "$MAIL_PORT" ]]; do MANAGEMENT_PORT=$(free_port); done
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    (
        cd "$REPO_DIR"
        exec env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$HOST:$PG_PORT/$DB" \
            QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
            UNDERSIGNED_RATE_LIMIT_ENABLED=false \
            PORT="$APP_PORT" \
            QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
            UNDERSIGNED_CONTENT_DIR="$REPO_DIR/content" \
            UNDERSIGNED_PUBLIC_URL="http://$HOST:$APP_PORT" \
            QUARKUS_MAILER_HOST="$HOST" \
            QUARKUS_MAILER_PORT="$MAIL_PORT" \
            UNDERSIGNED_LOG_PRIVATE_KEY="$BENCH_LOG_KEY" \
            UNDERSIGNED_ORGANISERS_PRIVATE_KEY="$BENCH_ORGANISERS_KEY" \
            UNDERSIGNED_ATTESTATIONS_PRIVATE_KEY="$BENCH_ATTESTATIONS_KEY" \
            UNDERSIGNED_SIGNATURES_PEPPER="$BENCH_PEPPER" \
            java $JAVA_OPTS -jar "$JAR"
    ) >"$out" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + READY_TIMEOUT))
    until [[ $(curl -s --noproxy '*' --max-time 5 -o /dev/null -w '%{http_code}' \
            "http://$HOST:$MANAGEMENT_PORT/q/health/ready" || true) == 200 ]]; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$out" >&2; die "the app exited during start-up"; }
        ((SECONDS < deadline)) || { tail -n 40 "$out" >&2; die "the app was not ready in ${READY_TIMEOUT}s"; }
        sleep 0.5
    done
    log "app ready (pid $APP_PID)"
}

# ---- CPU sampler: per-process CPU ticks once a second, to tell afterwards who used the two cores -------------
# Lines: "T <uptime>", "S <busy> <idle> <irq+softirq> <steal>" (whole machine, ticks), "P <pid> <category> <ticks>".
# Categories: app (the JVM under test), pg (PostgreSQL processes, except backends of other databases),
# wrk, pgbench; any other process is "o:<name>". "other" in the summary is busy minus the four categories:
# other builds and tests, interrupts, steal time, the sampler itself.
sampler() {
    exec gawk -v app="$APP_PID" -v db="$DB" 'BEGIN {
        while (1) {
            getline up < "/proc/uptime"; close("/proc/uptime"); split(up, u, " ")
            getline cpu < "/proc/stat"; close("/proc/stat"); n = split(cpu, c, " ")
            idle = c[5] + c[6]; busy = 0
            for (i = 2; i <= 9 && i <= n; i++) if (i != 5 && i != 6) busy += c[i]
            out = "T " u[1] "\nS " busy " " idle " " (c[7] + c[8]) " " (n >= 9 ? c[9] : 0) "\n"
            cmd = "ls /proc"
            while ((cmd | getline d) > 0) {
                if (d !~ /^[0-9]+$/) continue
                f = "/proc/" d "/stat"
                if ((getline line < f) <= 0) { close(f); continue }
                close(f)
                lp = index(line, "("); rp = 0
                for (k = length(line); k > 0; k--) if (substr(line, k, 1) == ")") { rp = k; break }
                comm = substr(line, lp + 1, rp - lp - 1)
                split(substr(line, rp + 2), s, " ")   # s[1] = state (field 3); utime = field 14 = s[12]
                ticks = s[12] + s[13]
                cat = ""
                if (d == app) cat = "app"
                else if (comm == "wrk") cat = "wrk"
                else if (comm == "pgbench") cat = "pgbench"
                else if (comm == "postgres") {
                    cat = "pg"
                    g = "/proc/" d "/cmdline"; ors = RS; RS = "\0"
                    title = ""; getline title < g; close(g); RS = ors
                    if (title ~ /\([0-9]+\)|\[local\]/) {       # a client backend: "postgres: [cluster:] user db host(port) ..."
                        sub(/^postgres: /, "", title); m = split(title, w, " ")
                        first = (w[1] ~ /:$/) ? 2 : 1
                        if (w[first + 1] != db) cat = "o:postgres(other-db)"
                    }
                }
                if (cat == "") { cat = "o:" comm; gsub(/[ \t]/, "_", cat) }
                if (ticks > 0) out = out "P " d " " cat " " ticks "\n"
            }
            close(cmd)
            printf "%s", out; fflush()
            system("sleep 1")
        }
    }'
}

uptime_now() { local up _; read -r up _ </proc/uptime; echo "$up"; }

# CPU use during [start, end] by category, in % of one core (200% = both cores of a 2-core machine).
cpu_split() {
    local start=$1 end=$2
    gawk -v start="$start" -v end="$end" -v hz="$(getconf CLK_TCK)" -v ncpu="$(nproc)" '
        $1 == "T" { t = $2 + 0; next }
        $1 == "S" { if (t <= start) { b0 = $2; i0 = $3; q0 = $4; s0 = $5; t0 = t }
                    if (t <= end) { b1 = $2; i1 = $3; q1 = $4; s1 = $5; t1 = t }; next }
        $1 == "P" {
            if (t <= start) base[$2] = $4
            if (t <= end) { last[$2] = $4; cat[$2] = $3 }
        }
        END {
            el = t1 - t0; if (el <= 0) { print "n/a"; exit }
            for (p in last) { d = last[p] - ((p in base) ? base[p] : 0); if (d > 0) used[cat[p]] += d }
            busy = (b1 - b0); total = busy + (i1 - i0)
            other = busy - used["app"] - used["pg"] - used["wrk"] - used["pgbench"]; if (other < 0) other = 0
            pct = 100 / (hz * el)
            used["o:irq+softirq"] = q1 - q0; used["o:steal"] = s1 - s0
            top = ""
            for (k = 0; k < 3; k++) {
                best = ""; bv = 0
                for (x in used) if (x ~ /^o:/ && !(x in shown) && used[x] > bv) { best = x; bv = used[x] }
                if (best == "" || bv * pct < 3) break
                shown[best] = 1; top = top (top == "" ? "" : ", ") substr(best, 3) " " sprintf("%.0f%%", bv * pct)
            }
            printf "app %.0f|pg %.0f|wrk %.0f|pgbench %.0f|other %.0f|machine %.0f|top %s\n",
                used["app"] * pct, used["pg"] * pct, used["wrk"] * pct, used["pgbench"] * pct, other * pct,
                (total > 0 ? 100 * ncpu * busy / total : 0), top
        }' "$RESULTS_DIR/cpu.samples"
}

# ---- measurements ----------------------------------------------------------------------------------------
bench_line() { grep '^BENCH ' "$RESULTS_DIR/$1.txt" | tail -n 1; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# run_wrk <name> <connections> <seconds> <script> <url> [script args...]; prints wrk's output, keeps it in RESULTS_DIR
run_wrk() {
    local name=$1 conns=$2 secs=$3 script=$4 url=$5
    shift 5
    local start end
    start=$(uptime_now)
    wrk -t"$THREADS" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$script" "$url" -- "$@" \
        >"$RESULTS_DIR/$name.txt" 2>&1 || { cat "$RESULTS_DIR/$name.txt" >&2; die "wrk failed ($name)"; }
    end=$(uptime_now)
    echo "$name $start $end" >>"$PHASES"
    [[ ${QUIET:-0} == 1 ]] || sed 's/^/    /' "$RESULTS_DIR/$name.txt" >&2
}
