"""Settings helpers: typed environment variables (meldpunt/lib/env.py) and DATABASE_URL parsing
(meldpunt/lib/dburl.py)."""

from pathlib import Path

import pytest

from meldpunt.lib.dburl import database_from_url
from meldpunt.lib.env import EnvError, env_bool, env_int, env_list, env_secret, env_str

NAME = "MELDPUNT_TEST_VALUE"


@pytest.fixture(autouse=True)
def _unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)
    monkeypatch.delenv(f"{NAME}_FILE", raising=False)


def test_env_str_default_and_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset gives the default; set gives the text as is."""
    assert env_str(NAME, "standaard") == "standaard"
    monkeypatch.setenv(NAME, " tekst ")
    assert env_str(NAME, "standaard") == " tekst "


@pytest.mark.parametrize("raw", ["1", "true", "TRUE", "yes", "on", " True "])
def test_env_bool_true_words(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    """The usual words for yes, in any case and with spaces, are True."""
    monkeypatch.setenv(NAME, raw)
    assert env_bool(NAME, False) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_env_bool_false_words(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    """The usual words for no, and an empty value, are False."""
    monkeypatch.setenv(NAME, raw)
    assert env_bool(NAME, True) is False


def test_env_bool_default_when_unset() -> None:
    """Unset gives the default, which is False unless stated."""
    assert env_bool(NAME) is False
    assert env_bool(NAME, True) is True


def test_env_bool_refuses_other_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo such as 'ja' stops start-up instead of silently meaning False."""
    monkeypatch.setenv(NAME, "ja")
    with pytest.raises(EnvError, match=NAME):
        env_bool(NAME)


def test_env_int(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole numbers are read; unset or empty gives the default."""
    assert env_int(NAME, 7) == 7
    monkeypatch.setenv(NAME, "")
    assert env_int(NAME, 7) == 7
    monkeypatch.setenv(NAME, " 42 ")
    assert env_int(NAME, 7) == 42
    monkeypatch.setenv(NAME, "-3")
    assert env_int(NAME, 7) == -3


@pytest.mark.parametrize("raw", ["twee", "2.5", "1e3"])
def test_env_int_refuses_non_numbers(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    """Anything but a whole number is refused with the variable's name in the message."""
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(EnvError, match=NAME):
        env_int(NAME, 0)


def test_env_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """Comma-separated, spaces trimmed, empty items dropped; unset gives a copy of the default."""
    default = ["a"]
    result = env_list(NAME, default)
    assert result == ["a"]
    assert result is not default
    assert env_list(NAME) == []
    monkeypatch.setenv(NAME, " meldpunt.example , www.meldpunt.example,, ")
    assert env_list(NAME, default) == ["meldpunt.example", "www.meldpunt.example"]
    monkeypatch.setenv(NAME, "")
    assert env_list(NAME, default) == []


def test_env_secret_from_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain variable is used as is; unset or empty gives None."""
    assert env_secret(NAME) is None
    monkeypatch.setenv(NAME, "")
    assert env_secret(NAME) is None
    monkeypatch.setenv(NAME, "geheim")
    assert env_secret(NAME) == "geheim"


def test_env_secret_from_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """NAME_FILE names a file whose content (without the trailing newline) is the secret."""
    secret = tmp_path / "secret"
    secret.write_text("uit-een-bestand\n", encoding="utf-8")
    monkeypatch.setenv(f"{NAME}_FILE", str(secret))
    assert env_secret(NAME) == "uit-een-bestand"


def test_env_secret_empty_file_is_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An empty file counts as not set, so the 'must be set' checks still fire."""
    secret = tmp_path / "secret"
    secret.write_text("\n", encoding="utf-8")
    monkeypatch.setenv(f"{NAME}_FILE", str(secret))
    assert env_secret(NAME) is None


def test_env_secret_missing_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file that cannot be read stops start-up, naming the variable but not the secret."""
    monkeypatch.setenv(f"{NAME}_FILE", str(tmp_path / "ontbreekt"))
    with pytest.raises(EnvError, match=f"{NAME}_FILE"):
        env_secret(NAME)


def test_env_secret_both_set_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Variable and file together are refused: which one wins would be a guess."""
    secret = tmp_path / "secret"
    secret.write_text("uit-een-bestand", encoding="utf-8")
    monkeypatch.setenv(NAME, "geheim")
    monkeypatch.setenv(f"{NAME}_FILE", str(secret))
    with pytest.raises(EnvError, match="not both") as caught:
        env_secret(NAME)
    assert "geheim" not in str(caught.value)


def test_postgres_url() -> None:
    """User, password, host, port, database and query options all arrive, percent-decoded."""
    config = database_from_url(
        "postgres://meldpunt_app:p%40ss%2Fw0rd@db.internal:6432/meldpunt?sslmode=require"
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "meldpunt"
    assert config["USER"] == "meldpunt_app"
    assert config["PASSWORD"] == "p@ss/w0rd"
    assert config["HOST"] == "db.internal"
    assert config["PORT"] == "6432"
    assert config["OPTIONS"] == {"sslmode": "require"}
    assert config["CONN_MAX_AGE"] == 0


def test_postgres_pool_keeps_url_options() -> None:
    """A pool size gives a psycopg pool of at most that size next to the URL's options."""
    config = database_from_url("postgres://db/meldpunt?sslmode=require", pool_size=10)
    assert config["OPTIONS"] == {
        "sslmode": "require",
        "pool": {"min_size": 10, "max_size": 10, "timeout": 10},
    }
    assert config["CONN_MAX_AGE"] == 0


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "pgsql", "POSTGRES"])
def test_postgres_scheme_spellings(scheme: str) -> None:
    """All common spellings of the scheme select PostgreSQL."""
    config = database_from_url(f"{scheme}://postgres@127.0.0.1/meldpunt_h1")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "meldpunt_h1"
    assert config["PASSWORD"] == ""
    assert config["PORT"] == ""


def test_postgres_url_without_database_name_uses_meldpunt() -> None:
    """No path means the database called meldpunt."""
    assert database_from_url("postgres://localhost")["NAME"] == "meldpunt"


def test_sqlite_absolute_and_relative_paths() -> None:
    """Four slashes mean an absolute path, three a relative one."""
    assert database_from_url("sqlite:////var/lib/meldpunt/db.sqlite3") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/var/lib/meldpunt/db.sqlite3",
    }
    assert database_from_url("sqlite:///var/db.sqlite3")["NAME"] == "var/db.sqlite3"


def test_sqlite_without_path_is_in_memory() -> None:
    """sqlite:// alone gives an in-memory database."""
    assert database_from_url("sqlite://")["NAME"] == ":memory:"


@pytest.mark.parametrize("url", ["mysql://root@localhost/meldpunt", "meldpunt.sqlite3"])
def test_unsupported_scheme_is_refused(url: str) -> None:
    """Only PostgreSQL and SQLite are supported; anything else stops start-up."""
    with pytest.raises(ValueError, match="unsupported scheme"):
        database_from_url(url)
