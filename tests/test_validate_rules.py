"""Each rule of shared/CASE-FORMAT.md with its exact message and line, and the Case a valid file becomes (showcase.validate)."""

from __future__ import annotations

import datetime

import pytest

from helpers import BODY, VALID, case_text, check_text, messages
from showcase.fields import NAMES, REQUIRED
from showcase.model import Partner, Source

FILE = "cases/buurtmoestuin.md"
EXTRA = 15  # the line of the first key case_text adds
KEYS = ", ".join(NAMES)
SDG_ALLOWED = "numbers from 1 to 17"
ROLES = "uitvoeringspartner, netwerkpartner, kennispartner, dienstenpartner, financier"


def case_of(root, text: str):
    case, problems = check_text(root, text)
    assert problems == []
    return case


# --- the file name and the keys --------------------------------------------

@pytest.mark.parametrize("length", [1, 80])
def test_a_file_name_of_1_to_80_characters_is_allowed(tmp_path, length):
    assert messages(tmp_path, case_text(), name="a" * length + ".md") == []


@pytest.mark.parametrize("name", ["a" * 81, "Moestuin", "moes_tuin", "moes--tuin", "-moestuin"])
def test_a_file_name_that_is_no_slug_of_at_most_80_characters_is_refused_on_line_1(tmp_path, name):
    assert messages(tmp_path, case_text(), name=f"{name}.md") == [
        f"cases/{name}.md:1: file name: {name!r} is not a valid slug; use lower-case a-z, 0-9 and single hyphens, "
        "at most 80 characters, such as 'op-wielekes.md'"]


@pytest.mark.parametrize("name", ["index", "pagina"])
def test_a_file_name_the_site_uses_itself_is_refused(tmp_path, name):
    assert messages(tmp_path, case_text(), name=f"{name}.md") == [f"cases/{name}.md:1: file name: {name!r} is reserved by the site; choose another name"]


def test_a_key_of_the_theme_is_refused_on_its_line(tmp_path):
    assert messages(tmp_path, case_text(hide="toc")) == [f"{FILE}:{EXTRA}: hide: is reserved by the site's theme and not used by cases; remove it"]


def test_an_unknown_key_is_refused_with_the_closest_and_every_allowed_key(tmp_path):
    assert messages(tmp_path, case_text(organization="De Kiem")) == [
        f"{FILE}:{EXTRA}: organization: is not a known key; did you mean 'organisation'?; allowed keys are {KEYS}"]


def test_an_unknown_key_unlike_any_other_is_refused_without_a_suggestion(tmp_path):
    assert messages(tmp_path, case_text(qqq="x")) == [f"{FILE}:{EXTRA}: qqq: is not a known key; allowed keys are {KEYS}"]


def test_a_missing_key_is_reported_on_the_first_line_of_the_front_matter(tmp_path):
    assert messages(tmp_path, case_text(drop=("added",))) == [f"{FILE}:2: added: is missing; every case needs {', '.join(REQUIRED)}"]


def test_a_case_without_region_and_place_is_told_either_will_do(tmp_path):
    assert messages(tmp_path, case_text(drop=("region",))) == [
        f"{FILE}:2: region: is missing; give place (from which region is derived) or region"]


# --- text ------------------------------------------------------------------

@pytest.mark.parametrize("title", ["abc", "x" * 120])
def test_a_title_of_3_to_120_characters_is_allowed(tmp_path, title):
    assert messages(tmp_path, case_text(title=title)) == []


@pytest.mark.parametrize("length", [2, 121])
def test_a_title_outside_3_to_120_characters_is_refused(tmp_path, length):
    assert messages(tmp_path, case_text(title="x" * length)) == [f"{FILE}:2: title: has {length} characters; allowed is 3 to 120"]


@pytest.mark.parametrize("length", [19, 301])
def test_a_summary_outside_20_to_300_characters_is_refused(tmp_path, length):
    assert messages(tmp_path, case_text(summary="x" * length)) == [f"{FILE}:3: summary: has {length} characters; allowed is 20 to 300"]


