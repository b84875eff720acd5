# shellcheck shell=bash
# Shared by bench/run.sh, bench/log.sh and bench/mail.sh (sourced, not run): loopback-only traffic, PostgreSQL tools, the bench
# database, the app's process and a static nginx, cleaned up on exit whatever happens, and the build.
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
    found=$(find /usr/lib/postgresql -path "*/bin/$name" -type f 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $found ]] || die "$name not found (on PATH or under /usr/lib/postgresql/*/bin)"
    echo "$found"
}

# apt_install <command> <package>: installs the package with apt-get when the command is missing.
apt_install() {
    local cmd=$1 pkg=$2 sudo=()
    if command -v "$cmd" >/dev/null 2>&1 || [[ -x /usr/sbin/$cmd ]]; then return 0; fi
    log "$cmd is missing: installing $pkg with apt-get"
    if [[ $(id -u) != 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "$cmd is missing and neither root nor sudo is available: apt-get install $pkg"
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y "$pkg" >&2 \
        || { "${sudo[@]}" apt-get update >&2 && "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y "$pkg" >&2; } \
        || die "could not install $pkg"
}
apt_install wrk wrk
for t in java curl awk gawk; do command -v "$t" >/dev/null 2>&1 || die "$t is required"; done
PSQL=$(pg_tool psql)
CREATEDB=$(pg_tool createdb)
DROPDB=$(pg_tool dropdb)
# shellcheck disable=SC2034  # used by the scripts that source this file
PGBENCH=$(pg_tool pgbench)
"$PSQL" "${PG[@]}" -d postgres -Atqc 'select 1' >/dev/null \
    || die "PostgreSQL is not reachable at $HOST:$PG_PORT as $PG_USER"

# ---- state and cleanup ---------------------------------------------------------------------------------------
RUN_ID=$(printf '%04x%04x' $RANDOM $RANDOM)
DB="${DB_PREFIX}_$RUN_ID"
[[ -n $RESULTS_DIR ]] || RESULTS_DIR=$(mktemp -d "/tmp/$RESULTS_PREFIX.XXXXXX")
mkdir -p "$RESULTS_DIR"
APP_PID=""
APP_PID_FILE="$RESULTS_DIR/app.pid"   # the sampler reads it each second: the app may be restarted during a run
: >"$APP_PID_FILE"
SAMPLER_PID=""
NGINX_PID=""
DB_CREATED=0

stop_app() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    : >"$APP_PID_FILE"
}
stop_nginx() {
    if [[ -n $NGINX_PID ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        log "stopping nginx (pid $NGINX_PID)"
        kill -QUIT "$NGINX_PID" 2>/dev/null || true   # graceful: the master waits for its workers
        for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.2; done
        kill -TERM "$NGINX_PID" 2>/dev/null || true
        for _ in $(seq 1 25); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    NGINX_PID=""
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $SAMPLER_PID ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; fi
    stop_nginx
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

# http_code <port> <path>: the status code of GET http://127.0.0.1:<port><path>, without starting a process (bash's
# /dev/tcp), so that polling every few milliseconds takes no CPU from a starting app; fails if nothing listens.
http_code() {
    local fd line
    { exec {fd}<>"/dev/tcp/$HOST/$1"; } 2>/dev/null || return 1
    { printf 'GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$2" "$HOST" "$1" >&"$fd"; } 2>/dev/null \
        || { exec {fd}>&-; return 1; }
    line=""
    IFS= read -r -t 5 -u "$fd" line || true
    exec {fd}>&-
    line=${line%$'\r'}
    line=${line#HTTP/* }
    [[ -n $line ]] || return 1
    echo "${line%% *}"
}

# start_app <log file>: the packaged app against the bench database on APP_PORT, rate limits off, mail to MAIL_PORT
# (where nothing listens: mail stays queued in the outbox, as in an SMTP outage); health and metrics on a free
# management port of their own (MANAGEMENT_PORT, set here); returns once it is ready.
# APP_ENV (an array of NAME=value, may be unset) is added to the environment last, so it can override the above
# (e.g. UNDERSIGNED_RATE_LIMIT_ENABLED=true). JAVA_OPTS is passed to the JVM; when APPCDS_ARCHIVE (default
# target/quarkus-app/app-cds.jsa) exists, -XX:SharedArchiveFile=<it> is added (unless JAVA_OPTS names an archive).
# java runs in target/quarkus-app, as Quarkus runs it to create that archive: the JVM accepts an application
# archive only when the class path resolves as it did then (from the repository's root, JDK 17 refuses it).
# Sets APP_READY_SECONDS: wall-clock seconds from launching java to the first 200 from /q/health/ready (polled every
# 20 ms), APP_QUARKUS_STARTED: Quarkus' own "started in" figure (s, or "?"), and APP_CDS_OK: 1 when an archive was
# given and the JVM logged no CDS warning or error (it warns when it cannot use one), 0 when it did (the first such
# line in APP_CDS_WARNING), "-" when no archive was given.
# The packaged application takes its keys and pepper from the environment only: fresh ones for each bench run.
random32() { head -c 32 /dev/urandom | base64; }
BENCH_LOG_KEY=$(random32) BENCH_ORGANISERS_KEY=$(random32) BENCH_ATTESTATIONS_KEY=$(random32) BENCH_PEPPER=$(random32)
APPCDS_ARCHIVE=${APPCDS_ARCHIVE:-$REPO_DIR/target/quarkus-app/app-cds.jsa}
APP_JVM_OPTS=${JAVA_OPTS:-}
APPCDS_USED=0
if [[ -f $APPCDS_ARCHIVE && $APP_JVM_OPTS != *SharedArchiveFile* ]]; then
    APPCDS_ARCHIVE=$(realpath "$APPCDS_ARCHIVE")
    APP_JVM_OPTS="${APP_JVM_OPTS:+$APP_JVM_OPTS }-XX:SharedArchiveFile=$APPCDS_ARCHIVE"
    APPCDS_USED=1
fi

start_app() {
    local out=$1 launched now cds
    MANAGEMENT_PORT=$(free_port)
    while [[ $MANAGEMENT_PORT == "$APP_PORT" || $MANAGEMENT_PORT == "$MAIL_PORT" ]]; do MANAGEMENT_PORT=$(free_port); done
    launched=$EPOCHREALTIME
    # shellcheck disable=SC2086  # APP_JVM_OPTS is a list of options
    (
        cd "$(dirname "$JAR")" || exit 1
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
            ${APP_ENV[@]+"${APP_ENV[@]}"} \
            java $APP_JVM_OPTS -jar "$JAR"
    ) >"$out" 2>&1 &
    APP_PID=$!
    echo "$APP_PID" >"$APP_PID_FILE"
    local deadline=$((SECONDS + READY_TIMEOUT))
    until [[ $(http_code "$MANAGEMENT_PORT" /q/health/ready || true) == 200 ]]; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$out" >&2; die "the app exited during start-up"; }
        ((SECONDS < deadline)) || { tail -n 40 "$out" >&2; die "the app was not ready in ${READY_TIMEOUT}s"; }
        sleep 0.02
    done
    now=$EPOCHREALTIME
    APP_READY_SECONDS=$(gawk -v a="$launched" -v b="$now" 'BEGIN { printf "%.2f", b - a }')
    APP_QUARKUS_STARTED=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$out" | head -n 1)
    APP_QUARKUS_STARTED=${APP_QUARKUS_STARTED:-?}
    cds=- APP_CDS_WARNING=""
    if [[ $APPCDS_USED == 1 ]]; then
        APP_CDS_WARNING=$(grep -m 1 -E '\[(warning|error)\]\[cds' "$out" || true)
        if [[ -z $APP_CDS_WARNING ]]; then cds=1; else cds=0; fi
    fi
    # shellcheck disable=SC2034  # read by the scripts that source this file
    APP_CDS_OK=$cds
    log "app ready (pid $APP_PID) ${APP_READY_SECONDS}s after launch (Quarkus: started in ${APP_QUARKUS_STARTED}s)"
}

# app_rss_mb: the app's resident set (VmRSS, which the kernel gives in KiB) in MB (10^6 bytes).
app_rss_mb() { gawk '/^VmRSS:/ { printf "%.0f", $2 * 1024 / 1e6 }' "/proc/$APP_PID/status"; }

# ---- a static nginx: the same bytes as the app, served from files -------------------------------------------
# start_nginx <dir> <port> <workers> <uri> <file> <content-type> [<uri> <file> <content-type> ...]: Debian's nginx
# in the foreground under its own prefix <dir> (config, pid, error log, temp folders; access log off), listening
# on 127.0.0.1:<port>, serving each <file> at exactly <uri> with exactly <content-type>. Run as an unprivileged
# user (nobody, when this script runs as root). Stopped by stop_nginx, and on exit whatever happens.
start_nginx() {
    local dir=$1 port=$2 workers=$3 nginx run_as=() locations="" uri file type i=0
    shift 3
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    mkdir -p "$dir/html" "$dir/tmp"
    while (($# >= 3)); do
        uri=$1 file=$2 type=$3
        shift 3
        i=$((i + 1))
        cp "$file" "$dir/html/response-$i"
        locations+="        location = $uri { default_type \"$type\"; alias $dir/html/response-$i; }"$'\n'
    done
    cat >"$dir/nginx.conf" <<CONF
worker_processes $workers;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    types { }
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    open_file_cache max=16 inactive=600s;
    open_file_cache_valid 600s;
    server_tokens off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen $HOST:$port;
$locations        location / { return 404; }
    }
}
CONF
    if [[ $(id -u) == 0 ]]; then
        command -v setpriv >/dev/null 2>&1 || die "setpriv (util-linux) is needed to run nginx unprivileged"
        chmod o+x "$RESULTS_DIR"
        chown -R nobody:"$(id -gn nobody)" "$dir"
        run_as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
        "${run_as[@]}" test -r "$dir/nginx.conf" || die "user nobody cannot read $dir (check the permissions above it)"
    fi
    "${run_as[@]}" "$nginx" -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >&2 \
        || die "nginx refused its configuration ($dir/nginx.conf)"
    "${run_as[@]}" "$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
    NGINX_PID=$!
    local deadline=$((SECONDS + 10))
    until [[ $(http_code "$port" / || true) == 404 ]]; do
        kill -0 "$NGINX_PID" 2>/dev/null || { cat "$dir/error.log" "$dir/stdout.log" >&2; die "nginx exited"; }
        ((SECONDS < deadline)) || die "nginx did not answer on $HOST:$port in 10 s"
        sleep 0.05
    done
    log "nginx ready on $HOST:$port (pid $NGINX_PID, $workers workers, prefix $dir)"
}

# ---- CPU sampler: per-process CPU ticks once a second, to tell afterwards who used the two cores -------------
# Lines: "T <uptime>", "S <busy> <idle> <irq+softirq> <steal>" (whole machine, ticks), "P <pid> <category> <ticks>".
# Categories: app (the JVM under test, whose pid is read from APP_PID_FILE each second, so restarts are followed),
# pg (PostgreSQL processes, except backends of other databases), wrk, pgbench, nginx; any other process is
# "o:<name>". "other" in the summary is busy minus the five categories: other builds and tests, interrupts, steal
# time, the sampler itself.
sampler() {
    exec gawk -v pidfile="$APP_PID_FILE" -v db="$DB" 'BEGIN {
        while (1) {
            app = ""; getline app < pidfile; close(pidfile); if (app == "") app = "none"
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
                else if (comm == "nginx") cat = "nginx"
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
            other = busy - used["app"] - used["pg"] - used["wrk"] - used["pgbench"] - used["nginx"]; if (other < 0) other = 0
            pct = 100 / (hz * el)
            used["o:irq+softirq"] = q1 - q0; used["o:steal"] = s1 - s0
            top = ""
            for (k = 0; k < 3; k++) {
                best = ""; bv = 0
                for (x in used) if (x ~ /^o:/ && !(x in shown) && used[x] > bv) { best = x; bv = used[x] }
                if (best == "" || bv * pct < 3) break
                shown[best] = 1; top = top (top == "" ? "" : ", ") substr(best, 3) " " sprintf("%.0f%%", bv * pct)
            }
            printf "app %.0f|pg %.0f|wrk %.0f|pgbench %.0f|nginx %.0f|other %.0f|machine %.0f|top %s\n",
                used["app"] * pct, used["pg"] * pct, used["wrk"] * pct, used["pgbench"] * pct, used["nginx"] * pct, other * pct,
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
