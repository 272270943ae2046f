"""Figures and cards are built as strings: every value must be escaped exactly as the template
engine escapes it (illustrations/figure_html.escape_value against Django's conditional_escape)."""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override
from hypothesis import given
from hypothesis import strategies as st

from illustrations.figure_html import escape_value


@given(st.text())
def test_plain_text_is_escaped_as_templates_escape_it(text):
    assert escape_value(text) == conditional_escape(text)


@given(st.text())
def test_safe_text_is_left_as_it_is(text):
    assert escape_value(mark_safe(text)) == conditional_escape(mark_safe(text)) == text


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans()))
def test_other_values_are_escaped_as_text(value):
    assert escape_value(value) == conditional_escape(value)


def test_none_is_nothing_and_lazy_text_is_translated_then_escaped():
    assert escape_value(None) == ""
    label = gettext_lazy("Illustration:")
    with override("cy"):  # translated in the active language, whatever an earlier test left
        assert escape_value(label) == conditional_escape(str(label)) != "Illustration:"