@pytest.mark.parametrize("length", [2, 301])
def test_an_image_alt_outside_3_to_300_characters_is_refused(tmp_path, length):
    assert messages(tmp_path, case_text(image_alt="x" * length)) == [f"{FILE}:{EXTRA}: image_alt: has {length} characters; allowed is 3 to 300"]


def test_an_organisation_that_is_no_text_is_refused(tmp_path):
    assert messages(tmp_path, case_text(organisation=["a", "b"])) == [
        f"{FILE}:{EXTRA}: organisation: must be text, not a list; put it in quotes if needed"]


@pytest.mark.parametrize("summary", [
    "- Een lijstje dat een alinea had moeten zijn.", "+ Een lijstje dat een alinea had moeten zijn.",
    "> Een citaat dat een alinea had moeten zijn.", "1. Een genummerd punt in plaats van een zin.",
    "Een zin met *nadruk* die geen opmaak mag hebben.", "Een zin met een `stukje code` in de samenvatting.",
    "Een zin met een <em>tag</em> in de samenvatting.", "  - Een lijstje met spaties ervoor in de samenvatting.", "Een zin met een [link](https://example.org) erin.",
])
def test_a_summary_that_markdown_would_turn_into_markup_is_refused(tmp_path, summary):
    assert messages(tmp_path, case_text(summary=summary)) == [
        f"{FILE}:3: summary: contains Markdown or HTML; the summary is plain text (no *, _, [links](...), `code` or <tags>)"]


@pytest.mark.parametrize("summary", [
    "2026 was het jaar waarin de moestuin begon.", "= gelijk aan wat de buurt wil, zegt de buurt zelf.",
    "Bewoners_telen samen groenten, met een underscore.", "Een zin met # een hekje en | een streep erin.",
    "  Bewoners telen samen groenten en delen de oogst.  ",
])
def test_a_summary_with_markup_characters_that_markdown_leaves_alone_is_plain_text(tmp_path, summary):
    assert messages(tmp_path, case_text(summary=summary)) == []


def test_a_summary_that_is_too_short_is_not_also_judged_for_markup(tmp_path):
    assert messages(tmp_path, case_text(summary="*Kort*")) == [f"{FILE}:3: summary: has 6 characters; allowed is 20 to 300"]


def test_an_image_without_alt_text_is_refused_on_the_image_line(tmp_path):
    assert messages(tmp_path, case_text(image="images/weg.png"))[-1] == (
        f"{FILE}:{EXTRA}: image: needs image_alt: a short text that says what the image shows")


# --- vocabulary ------------------------------------------------------------

@pytest.mark.parametrize("key, value, first", [
    ("innovation_type", "uitvinding", "product"), ("region", "vlaams-brabantt", "belgie"), ("actors", "buurt", "burgers"),
    ("target_group", "studenten", "kinderen"),
])
def test_every_vocabulary_key_refuses_a_value_outside_its_facet(tmp_path, key, value, first):
    found = messages(tmp_path, case_text(**{key: value}))
    assert len(found) == 1 and f": {key}: {value!r} is not in the vocabulary" in found[0] and f"allowed: {first}, " in found[0]


def test_four_target_groups_are_allowed_and_five_refused(tmp_path):
    groups = ["kinderen", "jongeren", "gezinnen", "ouderen", "nieuwkomers"]
    assert messages(tmp_path, case_text(target_group=groups[:4])) == []
    assert messages(tmp_path, case_text(target_group=groups)) == [f"{FILE}:{EXTRA}: target_group: has 5 values; allowed is 1 to 4"]


@pytest.mark.parametrize("value, message", [
    (True, f"must be the number of a Sustainable Development Goal, not a yes/no value (true); allowed: {SDG_ALLOWED}"),
    ("3", f"must be the number of a Sustainable Development Goal, not '3'; allowed: {SDG_ALLOWED}"),
    (18, f"18 is not a Sustainable Development Goal; allowed: {SDG_ALLOWED}"),
    (0, f"0 is not a Sustainable Development Goal; allowed: {SDG_ALLOWED}"),
])
def test_a_goal_that_is_no_number_from_1_to_17_is_refused_on_its_line(tmp_path, value, message):
    assert messages(tmp_path, case_text(sdg=[1, value])) == [f"{FILE}:{EXTRA + 2}: sdg: {message}"]


