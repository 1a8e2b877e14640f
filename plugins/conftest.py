"""Fixtures for the built-in plugins' tests: the guidance documents the rules cite."""

import pytest

from tests.support import GUIDANCE


@pytest.fixture
def tests_guidance_text():
    """Read a guidance document, whitespace folded so quotes that cross line breaks still match."""

    def read(name: str) -> str:
        path = GUIDANCE / name
        if not path.exists():
            pytest.skip(f"guidance folder not beside the checkout: {path}")
        return " ".join(path.read_text(encoding="utf-8").split())

    return read
