"""The newer keys of shared/CASE-FORMAT.md: place, target_group, sdg, checked, dated sources."""

from __future__ import annotations

import datetime

from helpers import TODAY, case_text, check_text, messages


def only(found: list[str]) -> str:
    assert len(found) == 1, found
    return found[0]


# --- place -------------------------------------------------------------------

def test_place_gives_the_case_its_place_and_province(tmp_path):
    case, problems = check_text(tmp_path, case_text(drop=("region",), place="Gent"))
    assert problems == []
    assert [(p.name, p.province) for p in case.place] == [("Gent", "oost-vlaanderen")]


def test_region_is_derived_from_the_places_when_left_out(tmp_path):
    case, _ = check_text(tmp_path, case_text(drop=("region",), place=["Gent", "Utrecht", "Ledeberg"]))
    assert case.region == ("oost-vlaanderen", "utrecht")


def test_place_matches_without_regard_to_case_and_accents(tmp_path):
    case, problems = check_text(tmp_path, case_text(drop=("region",), place="sint-jans-molenbéek"))
    assert problems == [] and case.place[0].name == "Sint-Jans-Molenbeek"


def test_usual_variant_of_a_place_name_is_understood(tmp_path):
    case, _ = check_text(tmp_path, case_text(drop=("region",), place="Den Bosch"))
    assert case.place[0].name == "'s-Hertogenbosch" and case.place[0].slug == "s-hertogenbosch"


def test_unknown_place_names_line_key_and_closest_places(tmp_path):
    text = case_text(drop=("region",), place="Gennt")
    assert only(messages(tmp_path, text)) == (
        "cases/buurtmoestuin.md:14: place: 'Gennt' is not in the gazetteer; did you mean 'Gent' (Oost-Vlaanderen)?; "
        "a place is a town, village or municipality of Flanders, Brussels or the Netherlands, written with its Dutch name")


def test_ambiguous_place_says_how_to_name_each_of_them(tmp_path):
    found = only(messages(tmp_path, case_text(drop=("region",), place="Hasselt")))
    assert "place: 'Hasselt' is the name of more than one place; write 'Hasselt (Limburg)' or 'Hasselt (Overijssel)'" in found


def test_province_in_brackets_chooses_among_namesakes(tmp_path):
    case, problems = check_text(tmp_path, case_text(drop=("region",), place="Hasselt (Overijssel)"))
    assert problems == [] and case.region == ("overijssel",)


def test_a_hamlet_yields_to_its_much_larger_namesake(tmp_path):
    case, _ = check_text(tmp_path, case_text(drop=("region",), place="Ledeberg"))
    assert case.place[0].municipality == "Gent"


def test_place_listed_twice_is_refused(tmp_path):
    assert "place: 'gent' is listed twice" in only(messages(tmp_path, case_text(drop=("region",), place=["Gent", "gent"])))


def test_place_that_is_not_text_is_refused(tmp_path):
    assert "place: must be the name of a town or municipality" in only(messages(tmp_path, case_text(drop=("region",), place=[12])))


def test_region_that_contradicts_a_place_is_refused(tmp_path):
    found = only(messages(tmp_path, case_text(region="utrecht", place="Gent")))
    assert found.startswith("cases/buurtmoestuin.md:9: region: 'utrecht' contradicts the places of this case (Gent (Oost-Vlaanderen))")


def test_region_above_the_places_province_is_allowed(tmp_path):
    case, problems = check_text(tmp_path, case_text(region="vlaanderen", place="Gent"))
    assert problems == [] and case.region == ("vlaanderen",)


def test_case_needs_a_region_or_a_place(tmp_path):
    assert "region: is missing; give place (from which region is derived) or region" in only(messages(tmp_path, case_text(drop=("region",))))


# --- target_group, sdg ---------------------------------------------------------

def test_target_group_takes_values_from_the_vocabulary(tmp_path):
    case, problems = check_text(tmp_path, case_text(target_group=["kinderen", "gezinnen"]))
    assert problems == [] and case.target_group == ("kinderen", "gezinnen")


def test_unknown_target_group_suggests_the_closest(tmp_path):
    assert "target_group: 'kinders' is not in the vocabulary; did you mean 'kinderen'?" in only(messages(tmp_path, case_text(target_group="kinders")))


def test_more_than_four_target_groups_are_refused(tmp_path):
    groups = ["kinderen", "jongeren", "gezinnen", "ouderen", "nieuwkomers"]
    assert "target_group: has 5 values; allowed is 1 to 4" in only(messages(tmp_path, case_text(target_group=groups)))


def test_sdg_takes_one_to_three_goal_numbers(tmp_path):
    case, problems = check_text(tmp_path, case_text(sdg=[7, 13]))
    assert problems == [] and case.sdg == (7, 13)


def test_sdg_outside_1_to_17_is_refused(tmp_path):
    assert "sdg: 18 is not a Sustainable Development Goal; allowed: numbers from 1 to 17" in only(messages(tmp_path, case_text(sdg=18)))


def test_sdg_zero_is_refused(tmp_path):
    assert "sdg: 0 is not a Sustainable Development Goal" in only(messages(tmp_path, case_text(sdg=[0])))


def test_more_than_three_goals_are_refused(tmp_path):
    assert "sdg: has 4 values; allowed is 1 to 3" in only(messages(tmp_path, case_text(sdg=[1, 2, 3, 4])))


def test_sdg_that_is_text_is_refused(tmp_path):
    assert "sdg: must be the number of a Sustainable Development Goal, not 'zeven'" in only(messages(tmp_path, case_text(sdg="zeven")))


# --- checked, sources[].date ---------------------------------------------------

def test_checked_defaults_to_added(tmp_path):
    case, _ = check_text(tmp_path, case_text())
    assert case.checked is None and case.checked_on == datetime.date(2026, 11, 1)


def test_checked_in_the_future_is_refused(tmp_path):
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    assert f"checked: {tomorrow} is in the future" in only(messages(tmp_path, case_text(checked=tomorrow)))


def test_checked_today_is_allowed(tmp_path):
    case, problems = check_text(tmp_path, case_text(checked=TODAY.isoformat()))
    assert problems == [] and case.checked_on == TODAY


def test_malformed_checked_date_is_refused(tmp_path):
    assert "checked: must be a date written as YYYY-MM-DD" in only(messages(tmp_path, case_text(checked="1 mei 2025")))


def test_source_date_may_be_a_year_a_month_or_a_day(tmp_path):
    sources = [{"title": "Een", "url": "https://example.org/1", "date": 2019},
               {"title": "Twee", "url": "https://example.org/2", "date": "2023-06"},
               {"title": "Drie", "url": "https://example.org/3", "date": "2024-02-29"}]
    case, problems = check_text(tmp_path, case_text(sources=sources))
    assert problems == [] and [s.date for s in case.sources] == ["2019", "2023-06", "2024-02-29"]


def test_source_date_in_another_form_is_refused(tmp_path):
    sources = [{"title": "Een artikel", "url": "https://example.org/1", "date": "juni 2023"}]
    assert "sources[1].date: date 'juni 2023' is not a publication date; write YYYY, YYYY-MM or YYYY-MM-DD" in only(messages(tmp_path, case_text(sources=sources)))


def test_source_date_that_is_no_real_day_is_refused(tmp_path):
    sources = [{"title": "Een artikel", "url": "https://example.org/1", "date": "2023-13"}]
    assert "is not a publication date" in only(messages(tmp_path, case_text(sources=sources)))