def test_goals_1_and_17_are_allowed(tmp_path):
    assert case_of(tmp_path, case_text(sdg=[1, 17])).sdg == (1, 17)


def test_a_goal_listed_twice_is_refused_on_its_second_line(tmp_path):
    assert messages(tmp_path, case_text(sdg=[3, 5, 3])) == [f"{FILE}:{EXTRA + 3}: sdg: 3 is listed twice"]


def test_four_goals_are_refused(tmp_path):
    assert messages(tmp_path, case_text(sdg=[1, 2, 3, 4])) == [f"{FILE}:{EXTRA}: sdg: has 4 values; allowed is 1 to 3"]


@pytest.mark.parametrize("value, shown", [(["pilot"], "a list"), ("Actief", "'Actief'")])
def test_a_stage_outside_the_vocabulary_is_refused(tmp_path, value, shown):
    found = messages(tmp_path, case_text(stage=value))
    assert len(found) == 1 and found[0].startswith(f"{FILE}:{EXTRA}: stage: {shown} is not a stage") and found[0].endswith("; allowed: pilot, actief, afgerond")


def test_a_stage_close_to_a_value_gets_a_suggestion(tmp_path):
    assert messages(tmp_path, case_text(stage="afgerondd")) == [f"{FILE}:{EXTRA}: stage: 'afgerondd' is not a stage; did you mean 'afgerond'?; allowed: pilot, actief, afgerond"]


# --- places ----------------------------------------------------------------

def test_ten_places_are_allowed_and_eleven_refused(tmp_path):
    towns = ["Gent", "Brugge", "Leuven", "Mechelen", "Aalst", "Kortrijk", "Genk", "Ieper", "Lier", "Geel", "Mol"]
    assert messages(tmp_path, case_text(region="vlaanderen", place=towns[:10])) == []
    assert messages(tmp_path, case_text(region="vlaanderen", place=towns)) == [f"{FILE}:{EXTRA}: place: has 11 values; allowed is 1 to 10"]


@pytest.mark.parametrize("value, shown", [(12, "a number (12)"), (False, "a yes/no value (false)")])
def test_a_place_that_is_no_name_is_refused_on_its_line(tmp_path, value, shown):
    assert messages(tmp_path, case_text(region="oost-vlaanderen", place=["Gent", value])) == [
        f"{FILE}:{EXTRA + 2}: place: must be the name of a town or municipality, such as 'Gent', not {shown}"]


def test_every_place_is_checked_after_one_that_is_no_name(tmp_path):
    found = messages(tmp_path, case_text(region="oost-vlaanderen", place=[12, "Qqqqqq"]))
    assert [line.split(": ")[0] for line in found] == [f"{FILE}:{EXTRA + 1}", f"{FILE}:{EXTRA + 2}"]


def test_an_unknown_place_is_given_every_close_place_with_its_province(tmp_path):
    assert messages(tmp_path, case_text(region="vlaanderen", place="Zwijndrech")) == [
        f"{FILE}:{EXTRA}: place: 'Zwijndrech' is not in the gazetteer; did you mean 'Zwijndrecht' (Zuid-Holland) or 'Zwijndrecht' (Oost-Vlaanderen)?; "
        "a place is a town, village or municipality of Flanders, Brussels or the Netherlands, written with its Dutch name"]


def test_an_ambiguous_place_is_refused_on_its_own_line(tmp_path):
    assert messages(tmp_path, case_text(region="belgie", place=["Gent", "Hasselt"])) == [
        f"{FILE}:{EXTRA + 2}: place: 'Hasselt' is the name of more than one place; write 'Hasselt (Limburg)' or 'Hasselt (Overijssel)'"]


def test_a_place_unlike_any_other_is_refused_without_a_suggestion(tmp_path):
    assert messages(tmp_path, case_text(place="Qqqqqq")) == [
        f"{FILE}:{EXTRA}: place: 'Qqqqqq' is not in the gazetteer; a place is a town, village or municipality of Flanders, "
        "Brussels or the Netherlands, written with its Dutch name"]


def test_a_place_named_twice_in_two_ways_is_refused_on_its_second_line(tmp_path):
    assert messages(tmp_path, case_text(region="vlaanderen", place=["Gent", "Brugge", "gent"])) == [f"{FILE}:{EXTRA + 3}: place: 'gent' is listed twice"]


