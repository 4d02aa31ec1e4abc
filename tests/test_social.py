"""What a shared case link shows: Open Graph, Twitter card and JSON-LD."""

from __future__ import annotations

import json

from PIL import Image

from helpers import HOSTILE_TITLE, REPO, SCRIPT_PAYLOADS, ld_json, make_case
from showcase import social
from showcase.model import Case, Partner
from showcase.thumbnails import Picture

BASE = "https://voorbeeld.org/site/"
HOSTILE = SCRIPT_PAYLOADS[0]


def make(**extra) -> Case:
    fields = dict(title="Fietsbieb Gent", summary="Gezinnen lenen kinderfietsen.", domain=("mobiliteit", "armoede"),
                  region=("oost-vlaanderen", "brussel"))
    return make_case("fietsbieb", (2026, 11, 20), **{**fields, **extra})


def tags(result: dict) -> dict[str, str]:
    return {tag["name"]: tag["content"] for tag in result["meta"]}


def test_script_json_cannot_close_the_script_element_it_sits_in():
    text = social.script_json({"name": HOSTILE})
    assert "<" not in text and ">" not in text
    assert json.loads(text) == {"name": HOSTILE}


def test_script_json_escapes_ampersands_and_line_separators():
    text = social.script_json({"name": "A & B\u2028C\u2029"})
    assert "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"name": "A & B\u2028C\u2029"}


def test_case_page_shares_title_summary_and_canonical_address(vocabulary):
    found = tags(social.case_social(make(), vocabulary, BASE, "Site", None))
    assert found["og:type"] == "article" and found["og:locale"] == "nl_BE" and found["og:site_name"] == "Site"
    assert found["og:title"] == found["twitter:title"] == "Fietsbieb Gent"
    assert found["og:description"] == found["twitter:description"] == "Gezinnen lenen kinderfietsen."
    assert found["og:url"] == "https://voorbeeld.org/site/praktijkvoorbeelden/fietsbieb/"


def test_case_without_image_shares_the_site_default_image(vocabulary):
    found = tags(social.case_social(make(), vocabulary, BASE, "Site", None))
    assert found["og:image"] == found["twitter:image"] == "https://voorbeeld.org/site/assets/images/social.png"
    assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630")
    assert found["twitter:card"] == "summary_large_image"


def test_case_with_image_shares_it_with_its_size_and_alt_text(vocabulary):
    picture = Picture("praktijkvoorbeelden/images/f.png", 320, 200, "praktijkvoorbeelden/images/klein/f-1.webp", b"")
    found = tags(social.case_social(make(image="images/f.png", image_alt="Twee wielen"), vocabulary, BASE, "Site", picture))
    assert found["og:image"] == "https://voorbeeld.org/site/praktijkvoorbeelden/images/f.png"
    assert (found["og:image:width"], found["og:image:height"], found["og:image:alt"]) == ("320", "200", "Twee wielen")


