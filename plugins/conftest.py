"""Fixtures for the built-in plugins' tests: the guidance documents the rules cite, from the test kit."""

import pytest


@pytest.fixture
def tests_guidance_text(guidance_text):
    """The kit's ``guidance_text``, under the name the plugins' tests first used."""
    return guidance_text
