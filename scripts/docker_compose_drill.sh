#!/usr/bin/env bash
# deploy/compose.yaml, unchanged, with Docker Compose v1 (Debian 12's docker-compose 1.29.2)
# against a running dockerd: docs/DEPLOYMENT.md, "Docker, tested by hand".
#
# Not a whole drill like scripts/image_drill.sh: it needs, already there, a dockerd, the
# application image tagged meldpunt:latest (built from deploy/Containerfile) and stand-ins
# for Docker Hub's postgres, redis and nginx images (localhost/meldpunt-drill-postgres,
# -redis, -nginx, as image_drill.sh builds them with Podman). In a copy of the committed
# deploy/ it does the steps of "Containers" (secrets, certificate, meldpunt.env), then
# `docker-compose -p meldpunt ... up -d` with the file as it is (plus an override naming the
# stand-ins) and checks: the depends_on order, /healthz, /readyz and the form through the
# proxy, port 80's redirect, a web report, the health checks, scheduler --once, no way out
# of the internal network, uid 10001, the proxy's log without addresses; then down -v.
# Usage (root): scripts/docker_compose_drill.sh [WORK_DIRECTORY]
set -euo pipefail
REPO=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
WORK=${1:-/var/tmp/meldpunt-docker/compose}
HOST=meldpunt.example
START=$SECONDS
say() { printf '\n### [%4ss] %s\n' "$((SECONDS - START))" "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

say "versions, the committed deploy/ in $WORK"
echo "docker-compose $(docker-compose version --short)"
docker version --format 'Docker Engine {{.Server.Version}}'
docker image inspect -f 'meldpunt:latest {{.Id}} {{.Created}}' meldpunt:latest
rm -rf "$WORK" && mkdir -p "$WORK"
git -C "$REPO" archive HEAD deploy scripts/drill_report.py | tar -x -C "$WORK"
echo "at commit $(git -C "$REPO" rev-parse --short HEAD)"
cat >"$WORK/compose.standins.yaml" <<'YAML'
services:
  db: {image: localhost/meldpunt-drill-postgres}
  redis: {image: localhost/meldpunt-drill-redis}
  proxy: {image: localhost/meldpunt-drill-nginx}
YAML
cd "$WORK/deploy"
grep -q '^name:' compose.yaml && fail "compose.yaml has a top-level name:"

say "the steps of \"Containers\": secrets, certificate, meldpunt.env"
mkdir -p secrets tls && chmod 700 secrets
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' >secrets/django_secret_key
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' >secrets/channel_layer_key
python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >secrets/postgres_password
docker run --rm meldpunt python -c \
    'from meldpunt.lib.crypto import generate_keyring_json; print(generate_keyring_json())' \
    >secrets/meldpunt_keyring.json
printf 'postgres://meldpunt:%s@db:5432/meldpunt' "$(cat secrets/postgres_password)" >secrets/database_url
chmod 644 secrets/*
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=$HOST" \
    -addext "subjectAltName=DNS:$HOST" -keyout tls/privkey.pem -out tls/fullchain.pem 2>/dev/null
chmod 644 tls/privkey.pem
printf 'DJANGO_ALLOWED_HOSTS=%s\nMELDPUNT_SITE_URL=https://%s\n' "$HOST" "$HOST" >meldpunt.env

COMPOSE=(docker-compose -p meldpunt -f compose.yaml -f "$WORK/compose.standins.yaml")
compose_down() { (cd "$WORK/deploy" && "${COMPOSE[@]}" down -v -t 10 >/dev/null 2>&1) || true; }
trap compose_down EXIT
compose_down

say "docker-compose -p meldpunt up -d (depends_on kept: no --no-deps)"
UP_START=$SECONDS
"${COMPOSE[@]}" up -d 2>&1 | tee "$WORK/compose-up.log" | sed 's/\r//' || true
grep -qi error "$WORK/compose-up.log" && fail "compose up"
echo "up -d returned after $((SECONDS - UP_START)) s"
until curl -sf -o /dev/null --cacert tls/fullchain.pem --resolve "$HOST:443:127.0.0.1" "https://$HOST/healthz"; do
    [ $((SECONDS - UP_START)) -lt 180 ] || fail "no /healthz through the proxy"; sleep 1
done
echo "/healthz through the proxy $((SECONDS - UP_START)) s after up"
"${COMPOSE[@]}" ps
docker volume ls --format '{{.Name}}' | grep -x meldpunt_pgdata || fail "no volume meldpunt_pgdata"
echo "the order of starts (docker's State.StartedAt, FinishedAt for migrate):"
for c in db redis migrate app scheduler proxy; do
    docker inspect -f "  $c: started {{.State.StartedAt}} finished {{.State.FinishedAt}} exit {{.State.ExitCode}}" "meldpunt_${c}_1"
done
[ "$(docker inspect -f '{{.State.ExitCode}}' meldpunt_migrate_1)" = 0 ] || fail "migrate"

say "through the proxy"
for path in /healthz /readyz /melden/; do
    curl -sf -o /dev/null --cacert tls/fullchain.pem --resolve "$HOST:443:127.0.0.1" \
        -w "GET https://$HOST$path: %{http_code}\n" "https://$HOST$path" || fail "GET $path"
done
curl -s -o /dev/null --resolve "$HOST:80:127.0.0.1" -w "GET http://$HOST/melden/: %{http_code} to %{redirect_url}\n" \
    "http://$HOST/melden/"
python3 - "https://$HOST" "$WORK/deploy/tls/fullchain.pem" <<PY
import runpy, socket, sys
real = socket.getaddrinfo
socket.getaddrinfo = lambda host, *rest, **kw: real("127.0.0.1" if host == "$HOST" else host, *rest, **kw)
sys.argv = ["drill_report.py", *sys.argv[1:]]
runpy.run_path("$WORK/scripts/drill_report.py", run_name="__main__")
PY

say "health checks, the scheduler, the internal network, users, the proxy's log"
for service in db redis app; do
    status=$(docker inspect -f '{{.State.Health.Status}} ({{len .State.Health.Log}} runs)' "meldpunt_${service}_1")
    echo "$service: $status"
    case $status in healthy*) ;; *) fail "$service is not healthy" ;; esac
done
# scheduler --once exits 1 when a job fails (and names it).
"${COMPOSE[@]}" exec -T scheduler python manage.py scheduler --once >"$WORK/once.log" 2>&1 ||
    { tail -4 "$WORK/once.log" | cut -c1-200; fail "a job of scheduler --once failed"; }
tail -4 "$WORK/once.log" | cut -c1-200
"${COMPOSE[@]}" exec -T app python -c 'import socket
try:
    socket.create_connection(("deb.debian.org", 80), 3)
except OSError as error:
    print("the app cannot reach the outside:", error)
else:
    raise SystemExit("the internal network reaches the outside")'
for service in app scheduler; do
    users=$(docker top "meldpunt_${service}_1" -o pid,user | tail -n +2 | awk '{print $2}' | sort -u | tr '\n' ' ')
    echo "$service: processes of user(s) $users"
    [ "$users" = "10001 " ] || fail "$service has a process not run by uid 10001"
done
echo "app: read-only root file system $(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' meldpunt_app_1)"
docker exec meldpunt_proxy_1 sh -c 'grep -Eq "([0-9]{1,3}\.){3}[0-9]{1,3}" /var/log/nginx/meldpunt.log' &&
    fail "the proxy logged an address"
echo "the proxy's log: $(docker exec meldpunt_proxy_1 wc -l /var/log/nginx/meldpunt.log | cut -d' ' -f1) lines, no address"
docker top meldpunt_app_1 -o pid,rss,args | grep -E 'spawn_main|PID' | cut -c1-60

say "down -v"
DOWN_START=$SECONDS
trap - EXIT
"${COMPOSE[@]}" down -v -t 10 2>&1 | sed 's/\r//' | tail -3
echo "down -v in $((SECONDS - DOWN_START)) s"
docker ps -a --filter label=com.docker.compose.project=meldpunt --format '{{.Names}}' | grep . && fail "containers left"
say "done: every step passed"
