#!/usr/bin/env bash
# The image drill: deploy/Containerfile built and run for real with Podman, on a host that
# reaches the Debian mirror and PyPI but not Docker Hub (docs/DEPLOYMENT.md, "Containers").
#
# Needs root on a Debian host, the Debian mirror, PyPI, and the host's PostgreSQL
# (127.0.0.1:5432, user postgres, trust) and Redis (127.0.0.1:6379); takes 5 to 10 minutes.
# Not part of `make test`. It
#   1. debootstraps Debian $SUITE with its python3 (as `python`) and imports that tree as
#      the base image $BASE_IMAGE, standing in for the official Python image
#      (REUSE_BASE=1 keeps a base image and stand-ins made before),
#   2. builds the image with `--build-arg BASE=$BASE_IMAGE` (--format docker keeps the
#      HEALTHCHECK; without cache unless NO_CACHE=0) and checks it: user, health check,
#      no compiler, the static files, no build leftovers in /app,
#   3. runs it as compose does (read-only, /tmp in memory, secrets as files under
#      /run/secrets), on its own network with the host's loopback reachable as 10.0.2.2:
#      migrate into a fresh database $DB, the app (/healthz, /readyz, the report form,
#      a static file, the health check, its processes), nginx on the host with
#      deploy/nginx/meldpunt.conf and a self-signed certificate in front of it (on
#      127.0.0.1:$TLS_PORT, 443 as compose publishes it: the form's CSRF check compares
#      the Referer with the host name, port included), a whole web
#      report through nginx (scripts/drill_report.py), `scheduler --once` and the scheduler
#      loop for a while,
#   4. runs deploy/compose.yaml with podman-compose (from PyPI), the doc's steps in a clean
#      copy of deploy/, with stand-ins for the Docker Hub images of PostgreSQL, Redis and
#      nginx made from the same base: the site through the proxy on port 443 (and 80),
#      a web report, the health checks, scheduler --once, the internal network closed,
#   5. stops what it started; the images stay (podman rmi to remove them).
# Usage: sudo scripts/image_drill.sh | tee image-drill.log
set -euo pipefail
REPO=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
WORK=${WORK:-/var/tmp/meldpunt-image}
SUITE=${SUITE:-trixie}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE_IMAGE=localhost/meldpunt-base:$SUITE
IMAGE=${IMAGE:-localhost/meldpunt:drill}
DB=${DB:-meldpunt_image}
REDIS_DB=${REDIS_DB:-8}
PORT=${PORT:-18080}
TLS_PORT=${TLS_PORT:-443}
HTTP_PORT=${HTTP_PORT:-18081}
HOST=meldpunt.example
# A host behind a TLS-inspecting proxy trusts its CA: the build's RUN steps get the
# host's bundle mounted for pip (nothing of it stays in the image). BUILD_CA= to skip.
BUILD_CA=${BUILD_CA-/etc/ssl/certs/ca-certificates.crt}
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
START=$SECONDS
# A whole web report (scripts/drill_report.py) to the site $1, with $HOST resolved to
# this host (no /etc/hosts edit).
web_report() {
    python3 - "$1" "$WORK/nginx/fullchain.pem" <<PY
import runpy, socket, sys
real = socket.getaddrinfo
socket.getaddrinfo = lambda host, *rest, **kw: real("127.0.0.1" if host == "$HOST" else host, *rest, **kw)
sys.argv = ["drill_report.py", *sys.argv[1:]]
runpy.run_path("$REPO/scripts/drill_report.py", run_name="__main__")
PY
}
say() { printf '\n### [%4ss] %s\n' "$((SECONDS - START))" "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

say "host tools"
# netavark runs iptables to set up a network: without it every run with a network fails
# ("netavark: No such file or directory"), as on a fresh machine on 4 December.
command -v podman >/dev/null && command -v runc >/dev/null && command -v debootstrap >/dev/null &&
    [ -x /usr/lib/podman/netavark ] && [ -x /usr/lib/podman/aardvark-dns ] &&
    command -v iptables >/dev/null &&
    command -v slirp4netns >/dev/null && command -v nginx >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap slirp4netns \
        netavark aardvark-dns iptables nginx-light >/dev/null
podman --version
mkdir -p "$WORK"
# netavark (Debian 12's CNI turns DNS off on an internal network, where compose's services
# find each other by name).
# Debian 12's crun refuses a host with cgroups v1 and v2 mounted side by side ("cgroups in
# hybrid mode not supported"): runc. Podman's default limits (nofile 1048576) are above
# what a host without CAP_SYS_RESOURCE may give: the host's own hard limit instead (nproc
# above 32768 was refused on the development machine, whatever its hard limit said).
cat > "$WORK/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=32768:32768"]
[engine]
runtime = "runc"
[network]
network_backend = "netavark"
CONF
export CONTAINERS_CONF=$WORK/containers.conf

