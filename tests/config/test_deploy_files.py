"""The installation files in deploy/ (docs/DEPLOYMENT.md): the container image, the compose
file, nginx and the systemd units.

No container runtime runs on the development machines, so the container files are parsed
and their rules checked, and every command they run is run here instead, with this
project's interpreter in a production-like environment (production settings, a fresh key
ring, a SQLite file): the build's collectstatic and deploy check, the server command with
the image's health check, migrate and the scheduler. nginx runs for real when it is
installed (TLS, body buffering, websockets, its log), and the systemd units are checked
with ``systemd-analyze verify`` and their ExecStart lines run.
"""

import asyncio
import datetime
import os
import re
import secrets
import shlex
import shutil
import sqlite3
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from configparser import ConfigParser
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from packaging.requirements import Requirement
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from meldpunt.lib.crypto import generate_keyring_json
from tests.chat.servers import free_port
from tests.skips import skip_missing_service

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
HOST = "meldpunt.example"
COMPILERS = ("build-essential", "gcc", "g++", "clang", "make", "cc ")


# The container image ------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]]

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def containerfile_stages() -> list[Stage]:
    text = (DEPLOY / "Containerfile").read_text()
    # Continuation lines joined, comments dropped, as the builder reads them.
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    stages: list[Stage] = []
    for line in joined.splitlines():
        if not line.strip():
            continue
        keyword, _, args = line.strip().partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            base, _, name = args.partition(" AS ")
            stages.append(Stage(name=name.strip(), base=base.strip(), instructions=[]))
        else:
            stages[-1].instructions.append((keyword, args.strip()))
    return stages


def exec_form(args: str) -> list[str]:
    parsed = yaml.safe_load(args)  # the JSON exec form
    assert isinstance(parsed, list), f"use the exec form: {args}"
    return [str(part) for part in parsed]


def test_the_image_is_built_in_two_stages_and_runs_without_root() -> None:
    build, final = containerfile_stages()
    assert build.name == "build"
    assert final.base == build.base  # the same slim base, without what the build added
    assert any("--from=build" in copy for copy in final.all("COPY"))
    user = final.all("USER")
    assert user
    assert user[-1].split(":")[0] not in {"root", "0"}
    assert "useradd --system --uid 10001" in " ".join(final.all("RUN"))


def test_no_compiler_in_the_final_image() -> None:
    _build, final = containerfile_stages()
    for run in final.all("RUN"):
        assert "apt-get install" not in run, run
        assert not any(tool in f"{run} " for tool in COMPILERS), run
    copied = " ".join(final.all("COPY"))
    assert "/usr/bin" not in copied
    assert "/usr/lib/gcc" not in copied


def test_static_files_are_collected_at_build_time() -> None:
    build, final = containerfile_stages()
    assert any("manage.py collectstatic --noinput" in run for run in build.all("RUN"))
    assert any("/app /app" in copy and "--from=build" in copy for copy in final.all("COPY"))


def test_the_server_command_keeps_addresses_out_of_the_logs() -> None:
    _build, final = containerfile_stages()
    command = exec_form(final.all("CMD")[-1])
    assert command[:2] == ["uvicorn", "config.asgi:application"]
    assert "--no-access-log" in command
    assert "--proxy-headers" in command
    assert final.all("HEALTHCHECK")


def test_the_image_s_dependencies_resolve_here() -> None:
    """`pip install /app` installs pyproject's dependencies: each is satisfied by this
    project's environment (no registry is asked here)."""
    pyproject = (ROOT / "pyproject.toml").read_text()
    block = pyproject[pyproject.index("dependencies = [") : pyproject.index("]\n")]
    for line in re.findall(r'"([^"]+)"', block):
        requirement = Requirement(line)
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            pytest.fail(f"{requirement.name} is not installed")
        assert requirement.specifier.contains(installed, prereleases=True), (line, installed)


# A production-like environment for the dry runs ---------------------------------------


