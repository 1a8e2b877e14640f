"""A person's own templates (the ``templates`` folder beside config.toml) add to and replace the
plugins' ones, and every template renders in the sandbox: no files, environment or internals, and
an error names the file, the line and what is wrong.

On the test kit's toy regime and its report, except where the point is a plugin's own template:
replacing Estyn's letter keeps its macros and its messages in two languages (the toy's report has
neither), and the README's example is written for Ofsted's framework."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import inspectorate_estyn.plugin as estyn
import inspectorate_ofsted.plugin as ofsted
import pytest
from inspectorate.casefile import read_case_file, write_case_file
from inspectorate.drafting import draft_report, find_template, report_templates
from inspectorate.reports import ReportError, ReportTemplate, render
from inspectorate.testing import make_host, toy
from inspectorate.user_templates import user_templates_dir

from tests.support import ROOT

EXAMPLES = ROOT / "docs" / "examples"
OFSTED_CASE = EXAMPLES / "ofsted-eif-2019-state-school-2024.toml"
ESTYN_CASE = EXAMPLES / "estyn-2022-safeguarding-concern.toml"
CASE = toy.case("Toy Primary School")
DAY = dt.date(2025, 1, 6)
SECRET = "the-secret-in-the-environment-7741"

NOTICE_TOML = """\
frameworks = ["toy-2026"]
kind = "letter"
title = "Notice of visit"
required_sections = ["introduction"]

[messages.en]
greeting = "Dear {name}"
"""
NOTICE_TEXT = """\
# {{ template.title(lang) }}

<!-- section: introduction -->
{{ t("greeting", name=provider.name) }}

