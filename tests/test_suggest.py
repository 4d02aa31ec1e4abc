"""'Did you mean ...?' for misspelt keys and values."""

from __future__ import annotations

import pytest

from showcase import i18n
from showcase.suggest import closest, did_you_mean

DOMAINS = ["armoede", "circulaire-economie", "energie", "mobiliteit"]


def test_a_label_written_for_its_slug_is_the_slug():
    assert closest("Circulaire Economie", DOMAINS) == "circulaire-economie"


def test_a_misspelling_finds_the_nearest_choice():
    assert closest("mobiliteid", DOMAINS) == "mobiliteit"
    assert closest("energy", DOMAINS) == "energie"


@pytest.mark.parametrize("value", ["fietsen", "", "   ", 12, None, ["energie"]])
def test_nothing_close_or_not_text_gives_no_suggestion(value):
    assert closest(value, DOMAINS) is None
    assert did_you_mean(value, DOMAINS) == ""


def test_the_suggestion_is_a_sentence_part_naming_the_choice():
    i18n.set_language("en")
    try:
        assert did_you_mean("mobiliteid", DOMAINS) == "; did you mean 'mobiliteit'?"
    finally:
        i18n.set_language(None)