@dataclass
class Production:
    home: Path
    env: dict[str, str]

    def run(
        self, command: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 (our own deploy files' commands)
            ["/bin/bash", "-c", command],
            cwd=ROOT,
            env=self.env if env is None else env,
            capture_output=True,
            text=True,
            timeout=300,
        )


def clean_env() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MELDPUNT_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
    }


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Production:
    """Production settings with secrets as files (as compose and systemd give them), a
    migrated SQLite database, the static files collected, and no Redis."""
    home = tmp_path_factory.mktemp("production")
    (home / "secret_key").write_text(secrets.token_urlsafe(64))
    (home / "keyring.json").write_text(generate_keyring_json())
    (home / "database_url").write_text(f"sqlite:///{home / 'db.sqlite3'}")
    env = clean_env()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY_FILE": str(home / "secret_key"),
            "MELDPUNT_KEYRING_FILE": str(home / "keyring.json"),
            "DATABASE_URL_FILE": str(home / "database_url"),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "MELDPUNT_VAR_DIR": str(home / "var"),
            "PYTHONPATH": str(ROOT),
        }
    )
    production = Production(home=home, env=env)
    # What the image holds already: the static files collected, with their manifest.
    for step in ("migrate --noinput -v 0", "collectstatic --noinput -v 0"):
        done = production.run(f"{sys.executable} manage.py {step}")
        assert done.returncode == 0, done.stderr
    return production


def python_here(command: str) -> str:
    """A command of the image with this project's interpreter and tools."""
    bin_dir = str(Path(sys.executable).parent)
    return command.replace("/opt/venv/bin", bin_dir).replace("/app/var", "$MELDPUNT_VAR_DIR")


def test_the_build_s_collectstatic_and_deploy_check_run(production: Production) -> None:
    build, _final = containerfile_stages()
    runs = [run for run in build.all("RUN") if "manage.py" in run]
    assert runs
    # The build has no secrets, no database: only what the RUN line sets itself.
    bare = {**clean_env(), "MELDPUNT_VAR_DIR": production.env["MELDPUNT_VAR_DIR"]}
    for run in runs:
        done = production.run(python_here(run), env=bare)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "System check identified no issues" in done.stdout
    manifest = Path(production.env["MELDPUNT_VAR_DIR"]) / "static" / "staticfiles.json"
    assert manifest.exists()


@dataclass
class Running:
    process: subprocess.Popen[Any]
    port: int

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def start_server(command: list[str], production: Production) -> Running:
    """Run a server command from the deploy files on a free port; wait for /healthz."""
    port = free_port()
    args = list(command)
    args[args.index("--port") + 1] = str(port)
    args[args.index("--host") + 1] = "127.0.0.1"
    if "--workers" in args:
        args[args.index("--workers") + 1] = "1"  # two cores shared by everyone here
    binary = shutil.which(args[0], path=str(Path(sys.executable).parent))
    assert binary is not None
    process = subprocess.Popen([binary, *args[1:]], cwd=ROOT, env=production.env)  # noqa: S603
    # A first start on a busy machine (two cores shared by many) takes its time.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped at start"
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"Host": HOST}, timeout=2)
            return Running(process, port)
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    raise AssertionError("the server did not start")


def test_the_image_s_server_command_and_health_check(production: Production) -> None:
    _build, final = containerfile_stages()
    server = start_server(exec_form(final.all("CMD")[-1]), production)
    try:
        check = exec_form(final.all("HEALTHCHECK")[-1].split("CMD", 1)[1])
        assert check[0] == "python"
        script = check[2].replace("127.0.0.1:8000", f"127.0.0.1:{server.port}")
        healthy = production.run(f"{sys.executable} -c {shlex.quote(script)}")
        assert healthy.returncode == 0, healthy.stderr
    finally:
        server.stop()


# The compose file ---------------------------------------------------------------------


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((DEPLOY / "compose.yaml").read_text()))


def test_compose_has_workers_database_redis_scheduler_and_proxy() -> None:
    services = compose()["services"]
    assert {"app", "db", "redis", "scheduler", "proxy", "migrate"} <= set(services)
    _build, final = containerfile_stages()
    assert services["app"]["command"] == exec_form(final.all("CMD")[-1])
    assert services["scheduler"]["command"] == ["python", "manage.py", "scheduler"]
    assert services["redis"]["command"][:5] == ["redis-server", "--save", "", "--appendonly", "no"]


def test_only_the_proxy_is_reachable_from_outside() -> None:
    document = compose()
    for name, service in document["services"].items():
        if name != "proxy":
            assert "ports" not in service, name
            assert service["networks"] == ["internal"], name
    assert document["networks"]["internal"]["internal"] is True


