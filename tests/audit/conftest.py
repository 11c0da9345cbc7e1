"""The audit tests write entries about a case, opened as the cases tests open one."""

from tests.cases.conftest import make_case

__all__ = ["make_case"]
