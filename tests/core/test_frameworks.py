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
    ("change", "line", "message"),
    [
        (('scale = "four"', 'scael = "four"'), 16, "areas[0].scael: unknown key (did you mean 'scale'?)"),
        (('{ id = "weak", names = { en = "Weak" } }', '{ id = "weak" }'), 10, "scales[0].grades[1].names: missing: names is required"),
        (('sectors = ["school"]', 'sector = ["school"]'), 4, "sector: unknown key (did you mean 'sectors'?)"),
        (('id = "toy-1"\n', ""), None, "id: missing: id is required"),
        (('sectors = ["school"]', 'sectors = "school"'), 4, 'sectors: expected a list, got a string (write ["school"])'),
        (('{ id = "good", names = { en = "Good" } }', '{ id = "good", names = { en = 1 } }'), 9,
         "scales[0].grades[0].names.en: expected a string, got an integer"),
    ],
)
def test_a_mistake_names_the_file_the_line_and_the_key(tmp_path, change, line, message):
    with pytest.raises(FrameworkDataError) as caught:
        _load(tmp_path, GOOD.replace(*change, 1))
    where = tmp_path / "toy-1.toml"
    first = str(caught.value).splitlines()[0]  # a misspelt key is also a missing one: both are said
    assert first == (f"{where}: {message}" if line is None else f"{where}:{line}: {message}")


def test_every_mistake_is_reported_at_once(tmp_path):
    text = GOOD.replace('scale = "four"', 'scael = "four"').replace('{ id = "weak", names = { en = "Weak" } }', '{ id = "weak" }')
    with pytest.raises(FrameworkDataError) as caught:
        _load(tmp_path, text)
    assert [(p.line, p.key) for p in caught.value.problems] == [(10, "scales[0].grades[1].names"), (16, "areas[0].scael")]


def test_a_toml_syntax_error_names_the_file_and_line(tmp_path):
    with pytest.raises(FrameworkDataError, match=r"toy-1.toml:2: .*not valid TOML"):
        _load(tmp_path, 'id = "x"\nnames = {\n')


def test_a_scale_orders_its_grades_by_rank_and_says_where_a_grade_stands():
    from inspectorate.frameworks import Grade, Scale

    scale = Scale("s", [Grade("weak", {"en": "Weak"}, 3), Grade("strong", {"en": "Strong"}, 1), Grade("sound", {"en": "Sound"}, 2)])
    assert [g.id for g in scale.best_first] == ["strong", "sound", "weak"]
    assert (scale.place("strong"), scale.place("weak"), scale.place("unknown")) == (0, 2, None)
