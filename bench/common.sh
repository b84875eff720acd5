# Shared by bench/run.sh and bench/log.sh (sourced, not run): loopback-only traffic, PostgreSQL tools, the bench
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
