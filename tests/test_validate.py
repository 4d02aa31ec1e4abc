"""The rules of shared/CASE-FORMAT.md, one behaviour per test."""

from __future__ import annotations

from PIL import Image

from helpers import case_text, check_text, messages


def test_valid_case_has_no_problems(tmp_path):
    case, problems = check_text(tmp_path, case_text())
    assert problems == []
    assert case.slug == "buurtmoestuin"


def test_single_value_is_read_as_a_list_of_one(tmp_path):
    case, _ = check_text(tmp_path, case_text(region="utrecht", innovation_type="dienst"))
    assert case.region == ("utrecht",)
    assert case.innovation_type == ("dienst",)


def test_stage_defaults_to_actief(tmp_path):
    case, _ = check_text(tmp_path, case_text())
    assert case.stage == "actief"


def test_unknown_domain_names_line_and_suggests_closest(tmp_path):
    text = ("---\ntitle: Buurtmoestuin\nsummary: Bewoners telen samen groenten en delen de oogst.\ninnovation_type: dienst\ndomain: [mobiliteid]\nregion: utrecht\n"
            "sources: [{title: Een artikel, url: 'https://example.org/a'}]\nadded: 2026-11-01\n---\nTekst.\n")
    assert messages(tmp_path, text) == [
        "cases/buurtmoestuin.md:5: domain: 'mobiliteid' is not in the vocabulary; did you mean 'mobiliteit'?; "
        "allowed: armoede, biodiversiteit, circulaire-economie, diversiteit, economie, energie, huisvesting, "
        "klimaat, mobiliteit, onderwijs, samenleven, voeding, welzijn, werk"
    ]


def test_misspelt_key_is_refused_with_suggestion(tmp_path):
    text = case_text(drop=("domain",), domian=["energie"])
    found = messages(tmp_path, text)
    assert any(": domian: is not a known key; did you mean 'domain'?" in m for m in found)
    assert any("domain: is missing" in m for m in found)


def test_region_label_written_instead_of_slug_suggests_slug(tmp_path):
    found = messages(tmp_path, case_text(region="Oost-Vlaanderen"))
    assert "did you mean 'oost-vlaanderen'?" in found[0]


def test_theme_reserved_keys_are_refused(tmp_path):
    for key in ("tags", "status", "template", "hide"):
        found = messages(tmp_path, case_text(**{key: "x"}))
        assert found and f": {key}: is reserved by the site's theme" in found[0]


def test_every_missing_required_key_is_reported(tmp_path):
    text = "---\ntitle: Alleen een titel\n---\nTekst.\n"
    found = messages(tmp_path, text)
    for key in ("summary", "innovation_type", "domain", "region", "added"):
        assert any(f": {key}: is missing" in m for m in found), key


def test_title_length_is_limited(tmp_path):
    assert "title: has 2 characters; allowed is 3 to 120" in messages(tmp_path, case_text(title="Ab"))[0]
    assert "has 121 characters" in messages(tmp_path, case_text(title="x" * 121))[0]


def test_title_that_yaml_reads_as_yes_names_the_type(tmp_path):
    found = messages(tmp_path, case_text().replace("title: Buurtmoestuin De Kiem", "title: yes"))
    assert "title: must be text, not a yes/no value (true)" in found[0]


def test_summary_length_is_limited(tmp_path):
    assert "summary: has 5 characters; allowed is 20 to 300" in messages(tmp_path, case_text(summary="Kort."))[0]
    assert "has 301 characters" in messages(tmp_path, case_text(summary="x" * 301))[0]


def test_summary_with_markdown_or_html_is_refused(tmp_path):
    for summary in ("Een **vet** initiatief voor de hele buurt", "Een initiatief voor de <b>hele</b> buurt", "Zie [de site](https://example.org) voor meer"):
        found = messages(tmp_path, case_text(summary=summary))
        assert found and "summary: contains Markdown or HTML" in found[0], summary


def test_summary_with_ampersand_and_quotes_is_plain_text(tmp_path):
    assert messages(tmp_path, case_text(summary='Bewoners & bedrijven werken "samen" aan de wijk')) == []


def test_too_many_domains_are_refused(tmp_path):
    found = messages(tmp_path, case_text(domain=["energie", "klimaat", "werk", "armoede", "welzijn"]))
    assert "domain: has 5 values; allowed is 1 to 4" in found[0]