def test_compose_gives_secrets_as_files_only() -> None:
    app = compose()["services"]["app"]
    environment = app["environment"]
    for name in ("DJANGO_SECRET_KEY", "MELDPUNT_KEYRING", "DATABASE_URL"):
        assert name not in environment
        assert environment[f"{name}_FILE"].startswith("/run/secrets/")
    assert app["read_only"] is True


def test_the_scheduler_and_migrate_commands_run(production: Production) -> None:
    services = compose()["services"]
    for name in ("migrate",):
        done = production.run(shlex.join([sys.executable, *services[name]["command"][1:]]))
        assert done.returncode == 0, done.stderr
    scheduler = [sys.executable, *services["scheduler"]["command"][1:], "--once"]
    done = production.run(shlex.join(scheduler))
    assert done.returncode == 0, done.stderr
    recorded = recorded_jobs(production)
    assert {"chat_expire", "purge"} <= recorded


def recorded_jobs(production: Production) -> set[str]:
    with sqlite3.connect(production.home / "db.sqlite3") as db:
        rows = db.execute(
            "SELECT name FROM meldpunt_lib_jobrun WHERE last_success_at IS NOT NULL"
        ).fetchall()
    return {row[0] for row in rows}


# nginx --------------------------------------------------------------------------------

NGINX_CONF = DEPLOY / "nginx" / "meldpunt.conf"
ADDRESS_VARIABLES = (
    "$remote_addr",
    "$binary_remote_addr",
    "$http_x_forwarded_for",
    "$proxy_add_x_forwarded_for",
    "$realip_remote_addr",
    "$http_user_agent",
    "$http_referer",
    "$request ",
    "$request_uri",
    "$args",
    "$query_string",
)


def test_nginx_logs_no_client_address() -> None:
    conf = NGINX_CONF.read_text()
    formats = re.findall(r"log_format\s+(\w+)\s+([^;]+);", conf)
    assert formats
    for _name, layout in formats:
        for variable in ADDRESS_VARIABLES:
            assert variable not in f"{layout} ", variable
    named = {name for name, _ in formats}
    for access_log in re.findall(r"access_log\s+([^;]+);", conf):
        parts = access_log.split()
        assert parts == ["off"] or (len(parts) >= 2 and parts[1] in named), access_log
    for error_log in re.findall(r"error_log\s+([^;]+);", conf):
        assert error_log.split()[-1] in {"crit", "alert", "emerg"}, error_log


def test_nginx_terminates_tls_buffers_bodies_and_passes_websockets() -> None:
    conf = NGINX_CONF.read_text()
    assert re.search(r"listen 443 ssl( http2)?;", conf)
    assert "ssl_certificate " in conf
    assert "proxy_request_buffering on;" in conf
    assert "proxy_request_buffering off" not in conf
    size = re.search(r"client_max_body_size (\d+)m;", conf)
    assert size is not None
    from django.conf import settings

    assert int(size.group(1)) * 1024 * 1024 >= settings.MELDPUNT_MAX_BODY
    websocket = conf[conf.index("location /ws/") :]
    assert "proxy_set_header Upgrade $http_upgrade;" in websocket
    assert "proxy_set_header Connection $connection_upgrade;" in websocket


