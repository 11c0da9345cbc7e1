"""Fixtures shared by every test."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    """Rate limits and drafts live in the cache; no test may see another's."""
    cache.clear()
    yield
    cache.clear()
