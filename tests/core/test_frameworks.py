"""Framework data files: a plugin author's mistake is named by file and key."""

from __future__ import annotations

import pytest

from inspectorate.frameworks import FrameworkDataError, framework_from_toml

GOOD = """
id = "toy-1"
names = { en = "Toy" }
sectors = ["school"]

[[scales]]
id = "four"
grades = [
  { id = "good", names = { en = "Good" } },
  { id = "weak", names = { en = "Weak" } },
]

[[areas]]
id = "teaching"
names = { en = "Teaching" }
scale = "four"
"""


def _load(tmp_path, text):
    path = tmp_path / "toy-1.toml"
    path.write_text(text, encoding="utf-8")
    return framework_from_toml(path, regime="toy")


def test_grades_are_ranked_best_first_in_the_order_written(tmp_path):
    framework = _load(tmp_path, GOOD)
    assert [(g.id, g.rank) for g in framework.scale("four").grades] == [("good", 1), ("weak", 2)]
    assert framework.scale_for("teaching").id == "four"
    assert framework.regime == "toy"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('scale = "four"', 'scael = "four"'), "areas[0].scael: unknown key"),
        (('{ id = "weak", names = { en = "Weak" } }', '{ id = "weak" }'), "scales[0].grades[1].names: missing"),
        (('sectors = ["school"]', 'sector = ["school"]'), "framework.sector: unknown key"),
        (('id = "toy-1"\n', ""), "framework.id: missing"),
    ],
)
def test_a_mistake_names_the_file_and_the_key(tmp_path, change, message):
    with pytest.raises(FrameworkDataError) as caught:
        _load(tmp_path, GOOD.replace(*change, 1))
    assert str(caught.value) == f"{tmp_path / 'toy-1.toml'}: {message}"


def test_a_toml_syntax_error_names_the_file_and_line(tmp_path):
    with pytest.raises(FrameworkDataError, match=r"toy-1.toml: .*line 2"):
        _load(tmp_path, 'id = "x"\nnames = {\n')


def test_a_scale_orders_its_grades_by_rank_and_says_where_a_grade_stands():
    from inspectorate.frameworks import Grade, Scale

    scale = Scale("s", [Grade("weak", {"en": "Weak"}, 3), Grade("strong", {"en": "Strong"}, 1), Grade("sound", {"en": "Sound"}, 2)])
    assert [g.id for g in scale.best_first] == ["strong", "sound", "weak"]
    assert (scale.place("strong"), scale.place("weak"), scale.place("unknown")) == (0, 2, None)
