"""The seventeen Sustainable Development Goals and their showcase terms."""

from __future__ import annotations

from showcase.catalogue import goal_terms
from showcase.goals import GOALS


def test_there_are_seventeen_goals_numbered_in_order_each_named_and_described():
    assert [goal.number for goal in GOALS] == list(range(1, 18))
    assert all(goal.name and goal.description.endswith(".") for goal in GOALS)
    assert len({goal.name for goal in GOALS}) == 17


def test_a_goal_is_addressed_by_its_number_and_labelled_with_it():
    seventh = GOALS[6]
    assert seventh.slug == "7" and seventh.label == "SDG 7: Betaalbare en duurzame energie"


def test_every_goal_is_a_term_of_the_sdg_facet():
    terms = goal_terms()
    assert [(t.facet, t.slug, t.label) for t in terms] == [("sdg", g.slug, g.label) for g in GOALS]