def self_signed(directory: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (directory / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.fixture
def proxied(production: Production, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """deploy/nginx/meldpunt.conf in a real nginx, in front of a real worker; the TLS port
    and the directory of nginx's logs."""
    nginx = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")
    if nginx is None:
        skip_missing_service("nginx", "the proxy configuration run for real")
    _build, final = containerfile_stages()
    server = start_server(exec_form(final.all("CMD")[-1]), production)
    tls_port, http_port = free_port(), free_port()
    tmp_path.chmod(0o755)
    self_signed(tmp_path)
    conf = (
        NGINX_CONF.read_text()
        .replace("server app:8000;", f"server 127.0.0.1:{server.port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{tls_port} ssl http2;")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen [::]:80;", "")
        .replace("/etc/nginx/tls", str(tmp_path))
        .replace("/var/log/nginx", str(tmp_path))
    )
    (tmp_path / "meldpunt.conf").write_text(conf)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/main-error.log crit;\nevents {{}}\n"
        f"http {{\n client_body_temp_path {tmp_path}/body;\n"
        f" proxy_temp_path {tmp_path}/proxy;\n include {tmp_path}/meldpunt.conf;\n}}\n"
    )
    tested = subprocess.run(  # noqa: S603
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert tested.returncode == 0, tested.stderr
    process = subprocess.Popen(  # noqa: S603
        [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"]
    )
    try:
        time.sleep(1)
        yield tls_port, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=10)
        server.stop()


def test_nginx_for_real(proxied: tuple[int, Path]) -> None:
    """Through TLS: pages and a form post with a body arrive, a websocket reaches the
    worker (which refuses it: no session), and nginx's log holds no address."""
    port, logs = proxied
    base = f"https://127.0.0.1:{port}"
    with httpx.Client(verify=False, headers={"Host": HOST}, timeout=20) as client:  # noqa: S501
        assert client.get(f"{base}/healthz").status_code == 200
        home = client.get(f"{base}/")
        assert home.status_code == 200
        assert "Strict-Transport-Security" in home.headers
        refused = client.post(f"{base}/melden/", content=b"x" * 200_000)
        assert refused.status_code in {403, 405}  # reached Django (CSRF or method)

    async def websocket() -> int:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        try:
            async with connect(
                f"wss://127.0.0.1:{port}/ws/medewerkers/chat/",
                ssl=context,
                origin=f"https://{HOST}",  # type: ignore[arg-type]
            ):
                return 101
        except InvalidStatus as refused:
            return refused.response.status_code

    # 403 from the worker's consumer (no staff session); nginx without the upgrade
    # headers would answer the handshake with the page's 404 instead.
    assert asyncio.run(websocket()) == 403
    log = (logs / "meldpunt.log").read_text()
    assert "GET /healthz" in log
    assert "/ws/medewerkers/chat/" in log
    for text in (log, (logs / "meldpunt-error.log").read_text()):
        assert "127.0.0.1" not in text


# systemd ------------------------------------------------------------------------------

UNITS = DEPLOY / "systemd"


def unit(name: str) -> ConfigParser:
    parser = ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((UNITS / name).read_text())
    return parser


def test_systemd_units_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        skip_missing_service("systemd-analyze", "checking the unit files")
    for path in UNITS.iterdir():
        (tmp_path / path.name).write_text(path.read_text().replace("/srv/meldpunt", str(ROOT)))
    names = [f"./{path.name}" for path in UNITS.iterdir() if "@." not in path.name]
    verified = subprocess.run(  # noqa: S603
        [analyze, "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_every_job_has_a_timer() -> None:
    from django.conf import settings

    timed = {
        unit(path.name)["Timer"]["Unit"].removeprefix("meldpunt-job@").removesuffix(".service")
        for path in UNITS.glob("*.timer")
    }
    assert timed == set(settings.MELDPUNT_JOBS)


def unit_command(name: str, production: Production, instance: str = "") -> list[str]:
    """The unit's ExecStart as this machine runs it: the checkout for /srv/meldpunt, the
    instance for %i; its Environment= lines (credentials as the test's files)."""
    service = unit(name)["Service"]
    assert service["User"] == "meldpunt"
    assert service["WorkingDirectory"] == "/srv/meldpunt"
    assert "DJANGO_SECRET_KEY_FILE=%d/secret_key" in service["Environment"]
    command = service["ExecStart"].replace("%i", instance).replace("/srv/meldpunt", str(ROOT))
    args = shlex.split(command)
    args[0] = args[0].replace(str(ROOT / ".venv" / "bin"), str(Path(sys.executable).parent))
    return args


def test_the_app_unit_s_command_serves(production: Production) -> None:
    args = unit_command("meldpunt.service", production)
    assert args[1:3] == ["config.asgi:application", "--host"]
    assert "--no-access-log" in args
    server = start_server([Path(args[0]).name, *args[1:]], production)
    try:
        response = httpx.get(f"http://127.0.0.1:{server.port}/healthz", headers={"Host": HOST})
        assert response.status_code == 200
    finally:
        server.stop()


def test_the_job_unit_runs_each_timer_s_job(production: Production) -> None:
    for path in sorted(UNITS.glob("*.timer")):
        job = unit(path.name)["Timer"]["Unit"].removeprefix("meldpunt-job@").split(".")[0]
        args = unit_command("meldpunt-job@.service", production, instance=job)
        done = production.run(shlex.join(args))
        assert done.returncode == 0, (job, done.stderr)
    assert {"chat_expire", "purge"} <= recorded_jobs(production)