def test_json_ld_describes_the_initiative_as_a_project(vocabulary):
    case = make(organisation="Fietsbieb vzw", started=2016, website="https://example.org",
                partners=(Partner("Stad Gent", "financier"), Partner("Buurtwerk", "uitvoeringspartner")))
    data = json.loads(social.case_social(case, vocabulary, BASE, "Site", None)["json_ld"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Project"
    assert (data["name"], data["description"], data["url"]) == ("Fietsbieb Gent", "Gezinnen lenen kinderfietsen.", "https://voorbeeld.org/site/praktijkvoorbeelden/fietsbieb/")
    assert data["parentOrganization"] == {"@type": "Organization", "name": "Fietsbieb vzw"}
    assert data["funder"] == [{"@type": "Organization", "name": "Stad Gent"}]
    assert data["foundingDate"] == "2016" and data["sameAs"] == "https://example.org"
    assert data["areaServed"] == ["Oost-Vlaanderen", "Brussel"]
    assert data["keywords"] == ["Dienst", "Mobiliteit", "Armoede en ongelijkheid"]


def test_json_ld_leaves_out_what_the_case_does_not_say(vocabulary):
    data = json.loads(social.case_social(make(), vocabulary, BASE, "Site", None)["json_ld"])
    assert not {"parentOrganization", "funder", "foundingDate", "sameAs"} & set(data)


def test_default_social_image_is_1200_by_630_and_small():
    path = REPO / "overrides" / social.DEFAULT_IMAGE
    with Image.open(path) as image:
        assert image.size == social.DEFAULT_IMAGE_SIZE
    assert path.stat().st_size < 50 * 1024


# --- the built site --------------------------------------------------------

def test_case_page_head_has_open_graph_twitter_and_canonical(built):
    page = built.html("praktijkvoorbeelden/fietsbieb")
    head = page.split("</head>", 1)[0]
    for tag in ('<meta property="og:title" content="Fietsbieb Gent">', '<meta property="og:type" content="article">',
                '<meta property="og:url" content="https://sociale-innovatie.github.io/showcase/praktijkvoorbeelden/fietsbieb/">',
                '<meta property="og:image" content="https://sociale-innovatie.github.io/showcase/praktijkvoorbeelden/images/fietsen.png">',
                '<meta name="twitter:card" content="summary_large_image">',
                '<link rel="canonical" href="https://sociale-innovatie.github.io/showcase/praktijkvoorbeelden/fietsbieb/">'):
        assert tag in head, tag
    assert head.count('rel="canonical"') == 1


def test_case_page_meta_description_is_its_summary(built):
    assert '<meta name="description" content="Gezinnen lenen voor een klein bedrag een kinderfiets' in built.html("praktijkvoorbeelden/fietsbieb")


def test_case_page_json_ld_parses_and_describes_the_case(built):
    [data] = ld_json(built.html("praktijkvoorbeelden/fietsbieb"))
    assert data["name"] == "Fietsbieb Gent"
    assert [place["name"] for place in data["areaServed"]] == ["Ledeberg"]
    assert data["location"][0]["geo"] == {"@type": "GeoCoordinates", "latitude": 51.03859, "longitude": 3.74458}
    assert data["foundingDate"] == "2016"


def test_pages_that_are_not_cases_have_no_social_tags(built):
    for page in (built.html("index.html"), built.html("404.html"), built.html("overzicht")):
        assert "og:title" not in page and ld_json(page) == []


def test_hostile_title_stays_text_in_every_tag_of_the_head(hostile_site):
    page = (hostile_site / "praktijkvoorbeelden" / "kwaad" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert '<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &#34;x&#34; &amp; y">' in page
    [data] = ld_json(page)
    assert data["name"] == HOSTILE_TITLE


# --- structured data on every page type (read by extruct, as a search engine would) ---

def json_ld_types(html: str, url: str = "https://sociale-innovatie.github.io/showcase/") -> dict[str, list[dict]]:
    import extruct

    found: dict[str, list[dict]] = {}
    for block in extruct.extract(html, base_url=url, syntaxes=["json-ld"])["json-ld"]:
        for item in block.get("@graph", [block]):
            found.setdefault(item["@type"], []).append(item)
    return found


def test_every_page_describes_the_website_with_its_search_action(built):
    for path in ("index.html", "praktijkvoorbeelden", "praktijkvoorbeelden/fietsbieb", "domein/energie", "over", "overzicht"):
        [site] = json_ld_types(built.html(path))["WebSite"]
        assert site["potentialAction"]["target"]["urlTemplate"].endswith("/zoeken/?q={search_term_string}"), path


def test_every_page_has_breadcrumbs_from_home_to_itself(built):
    crumbs = json_ld_types(built.html("plaats/ledeberg"))["BreadcrumbList"][0]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Plaatsen", "België", "Vlaanderen", "Oost-Vlaanderen", "Ledeberg"]
    assert crumbs[-1]["item"].endswith("/plaats/ledeberg/")
    case = json_ld_types(built.html("praktijkvoorbeelden/fietsbieb"))["BreadcrumbList"][0]["itemListElement"]
    assert [c["name"] for c in case] == ["Home", "Praktijkvoorbeelden", "Fietsbieb Gent"]
    assert [c["name"] for c in json_ld_types(built.html("over"))["BreadcrumbList"][0]["itemListElement"]][0] == "Home"


def test_listing_pages_are_collection_pages_listing_their_cases(built):
    [page] = json_ld_types(built.html("domein/circulaire-economie"))["CollectionPage"]
    urls = [item["url"] for item in page["mainEntity"]["itemListElement"]]
    assert page["mainEntity"]["@type"] == "ItemList" and len(urls) == page["mainEntity"]["numberOfItems"] == 2
    assert all("/praktijkvoorbeelden/" in url for url in urls)
    assert "CollectionPage" in json_ld_types(built.html("praktijkvoorbeelden"))


def test_a_case_page_is_a_project_not_a_collection(built):
    found = json_ld_types(built.html("praktijkvoorbeelden/fietsbieb"))
    assert "Project" in found and "CollectionPage" not in found
