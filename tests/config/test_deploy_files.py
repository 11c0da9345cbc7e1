"""The installation files in deploy/ (docs/DEPLOYMENT.md): the container image, the compose
file, nginx and the systemd units.

The image is built and run for real by scripts/image_drill.sh (root, network, minutes: not
here). Here the container files are parsed and their rules checked, and every command they
run is run instead, with this project's interpreter in a production-like environment
(production settings, a fresh key ring, a SQLite file): the build's collectstatic and
deploy check, the server command with the image's health check, migrate and the scheduler.
nginx runs for real when it is installed (TLS, body buffering, websockets, its log), and the
systemd units are checked with ``systemd-analyze verify`` and their ExecStart lines run.
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
from dataclasses import dataclass, field
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
from django.conf import settings
from packaging.requirements import Requirement
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from meldpunt.lib.crypto import generate_keyring_json
from tests.chat.servers import copy_database, free_port
from tests.skips import skip_missing_service

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
HOST = "meldpunt.example"
OFFICIAL_BASE = "docker.io/library/python:3.12-slim-bookworm"
COMPILERS = ("build-essential", "gcc", "g++", "clang", "make", "cc ")


# The container image ------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]]

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def containerfile_instructions() -> list[tuple[str, str]]:
    text = (DEPLOY / "Containerfile").read_text()
    # Continuation lines joined, comments dropped, as the builder reads them.
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    instructions = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, args = line.strip().partition(" ")
            instructions.append((keyword.upper(), args.strip()))
    return instructions


def containerfile_arguments() -> dict[str, str]:
    """The ARG lines before the first FROM (the ones a FROM line can use), with defaults."""
    arguments: dict[str, str] = {}
    for keyword, args in containerfile_instructions():
        if keyword == "FROM":
            break
        if keyword == "ARG":
            name, _, default = args.partition("=")
            arguments[name] = default
    return arguments


def containerfile_stages() -> list[Stage]:
    stages: list[Stage] = []
    for keyword, args in containerfile_instructions():
        if keyword == "FROM":
            base, _, name = args.partition(" AS ")
            stages.append(Stage(name=name.strip(), base=base.strip(), instructions=[]))
        elif stages:
            stages[-1].instructions.append((keyword, args))
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


def test_the_base_image_is_an_argument_whose_default_is_the_official_one() -> None:
    """`--build-arg BASE=...` builds on a locally made base where Docker Hub is out of reach
    (scripts/image_drill.sh); without it, the official image."""
    build, final = containerfile_stages()
    assert build.base == final.base == "${BASE}"
    assert containerfile_arguments()["BASE"] == OFFICIAL_BASE


def registry_of(image: str) -> str:
    first, _, rest = image.partition("/")
    return first if rest and ("." in first or ":" in first or first == "localhost") else ""


def test_every_pulled_image_names_its_registry() -> None:
    """Short names ("python:3.12") depend on the host's registries.conf: Podman refuses
    one that no alias or search registry resolves when no terminal can ask."""
    pulled = [containerfile_arguments()["BASE"]]
    services = compose()["services"].values()
    pulled += [service["image"] for service in services if "build" not in service]
    for image in pulled:
        assert registry_of(image) == "docker.io", image


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
    assert ("/app/var/static", "/app/var/static") in copied_from_build(final)


# What the final stage takes from the build stage: the installed dependencies and what
# runs. Not the whole of /app, where `pip install /app` leaves build/ and *.egg-info.
FINAL_NEEDS = {
    "/opt/venv",
    "/app/manage.py",
    "/app/config",
    "/app/meldpunt",
    "/app/templates",
    "/app/locale",
    "/app/static",
    "/app/var/static",
}


def copied_from_build(stage: Stage) -> list[tuple[str, str]]:
    """(source, where it lands) for every COPY of the stage, each from the build stage; a
    relative destination is under the WORKDIR before it, one ending in / takes the name."""
    copied = []
    workdir = "/"
    for keyword, args in stage.instructions:
        if keyword == "WORKDIR":
            workdir = args
        if keyword != "COPY":
            continue
        parts = args.split()
        assert "--from=build" in parts, args
        *sources, destination = [part for part in parts if not part.startswith("--")]
        target = os.path.normpath(os.path.join(workdir, destination))
        for source in sources:
            landing = (
                os.path.join(target, Path(source).name) if destination.endswith("/") else target
            )
            copied.append((source, landing))
    return copied


def test_the_final_stage_takes_only_what_runs() -> None:
    _build, final = containerfile_stages()
    copied = copied_from_build(final)
    assert {source for source, _landing in copied} == FINAL_NEEDS
    for source, landing in copied:
        assert landing == source  # the same place as in the build stage


def test_the_virtual_environment_holds_no_second_copy_of_the_code() -> None:
    """/opt/venv goes whole into the final stage: the build installs the project for its
    dependencies, then removes the project, so that /app's copy is the only one."""
    build, _final = containerfile_stages()
    runs = build.all("RUN")
    installs = [n for n, run in enumerate(runs) if "pip install /app" in run]
    assert installs, "the build installs the project's dependencies"
    after = " ".join(runs[installs[-1] :])
    assert after.index("pip uninstall --yes meldpunt") > after.index("pip install /app")


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
    # The image's build steps (its RUN lines with manage.py), as they ran.
    build: list[subprocess.CompletedProcess[str]] = field(default_factory=list)

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
def production(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Production:
    """Production settings with secrets as files (as compose and systemd give them), a
    migrated SQLite database (a copy of the run's; migrate itself runs below), no Redis,
    and what the image's build leaves: its collectstatic and deploy check run once here,
    with only what the RUN line sets itself (the build has no secrets, no database)."""
    home = tmp_path_factory.mktemp("production")
    (home / "secret_key").write_text(secrets.token_urlsafe(64))
    (home / "keyring.json").write_text(generate_keyring_json())
    (home / "database_url").write_text(f"sqlite:///{home / 'db.sqlite3'}")
    copy_database(migrated_sqlite, home / "db.sqlite3")
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
    build, _final = containerfile_stages()
    bare = {**clean_env(), "MELDPUNT_VAR_DIR": env["MELDPUNT_VAR_DIR"]}
    for run in build.all("RUN"):
        if "manage.py" in run:
            production.build.append(production.run(python_here(run), env=bare))
    return production


def python_here(command: str) -> str:
    """A command of the image with this project's interpreter and tools."""
    bin_dir = str(Path(sys.executable).parent)
    return command.replace("/opt/venv/bin", bin_dir).replace("/app/var", "$MELDPUNT_VAR_DIR")


def test_the_build_s_collectstatic_and_deploy_check_run(production: Production) -> None:
    assert production.build, "the build runs manage.py"
    for done in production.build:
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


def start_server(
    command: list[str], production: Production, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> Running:
    """Run a server command from the deploy files on a free port; wait for /healthz."""
    port = free_port()
    args = list(command)
    args[args.index("--port") + 1] = str(port)
    args[args.index("--host") + 1] = "127.0.0.1"
    if "--workers" in args:
        args[args.index("--workers") + 1] = "1"  # two cores shared by everyone here
    binary = shutil.which(args[0], path=str(Path(sys.executable).parent))
    assert binary is not None
    process = subprocess.Popen(  # noqa: S603
        [binary, *args[1:]], cwd=cwd, env=production.env if env is None else env
    )
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


def test_what_the_final_stage_takes_is_enough_to_run(
    production: Production, tmp_path: Path
) -> None:
    """/app as the final stage has it (FINAL_NEEDS, the collected static files the
    build's), from here: the deploy check and the image's server command run from it
    alone, the image's health check passes, and a page is rendered with its templates and
    translations."""
    app = tmp_path / "app"
    var = Path(production.env["MELDPUNT_VAR_DIR"])
    for source in FINAL_NEEDS - {"/opt/venv"}:
        relative = Path(source).relative_to("/app")
        here = var / "static" if relative == Path("var/static") else ROOT / relative
        if here.is_dir():
            shutil.copytree(here, app / relative, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (app / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(here, app / relative)
    build, final = containerfile_stages()
    # The build compiles the code the final stage takes: here, in the copy.
    compiles = [run for run in build.all("RUN") if "compileall" in run]
    assert compiles, "the build compiles the application's modules"
    for run in compiles:
        done = production.run(python_here(run).replace("/app/", f"{app}/"))
        assert done.returncode == 0, done.stdout + done.stderr
    assert (app / "meldpunt" / "__pycache__").is_dir()
    env = {**production.env, "PYTHONPATH": str(app), "MELDPUNT_VAR_DIR": str(app / "var")}
    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    server = start_server(exec_form(final.all("CMD")[-1]), production, env=env, cwd=app)
    # As behind the proxy, which terminates TLS; a first page on a busy machine (two cores
    # shared by many) takes its time.
    behind_proxy = {"Host": HOST, "X-Forwarded-Proto": "https"}
    client = httpx.Client(
        base_url=f"http://127.0.0.1:{server.port}", headers=behind_proxy, timeout=60
    )
    try:
        check = exec_form(final.all("HEALTHCHECK")[-1].split("CMD", 1)[1])
        assert check[0] == "python"
        script = check[2].replace("127.0.0.1:8000", f"127.0.0.1:{server.port}")
        healthy = production.run(f"{sys.executable} -c {shlex.quote(script)}")
        assert healthy.returncode == 0, healthy.stderr
        page = client.get("/en/")
        assert page.status_code == 200, page.status_code
        assert '<html lang="en"' in page.text
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page.text)
        assert stylesheet, "a stylesheet from the collected static files"
        assert client.get(stylesheet.group(1)).status_code == 200
    finally:
        client.close()
        server.stop()


# The compose file ---------------------------------------------------------------------


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((DEPLOY / "compose.yaml").read_text()))


# What Docker Compose v1 (docker-compose 1.29.2, Debian 12's) accepts at the top level of a
# file without "version:" (its compose_spec.json): anything else, "name:" included, makes
# it refuse the whole file ("'name' does not match any of the regexes: '^x-'").
COMPOSE_V1_TOP_LEVEL = {"version", "services", "networks", "volumes", "secrets", "configs"}


def test_compose_s_top_level_keys_are_the_ones_compose_v1_accepts() -> None:
    """One file for Docker Compose v1, v2 and podman-compose: the project name is given on
    the command line (-p meldpunt), not by a top-level name: that v1 refuses."""
    keys = set(compose())
    assert {key for key in keys if not key.startswith("x-")} <= COMPOSE_V1_TOP_LEVEL


def test_the_docs_give_compose_the_project_name() -> None:
    """Without "name:" in the file, compose names the project after the directory
    ("deploy"): every compose command of the docs and of the file's own comment says -p."""
    lines = [
        line
        for path in (ROOT / "docs" / "DEPLOYMENT.md", DEPLOY / "compose.yaml")
        for line in path.read_text().splitlines()
        if re.search(r"\b(podman|docker) compose -|docker-compose -", line)
    ]
    assert lines
    for line in lines:
        assert "-p meldpunt" in line or "COMPOSE_PROJECT_NAME=meldpunt" in line, line


def test_docker_compose_v1_accepts_the_file(tmp_path: Path) -> None:
    if not shutil.which("docker-compose"):
        skip_missing_service("docker-compose", "Compose v1 reading the file")
    shutil.copytree(DEPLOY, tmp_path / "deploy")
    (tmp_path / "deploy" / "meldpunt.env").write_text(f"DJANGO_ALLOWED_HOSTS={HOST}\n")
    docker_compose = shutil.which("docker-compose")
    assert docker_compose
    result = subprocess.run(  # noqa: S603 (docker-compose on our own file)
        [docker_compose, "-p", "meldpunt", "-f", "deploy/compose.yaml", "config", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_compose_has_workers_database_redis_scheduler_and_proxy() -> None:
    services = compose()["services"]
    assert {"app", "db", "redis", "scheduler", "proxy", "migrate"} <= set(services)
    _build, final = containerfile_stages()
    assert services["app"]["command"] == exec_form(final.all("CMD")[-1])
    assert services["scheduler"]["command"] == ["python", "manage.py", "scheduler"]
    assert services["redis"]["command"][:5] == ["redis-server", "--save", "", "--appendonly", "no"]


def test_compose_gives_the_app_the_image_s_health_check() -> None:
    """The proxy waits for a healthy app; Podman builds OCI images, which drop the
    Containerfile's HEALTHCHECK (scripts/image_drill.sh saw it), so compose says it too."""
    _build, final = containerfile_stages()
    image_check = final.all("HEALTHCHECK")[-1]
    app = compose()["services"]["app"]
    assert app["healthcheck"]["test"] == ["CMD", *exec_form(image_check.split("CMD", 1)[1])]
    for option in ("interval", "timeout", "retries"):
        assert f"--{option}={app['healthcheck'][option]} " in image_check, option
    assert compose()["services"]["proxy"]["depends_on"]["app"] == {"condition": "service_healthy"}


def test_compose_s_redis_takes_the_app_s_connections() -> None:
    """Redis 7 in protected mode, with no password for its default user, refuses every
    client but the loopback ("DENIED Redis is running in protected mode"): the app in its
    own container got that from the compose file's Redis in scripts/image_drill.sh."""
    command = compose()["services"]["redis"]["command"]
    assert "--requirepass" not in command
    assert command[command.index("--protected-mode") + 1] == "no"
    assert compose()["networks"]["internal"]["internal"] is True


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
    assert recorded_jobs(production) == set(settings.MELDPUNT_JOBS)


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
    # nginx writes a request's line once it has sent the answer: the refused handshake's
    # can land just after the client has read it (a CI run under load, 4 December 2026).
    deadline = time.monotonic() + 10
    log = (logs / "meldpunt.log").read_text()
    while "/ws/medewerkers/chat/" not in log and time.monotonic() < deadline:
        time.sleep(0.1)
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


def test_the_job_unit_runs_a_timer_s_job(production: Production) -> None:
    """The job template's command, for the first timer's job. Every timer names a job
    (test_every_job_has_a_timer), and every job runs as this same ``manage.py <job>``
    in the scheduler's run (test_the_scheduler_and_migrate_commands_run), so one instance
    shows the template works without starting a process per job."""
    timer = sorted(UNITS.glob("*.timer"))[0]
    job = unit(timer.name)["Timer"]["Unit"].removeprefix("meldpunt-job@").split(".")[0]
    args = unit_command("meldpunt-job@.service", production, instance=job)
    with sqlite3.connect(production.home / "db.sqlite3") as db:
        db.execute("DELETE FROM meldpunt_lib_jobrun WHERE name = ?", (job,))
    done = production.run(shlex.join(args))
    assert done.returncode == 0, (job, done.stderr)
    assert job in recorded_jobs(production)


# The Debian steps of docs/DEPLOYMENT.md (done for real by scripts/debian_drill.sh) ------

DEPLOYMENT = (ROOT / "docs" / "DEPLOYMENT.md").read_text()
DEBIAN_STEPS = DEPLOYMENT.split("## Debian with systemd, step by step", 1)[1].split("\n## ", 1)[0]


def debian_env_file() -> dict[str, str]:
    """The lines the step by step writes to /etc/meldpunt/env."""
    block = DEBIAN_STEPS.split("cat > /etc/meldpunt/env <<'ENV'\n", 1)[1].split("\nENV\n", 1)[0]
    return dict(line.split("=", 1) for line in block.splitlines())


def test_the_debian_environment_passes_check_deploy(production: Production) -> None:
    """The step by step says check --deploy prints "no issues" with its environment."""
    env = {**production.env, **debian_env_file()}
    # The server's paths and services stay the test's own.
    env["MELDPUNT_VAR_DIR"] = production.env["MELDPUNT_VAR_DIR"]
    env.pop("REDIS_URL", None)
    done = production.run(
        f"{sys.executable} manage.py check --deploy --fail-level WARNING", env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_the_python_of_the_debian_release_is_admitted() -> None:
    """The step by step uses Debian's python3; pyproject must admit it (and CI's 3.12)."""
    import tomllib

    from packaging.specifiers import SpecifierSet

    requires = SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    )
    release = re.search(r"On Debian (\d+) \(\w+\), whose python3 is (3\.\d+)", DEBIAN_STEPS)
    assert release, "the step by step names its Debian release and that release's python3"
    assert requires.contains(f"{release.group(2)}.0")
    assert requires.contains("3.12.0")
