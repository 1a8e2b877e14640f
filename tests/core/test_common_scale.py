"""Grades between scales of different numbers of points travel through the common scale
(hook API 1.3's ``map_grade_scale``): a regime says how its scale maps onto it, or its grades are
listed as not carried, with the reason."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from inspectorate import hookimpl
from inspectorate.compare import compare_case
from inspectorate.compare.mapping import carry_grade
from inspectorate.compare.scales import COMMON_SCALE, ScaleMapping, by_place, common_mapping
from inspectorate.frameworks import Area, Framework, Grade, Regime, Scale
from inspectorate.model import Judgement
from inspectorate.plugins import PluginError
from inspectorate.testing import make_case, make_host, toy

TODAY = dt.date(2026, 6, 1)

FOUR = Scale(
    id="four-point",
    grades=[
        Grade(id="outstanding", names={"en": "Outstanding"}, rank=1, symbol="1"),
        Grade(id="good", names={"en": "Good"}, rank=2, symbol="2"),
        Grade(id="requires-improvement", names={"en": "Requires improvement"}, rank=3, symbol="3"),
        Grade(id="inadequate", names={"en": "Inadequate"}, rank=4, symbol="4"),
    ],
)
FOUR_POINT = Framework(
    id="four-2026",
    regime="four",
    names={"en": "Four-point framework"},
    sectors=["school"],
    scales=[FOUR],
    areas=[Area(id="teaching-quality", names={"en": "Teaching quality"}, scale=FOUR.id, themes=["teaching"])],
    evidence_kinds=["strength", "area-for-improvement"],
    visit_kinds=["inspection"],
)


def _regime_plugin():
    plugin = types.SimpleNamespace()
    plugin.register_regimes = hookimpl(
        lambda register: register(Regime(id="four", names={"en": "Four"}, nations=["england"], frameworks=[FOUR_POINT]))
    )
    return plugin


def _mapping_plugin(to_common, from_common):
    def map_grade_scale(framework, scale):
        if scale.id != toy.SCALE.id:
            return None
        return ScaleMapping(scale=scale.id, to_common=to_common, from_common=from_common, basis="the toy's reading")

    return types.SimpleNamespace(map_grade_scale=hookimpl(map_grade_scale))


WHOLE = _mapping_plugin(
    {"strong": "excellent", "sound": "good", "weak": "inadequate"},
    {"excellent": "strong", "good": "sound", "needs-improvement": "weak", "inadequate": "weak"},
)


def test_a_four_point_scale_maps_onto_the_common_scale_by_place_and_others_do_not():
    mapping = by_place(FOUR)
    assert list(mapping.to_common.values()) == list(COMMON_SCALE)
    assert mapping.from_common["needs-improvement"] == "requires-improvement"
    assert by_place(toy.SCALE) is None


def test_without_a_mapping_the_grade_is_not_carried_and_the_reason_names_the_silent_regime():
    host = make_host(toy=toy, four=_regime_plugin())
    carried = carry_grade(
        Judgement("teaching-quality", "good"), FOUR_POINT, toy.FRAMEWORK, "school", "same-place",
        lambda f, s: common_mapping(host, f, s),
    )
    assert carried.carried is None
    assert carried.reason == (
        "the scales differ (4 points against 3) and toy-2026 does not say how its scale 'toy-3-point' maps onto the common scale"
    )


def test_a_regime_that_maps_its_scale_gives_and_receives_grades_in_a_comparison():
    host = make_host(toy=toy, four=_regime_plugin(), mapping=WHOLE)
    case = make_case(toy.FRAMEWORK, judgements=[Judgement("teaching", "weak")])
    comparison = compare_case(host, case, ["four-2026"], TODAY)
    side = comparison.sides[1]
    assert [(j.area, j.grade) for j in side.case.judgements] == [("teaching-quality", "inadequate")]
    assert side.grades[0].reason.startswith(
        "through the common scale: Weak is Inadequate in toy-2026, which is Inadequate in four-2026"
    )
    # And back: a four-point grade received on the three-point scale.
    four_case = make_case(FOUR_POINT, judgements=[Judgement("teaching-quality", "requires-improvement")])
    back = compare_case(host, four_case, ["toy-2026"], TODAY).sides[1]
    assert ("teaching", "weak") in [(j.area, j.grade) for j in back.case.judgements]


def test_a_mapping_that_leaves_out_a_grade_is_reported_under_its_plugin_and_carries_nothing():
    partial = _mapping_plugin(
        {"strong": "excellent", "sound": "good"},
        {"excellent": "strong", "good": "sound", "needs-improvement": "weak", "inadequate": "weak"},
    )
    strict = make_host(toy=toy, four=_regime_plugin(), partial=partial)
    with pytest.raises(PluginError, match="gives no common level for grade 'weak'"):
        common_mapping(strict, toy.FRAMEWORK, toy.SCALE)
    lenient = make_host(toy=toy, four=_regime_plugin(), partial=partial, strict=False)
    case = make_case(toy.FRAMEWORK, judgements=[Judgement("teaching", "weak")])
    side = compare_case(lenient, case, ["four-2026"], TODAY).sides[1]
    assert side.case.judgements == ()
    assert "does not say how its scale 'toy-3-point' maps onto the common scale" in side.grades[0].reason
    assert any(p.plugin == "partial" and p.stage == "map_grade_scale" for p in lenient.problems)