def test_a_region_that_contradicts_the_places_names_the_places(tmp_path):
    assert messages(tmp_path, case_text(region=["vlaanderen", "utrecht"], place=["Gent", "Brugge"])) == [
        f"{FILE}:11: region: 'utrecht' contradicts the places of this case (Gent (Oost-Vlaanderen), Brugge (West-Vlaanderen)); "
        "leave region out to derive it from place, or correct it"]


def test_a_region_is_only_checked_against_places_that_were_found(tmp_path):
    found = messages(tmp_path, case_text(region="utrecht", place=["Qqqqqq"]))
    assert len(found) == 1 and ": place: 'Qqqqqq' is not in the gazetteer" in found[0]


def test_an_unknown_region_is_not_also_said_to_contradict_the_places(tmp_path):
    found = messages(tmp_path, case_text(region="vlaanderenn", place=["Gent"]))
    assert len(found) == 1 and "is not in the vocabulary" in found[0]


# --- partners and sources --------------------------------------------------

def test_an_empty_list_of_sources_asks_for_an_item(tmp_path):
    assert messages(tmp_path, case_text(sources=[])) == [f"{FILE}:10: sources: is empty; give at least one item with title, url (optional), date (optional)"]


def test_partners_that_are_no_list_are_refused(tmp_path):
    assert messages(tmp_path, case_text(partners="Stad Gent")) == [f"{FILE}:{EXTRA}: partners: must be a list of items with name, role, not 'Stad Gent'"]


def test_a_partner_that_is_no_group_of_keys_is_refused_on_its_line(tmp_path):
    assert messages(tmp_path, case_text(partners=[{"name": "Stad Gent", "role": "financier"}, "Stad Brugge"])) == [
        f"{FILE}:{EXTRA + 3}: partners: each item needs name, role; this one is 'Stad Brugge'"]


def test_every_item_is_checked_after_one_that_is_no_group_of_keys(tmp_path):
    found = messages(tmp_path, case_text(partners=["Stad Brugge", {"name": "Stad Gent"}]))
    assert [line.split(": ", 2)[1] for line in found] == ["partners", "partners"] and "is missing 'role'" in found[1]


def test_an_unknown_key_of_an_item_is_refused_on_its_line_with_a_suggestion(tmp_path):
    assert messages(tmp_path, case_text(sources=[{"title": "Een bron", "url": "https://example.org/", "dat": "2026"}])) == [
        f"{FILE}:13: sources[1].dat: 'dat' is not known here; did you mean 'date'?; an item has title, url (optional), date (optional)"]


def test_a_partner_without_a_name_is_refused(tmp_path):
    assert messages(tmp_path, case_text(partners=[{"role": "financier"}])) == [f"{FILE}:{EXTRA + 1}: partners: is missing 'name'; an item has name, role"]


@pytest.mark.parametrize("role, shown", [("sponsor", "'sponsor'"), (3, "a number (3)")])
def test_a_partner_role_outside_the_vocabulary_is_refused_on_its_line(tmp_path, role, shown):
    found = messages(tmp_path, case_text(partners=[{"name": "Stad Gent", "role": role}]))
    assert len(found) == 1 and found[0].startswith(f"{FILE}:{EXTRA + 2}: partners[1].role: {shown} is not a partner role") and found[0].endswith(f"; allowed: {ROLES}")


def test_a_partner_role_close_to_a_value_gets_a_suggestion(tmp_path):
    assert messages(tmp_path, case_text(partners=[{"name": "Stad Gent", "role": "financer"}])) == [
        f"{FILE}:{EXTRA + 2}: partners[1].role: 'financer' is not a partner role; did you mean 'financier'?; allowed: {ROLES}"]


def test_a_partner_name_outside_2_to_200_characters_is_refused(tmp_path):
    assert messages(tmp_path, case_text(partners=[{"name": "G", "role": "financier"}])) == [
        f"{FILE}:{EXTRA + 1}: partners[1].name: has 1 characters; allowed is 2 to 200"]


