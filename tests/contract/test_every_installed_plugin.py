"""The conformance suite over every installed regime plugin, found through its entry point."""

from __future__ import annotations

from importlib import metadata

import pytest
from inspectorate.testing import RegimeConformance

INSTALLED = sorted(metadata.entry_points(group="inspectorate"), key=lambda ep: ep.name)


@pytest.fixture(params=INSTALLED, ids=[ep.name for ep in INSTALLED])
def installed(request):
    return request.param


class TestEveryInstalledPlugin(RegimeConformance):
    @pytest.fixture(autouse=True)
    def _select(self, installed):
        self.plugin = installed.load()
        self.regime_id = installed.name
