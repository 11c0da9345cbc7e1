#!/usr/bin/env bash
# Runs as root INSIDE the drill machine (started by scripts/debian_drill.sh): the steps of
# docs/DEPLOYMENT.md "Debian with systemd, step by step", in the doc's order and words,
# then the checks of "Tested for real". What differs from the doc: the values it leaves to
# the administrator (the repository, the passwords, a self-signed certificate made with
# openssl, the backup key pair made here instead of on a trusted machine), quieter apt and
# pip, and curl told to trust that certificate.
# Usage: debian_drill_steps.sh REPOSITORY
set -euo pipefail
REPOSITORY=${1:?usage: debian_drill_steps.sh REPOSITORY}
HOST=meldpunt.example.nl
export DEBIAN_FRONTEND=noninteractive
START=$SECONDS
step() { printf '\n=== [%4ss] %s\n' "$((SECONDS - START))" "$*"; }
pw() { python3 -c 'import secrets; print(secrets.token_hex(24))'; }
set -x

step "1. packages, user, code, virtual environment"
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-venv postgresql redis-server nginx git curl openssl >/dev/null
python3 --version
{ set +x; } 2>/dev/null
echo "Debian $(cat /etc/debian_version), $(systemctl --version | head -1), $(psql --version)," \
    "$(redis-server --version | cut -d' ' -f1-3), $(nginx -v 2>&1 | cut -d' ' -f3)"
set -x
adduser --system --group --home /srv/meldpunt meldpunt
git clone "$REPOSITORY" /srv/meldpunt && chown -R meldpunt:meldpunt /srv/meldpunt
cd /srv/meldpunt && runuser -u meldpunt -- python3 -m venv .venv
runuser -u meldpunt -- .venv/bin/pip install --quiet .

step "2. secrets and environment"
OWNER_PW=$(pw)
APP_PW=$(pw)
install -d -m 750 -o root -g meldpunt /etc/meldpunt
python3 -c 'import secrets; print(secrets.token_urlsafe(64))' > /etc/meldpunt/secret_key
.venv/bin/python -c 'from meldpunt.lib.crypto import generate_keyring_json; print(generate_keyring_json())' > /etc/meldpunt/keyring.json
echo "postgres://meldpunt_app:$APP_PW@127.0.0.1:5432/meldpunt" > /etc/meldpunt/database_url
chmod 600 /etc/meldpunt/secret_key /etc/meldpunt/keyring.json /etc/meldpunt/database_url
# The backup key pair (docs/KEYS.md): made here for the drill; in real life on a
# trusted machine, with only the public half on the server.
.venv/bin/python -m meldpunt.lib.backup keygen > /root/backup-keys.txt
BACKUP_PUBLIC=$(sed -n 's/^public[^:]*: //p' /root/backup-keys.txt)
sed -n 's/^private[^:]*: //p' /root/backup-keys.txt > /root/backup-private.key
cat > /etc/meldpunt/env <<ENV
DJANGO_ALLOWED_HOSTS=$HOST
MELDPUNT_SITE_URL=https://$HOST
REDIS_URL=redis://127.0.0.1:6379/0
MELDPUNT_TRUSTED_PROXY_HOPS=1
MELDPUNT_VAR_DIR=/srv/meldpunt/var
MELDPUNT_BACKUP_PUBLIC_KEY=$BACKUP_PUBLIC
ENV

step "3. database roles (as the postgres user)"
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE meldpunt_owner LOGIN PASSWORD '$OWNER_PW';
CREATE ROLE meldpunt_app LOGIN PASSWORD '$APP_PW';
CREATE DATABASE meldpunt OWNER meldpunt_owner;
\c meldpunt
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO meldpunt_app;
ALTER DEFAULT PRIVILEGES FOR ROLE meldpunt_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO meldpunt_app;
ALTER DEFAULT PRIVILEGES FOR ROLE meldpunt_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO meldpunt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO meldpunt_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO meldpunt_app;
SQL