def test_too_many_innovation_types_are_refused(tmp_path):
    found = messages(tmp_path, case_text(innovation_type=["dienst", "product", "proces", "platform"]))
    assert "innovation_type: has 4 values; allowed is 1 to 3" in found[0]


def test_region_at_any_level_of_the_tree_is_allowed(tmp_path):
    for region in ("belgie", "vlaanderen", "limburg-nl", "europa"):
        assert messages(tmp_path, case_text(region=region)) == [], region


def test_unknown_actor_and_partner_role_are_refused(tmp_path):
    found = messages(tmp_path, case_text(actors=["burger"], partners=[{"name": "Stad Gent", "role": "sponsor"}]))
    assert any("actors: 'burger' is not in the vocabulary; did you mean 'burgers'?" in m for m in found)
    assert any("partners[1].role: 'sponsor' is not a partner role" in m for m in found)


def test_partner_without_role_is_refused(tmp_path):
    found = messages(tmp_path, case_text(partners=[{"name": "Stad Gent"}]))
    assert "partners: is missing 'role'; an item has name, role" in found[0]


def test_started_must_be_a_year_in_range(tmp_path):
    assert "started: 1799 is out of range; allowed is a year from 1800 to 2027" in messages(tmp_path, case_text(started=1799))[0]
    assert "out of range" in messages(tmp_path, case_text(started=2028))[0]
    assert messages(tmp_path, case_text(started=2027)) == []
    assert "started: must be a year such as 2016" in messages(tmp_path, case_text(started="vorig jaar"))[0]


def test_stage_outside_the_three_values_is_refused(tmp_path):
    found = messages(tmp_path, case_text(stage="lopend"))
    assert "stage: 'lopend' is not a stage; allowed: pilot, actief, afgerond" in found[0]


def test_added_in_the_future_is_refused(tmp_path):
    found = messages(tmp_path, case_text(added="2026-11-24"))
    assert "added: 2026-11-24 is in the future" in found[0]


def test_added_that_is_not_a_date_is_refused(tmp_path):
    for value in ("23-11-2026", "2026-02-30", "gisteren"):
        found = messages(tmp_path, case_text(added=value))
        assert found and "added: must be a date written as YYYY-MM-DD" in found[0], value


def test_impossible_date_written_plainly_names_the_key(tmp_path):
    text = case_text().replace("added: '2026-11-01'", "added: 2026-13-45")
    found = messages(tmp_path, text)
    assert found and ": added: " in found[0]


