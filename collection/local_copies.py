"""A per-process copy of what the shared cache keeps for pages, read without a round trip.

Every kept fragment (collection/fragments.py) and kept body (collection/story_body.py) lives
under a key that names what it was made from (a content generation, a revision): the value under
a key never changes, it only becomes unreachable. So a worker may keep its own copy of a value
it has read or made and answer the next request from it instead of asking Redis again: a kept
story page reads about fifteen values, and each round trip cost more than unpickling the value.

Copies are kept pickled and unpickled on every read, exactly as Redis would give them, so a page
that changes an object it got (a prefetch attached to a page, say) never changes it for the next
request. The copies are bounded in bytes (FRAGMENT_LOCAL_BYTES, least recently used out first)
and expire with the shared entries (FRAGMENT_CACHE_SECONDS).
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings

MISSING = object()


class LocalCopies:
    def __init__(self):
        self.entries = OrderedDict()  # key -> (expires, pickled bytes)
        self.size = 0
        # gunicorn's gthread workers serve requests from several threads.
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            item = self.entries.get(key)
            if item is None:
                return MISSING
            expires, data = item
            if expires < time.monotonic():
                self._drop(key)
                return MISSING
            self.entries.move_to_end(key)
        return pickle.loads(data)  # noqa: S301 (written by this process from its own values)

    def set(self, key, value):
        limit = getattr(settings, "FRAGMENT_LOCAL_BYTES", 0)
        if limit <= 0:
            return
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > limit // 4:
            return
        expires = time.monotonic() + settings.FRAGMENT_CACHE_SECONDS
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (expires, data)
            self.size += len(data)
            while self.size > limit and self.entries:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        _, data = self.entries.pop(key)
        self.size -= len(data)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


local_copies = LocalCopies()


def get(cache, key):
    """The value under `key`: this process's copy, else the shared cache's (then copied)."""
    value = local_copies.get(key)
    if value is MISSING:
        value = cache.get(key, MISSING)
        if value is not MISSING:
            local_copies.set(key, value)
    return value


def get_many(cache, keys):
    found = {}
    wanted = []
    for key in keys:
        value = local_copies.get(key)
        if value is MISSING:
            wanted.append(key)
        else:
            found[key] = value
    if wanted:
        shared = cache.get_many(wanted)
        for key, value in shared.items():
            local_copies.set(key, value)
        found.update(shared)
    return found


def set(cache, key, value, timeout):  # noqa: A001 (the cache API's own name)
    cache.set(key, value, timeout)
    local_copies.set(key, value)


def set_many(cache, values, timeout):
    cache.set_many(values, timeout)
    for key, value in values.items():
        local_copies.set(key, value)
