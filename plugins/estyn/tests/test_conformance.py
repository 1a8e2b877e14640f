"""Estyn passes the conformance suite every regime plugin must pass, for each of its five frameworks.

Besides the test kit's sample cases (nothing judged, everything best, everything worst), each
framework is also run with the inspector's calls made, a follow-up category set by hand and
progress recorded, so that every rule and template meets the suite's checks.
"""

import datetime as dt

import attrs
import inspectorate_estyn.plugin
from inspectorate.model import FollowUpRecord, ProgressEntry
from inspectorate.testing import RegimeConformance, sample_cases


class TestEstynConformance(RegimeConformance):
    plugin = inspectorate_estyn.plugin
    regime_id = "estyn"

    def cases(self, framework, regime):
        cases = sample_cases(framework, nation="wales")
        worst = cases["worst"]
        areas = tuple(a.id for a in framework.areas)
        cases["calls-made"] = attrs.evolve(
            worst,
            inspector_calls={call: areas[:1] for call in framework.inspector_calls},
            follow_up=FollowUpRecord(category="special-measures", done={"monitoring-visit": dt.date(2025, 6, 1),
                                                                        "original-inspection": dt.date(2024, 3, 1)}),
            recommendations=[
                attrs.evolve(r, progress=[ProgressEntry(dt.date(2025, 3, 7), (framework.progress_scale or ("limited",))[-1])])
                for r in worst.recommendations
            ],
        )
        cases["planned"] = attrs.evolve(worst, dates=attrs.evolve(worst.dates, notified=None, end=None, published=None))
        return cases

    def test_the_suite_covers_every_framework(self, regime):
        assert {f.id for f in regime.frameworks} == {
            "estyn-cif-2010", "estyn-cif-2017", "estyn-2022", "estyn-2024", "estyn-consortium-follow-up-2017",
        }
        for framework in regime.frameworks:
            assert len(self.cases(framework, regime)) == 7  # the kit's five and two of Estyn's