def test_website_must_be_http_or_https(tmp_path):
    for url in ("javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                "&#106;avascript:alert(1)", "ftp://example.org", "data:text/html,x", "example.org", "https://"):
        found = messages(tmp_path, case_text(website=url))
        assert found and "website: " in found[0] and "http:// or https://" in found[0], url


def test_source_url_must_be_http_or_https(tmp_path):
    found = messages(tmp_path, case_text(sources=[{"title": "Een bron", "url": "javascript:alert(1)"}]))
    assert "sources[1].url: 'javascript:alert(1)' is not allowed" in found[0]


def test_source_without_url_is_allowed_beside_one_with_a_url(tmp_path):
    sources = [{"title": "Een artikel in een tijdschrift"}, {"title": "De website", "url": "https://example.org/"}]
    assert messages(tmp_path, case_text(sources=sources)) == []


def test_case_without_any_source_url_is_refused(tmp_path):
    found = messages(tmp_path, case_text(sources=[{"title": "Een artikel in een tijdschrift"}]))
    assert found == ["cases/buurtmoestuin.md:10: sources: has no source with a url; at least one source needs the web address where readers can check the facts"]


def test_case_without_sources_is_refused(tmp_path):
    assert any(": sources: is missing" in m for m in messages(tmp_path, case_text(drop=("sources",))))


def test_featured_must_be_true_or_false(tmp_path):
    assert "featured: must be true or false" in messages(tmp_path, case_text(featured="ja"))[0]


def test_missing_body_is_refused(tmp_path):
    assert "body: is empty" in messages(tmp_path, case_text(body=""))[0]


def test_body_of_only_headings_is_refused(tmp_path):
    assert "body: has no paragraph" in messages(tmp_path, case_text(body="## De uitdaging\n\n## De aanpak\n"))[0]


def test_invalid_file_name_is_refused(tmp_path):
    for name in ("Buurt_Moestuin.md", "buurt--moestuin.md", "-moestuin.md", ("x" * 81) + ".md"):
        found = messages(tmp_path, case_text(), name=name)
        assert found and "file name: " in found[0] and "is not a valid slug" in found[0], name


def test_reserved_slug_is_refused(tmp_path):
    assert "is reserved by the site" in messages(tmp_path, case_text(), name="pagina.md")[0]


def test_broken_yaml_names_file_and_line(tmp_path):
    import yaml

    front = "title: Buurtmoestuin\nsummary: [niet gesloten\ndomain: energie\n"
    try:
        yaml.safe_load(front)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2  # YAML counts from 0, and the file's line 1 is the opening ---
    assert line == 4  # where YAML finds the list still open: the next key
    found = messages(tmp_path, f"---\n{front}---\nTekst.\n")
    assert len(found) == 1
    assert found[0].startswith(f"cases/buurtmoestuin.md:{line}: front matter: is not valid YAML")


def test_missing_front_matter_is_refused(tmp_path):
    assert "front matter: is missing" in messages(tmp_path, "Alleen tekst.\n")[0]


def test_unclosed_front_matter_is_refused(tmp_path):
    assert "front matter: is not closed" in messages(tmp_path, "---\ntitle: x\n")[0]


def test_image_must_exist(tmp_path):
    found = messages(tmp_path, case_text(image="images/bestaat-niet.jpg", image_alt="Een foto"))
    assert "image: 'images/bestaat-niet.jpg' does not exist" in found[0]


def test_image_over_one_megabyte_is_refused(tmp_path):
    (tmp_path / "cases" / "images").mkdir(parents=True)
    (tmp_path / "cases" / "images" / "groot.jpg").write_bytes(b"\xff" * (1024 * 1024 + 1))
    found = messages(tmp_path, case_text(image="images/groot.jpg", image_alt="Een grote foto"))
    assert "at most 1024 kB (1 MB)" in found[0]


def test_image_without_alt_text_is_refused(tmp_path):
    (tmp_path / "cases" / "images").mkdir(parents=True)
    Image.new("RGB", (4, 3)).save(tmp_path / "cases" / "images" / "foto.png")
    found = messages(tmp_path, case_text(image="images/foto.png"))
    assert "image: needs image_alt" in found[0]


def test_image_that_is_not_really_an_image_names_file_and_line(tmp_path):
    (tmp_path / "cases" / "images").mkdir(parents=True)
    (tmp_path / "cases" / "images" / "kapot.jpg").write_bytes(b"\xff\xd8 dit is geen foto")
    found = messages(tmp_path, case_text(image="images/kapot.jpg", image_alt="Een kapotte foto"))
    assert len(found) == 1
    assert found[0].startswith("cases/buurtmoestuin.md:15: image: 'images/kapot.jpg' is not a readable image")


def test_all_problems_of_a_case_are_reported_in_line_order(tmp_path):
    text = "---\ntitle: Ab\nsummary: Kort\ninnovation_type: [dienst]\ndomain: [energie]\nregion: [utrecht]\nadded: 2030-01-01\nwebsite: ftp://x\nsources: [{title: Een bron, url: 'https://example.org'}]\n---\nTekst.\n"
    found = messages(tmp_path, text)
    assert [m.split(":")[1] for m in found] == ["2", "3", "7", "8"]


def test_optional_keys_left_empty_count_as_not_given(tmp_path):
    text = case_text(organisation="", website="", actors=[], partners=[{"name": "", "role": ""}], started=None)
    case, problems = check_text(tmp_path, text)
    assert problems == []
    assert case.organisation is None and case.partners == () and case.actors == ()


def test_source_with_empty_url_keeps_its_title(tmp_path):
    sources = [{"title": "Een artikel", "url": ""}, {"title": "De website", "url": "https://example.org/"}]
    case, problems = check_text(tmp_path, case_text(sources=sources))
    assert problems == [] and case.sources[0].url is None


def test_half_filled_partner_is_still_checked(tmp_path):
    assert "partners: is missing 'role'" in messages(tmp_path, case_text(partners=[{"name": "Stad Gent", "role": ""}]))[0]
