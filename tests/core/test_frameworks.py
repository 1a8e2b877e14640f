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


# -- sentences: a plain string (English) or a table by language ---------------------------------------

SENTENCES_IN_ENGLISH = GOOD.replace('sectors = ["school"]\n', '''sectors = ["school"]
summary = "One area, graded."
follow_up_options_title = "Support agreed"

[inspector_calls]
weak-leadership = "The team judges leadership weak."

[follow_up_options]
visit = "a further visit"

[settings.anchor]
default = "end"
readings = { end = "count from the last day", start = "count from the first day" }
''', 1)

SENTENCES_BY_LANGUAGE = GOOD.replace('sectors = ["school"]\n', '''sectors = ["school"]
summary = { en = "One area, graded.", cy = "Un maes, wedi'i raddio." }
follow_up_options_title = { en = "Support agreed", cy = "Cymorth y cytunwyd arno" }

[inspector_calls]
weak-leadership = { en = "The team judges leadership weak.", cy = "Mae'r tîm yn barnu bod yr arweinyddiaeth yn wan." }

[follow_up_options]
visit = { en = "a further visit", cy = "ymweliad pellach" }

[settings.anchor]
default = "end"

[settings.anchor.readings]
end = { en = "count from the last day", cy = "cyfrif o'r diwrnod olaf" }
start = { en = "count from the first day" }
''', 1)


def _shown(framework):
    return (framework.summary_text(), framework.call_text("weak-leadership"), framework.option_text("visit"),
            framework.options_title(), framework.reading_text("anchor", "end"), framework.reading_text("anchor", "start"))


ENGLISH = ("One area, graded.", "The team judges leadership weak.", "a further visit", "Support agreed",
           "count from the last day", "count from the first day")


def test_a_sentence_given_as_a_string_is_english_in_every_language(tmp_path):
    from inspectorate.i18n import speaking

    framework = _load(tmp_path, SENTENCES_IN_ENGLISH)
    assert framework.summary == {"en": "One area, graded."}
    assert framework.settings["anchor"] == {"default": "end", "readings": {"end": {"en": "count from the last day"},
                                                                           "start": {"en": "count from the first day"}}}
    assert _shown(framework) == ENGLISH
    with speaking("cy"):
        assert _shown(framework) == ENGLISH


def test_a_sentence_given_by_language_is_shown_in_the_language_spoken(tmp_path):
    from inspectorate.i18n import speaking

    framework = _load(tmp_path, SENTENCES_BY_LANGUAGE)
    with speaking("en"):
        assert _shown(framework) == ENGLISH
    with speaking("cy"):
        assert _shown(framework) == ("Un maes, wedi'i raddio.", "Mae'r tîm yn barnu bod yr arweinyddiaeth yn wan.",
                                     "ymweliad pellach", "Cymorth y cytunwyd arno", "cyfrif o'r diwrnod olaf",
                                     "count from the first day")  # no Welsh given: the English
    assert framework.reading_text("anchor", "end", "en") == "count from the last day"
    assert framework.call_text("no-such-call") == framework.reading_text("anchor", "no-such-reading") == ""


def test_a_framework_built_in_code_takes_plain_strings_as_english():
    from inspectorate.frameworks import Framework
    from inspectorate.i18n import speaking

    framework = Framework(id="toy-1", regime="toy", names={"en": "Toy"}, sectors=["school"], summary="Plain.",
                          inspector_calls={"call": "A call."}, follow_up_options={"visit": {"en": "a visit", "cy": "ymweliad"}},
                          settings={"anchor": {"default": "end", "readings": {"end": "from the end"}}})
    assert framework.follow_up_options_title == {}
    with speaking("cy"):
        assert (framework.summary_text(), framework.call_text("call"), framework.option_text("visit"),
                framework.reading_text("anchor", "end"), framework.options_title()) == (
            "Plain.", "A call.", "ymweliad", "from the end", "")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (('summary = { en = "One area, graded.", cy = "Un maes, wedi\'i raddio." }', "summary = 3"), 5,
         'summary: expected a string or a table by language like { en = "...", cy = "..." }, got an integer'),
        (('cy = "Un maes, wedi\'i raddio."', "cy = true"), 5, "summary.cy: expected a string, got a boolean"),
        (('cy = "Un maes, wedi\'i raddio."', 'fr = "Une zone"'), 5, "summary.fr: 'fr' is not a language: use en, cy"),
        (('cy = "Mae\'r tîm yn barnu bod yr arweinyddiaeth yn wan."', "cy = 2"), 9,
         "inspector_calls.weak-leadership.cy: expected a string, got an integer"),
        (('visit = { en = "a further visit", cy = "ymweliad pellach" }', 'visit = ["a further visit"]'), 12,
         'follow_up_options.visit: expected a string or a table by language like { en = "...", cy = "..." }, got a list'),
        (('start = { en = "count from the first day" }', "start = 45"), 19,
         'settings.anchor.readings.start: expected a string or a table by language like { en = "...", cy = "..." }, got an integer'),
        (('default = "end"', "default = 1"), 15, "settings.anchor.default: expected a string, got an integer"),
    ],
)
def test_a_sentence_of_the_wrong_type_names_the_file_the_line_and_the_key(tmp_path, change, line, message):
    assert change[0] in SENTENCES_BY_LANGUAGE
    with pytest.raises(FrameworkDataError) as caught:
        _load(tmp_path, SENTENCES_BY_LANGUAGE.replace(*change, 1))
    assert str(caught.value).splitlines()[0] == f"{tmp_path / 'toy-1.toml'}:{line}: {message}"


def test_frameworks_json_keeps_each_reading_in_english_and_gives_every_language_beside(tmp_path):
    from inspectorate.describe import framework_to_json

    setting = framework_to_json(_load(tmp_path, SENTENCES_BY_LANGUAGE))["settings"]["anchor"]
    assert setting == {
        "default": "end",
        "readings": {"end": "count from the last day", "start": "count from the first day"},
        "readings_by_language": {"end": {"en": "count from the last day", "cy": "cyfrif o'r diwrnod olaf"},
                                 "start": {"en": "count from the first day"}},
    }
