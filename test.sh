#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
# Installs and starts what the tests need first: Debian's chromium for the browser tests, a private
# PostgreSQL server and a private RabbitMQ broker on 127.0.0.1 (installed with apt-get when missing and
# running as root).
# The .NET SDK must be on PATH.
set -uo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
pg_dir=""
mq_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  fi
  if [ -n "$mq_dir" ] && [ -f "$mq_dir/pid" ]; then
    kill "$(cat "$mq_dir/pid")" >/dev/null 2>&1
  fi
  rm -rf "$results" "$pg_dir" "$mq_dir"
}
trap cleanup EXIT

# Runs a PostgreSQL program as the postgres user when we are root (PostgreSQL refuses to run as root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  if [ -n "${FLOWCENTER_TEST_POSTGRES:-}" ]; then
    echo "== PostgreSQL: using FLOWCENTER_TEST_POSTGRES"
    return
  fi
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing PostgreSQL (apt-get install postgresql)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
  if [ -z "$pg_bin" ]; then
    echo "== PostgreSQL is not installed: its tests are skipped"
    return
  fi
  pg_dir="$(mktemp -d /tmp/flowcenter-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  local port=$((55000 + RANDOM % 1000))
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log"; return; }
  # A disposable test cluster: loopback only, its socket in its own folder, no fsync.
  if ! as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
    cat "$pg_dir/server.log"
    return
  fi
  export FLOWCENTER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# Runs a RabbitMQ command line as the rabbitmq user when we are root, with the private node's environment.
as_mq() {
  if [ "$(id -u)" = 0 ]; then runuser -u rabbitmq -- bash -c ". '$mq_dir/env'; cd '$mq_dir'; $1"; else bash -c ". '$mq_dir/env'; cd '$mq_dir'; $1"; fi
}

start_rabbitmq() {
  if [ -n "${FLOWCENTER_TEST_RABBITMQ:-}" ]; then
    echo "== RabbitMQ: using FLOWCENTER_TEST_RABBITMQ"
    return
  fi
  if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing RabbitMQ (apt-get install rabbitmq-server)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  fi
  if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    echo "== RabbitMQ is not installed: its tests are skipped"
    return
  fi
  # A disposable node of its own: loopback only, its own ports, data, logs and Erlang cookie.
  mq_dir="$(mktemp -d /tmp/flowcenter-mq.XXXXXX)"
  local port=$((57000 + RANDOM % 900))
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$port" >"$mq_dir/rabbitmq.conf"
  echo "[]." >"$mq_dir/enabled_plugins"
  {
    echo "export HOME='$mq_dir' RABBITMQ_MNESIA_BASE='$mq_dir/mnesia' RABBITMQ_LOG_BASE='$mq_dir/log' RABBITMQ_PID_FILE='$mq_dir/pid'"
    echo "export RABBITMQ_NODENAME='flowcenter-test-$port@localhost' RABBITMQ_CONFIG_FILE='$mq_dir/rabbitmq' RABBITMQ_ENABLED_PLUGINS_FILE='$mq_dir/enabled_plugins'"
    echo "export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$((port + 1000)) ERL_EPMD_ADDRESS=127.0.0.1"
  } >"$mq_dir/env"
  [ "$(id -u)" = 0 ] && chown -R rabbitmq "$mq_dir"
  if ! as_mq "/usr/lib/rabbitmq/bin/rabbitmq-server -detached && /usr/lib/rabbitmq/bin/rabbitmqctl wait '$mq_dir/pid' --timeout 90" >"$mq_dir/start.log" 2>&1; then
    cat "$mq_dir/start.log"; tail -n 30 "$mq_dir"/log/*.log 2>/dev/null
    echo "== RabbitMQ did not start: its tests are skipped"
    return
  fi
  export FLOWCENTER_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$port/"
  echo "== RabbitMQ on 127.0.0.1:$port"
}

# Chromium for the browser tests, and a CJK font so that the Chinese pages' screenshots show Chinese.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && { [ -d /usr/share/fonts/opentype/noto ] || [ "$(id -u)" != 0 ]; }; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Chromium and a CJK font (apt-get install chromium fonts-noto-cjk)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  [ -x /usr/bin/chromium ] || echo "== Chromium is not installed: the browser tests are skipped"
}

ensure_chromium
start_postgres
start_rabbitmq

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is not on PATH (see README, Prerequisites)." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== build"
if ! dotnet build FlowCenter.sln --nologo -v quiet -clp:ErrorsOnly; then
  echo "test.sh: the build failed." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; skip_lines=()
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" --no-build --nologo -v quiet \
    --blame-hang-timeout 10m \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || true
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "test.sh: $name produced no results (crashed?)." >&2
    failed=$((failed + 1))
    continue
  fi
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  not_run=$(( $(count total) - $(count executed) ))
  skipped=$((skipped + not_run))
  if [ "$not_run" -gt 0 ]; then
    # Each skipped test with the reason xUnit gives for it.
    while IFS= read -r line; do skip_lines+=("$line"); done < <(awk '
      /<UnitTestResult / && /outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
      want && /<Message>/ { gsub(/.*<Message>|<\/Message>.*/, ""); print "  skipped: " name " (" $0 ")"; want = 0 }
      want && /<\/UnitTestResult>/ { print "  skipped: " name " (no reason given)"; want = 0 }' "$trx")
  fi
done

for line in "${skip_lines[@]+"${skip_lines[@]}"}"; do echo "$line"; done
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
