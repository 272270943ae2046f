"""Fixtures for the editorial workflow tests: the people of each group and an incomplete image
(shared with the illustrations suite)."""

from tests.illustrations.conftest import (  # noqa: F401 - fixtures
    editor,
    empty_rendition_cache,
    incomplete_image,
    reviewer,
    superuser,
)
