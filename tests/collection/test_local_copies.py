"""Each worker's own copies of kept values (collection/local_copies.py): read without a round
trip to the shared cache, never shared as objects between requests, bounded in bytes."""

import pytest
from django.core.cache import caches

from collection import local_copies


class CountingCache:
    def __init__(self):
        self.backend = caches["default"]
        self.reads = 0

    def get(self, key, default=None):
        self.reads += 1
        return self.backend.get(key, default)

    def get_many(self, keys):
        self.reads += 1
        return self.backend.get_many(keys)

    def set(self, key, value, timeout):
        self.backend.set(key, value, timeout)

    def set_many(self, values, timeout):
        self.backend.set_many(values, timeout)


@pytest.fixture
def cache(settings, clear_caches):
    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.FRAGMENT_LOCAL_BYTES = 10_000
    return CountingCache()


def test_a_value_read_once_is_read_again_without_the_shared_cache(cache):
    caches["default"].set("k", ["kept"], 300)
    assert local_copies.get(cache, "k") == ["kept"]
    assert local_copies.get(cache, "k") == ["kept"]
    assert local_copies.get_many(cache, ["k"]) == {"k": ["kept"]}
    assert cache.reads == 1


def test_a_value_made_here_is_copied_when_kept(cache):
    local_copies.set_many(cache, {"a": 1, "b": 2}, 300)
    assert local_copies.get_many(cache, ["a", "b"]) == {"a": 1, "b": 2}
    assert cache.reads == 0


def test_changing_what_was_read_changes_nothing_for_the_next_request(cache):
    local_copies.set(cache, "k", {"cards": ["one"]}, 300)
    first = local_copies.get(cache, "k")
    first["cards"].append("changed by a page")
    assert local_copies.get(cache, "k") == {"cards": ["one"]}


def test_copies_stay_within_their_bytes(cache):
    for n in range(50):
        local_copies.set(cache, f"k{n}", "x" * 1000, 300)
    assert local_copies.local_copies.size <= 10_000
    assert local_copies.local_copies.get("k49") == "x" * 1000
    assert local_copies.local_copies.get("k0") is local_copies.MISSING


def test_nothing_is_copied_when_turned_off(cache, settings):
    settings.FRAGMENT_LOCAL_BYTES = 0
    local_copies.set(cache, "k", "v", 300)
    assert local_copies.local_copies.get("k") is local_copies.MISSING
    assert local_copies.get(cache, "k") == "v"
    assert cache.reads == 1
