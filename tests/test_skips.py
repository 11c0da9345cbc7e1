"""The skip rule (tests/skips.py): a skip for a missing service passes, any other fails the run."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.skips import MISSING_SERVICE, is_for_missing_service

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ["-p", "tests.skips", "-p", "no:django", "-p", "no:xdist", "-p", "no:cacheprovider"]


def _run(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    """A pytest run of its own, with only the skip rule loaded, over one test file."""
    (tmp_path / "test_probe.py").write_text(
        f"import pytest\nfrom tests.skips import skip_missing_service\n\n\n{body}\n"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", "-q", "-rs", *PLUGINS, str(tmp_path)],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_reasons_for_a_missing_service_are_accepted_others_not() -> None:
    """Only reasons that begin with the agreed words count as a missing service."""
    assert is_for_missing_service(f"{MISSING_SERVICE}PostgreSQL (row locks)")
    assert not is_for_missing_service("the chat was closed")
    assert not is_for_missing_service(f"the chat was closed; {MISSING_SERVICE}Redis")


def test_a_skip_for_a_missing_service_passes(tmp_path: Path) -> None:
    """The run succeeds and still prints the reason."""
    result = _run(
        tmp_path, 'def test_probe():\n    skip_missing_service("Redis", "workers talk through it")'
    )
    assert result.returncode == 0, result.stdout
    assert f"{MISSING_SERVICE}Redis (workers talk through it)" in result.stdout


def test_any_other_skip_fails_the_run_and_is_named(tmp_path: Path) -> None:
    """A test that skips because the page was not as it expected makes the run fail."""
    result = _run(
        tmp_path,
        "def test_passes():\n    pass\n\n\n"
        'def test_probe():\n    pytest.skip("the chat was closed")',
    )
    assert result.returncode == 1, result.stdout
    assert "skips not for a missing service" in result.stdout
    assert "test_probe.py::test_probe: the chat was closed" in result.stdout


def _literal_skip_reasons(source: str) -> list[str]:
    """The reasons written as plain text in ``pytest.skip(...)``, ``pytest.mark.skip(...)``
    and ``pytest.mark.skipif(...)`` calls of ``source``."""
    reasons = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr not in {"skip", "skipif"}:
            continue
        given = [k.value for k in node.keywords if k.arg in {"reason", "msg"}]
        if node.func.attr == "skip" and node.args:
            given.append(node.args[0])
        reasons += [
            v.value for v in given if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
    return reasons


def test_no_test_file_writes_a_skip_reason_that_the_run_refuses() -> None:
    """A skip written with a reason of its own fails the run only on a machine where it
    skips (a skipif on a missing docker-compose passed where it was installed and failed
    the run on a fresh machine, 4 December 2026); read from the source, it fails here."""
    wrong = {
        f"{path.relative_to(ROOT)}: {reason}"
        for path in (ROOT / "tests").rglob("*.py")
        for reason in _literal_skip_reasons(path.read_text(encoding="utf-8"))
        if not is_for_missing_service(reason)
    }
    assert wrong == set()
