"""What a preview rebuild may take over: cases read before, pages unchanged since the last good build."""

from __future__ import annotations

import os

from showcase.reuse import CaseCache, PagePrints, folder_print, stamp, value_print


def cached(tmp_path, context: str = "context"):
    """A case file and a cache holding its result, read in `context`."""
    path = tmp_path / "a.md"
    path.write_text("een", encoding="utf-8")
    cache = CaseCache()
    cache.begin(context)
    cache.put(path, "result", stamp(path))
    return path, cache


def test_a_cached_result_is_reused_while_the_file_is_unchanged(tmp_path):
    path, cache = cached(tmp_path)
    assert cache.get(path) == "result"


def test_a_changed_file_is_read_again(tmp_path):
    path, cache = cached(tmp_path)
    path.write_text("twee", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert cache.get(path) is None


def test_a_new_context_forgets_every_file(tmp_path):
    path, cache = cached(tmp_path, "vocabulary 1")
    cache.begin("vocabulary 2")
    assert cache.get(path) is None


def test_the_same_context_keeps_what_was_read(tmp_path):
    path, cache = cached(tmp_path, "vocabulary 1")
    cache.begin("vocabulary 1")
    assert cache.get(path) == "result"


def test_a_save_while_the_file_was_read_counts_as_a_change(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("een", encoding="utf-8")
    read = stamp(path)
    path.write_text("twee, tijdens het lezen", encoding="utf-8")
    cache = CaseCache()
    cache.put(path, "result of een", read)
    assert cache.get(path) is None


def test_a_deleted_file_is_not_served_from_the_cache(tmp_path):
    path, cache = cached(tmp_path)
    path.unlink()
    assert cache.get(path) is None


def test_pages_with_the_print_of_the_last_good_build_are_unchanged():
    prints = PagePrints()
    prints.plan({"a.md": "1", "b.md": "2"})
    prints.succeeded()
    assert prints.plan({"a.md": "1", "b.md": "3", "c.md": "4"}) == {"a.md"}


def test_nothing_is_unchanged_before_a_build_has_succeeded():
    prints = PagePrints()
    prints.plan({"a.md": "1"})
    assert prints.plan({"a.md": "1"}) == set()


def test_after_a_failed_build_every_page_is_made_again():
    prints = PagePrints()
    prints.plan({"a.md": "1"})
    prints.succeeded()
    prints.failed()
    assert prints.plan({"a.md": "1"}) == set()


def test_a_folder_print_changes_with_a_file_its_name_or_the_extra_values(tmp_path):
    (tmp_path / "t.html").write_text("<p>", encoding="utf-8")
    before = folder_print([tmp_path], "9.8.1")
    assert folder_print([tmp_path], "9.8.1") == before
    assert folder_print([tmp_path], "9.8.2") != before
    (tmp_path / "t.html").write_text("<p>!", encoding="utf-8")
    changed = folder_print([tmp_path], "9.8.1")
    assert changed != before
    (tmp_path / "t.html").rename(tmp_path / "u.html")
    assert folder_print([tmp_path], "9.8.1") != changed


def test_a_folder_print_takes_a_single_file_too(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: a", encoding="utf-8")
    before = folder_print([tmp_path / "mkdocs.yml"])
    (tmp_path / "mkdocs.yml").write_text("site_name: b", encoding="utf-8")
    assert folder_print([tmp_path / "mkdocs.yml"]) != before


def test_value_prints_tell_values_and_their_boundaries_apart():
    assert value_print({"a": [1, 2]}) == value_print({"a": [1, 2]})
    assert value_print({"a": [1, 2]}) != value_print({"a": [1, 3]})
    assert value_print("ab", "c") != value_print("a", "bc")


def test_values_that_cannot_be_pickled_count_by_their_repr():
    settings = {"toc": {"slugify": lambda text: text}}
    assert value_print(settings) == value_print(settings)
    assert value_print(settings) != value_print({"toc": {}})


def test_a_value_derived_from_a_case_is_made_once_per_case_object():
    cache, made = CaseCache(), []
    case = ("een case",)
    make = lambda: made.append(1) or "meta"
    assert cache.derive("social", case, make) == cache.derive("social", case, make) == "meta"
    assert len(made) == 1


def test_a_case_read_again_gets_its_values_made_again():
    cache, made = CaseCache(), []
    cache.derive("social", ["oud"], lambda: made.append("oud"))
    cache.derive("social", ["nieuw"], lambda: made.append("nieuw"))
    assert made == ["oud", "nieuw"]


def test_a_new_context_forgets_derived_values():
    cache, case = CaseCache(), ("een case",)
    cache.begin("vocabulary 1")
    cache.derive("social", case, lambda: "oud")
    cache.begin("vocabulary 2")
    assert cache.derive("social", case, lambda: "nieuw") == "nieuw"


def test_equal_values_print_alike_whether_or_not_they_share_objects():
    word = "".join(["coö", "peratie"])
    shared = {"title": word, "label": word}
    separate = {"title": "".join(["coö", "peratie"]), "label": "".join(["coöp", "eratie"])}
    assert value_print(shared) == value_print(separate)


def test_a_derived_value_inside_a_page_prints_once_for_every_page_that_shows_it(monkeypatch):
    import showcase.reuse as reuse

    cache, case = CaseCache(), ("een case",)
    card = cache.derive("card", case, lambda: {"title": "Fietsbieb", "places": ["Gent"]})
    pickled = []
    real = reuse.value_print
    monkeypatch.setattr(reuse, "value_print", lambda *values, **kw: pickled.append(values) or real(*values, **kw))
    first = cache.value_print({"cards": [card]})
    second = cache.value_print({"cards": [card, card]})
    assert first != second
    assert sum(1 for values in pickled if values == (card,)) == 1


def test_a_page_print_changes_when_a_card_it_shows_is_made_again():
    cache = CaseCache()
    old = cache.derive("card", ["oud"], lambda: {"title": "Fietsbieb"})
    new = cache.derive("card", ["nieuw"], lambda: {"title": "Fietsbib"})
    assert cache.value_print({"cards": [old]}) != cache.value_print({"cards": [new]})


def test_a_card_prints_unlike_a_string_with_its_print():
    cache = CaseCache()
    card = cache.derive("card", ("een case",), lambda: {"title": "Fietsbieb"})
    assert cache.value_print([card]) != cache.value_print([value_print(card)])


def test_a_derived_dict_is_still_the_same_mapping():
    cache = CaseCache()
    assert cache.derive("card", ("een case",), lambda: {"title": "Fietsbieb"}) == {"title": "Fietsbieb"}



def recall_twice(first_inputs, second_inputs, contexts=("context", "context")):
    """The page `a.md` of a first build and of a second, and the page the second would make."""
    cache, first, fresh = CaseCache(), object(), object()
    cache.begin(contexts[0])
    cache.recall("a.md", first_inputs, lambda: first)
    cache.begin(contexts[1])
    return first, cache.recall("a.md", second_inputs, lambda: fresh), fresh


def test_a_page_made_from_the_same_inputs_is_the_last_builds():
    first, second, _ = recall_twice(("case", 1), ("case", 1))
    assert second is first


def test_a_page_made_from_other_inputs_is_made_again():
    _, second, fresh = recall_twice(("case", 1), ("case", 2))
    assert second is fresh


def test_a_new_context_forgets_the_pages():
    _, second, fresh = recall_twice(("case", 1), ("case", 1), contexts=("vocabulary 1", "vocabulary 2"))
    assert second is fresh
