"""A card's machine-readable date (collection/cards.py `_iso_date`) is what the template filter
`date:"Y-m-d"` gives, for any date, and a datetime still goes through the filter."""

import datetime

from django.template.defaultfilters import date
from hypothesis import given, settings
from hypothesis import strategies as st

from collection.cards import _iso_date


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_any_date_as_the_filter_gives_it(day):
    assert _iso_date(day) == date(day, "Y-m-d")


def test_a_datetime_and_nothing_go_through_the_filter():
    moment = datetime.datetime(2026, 3, 4, 23, 30)
    assert _iso_date(moment) == date(moment, "Y-m-d") == "2026-03-04"
    assert _iso_date(None) == date(None, "Y-m-d") == ""