if [ "${REUSE_BASE:-0}" = 1 ] && podman image exists "$BASE_IMAGE"; then
    say "base image $BASE_IMAGE (made before)"
else
    say "debootstrap $SUITE with python3 into $WORK/rootfs, imported as $BASE_IMAGE"
    rm -rf --one-file-system "$WORK/rootfs"
    debootstrap --variant=minbase --include=python3,python3-venv,python-is-python3,ca-certificates \
        "$SUITE" "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log"
    rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
    tar -C "$WORK/rootfs" --numeric-owner -cf "$WORK/base.tar" .
    podman import --change 'ENV LANG=C.UTF-8' --change 'CMD ["python"]' "$WORK/base.tar" "$BASE_IMAGE"
    rm -rf --one-file-system "$WORK/rootfs" "$WORK/base.tar"
fi
podman run --rm "$BASE_IMAGE" python --version
# One-off commands skip the image's health check (Podman would ask systemd to time it).
ONCE=(--rm --no-healthcheck)

say "build $IMAGE from the committed HEAD"
rm -rf "$WORK/src"
git -C "$REPO" archive --format=tar --prefix=src/ HEAD | tar -C "$WORK" -x
CA_MOUNT=()
[ -z "$BUILD_CA" ] || CA_MOUNT=(-v "$BUILD_CA:/etc/ssl/certs/ca-certificates.crt:ro")
BUILD_START=$SECONDS
CACHE=(--no-cache)
[ "${NO_CACHE:-1}" = 1 ] || CACHE=()
podman build "${CACHE[@]}" --format docker --build-arg "BASE=$BASE_IMAGE" "${CA_MOUNT[@]}" \
    -f "$WORK/src/deploy/Containerfile" -t "$IMAGE" "$WORK/src" >"$WORK/build.log" 2>&1 ||
    { tail -30 "$WORK/build.log"; fail "the build (log: $WORK/build.log)"; }
echo "built in $((SECONDS - BUILD_START)) s"
podman image inspect "$IMAGE" --format 'size {{.Size}} bytes, user {{.User}}'
podman image inspect "$IMAGE" --format '{{.Config.User}}' | grep -qx 'meldpunt:meldpunt' || fail "user"
podman image inspect "$IMAGE" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["Healthcheck"]["Test"][:2])' ||
    fail "no HEALTHCHECK"