def test_an_item_with_problems_of_its_shape_is_not_checked_further(tmp_path):
    found = messages(tmp_path, case_text(partners=[{"name": "G", "role": "sponsor", "rol": "x"}]))
    assert len(found) == 1 and "'rol' is not known here" in found[0]


def test_a_source_date_that_is_no_publication_date_is_refused_on_its_line(tmp_path):
    sources = [{"title": "Een bron", "url": "https://example.org/", "date": "juni 2023"}]
    assert messages(tmp_path, case_text(sources=sources)) == [
        f"{FILE}:13: sources[1].date: date 'juni 2023' is not a publication date; write YYYY, YYYY-MM or YYYY-MM-DD, such as 2023-06"]


def test_every_source_is_checked(tmp_path):
    sources = [{"title": "Een bron", "url": "https://example.org/"}, {"title": "Xy", "url": "ftp://example.org/", "date": "x"}]
    assert [line.split(": ")[1] for line in messages(tmp_path, case_text(sources=sources))] == ["sources[2].title", "sources[2].url", "sources[2].date"]


# --- numbers, dates and flags ----------------------------------------------

@pytest.mark.parametrize("year", [1800, 2027])
def test_a_start_from_1800_to_next_year_is_allowed(tmp_path, year):
    assert case_of(tmp_path, case_text(started=year)).started == year


def test_a_start_that_is_a_yes_no_value_is_refused(tmp_path):
    assert messages(tmp_path, case_text(started=True)) == [f"{FILE}:{EXTRA}: started: must be a year such as 2016, not a yes/no value (true)"]


def test_a_start_after_next_year_is_refused_with_the_range(tmp_path):
    assert messages(tmp_path, case_text(started=2028)) == [f"{FILE}:{EXTRA}: started: 2028 is out of range; allowed is a year from 1800 to 2027"]


def test_a_check_in_the_future_says_what_the_date_is_for(tmp_path):
    assert messages(tmp_path, case_text(checked="2026-11-24")) == [
        f"{FILE}:{EXTRA}: checked: 2026-11-24 is in the future; use the date the facts were last checked against the sources, at the latest today (2026-11-23)"]


def test_featured_that_is_no_yes_no_value_names_what_it_is(tmp_path):
    assert messages(tmp_path, case_text(featured=1)) == [f"{FILE}:{EXTRA}: featured: must be true or false, not a number (1)"]


def test_problems_are_reported_in_the_order_of_their_lines(tmp_path):
    found = messages(tmp_path, case_text(body="", title="x", featured="ja"))
    assert [int(line.split(":")[1]) for line in found] == sorted(int(line.split(":")[1]) for line in found) and len(found) == 3


# --- empty optional keys ---------------------------------------------------

def test_an_optional_key_left_empty_counts_as_not_given(tmp_path):
    case = case_of(tmp_path, case_text(organisation="  ", website=None, partners=[], target_group=[None]))
    assert (case.organisation, case.website, case.partners, case.target_group) == (None, None, (), ())


def test_an_empty_item_and_the_empty_fields_of_an_item_are_dropped(tmp_path):
    sources = [{"title": "Een bron", "url": "https://example.org/", "date": ""}, {"title": " ", "url": None}]
    partners = [{"name": "Stad Gent", "role": "financier"}, {"name": "", "role": None}]
    case = case_of(tmp_path, case_text(sources=sources, partners=partners))
    assert case.sources == (Source("Een bron", "https://example.org/", None),) and case.partners == (Partner("Stad Gent", "financier"),)


def test_a_group_of_empty_keys_counts_as_empty(tmp_path):
    case = case_of(tmp_path, case_text(partners=[{"name": {"a": " "}, "role": [None, ""]}]))
    assert case.partners == ()


def test_a_half_filled_item_keeps_its_filled_fields_and_is_checked(tmp_path):
    assert messages(tmp_path, case_text(partners=[{"name": "Stad Gent", "role": ""}])) == [
        f"{FILE}:{EXTRA + 1}: partners: is missing 'role'; an item has name, role"]


def test_an_empty_value_in_an_optional_list_is_dropped(tmp_path):
    assert case_of(tmp_path, case_text(actors=["burgers", None])).actors == ("burgers",)


