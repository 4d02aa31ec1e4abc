"""Messages speak Dutch to contributors by default, English on request (gettext via Babel)."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from helpers import LANGUAGE_VARIABLES, REPO, case_text, make_project, mkdocs_build, showcase

PACKAGE = REPO / "hooks" / "showcase"
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "showcase.po"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def source_messages() -> set[str]:
    """Every message the code marks for translation, extracted as Babel does."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None})
    return {message for _file, _line, message, _comments, _context in found if isinstance(message, str)}


def dutch() -> dict[str, str]:
    with CATALOGUE.open("rb") as po:
        return {message.id: message.string for message in read_po(po, locale="nl") if message.id}


def test_every_message_has_a_dutch_translation():
    translations = dutch()
    untranslated = sorted(m for m in source_messages() if not translations.get(m))
    assert untranslated == [], "translate these in showcase.po (bash scripts/messages adds them): " + repr(untranslated)


@pytest.mark.parametrize("message", sorted(source_messages()))
def test_translation_keeps_every_placeholder(message):
    assert sorted(PLACEHOLDER.findall(dutch().get(message, ""))) == sorted(PLACEHOLDER.findall(message))


def run_check(root, *args, env_overrides=None):
    """`check` with no language chosen by the environment, unless `env_overrides` chooses one."""
    return showcase(root, *args, "check", unset=LANGUAGE_VARIABLES, env=env_overrides)


@pytest.fixture
def broken(tmp_path):
    root = make_project(tmp_path, cases=None)
    (root / "cases" / "kapot.md").write_text(case_text(domain=["mobiliteid"], drop=("region",), place="Gennt"), encoding="utf-8")
    return root


def test_check_speaks_dutch_by_default(broken):
    out = run_check(broken).stdout
    assert "domain: 'mobiliteid' staat niet in de woordenlijst; bedoel je 'mobiliteit'?" in out
    assert "place: 'Gennt' staat niet in de plaatsnamenlijst; bedoel je 'Gent' (Oost-Vlaanderen)?" in out
    assert "2 probleem/problemen in 1 bestand(en)" in out


def test_check_speaks_english_with_lang_en(broken):
    out = run_check(broken, "--lang", "en").stdout
    assert "domain: 'mobiliteid' is not in the vocabulary; did you mean 'mobiliteit'?" in out
    assert "place: 'Gennt' is not in the gazetteer; did you mean 'Gent' (Oost-Vlaanderen)?" in out


def test_check_speaks_english_with_an_english_locale(broken):
    assert "is not in the vocabulary" in run_check(broken, env_overrides={"LANG": "en_US.UTF-8"}).stdout


def test_keys_and_values_stay_as_written_in_dutch_messages(broken):
    out = run_check(broken).stdout
    assert "kapot.md:" in out and "domain:" in out and "'mobiliteit'" in out


def test_build_stops_with_dutch_messages_by_default(broken):
    result = mkdocs_build(broken, unset=LANGUAGE_VARIABLES)
    assert result.returncode == 1
    assert "er is niets gepubliceerd" in result.stderr and "bedoel je 'mobiliteit'?" in result.stderr
