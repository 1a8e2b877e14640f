"""Shared fixtures for the Estyn tests: a strict host with the Estyn plugin alone, and case builders."""

import attrs
import inspectorate_estyn.plugin as estyn
import pytest
from inspectorate.testing import make_case, make_host


@pytest.fixture
def host():
    return make_host(estyn=estyn)


@pytest.fixture
def case_for(host):
    """A Welsh case under a framework id, with the test kit's spring 2025 dates, changed as given."""

    def build(framework_id, **changes):
        case = make_case(host.framework(framework_id), nation="wales")
        provider = changes.pop("provider", {})
        if provider:
            changes["provider"] = attrs.evolve(case.provider, **provider)
        dates = changes.pop("dates", {})
        if dates:
            changes["dates"] = attrs.evolve(case.dates, **dates)
        return attrs.evolve(case, **changes)

    return build