We will visit on {{ dated | longdate }}.
"""


@pytest.fixture
def host():
    return make_host(toy=toy)


@pytest.fixture
def estyn_host():
    return make_host(estyn=estyn)


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "toy.toml"
    write_case_file(CASE, path, make_host(toy=toy))
    return path


@pytest.fixture
def folder():
    """The person's templates folder (the config folder is the test's own, see conftest)."""
    path = user_templates_dir()
    path.mkdir(parents=True)
    return path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def notice(folder: Path, text: str = NOTICE_TEXT, toml: str = NOTICE_TOML) -> Path:
    write(folder, "notice-of-visit.toml", toml)
    return write(folder, "notice-of-visit.en.md.j2", text)


def test_the_folder_is_templates_beside_config_toml(cli):
    config = Path(cli("locate", "config").stdout.strip())
    assert cli("locate", "templates").stdout.strip() == str(config / "templates")


def test_a_template_of_ones_own_is_offered_for_its_framework_and_drafts(host, folder):
    notice(folder)
    case = CASE
    offered = [t.id for t in report_templates(host) if case.framework in t.frameworks]
    assert set(offered) == {"toy-report", "notice-of-visit"}  # the plugin's and one's own
    drafted = draft_report(host, case, "notice-of-visit", "en", DAY)
    assert drafted.text.startswith("# Notice of visit\n")
    assert f"Dear {case.provider.name}\n\nWe will visit on 6 January 2025." in drafted.text
    assert drafted.findings == ()  # its required section is there and holds words
    assert find_template(host, "notice-of-visit").kind == "letter"


def test_the_command_line_drafts_it_and_lists_where_each_template_comes_from(toy_cli, folder, case_file):
    notice(folder)
    drafted = toy_cli("report", str(case_file), "--template", "notice-of-visit", "--today", "2025-01-06")
    assert drafted.returncode == 0, drafted.stderr
    assert "We will visit on 6 January 2025." in drafted.stdout
    listed = toy_cli("templates")
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if line.startswith("notice-of-visit "))
    assert f"[yours: {folder / 'notice-of-visit.toml'}]" in line and "toy-2026" in line
    assert "[plugin toy]" in next(line for line in listed.stdout.splitlines() if line.startswith("toy-report"))
    assert listed.stdout.splitlines()[-1] == f"your templates: {folder}"
    rows = {row["id"]: row for row in json.loads(toy_cli("templates", "--json").stdout)}
    assert rows["notice-of-visit"]["file"] == str(folder / "notice-of-visit.en.md.j2")
    assert rows["toy-report"]["from"] == "plugin toy"


def test_ones_own_version_of_a_plugins_template_replaces_it_keeping_its_macros_and_messages(estyn_host, folder, cli):
    host = estyn_host
    plugin_text = (Path(estyn.__file__).parent / "templates" / "estyn-wellbeing-letter.md.j2").read_text(encoding="utf-8")
    # One line added under the title; the rest (its import of the plugin's macros, its t() calls) as the plugin has it.
    title = '# {{ _("Wellbeing letter: safeguarding") }}\n'
    write(folder, "estyn-wellbeing-letter.md.j2", plugin_text.replace(title, title + '\n{{ t("our-note") }}\n', 1))
    write(folder, "estyn-wellbeing-letter.toml",
          '[messages.en]\nour-note = "Kept by the team."\n[messages.cy]\nour-note = "Cadwyd gan y tîm."\n')
    case = read_case_file(ESTYN_CASE, host)
    template = find_template(host, "estyn-wellbeing-letter")
    assert template.directory == folder and template.languages == ("en", "cy") and template.kind == "letter"
    english = draft_report(host, case, "estyn-wellbeing-letter", "en", DAY).text
    welsh = draft_report(host, case, "estyn-wellbeing-letter", "cy", DAY).text
    assert "Kept by the team." in english and "Cadwyd gan y tîm." in welsh
    assert english.startswith("# Wellbeing letter") and "Dear " in english  # the plugin's messages stand
    assert [t.id for t in report_templates(host)].count("estyn-wellbeing-letter") == 1
    line = next(line for line in cli("templates").stdout.splitlines() if line.startswith("estyn-wellbeing-letter"))
    assert line.endswith(f"[yours: {folder / 'estyn-wellbeing-letter.toml'}, in place of plugin estyn's]")


def test_a_file_that_cannot_be_used_names_file_line_and_key_and_its_id_is_refused(host, folder, toy_cli, case_file):
    write(folder, "toy-report.md.j2", "# Ours\n")
    write(folder, "toy-report.toml", 'kind = "leter"\n\n[word_limits.overview]\nmaximum = "300"\n')
    write(folder, "inspection-notes.toml", 'frameworks = ["toy-2062"]\ncolour = "blue"\n')
    write(folder, "inspection-notes.en.md.j2", "notes\n")
    write(folder, "no-text.toml", 'frameworks = ["toy-2026"]\n')
    write(folder, "not-toml.toml", 'frameworks = ["toy-2026"]\nkind = letter\n')
    write(folder, "new-one.toml", 'kind = "letter"\n')
    write(folder, "new-one.md.j2", "text\n")
    from inspectorate.user_templates import templates

    found = templates(host)
    assert set(found.refused) == {"toy-report", "inspection-notes", "no-text", "not-toml", "new-one"}
    problems = "\n".join(found.problems)
    assert f"{folder / 'toy-report.toml'}:1: kind: must be one of report, letter, proforma, not 'leter'" in problems
    assert f"{folder / 'toy-report.toml'}:4: word_limits.overview.maximum: must be a whole number of words" in problems
    assert f"{folder / 'inspection-notes.toml'}:1: frameworks[0]: no framework 'toy-2062' is loaded (did you mean 'toy-2026'?)" in problems
    assert f"{folder / 'inspection-notes.toml'}:2: colour: unknown key" in problems
    assert f"{folder / 'no-text.toml'}: no text beside it: write no-text.md.j2" in problems
    assert f"{folder / 'not-toml.toml'}:2: not valid TOML" in problems
    assert f"{folder / 'new-one.toml'}: frameworks: missing" in problems
    # The plugin's report is not drafted in place of the person's broken one.
    with pytest.raises(ReportError, match="your template 'toy-report' cannot be used: .*kind: must be one of"):
        draft_report(host, CASE, "toy-report", "en", DAY)
    assert "toy-report" not in [t.id for t in report_templates(host) if t.directory == folder]
    result = toy_cli("report", str(case_file), "--template", "toy-report")
    assert result.returncode == 1 and "inspectorate: error: your template 'toy-report' cannot be used" in result.stderr
    listed = toy_cli("templates")
    assert f"inspectorate: warning: {folder / 'inspection-notes.toml'}:2: colour: unknown key" in listed.stderr
    assert listed.stdout.splitlines()[-1].startswith(f"your templates: {folder} (not used, see the warnings: ")


def test_a_template_edited_after_it_was_read_is_drafted_as_it_now_is(host, folder):
    path = notice(folder)
    case = CASE
    assert "We will visit" in draft_report(host, case, "notice-of-visit", "en", DAY).text
    path.write_text(NOTICE_TEXT.replace("We will visit", "The team visits") + "\n", encoding="utf-8")
    assert "The team visits" in draft_report(host, case, "notice-of-visit", "en", DAY).text


# -- the sandbox -----------------------------------------------------------------------------------

ESCAPES = {
    "include-absolute": ("{% include '/etc/passwd' %}", "no file '/etc/passwd' in the template's folders"),
    "include-up": ("{% include '../../../../../../etc/passwd' %}", "no file '../../../../../../etc/passwd'"),
    "import-up": ("{% import '../config.toml' as c %}", "no file '../config.toml'"),
    "open": ("{{ open('/etc/passwd').read() }}", "'open' is undefined"),
    "os-environ": ("{{ os.environ }}", "'os' is undefined"),
    "lipsum-globals": ("{{ lipsum.__globals__['os'].environ }}", "access to attribute '__globals__' of 'function' object is unsafe"),
    "cycler-globals": ("{{ cycler.__init__.__globals__.os.environ }}", "access to attribute '__init__'"),
    "joiner-globals": ("{{ joiner.__init__.__globals__['os'].environ['INSPECTORATE_SECRET'] }}", "access to attribute '__init__'"),
    "mro": ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe"),
    "subclasses": ("{{ ().__class__.__base__.__subclasses__() }}", "access to attribute '__class__' of 'tuple' object is unsafe"),
    "format-string": ("{{ '{0.__class__.__mro__}'.format(case) }}", "access to attribute '__class__' of 'Case' object is unsafe"),
    "function-globals": ("{{ grade_name.__globals__ }}", "access to attribute '__globals__'"),
    "template-folder": ("{{ template.directory.iterdir() | list }}", "has no attribute 'directory'"),
    "template-path": ("{{ template.path('en').read_text() }}", "has no attribute 'path'"),
}


@pytest.mark.parametrize("line, why", ESCAPES.values(), ids=ESCAPES.keys())
def test_a_template_cannot_read_files_the_environment_or_python_internals(host, folder, monkeypatch, line, why):
    monkeypatch.setenv("INSPECTORATE_SECRET", SECRET)
    path = notice(folder, NOTICE_TEXT + line + "\n")
    with pytest.raises(ReportError) as raised:
        draft_report(host, CASE, "notice-of-visit", "en", DAY)
    message = str(raised.value)
    assert message.startswith(f"template 'notice-of-visit' (en): {path}:7: ")  # the file and the line with the escape
    assert why in message
    assert SECRET not in message and "root:" not in message


def test_a_message_cannot_reach_internals_through_its_fields(host, folder):
    notice(folder, toml=NOTICE_TOML.replace("Dear {name}", "Dear {name.__class__.__mro__}"))
    said = r"notice-of-visit.en.md.j2:4: a message can only name plain values, as \{name\}, not \{name.__class__.__mro__\}"
    with pytest.raises(ReportError, match=said):
        draft_report(host, CASE, "notice-of-visit", "en", DAY)


def test_a_link_leading_out_of_the_folder_is_not_followed(host, folder, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    os.symlink(secret, folder / "_part.md.j2")
    path = notice(folder, NOTICE_TEXT + "{% include '_part.md.j2' %}\n")
    with pytest.raises(ReportError) as raised:
        draft_report(host, CASE, "notice-of-visit", "en", DAY)
    assert str(raised.value) == (f"template 'notice-of-visit' (en): {path}:7: '_part.md.j2' is a link leading out of the "
                                 f"template's folders (to {secret}); a template reads only files there")


def test_a_file_in_the_folder_can_be_included(host, folder):
    write(folder, "_signature.md.j2", "Yours, the team\n")
    notice(folder, NOTICE_TEXT + "{% include '_signature.md.j2' %}\n")
    assert draft_report(host, CASE, "notice-of-visit", "en", DAY).text.endswith("Yours, the team\n")


@pytest.mark.parametrize(
    "body, line, why",
    [
        ("one\n{% for x in %}\n", 2, "syntax error: Expected an expression"),
        ("one\ntwo\n{{ provder.name }}\n", 3, "'provder' is undefined"),
        ("{{ t('no-such-message') }}\n", 1, "no message 'no-such-message' in 'en'"),
        ("\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError: division by zero"),
    ],
    ids=["syntax", "undefined", "message", "arithmetic"],
)
def test_a_template_error_names_the_file_the_line_and_what_is_wrong(tmp_path, body, line, why):
    (tmp_path / "plugin-letter.md.j2").write_text(body, encoding="utf-8")
    template = ReportTemplate(id="plugin-letter", titles={"en": "L"}, frameworks=["f"], directory=tmp_path,
                              filename="{id}.md.j2", messages={"en": {}})
    with pytest.raises(ReportError) as raised:
        render(template, {"provider": None})
    assert str(raised.value).startswith(f"template 'plugin-letter' (en): {tmp_path / 'plugin-letter.md.j2'}:{line}: {why}")


def test_an_error_in_an_imported_macro_names_the_macros_file(tmp_path):
    (tmp_path / "_m.md.j2").write_text("{% macro greet() %}\n{{ nobody }}\n{% endmacro %}\n", encoding="utf-8")
    (tmp_path / "x.md.j2").write_text("{% import '_m.md.j2' as m %}\n{{ m.greet() }}\n", encoding="utf-8")
    template = ReportTemplate(id="x", titles={"en": "X"}, frameworks=["f"], directory=tmp_path, filename="{id}.md.j2")
    with pytest.raises(ReportError, match=rf"^template 'x' \(en\): {tmp_path / '_m.md.j2'}:2: 'nobody' is undefined"):
        render(template, {})


def test_the_readme_example_is_a_template_that_can_be_used(folder):
    host = make_host(ofsted=ofsted)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Your own report and letter templates")[1].split("\n## ")[0]
    import re

    example = re.findall(r"```toml\n(.*?)```", section, flags=re.S)[0]
    write(folder, "notice-of-visit.toml", example)
    write(folder, "notice-of-visit.en.md.j2", "<!-- section: introduction -->\n{{ t('greeting', name=provider.name) }}\n")
    from inspectorate.user_templates import templates

    assert templates(host).problems == ()
    drafted = draft_report(host, read_case_file(OFSTED_CASE, host), "notice-of-visit", "en", DAY)
    assert drafted.text.startswith("<!-- section: introduction -->\nDear ") and drafted.findings == ()