say "the image: its user, no compiler, the static files"
podman run "${ONCE[@]}" "$IMAGE" sh -c '
    id
    for tool in gcc cc c++ g++ clang make ld as cpp; do
        if command -v "$tool" >/dev/null; then echo "compiler present: $tool"; exit 1; fi
    done
    [ ! -e /usr/lib/gcc ] || { echo "/usr/lib/gcc present"; exit 1; }
    echo "no compiler (gcc cc c++ g++ clang make ld as cpp), no /usr/lib/gcc"
    test -s /app/var/static/staticfiles.json
    echo "static files: $(find /app/var/static -type f | wc -l) files, manifest present, $(du -sh /app/var/static | cut -f1)"
    touch /app/x 2>/dev/null && { echo "/app writable by the user"; exit 1; } || echo "/app not writable by the user"
    stray=$(ls -d /app/build /app/*.egg-info /app/pyproject.toml 2>/dev/null || true)
    [ -z "$stray" ] || { echo "build leftovers in /app: $stray"; exit 1; }
    echo "/app: $(ls /app | tr "\n" " ")(no build leftovers)"
    if ls -d /opt/venv/lib/python3*/site-packages/meldpunt >/dev/null 2>&1; then
        echo "a second copy of the code in /opt/venv"; exit 1
    fi
    echo "/opt/venv: the dependencies only, no copy of the code"
'

NGINX_PID=
cleanup() {
    podman rm -f -i -t 10 meldpunt-drill-app meldpunt-drill-scheduler >/dev/null || true
    [ -z "$NGINX_PID" ] || kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT
cleanup  # what a run stopped half-way left

say "fresh database $DB, Redis db $REDIS_DB, secrets as files"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
redis-cli -n "$REDIS_DB" flushdb >/dev/null
SECRETS=$WORK/secrets
rm -rf "$SECRETS" && mkdir -m 700 "$SECRETS"
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' >"$SECRETS/django_secret_key"
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' >"$SECRETS/channel_layer_key"
podman run "${ONCE[@]}" "$IMAGE" python -c \
    'from meldpunt.lib.crypto import generate_keyring_json; print(generate_keyring_json())' \
    >"$SECRETS/meldpunt_keyring.json"
# The container's own network; 10.0.2.2 is the host's loopback (slirp4netns).
printf 'postgres://postgres@10.0.2.2:5432/%s' "$DB" >"$SECRETS/database_url"
cat >"$WORK/drill.env" <<ENV
DJANGO_ALLOWED_HOSTS=$HOST
MELDPUNT_SITE_URL=https://$HOST
DJANGO_SECRET_KEY_FILE=/run/secrets/django_secret_key
MELDPUNT_KEYRING_FILE=/run/secrets/meldpunt_keyring
MELDPUNT_CHANNEL_LAYER_KEY_FILE=/run/secrets/channel_layer_key
DATABASE_URL_FILE=/run/secrets/database_url
REDIS_URL=redis://10.0.2.2:6379/$REDIS_DB
MELDPUNT_TRUSTED_PROXY_HOPS=1
MELDPUNT_SSL_REDIRECT=0
ENV
[ "$TLS_PORT" = 443 ] || echo "DJANGO_CSRF_TRUSTED_ORIGINS=https://$HOST:$TLS_PORT" >>"$WORK/drill.env"
# What compose gives every application service (x-app in deploy/compose.yaml).
AS_COMPOSE=(--network slirp4netns:allow_host_loopback=true --read-only --tmpfs /tmp
    --env-file "$WORK/drill.env"
    -v "$SECRETS/django_secret_key:/run/secrets/django_secret_key:ro"
    -v "$SECRETS/meldpunt_keyring.json:/run/secrets/meldpunt_keyring:ro"
    -v "$SECRETS/channel_layer_key:/run/secrets/channel_layer_key:ro"
    -v "$SECRETS/database_url:/run/secrets/database_url:ro")


say "migrate (compose's migrate service)"
podman run "${ONCE[@]}" "${AS_COMPOSE[@]}" "$IMAGE" python manage.py migrate --noinput | tail -2
podman run "${ONCE[@]}" "${AS_COMPOSE[@]}" "$IMAGE" python manage.py migrate --noinput | grep -q "No migrations to apply" ||
    fail "a second migrate should have nothing to do"
echo "a second migrate: No migrations to apply"

say "the app (the image's CMD, port 8000 published on 127.0.0.1:$PORT)"
# Without systemd as PID 1, Podman logs that it cannot time the health check; it is run
# by hand below (podman healthcheck run).
podman run -d --name meldpunt-drill-app -p "127.0.0.1:$PORT:8000" "${AS_COMPOSE[@]}" "$IMAGE" >/dev/null
APP_START=$SECONDS
until curl -sf -o /dev/null -H "Host: $HOST" "http://127.0.0.1:$PORT/healthz"; do
    [ $((SECONDS - APP_START)) -lt 120 ] || { podman logs meldpunt-drill-app | tail; fail "no /healthz"; }
    sleep 1
done
echo "/healthz answered $((SECONDS - APP_START)) s after the start"
for path in /healthz /readyz /melden/ /melden/stap/wie/; do
    status=$(curl -s -o "$WORK/page" -w '%{http_code}' -H "Host: $HOST" "http://127.0.0.1:$PORT$path")
    echo "GET $path: $status $(head -c 60 "$WORK/page" | tr '\n' ' ')"
    [ "$status" = 200 ] || fail "GET $path"
done
grep -q 'name="csrfmiddlewaretoken"' "$WORK/page" || fail "the form has no CSRF field"
css=$(grep -o '/static/[^"]*\.css' "$WORK/page" | head -1)
curl -sf -o /dev/null -H 'Accept-Encoding: gzip' -H "Host: $HOST" \
    -w "GET $css: %{http_code}, %header{content-encoding}, %header{cache-control}\n" "http://127.0.0.1:$PORT$css"
podman healthcheck run meldpunt-drill-app && echo "podman healthcheck run: healthy"
podman top meldpunt-drill-app user pid rss args | cut -c1-120
podman top meldpunt-drill-app user | tail -n +2 | awk '{print $1}' | grep -vqx meldpunt && fail "a process not run by meldpunt"

say "nginx (deploy/nginx/meldpunt.conf) with TLS in front of the app, a web report through it"
NGINX=$WORK/nginx
rm -rf "$NGINX" && mkdir -p "$NGINX"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=$HOST" \
    -addext "subjectAltName=DNS:$HOST" -keyout "$NGINX/privkey.pem" -out "$NGINX/fullchain.pem" 2>/dev/null
sed -e "s|server app:8000;|server 127.0.0.1:$PORT;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$TLS_PORT ssl http2;|" -e '/listen \[::\]/d' \
    -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" \
    -e "s|/etc/nginx/tls|$NGINX|" -e "s|/var/log/nginx|$NGINX|" \
    "$REPO/deploy/nginx/meldpunt.conf" >"$NGINX/meldpunt.conf"
cat >"$NGINX/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $NGINX/nginx.pid;
error_log $NGINX/main-error.log crit;
events {}
http { client_body_temp_path $NGINX/body; proxy_temp_path $NGINX/proxy; include $NGINX/meldpunt.conf; }
CONF
nginx -t -q -p "$NGINX" -c "$NGINX/nginx.conf"
nginx -p "$NGINX" -c "$NGINX/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
SITE=https://$HOST
[ "$TLS_PORT" = 443 ] || SITE=$SITE:$TLS_PORT
curl -sf --cacert "$NGINX/fullchain.pem" --resolve "$HOST:$TLS_PORT:127.0.0.1" "$SITE/readyz"
echo
web_report "$SITE"
grep -q "127.0.0.1" "$NGINX/meldpunt.log" && fail "nginx logged an address"
echo "nginx's log: $(wc -l <"$NGINX/meldpunt.log") lines, no address"
kill "$NGINX_PID" && wait "$NGINX_PID" || true
NGINX_PID=

say "the scheduler (compose's scheduler service): --once, then its loop"
# scheduler --once exits 1 when a job fails (and names it).
podman run "${ONCE[@]}" "${AS_COMPOSE[@]}" "$IMAGE" python manage.py scheduler --once >"$WORK/once.log" 2>&1 ||
    { tail -5 "$WORK/once.log" | cut -c1-200; fail "a job of scheduler --once failed"; }
tail -5 "$WORK/once.log" | cut -c1-200
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc \
    "SELECT name || ': last success ' || last_success_at FROM meldpunt_lib_jobrun ORDER BY name"
podman run -d --no-healthcheck --name meldpunt-drill-scheduler "${AS_COMPOSE[@]}" "$IMAGE" python manage.py scheduler >/dev/null
sleep 20
[ "$(podman inspect meldpunt-drill-scheduler --format '{{.State.Running}}')" = true ] || fail "the scheduler stopped"
podman logs meldpunt-drill-scheduler 2>&1 | tail -5
podman stop -t 10 meldpunt-drill-scheduler >/dev/null
echo "the scheduler ran 20 s; stopped with exit code $(podman inspect meldpunt-drill-scheduler --format '{{.State.ExitCode}}')"
podman rm meldpunt-drill-scheduler >/dev/null

say "memory of the app's workers after the report"
podman top meldpunt-drill-app pid rss args | grep -E 'spawn_main|PID' | cut -c1-60
podman rm -f -t 10 meldpunt-drill-app >/dev/null

say "compose: stand-ins for Docker Hub's postgres, redis and nginx images, from the same base"
STANDINS=$WORK/standins
mkdir -p "$STANDINS"
cat >"$STANDINS/postgres-entrypoint.sh" <<'SH'
#!/bin/sh
# What the official image's entrypoint does with POSTGRES_DB, POSTGRES_USER and
# POSTGRES_PASSWORD_FILE on an empty data directory, in short.
set -eu
BIN=$(echo /usr/lib/postgresql/*/bin)
as_postgres() { runuser -u postgres -- "$@"; }
mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    install -o postgres -m 600 "$POSTGRES_PASSWORD_FILE" /tmp/pw
    as_postgres "$BIN/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pw \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm /tmp/pw
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    as_postgres "$BIN/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    as_postgres psql -q -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
    as_postgres "$BIN/pg_ctl" -D "$PGDATA" -w stop >/dev/null
fi
exec runuser -u postgres -- "$BIN/postgres" -D "$PGDATA" -c listen_addresses='*'
SH
standin() {  # name, Debian packages, the rest of the Containerfile
    if [ "${REUSE_BASE:-0}" = 1 ] && podman image exists "localhost/meldpunt-drill-$1"; then return; fi
    printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\n%s\n' \
        "$BASE_IMAGE" "$2" "$3" >"$STANDINS/$1.Containerfile"
    podman build --format docker -f "$STANDINS/$1.Containerfile" -t "localhost/meldpunt-drill-$1" "$STANDINS" \
        >"$STANDINS/$1.log" 2>&1 || { tail -20 "$STANDINS/$1.log"; fail "the $1 stand-in"; }
}
standin postgres postgresql 'COPY postgres-entrypoint.sh /usr/local/bin/
ENV PGDATA=/var/lib/postgresql/data
CMD ["/bin/sh", "/usr/local/bin/postgres-entrypoint.sh"]'
standin redis redis-server 'CMD ["redis-server"]'
standin nginx nginx 'RUN rm -f /etc/nginx/sites-enabled/default
CMD ["nginx", "-g", "daemon off;"]'
cat >"$WORK/compose.standins.yaml" <<'YAML'
services:
  db: {image: localhost/meldpunt-drill-postgres}
  redis: {image: localhost/meldpunt-drill-redis}
  proxy: {image: localhost/meldpunt-drill-nginx}
YAML
podman tag "$IMAGE" localhost/meldpunt:latest
[ -x "$WORK/podman-compose/bin/podman-compose" ] || {
    python3 -m venv "$WORK/podman-compose"
    "$WORK/podman-compose/bin/pip" install -q "podman-compose==1.6.0" 2>"$WORK/pip.log" ||
        { cat "$WORK/pip.log"; fail "pip install podman-compose"; }
}
COMPOSE=("$WORK/podman-compose/bin/podman-compose" -p meldpunt -f compose.yaml -f "$WORK/compose.standins.yaml")

say "compose: the steps of docs/DEPLOYMENT.md \"Containers\" in the committed deploy/"
cd "$WORK/src/deploy"
mkdir -p secrets tls && chmod 700 secrets
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' >secrets/django_secret_key
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' >secrets/channel_layer_key
python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >secrets/postgres_password
podman run "${ONCE[@]}" meldpunt python -c \
    'from meldpunt.lib.crypto import generate_keyring_json; print(generate_keyring_json())' \
    >secrets/meldpunt_keyring.json
printf 'postgres://meldpunt:%s@db:5432/meldpunt' "$(cat secrets/postgres_password)" >secrets/database_url
cp "$WORK/nginx/fullchain.pem" "$WORK/nginx/privkey.pem" tls/
printf 'DJANGO_ALLOWED_HOSTS=%s\nMELDPUNT_SITE_URL=https://%s\n' "$HOST" "$HOST" >meldpunt.env
compose_down() { (cd "$WORK/src/deploy" && "${COMPOSE[@]}" down -v -t 10 >/dev/null 2>&1) || true; }
trap 'compose_down; cleanup' EXIT
compose_down
# Podman 4.3 cannot start a container whose --requires chain is longer than one
# ("depends on container ... not found in input list") and has no healthy condition:
# --no-deps starts every service at once; migrate is run again should it have raced the
# database, and the scheduler's first round may fail on tables not yet there.
UP_START=$SECONDS
"${COMPOSE[@]}" up -d --no-deps >"$WORK/compose-up.log" 2>&1 || { tail -20 "$WORK/compose-up.log"; fail "compose up"; }
until podman healthcheck run meldpunt_db_1 >/dev/null 2>&1; do
    [ $((SECONDS - UP_START)) -lt 120 ] || fail "the database did not become healthy"; sleep 1
done
if [ "$(podman wait meldpunt_migrate_1)" != 0 ]; then
    echo "migrate raced the database; again:"
    podman start -a meldpunt_migrate_1 | tail -1
fi
until curl -sf -o /dev/null --cacert tls/fullchain.pem --resolve "$HOST:443:127.0.0.1" "https://$HOST/healthz"; do
    [ $((SECONDS - UP_START)) -lt 180 ] || fail "no /healthz through the proxy"; sleep 1
done
echo "/healthz through the proxy $((SECONDS - UP_START)) s after compose up"
podman ps -a --filter label=com.docker.compose.project=meldpunt --format '{{.Names}}: {{.Status}}'
for path in /healthz /readyz /melden/; do
    curl -sf -o /dev/null --cacert tls/fullchain.pem --resolve "$HOST:443:127.0.0.1" \
        -w "GET https://$HOST$path: %{http_code}\n" "https://$HOST$path" || fail "GET $path"
done
curl -s -o /dev/null --resolve "$HOST:80:127.0.0.1" -w "GET http://$HOST/melden/: %{http_code} to %{redirect_url}\n" \
    "http://$HOST/melden/"
web_report "https://$HOST"
for service in db redis app; do
    podman healthcheck run "meldpunt_${service}_1" >/dev/null || fail "$service is not healthy"
    echo "$service: healthy (podman healthcheck run)"
done
podman exec meldpunt_scheduler_1 python manage.py scheduler --once >"$WORK/once.log" 2>&1 ||
    { tail -4 "$WORK/once.log" | cut -c1-200; fail "a job of scheduler --once failed in the scheduler's container"; }
tail -2 "$WORK/once.log" | cut -c1-200
podman exec meldpunt_app_1 python -c 'import socket
try:
    socket.create_connection(("deb.debian.org", 80), 3)
except OSError as error:
    print("the app cannot reach the outside:", error)
else:
    raise SystemExit("the internal network reaches the outside")'
for service in app scheduler; do
    podman top "meldpunt_${service}_1" user 2>/dev/null | tail -n +2 | awk '{print $1}' | grep -vqx meldpunt &&
        fail "$service has a process not run by meldpunt"
done
podman exec meldpunt_proxy_1 sh -c 'grep -Eq "([0-9]{1,3}\.){3}[0-9]{1,3}" /var/log/nginx/meldpunt.log' &&
    fail "the proxy logged an address"
echo "the proxy's log: $(podman exec meldpunt_proxy_1 wc -l /var/log/nginx/meldpunt.log | cut -d' ' -f1) lines, no address"
podman top meldpunt_app_1 pid rss args | grep -E 'spawn_main|PID' | cut -c1-60
compose_down
say "done: every step passed"