step "4. migrate, collectstatic, check --deploy"
set -a; . /etc/meldpunt/env; set +a
export DJANGO_SECRET_KEY_FILE=/etc/meldpunt/secret_key MELDPUNT_KEYRING_FILE=/etc/meldpunt/keyring.json
OWNER_URL="postgres://meldpunt_owner:$OWNER_PW@127.0.0.1/meldpunt"
DATABASE_URL=$OWNER_URL .venv/bin/python manage.py migrate --noinput | tail -3
.venv/bin/python manage.py collectstatic --noinput && chown -R meldpunt:meldpunt var
DATABASE_URL_FILE=/etc/meldpunt/database_url .venv/bin/python manage.py check --deploy

step "5. units: service and timers"
cp deploy/systemd/* /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now meldpunt.service meldpunt-chat-expire.timer meldpunt-purge.timer meldpunt-clearsessions.timer meldpunt-audit-verify.timer

step "6. nginx with TLS (a self-signed certificate for the drill)"
install -d -m 750 /etc/nginx/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" \
    -addext "subjectAltName=DNS:$HOST" \
    -keyout /etc/nginx/tls/privkey.pem -out /etc/nginx/tls/fullchain.pem 2>/dev/null
cp deploy/nginx/meldpunt.conf /etc/nginx/sites-available/meldpunt
sed -i 's/server app:8000;/server 127.0.0.1:8000;/' /etc/nginx/sites-available/meldpunt
ln -s ../sites-available/meldpunt /etc/nginx/sites-enabled/ && rm /etc/nginx/sites-enabled/default
nginx -t && systemctl reload nginx
{ set +x; } 2>/dev/null
for i in $(seq 300); do
    curl -sf -o /dev/null --cacert /etc/nginx/tls/fullchain.pem https://$HOST/healthz && break; sleep 1
done
echo "the workers answered through nginx after ${i} s"
set -x
curl -s --cacert /etc/nginx/tls/fullchain.pem https://$HOST/healthz; echo

set +x
step "CHECK readiness through nginx"
curl -s --cacert /etc/nginx/tls/fullchain.pem https://$HOST/readyz; echo

step "CHECK the workers run as meldpunt, not root"
MAIN=$(systemctl show -p MainPID --value meldpunt.service)
ps -o user=,pid=,rss=,args= -p "$MAIN" --ppid "$MAIN" | cut -c1-110
if ps -o user= -p "$MAIN" --ppid "$MAIN" | grep -vqx meldpunt; then
    echo "FAIL: a process of meldpunt.service runs as another user"; exit 1
fi

step "CHECK a public web report through nginx"
python3 scripts/drill_report.py "https://$HOST" /etc/nginx/tls/fullchain.pem

step "CHECK a first staff login through nginx, the chat console and the chat page"
# A drill account, made in the shell (the step by step has no command for a first account
# yet); the login sets up its authenticator app, as a new staff member's first login does.
STAFF_PW=$(pw)
DATABASE_URL_FILE=/etc/meldpunt/database_url .venv/bin/python manage.py shell -c \
    "from meldpunt.accounts.models import Role, User; User.objects.create_user('drill-advisor', password='$STAFF_PW', role=Role.ADVISOR)"
python3 scripts/drill_staff.py "https://$HOST" /etc/nginx/tls/fullchain.pem drill-advisor "$STAFF_PW"

step "CHECK the workers' memory after the report and the login"
ps -o pid=,rss=,args= --ppid "$MAIN" | grep spawn_main | awk '{printf "worker %s: %d MB resident\n", $1, $2 / 1024}'

step "CHECK the timers, and the job of each timer run once as its timer starts it"
systemctl list-timers --all 'meldpunt-*'
for timer in $(systemctl list-unit-files --no-legend 'meldpunt-*.timer' | cut -d' ' -f1); do
    job=$(systemctl show -p Unit --value "$timer")
    systemctl start "$job"   # Type=oneshot: returns when the job has ended
    systemctl status --no-pager --lines=3 "$job" | grep -E 'Process:|python\[' || true
    if systemctl is-failed --quiet "$job"; then echo "FAIL: $job (from $timer)"; exit 1; fi
    echo "$timer: $job ran, $(systemctl show -p Result --value "$job")"
done
DATABASE_URL=$OWNER_URL .venv/bin/python manage.py shell --no-imports -c \
    'from meldpunt.lib.models import JobRun; print(list(JobRun.objects.values_list("name", "last_success_at", "last_outcome")))'

step "CHECK backup, and a restore into an empty database"
install -d -m 700 /var/backups/meldpunt
BACKUP=/var/backups/meldpunt/meldpunt-$(date +%F).backup
DATABASE_URL_FILE=/etc/meldpunt/database_url .venv/bin/python manage.py backup "$BACKUP"
ls -l "$BACKUP"
runuser -u postgres -- createdb -O meldpunt_owner meldpunt_restored
.venv/bin/python manage.py restore "$BACKUP" --private-key-file /root/backup-private.key \
    --database-url "postgres://meldpunt_owner:$OWNER_PW@127.0.0.1/meldpunt_restored"
DATABASE_URL="postgres://meldpunt_owner:$OWNER_PW@127.0.0.1/meldpunt_restored" .venv/bin/python manage.py keyring_check
DATABASE_URL="postgres://meldpunt_owner:$OWNER_PW@127.0.0.1/meldpunt_restored" .venv/bin/python manage.py audit_verify
for db in meldpunt meldpunt_restored; do
    runuser -u postgres -- psql -tA -d $db -c 'SELECT count(*) FROM cases_case'
done
shred -u /root/backup-private.key

step "CHECK no client address in nginx's logs"
cat /var/log/nginx/meldpunt.log
if grep -qE '127\.0\.0\.1|::1' /var/log/nginx/meldpunt.log /var/log/nginx/meldpunt-error.log; then
    echo "FAIL: an address in nginx's log"; exit 1
fi

step "CHECK a timer firing on its own schedule: the one with the shortest interval"
# meldpunt-chat-expire.timer, OnCalendar=*:0/5 with AccuracySec=10s: due within 5 min 10 s
# of any moment. The jobs above were started by hand, which a timer's LastTriggerUSec does
# not count; here nothing starts it but systemd, within a time limit.
TIMER=meldpunt-chat-expire.timer
TIMER_JOB=$(systemctl show -p Unit --value "$TIMER")
TIMER_LIMIT=330
last_success() {
    DATABASE_URL=$OWNER_URL .venv/bin/python manage.py shell --no-imports -c \
        'from meldpunt.lib.models import JobRun; r = JobRun.objects.get(name="chat_expire"); print(r.last_success_at.isoformat())'
}
BEFORE_TRIGGER=$(systemctl show -p LastTriggerUSecMonotonic --value "$TIMER")
BEFORE_SUCCESS=$(last_success)
echo "before: last trigger '$(systemctl show -p LastTriggerUSec --value "$TIMER")', JobRun chat_expire last success $BEFORE_SUCCESS, now $(date -u +%T)"
systemctl list-timers --all "$TIMER" | sed -n 1,2p
WAIT_START=$SECONDS
until [ "$(systemctl show -p LastTriggerUSecMonotonic --value "$TIMER")" != "$BEFORE_TRIGGER" ] &&
    ! systemctl show -p ActiveState --value "$TIMER_JOB" | grep -qE '^(activating|active)$'; do
    if [ $((SECONDS - WAIT_START)) -ge $TIMER_LIMIT ]; then
        systemctl list-timers --all "$TIMER"
        echo "FAIL: $TIMER did not fire within $TIMER_LIMIT s"; exit 1
    fi
    sleep 2
done
echo "$TIMER fired by itself after $((SECONDS - WAIT_START)) s of waiting:" \
    "last trigger $(systemctl show -p LastTriggerUSec --value "$TIMER")"
systemctl list-timers --all "$TIMER" | sed -n 1,2p
systemctl status --no-pager --lines=3 "$TIMER_JOB" | grep -E 'Process:|python\[' || true
if systemctl is-failed --quiet "$TIMER_JOB"; then echo "FAIL: $TIMER_JOB, started by $TIMER"; exit 1; fi
AFTER_SUCCESS=$(last_success)
echo "$TIMER_JOB: $(systemctl show -p Result --value "$TIMER_JOB"); JobRun chat_expire last success $AFTER_SUCCESS"
if [ "$AFTER_SUCCESS" = "$BEFORE_SUCCESS" ]; then
    echo "FAIL: the timer's run left no new JobRun success"; exit 1
fi

step "DONE in $((SECONDS - START)) s"
