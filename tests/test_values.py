"""The form of one value (showcase.values): text lengths, vocabulary values, web addresses and dates."""

from __future__ import annotations

import datetime

import pytest

from helpers import case_text, messages
from helpers import check_text as load
from showcase.frontmatter import parse_yaml
from showcase.validate import Draft
from showcase.values import as_date, check_count, check_text, describe, source_date

FILE = "cases/buurtmoestuin.md"
EXTRA_LINE = 15  # the line of the first key case_text adds to its valid case
TODAY = "2026-11-23"  # helpers.TODAY
URL_RULE = "use a full web address starting with http:// or https:// (at most 2000 characters)"


def _draft(root, front_matter: str) -> Draft:
    """A parsed case file of only this front matter, for the checks that take a draft."""
    document, problems = parse_yaml(front_matter, FILE)
    assert problems == []
    return Draft(FILE, "buurtmoestuin", document, "", 1, root, None, datetime.date.fromisoformat(TODAY))


@pytest.mark.parametrize("value, described", [
    (None, "nothing"),
    (True, "a yes/no value (true)"),
    (False, "a yes/no value (false)"),
    (12, "a number (12)"),
    (1.5, "a number (1.5)"),
    (datetime.date(2026, 1, 2), "a date (2026-01-02)"),
    (datetime.datetime(2026, 1, 2, 10, 30), "a date (2026-01-02T10:30:00)"),
    ([1, 2], "a list"),
    ({"a": 1}, "a group of keys"),
    ("tekst", "'tekst'"),
])
def test_a_value_is_described_in_the_contributors_terms(value, described):
    assert describe(value) == described


# --- text ------------------------------------------------------------------

@pytest.mark.parametrize("length", [2, 200])
def test_an_organisation_of_2_to_200_characters_is_allowed(tmp_path, length):
    assert messages(tmp_path, case_text(organisation="x" * length)) == []


@pytest.mark.parametrize("length", [1, 201])
def test_an_organisation_outside_2_to_200_characters_is_refused(tmp_path, length):
    assert messages(tmp_path, case_text(organisation="x" * length)) == [
        f"{FILE}:{EXTRA_LINE}: organisation: has {length} characters; allowed is 2 to 200"]


def test_surrounding_spaces_do_not_count_towards_the_length_of_a_text(tmp_path):
    assert messages(tmp_path, case_text(organisation=" " * 5 + "x" * 200 + " " * 5)) == []


def test_a_title_of_spaces_only_is_empty(tmp_path):
    assert messages(tmp_path, case_text(title="   ")) == [f"{FILE}:2: title: is empty; write 3 to 120 characters"]


def test_an_organisation_that_is_not_text_names_what_it_is(tmp_path):
    assert messages(tmp_path, case_text(organisation=42)) == [
        f"{FILE}:{EXTRA_LINE}: organisation: must be text, not a number (42); put it in quotes if needed"]


def test_a_partner_name_that_is_not_text_is_named_by_item_and_key(tmp_path):
    found = messages(tmp_path, case_text(partners=[{"name": "Stad Gent", "role": "financier"}, {"name": 7, "role": "financier"}]))
    assert found == [f"{FILE}:{EXTRA_LINE + 3}: partners[2].name: must be text, not a number (7); put it in quotes if needed"]


def test_an_item_text_of_spaces_only_is_empty_on_its_own_line(tmp_path):
    draft = _draft(tmp_path, "partners:\n- name: '  '\n  role: financier\n")
    assert [str(p) for p in check_text(draft, "partners", 2, 200, 0, "name")] == [f"{FILE}:2: partners[1].name: is empty; write 2 to 200 characters"]


def test_a_source_title_that_is_too_short_is_named_by_item_and_key(tmp_path):
    found = messages(tmp_path, case_text(sources=[{"title": "Ab", "url": "https://example.org/a"}]))
    assert found == [f"{FILE}:11: sources[1].title: has 2 characters; allowed is 3 to 300"]


# --- vocabulary values -----------------------------------------------------

def test_an_empty_list_of_domains_says_how_many_to_choose_and_from_what(tmp_path):
    found = messages(tmp_path, case_text(domain=[]))
    assert found == [f"{FILE}:6: domain: is empty; choose 1 to 4 of: armoede, biodiversiteit, circulaire-economie, diversiteit, "
                     "economie, energie, huisvesting, klimaat, mobiliteit, onderwijs, samenleven, voeding, welzijn, werk"]


def test_an_empty_list_without_an_upper_limit_asks_for_at_least_its_lower_limit(tmp_path):
    draft = _draft(tmp_path, "actors: []\n")
    assert [str(p) for p in check_count(draft, "actors", [], 2, None, "a, b")] == [f"{FILE}:1: actors: is empty; choose at least 2 of: a, b"]


def test_a_list_without_an_upper_limit_may_be_long(tmp_path):
    assert list(check_count(_draft(tmp_path, "actors: []\n"), "actors", list(range(50)), 2, None, "a, b")) == []


def test_a_list_shorter_than_its_lower_limit_gives_its_count_and_the_limit(tmp_path):
    draft = _draft(tmp_path, "actors: [a]\n")
    assert [str(p) for p in check_count(draft, "actors", ["a"], 2, None, "a, b")] == [f"{FILE}:1: actors: has 1 values; allowed is at least 2"]


def test_four_domains_are_allowed(tmp_path):
    assert messages(tmp_path, case_text(domain=["energie", "klimaat", "werk", "armoede"])) == []