def test_an_empty_value_in_a_required_list_is_refused(tmp_path):
    found = messages(tmp_path, case_text(domain=["energie", None]))
    assert len(found) == 1 and found[0].startswith(f"{FILE}:8: domain: must be a value from the vocabulary, not nothing; allowed: ")


def test_the_keys_after_an_empty_optional_key_are_still_read(tmp_path):
    text = case_text(drop=("added",), website="").replace("website: ''\n", "website: ''\nadded: '2026-11-01'\n")
    assert "added:" in text and messages(tmp_path, text) == []


def test_an_empty_required_key_is_still_refused(tmp_path):
    assert messages(tmp_path, case_text(title="")) == [f"{FILE}:2: title: is empty; write 3 to 120 characters"]


# --- the Case ----------------------------------------------------------------

def test_a_valid_file_becomes_a_case_with_every_field(tmp_path):
    text = case_text(
        title="  Buurtmoestuin De Kiem ", summary="Bewoners telen  samen\ngroenten op een terrein en delen de oogst.",
        region=["antwerpen", "utrecht"], checked="2026-11-20", target_group="buurtbewoners", sdg=2, actors=["burgers"],
        organisation="vzw De Kiem", partners=[{"name": " Stad Antwerpen ", "role": "financier"}], started=2019, stage="pilot",
        website="https://example.org/kiem", image_alt="Een foto", featured=True,
        sources=[{"title": " Een artikel ", "url": "https://example.org/a", "date": 2023}, {"title": "Een boek"}],
    )
    case = case_of(tmp_path, text)
    assert (case.slug, case.path, case.title, case.summary) == (
        "buurtmoestuin", FILE, "Buurtmoestuin De Kiem", "Bewoners telen samen groenten op een terrein en delen de oogst.")
    assert (case.innovation_type, case.domain, case.region, case.place) == (("samenwerking",), ("voeding", "samenleven"), ("antwerpen", "utrecht"), ())
    assert (case.added, case.checked, case.started, case.stage, case.featured) == (
        datetime.date(2026, 11, 1), datetime.date(2026, 11, 20), 2019, "pilot", True)
    assert (case.target_group, case.sdg, case.actors, case.organisation, case.website, case.image_alt) == (
        ("buurtbewoners",), (2,), ("burgers",), "vzw De Kiem", "https://example.org/kiem", "Een foto")
    assert case.partners == (Partner("Stad Antwerpen", "financier"),)
    assert case.sources == (Source("Een artikel", "https://example.org/a", "2023"), Source("Een boek", None, None))
    assert case.body == "\n" + BODY


def test_a_case_leaves_out_what_the_file_leaves_out(tmp_path):
    case = case_of(tmp_path, case_text())
    assert (case.checked, case.target_group, case.sdg, case.actors, case.organisation, case.partners) == (None, (), (), (), None, ())
    assert (case.started, case.stage, case.website, case.image, case.image_alt, case.featured) == (None, "actief", None, None, None, False)


def test_a_case_with_an_image_keeps_its_path(tmp_path):
    from PIL import Image

    (tmp_path / "cases" / "images").mkdir(parents=True)
    Image.new("RGB", (4, 3)).save(tmp_path / "cases" / "images" / "kiem.png")
    assert case_of(tmp_path, case_text(image="images/kiem.png", image_alt="Een foto")).image == "images/kiem.png"


def test_regions_derived_from_places_follow_the_taxonomy_order_once_each(tmp_path):
    case = case_of(tmp_path, case_text(drop=("region",), place=["Utrecht", "Gent", "Amersfoort", "Brugge"]))
    assert case.region == ("oost-vlaanderen", "west-vlaanderen", "utrecht")
    assert [place.name for place in case.place] == ["Utrecht", "Gent", "Amersfoort", "Brugge"]


def test_a_given_region_is_kept_beside_the_places(tmp_path):
    assert case_of(tmp_path, case_text(region="belgie", place=["Gent"])).region == ("belgie",)


def test_the_summary_of_a_case_is_its_words_joined_by_single_spaces(tmp_path):
    assert VALID["summary"] == case_of(tmp_path, case_text(summary="  " + VALID["summary"].replace(" ", "\n  ") + " ")).summary