def test_any_number_of_actors_is_allowed(tmp_path):
    case, problems = load(tmp_path, case_text(actors=["burgers", "vereniging", "overheid", "bedrijf", "financier"]))
    assert problems == [] and len(case.actors) == 5


def test_too_many_domains_give_their_count_and_the_limit(tmp_path):
    found = messages(tmp_path, case_text(domain=["energie", "klimaat", "werk", "armoede", "welzijn"]))
    assert found == [f"{FILE}:6: domain: has 5 values; allowed is 1 to 4"]


def test_a_value_that_is_not_text_is_refused_on_its_own_line(tmp_path):
    found = messages(tmp_path, case_text(domain=["energie", 12]))
    assert found[0].startswith(f"{FILE}:8: domain: must be a value from the vocabulary, not a number (12); allowed: armoede, biodiversiteit, ")


def test_an_unknown_value_is_refused_on_its_own_line_with_a_suggestion(tmp_path):
    found = messages(tmp_path, case_text(domain=["energie", "klimat"]))
    assert found[0].startswith(f"{FILE}:8: domain: 'klimat' is not in the vocabulary; did you mean 'klimaat'?; allowed: armoede, ")


def test_a_value_listed_twice_is_refused_on_its_second_line(tmp_path):
    assert messages(tmp_path, case_text(domain=["energie", "klimaat", "energie"])) == [f"{FILE}:9: domain: 'energie' is listed twice"]


def test_every_value_listed_twice_is_refused_once_per_repeat(tmp_path):
    found = messages(tmp_path, case_text(domain=["energie", "klimaat", "klimaat", "energie"]))
    assert found == [f"{FILE}:9: domain: 'klimaat' is listed twice", f"{FILE}:10: domain: 'energie' is listed twice"]


# --- web addresses ---------------------------------------------------------

@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/pad?q=1#deel", "https://example.org/X", "https://" + "a" * 1992])
def test_a_web_address_with_http_or_https_and_a_host_is_allowed(tmp_path, url):
    assert messages(tmp_path, case_text(website=url)) == []


@pytest.mark.parametrize("url", [
    "https://" + "a" * 1993,  # 2001 characters
    "ftp://example.org", "https:///pad", "https://[example.org", " https://example.org", "https://example.org ",
    "https://example.org/a b", "https://example.org/\x01", "https://example.org/<b>", "https://example.org/>", 'https://example.org/"',
])
def test_a_web_address_that_a_browser_could_misread_is_refused(tmp_path, url):
    assert messages(tmp_path, case_text(website=url)) == [f"{FILE}:{EXTRA_LINE}: website: {url[:80]!r} is not allowed; {URL_RULE}"]


def test_a_web_address_that_is_not_text_names_what_it_is(tmp_path):
    assert messages(tmp_path, case_text(website=42)) == [
        f"{FILE}:{EXTRA_LINE}: website: must be a full web address starting with http:// or https://, not a number (42)"]


def test_a_source_url_that_is_not_text_is_named_by_item_and_key(tmp_path):
    found = messages(tmp_path, case_text(sources=[{"title": "Een bron", "url": 42}, {"title": "Een bron", "url": "https://example.org/"}]))
    assert found == [f"{FILE}:12: sources[1].url: must be a full web address starting with http:// or https://, not a number (42)"]


def test_a_source_url_is_named_by_item_and_key(tmp_path):
    found = messages(tmp_path, case_text(sources=[{"title": "Een bron", "url": "ftp://example.org"}]))
    assert f"{FILE}:12: sources[1].url: 'ftp://example.org' is not allowed; {URL_RULE}" in found


# --- dates -----------------------------------------------------------------

def test_a_case_added_today_is_allowed(tmp_path):
    assert messages(tmp_path, case_text(added=TODAY)) == []


def test_a_case_added_tomorrow_is_refused_with_todays_date(tmp_path):
    assert messages(tmp_path, case_text(added="2026-11-24")) == [
        f"{FILE}:14: added: 2026-11-24 is in the future; use the date the case was added, at the latest today ({TODAY})"]


def test_a_date_that_is_not_a_day_names_what_was_written_and_gives_an_example(tmp_path):
    assert messages(tmp_path, case_text(added="gisteren")) == [
        f"{FILE}:14: added: must be a date written as YYYY-MM-DD, such as {TODAY}, not 'gisteren'"]


def test_a_date_is_read_from_yaml_or_from_text(tmp_path):
    assert as_date(datetime.date(2026, 1, 2)) == as_date("2026-01-02") == datetime.date(2026, 1, 2)


@pytest.mark.parametrize("value", [datetime.datetime(2026, 1, 2, 10, 0), "2026-02-30", "2026-1-2", "x2026-01-02", 20260102, None])
def test_a_moment_an_impossible_day_or_another_form_is_no_date(value):
    assert as_date(value) is None


@pytest.mark.parametrize("value, text", [
    (2023, "2023"), ("2023", "2023"), ("2023-06", "2023-06"), ("2023-06-12", "2023-06-12"),
    (datetime.date(2023, 6, 12), "2023-06-12"), ("2024-02-29", "2024-02-29"),
])
def test_a_publication_date_is_a_year_a_month_or_a_day(value, text):
    assert source_date(value) == text


@pytest.mark.parametrize("value", [
    True, datetime.datetime(2023, 6, 12, 8, 0), 2023.5, "23-06", "2023-6", "2023-06-1", "2023-13", "2023-00",
    "2023-02-30", "2023-06-12x", "0000", None,
])
def test_a_publication_date_in_another_form_or_not_on_the_calendar_is_none(value):
    assert source_date(value) is None
