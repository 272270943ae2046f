"""Querysets compiled to SQL once per process and run again with each request's values.

A public page read with nothing kept builds the same dozen querysets on every request, and Django
builds and compiles each anew: `filter()` resolves every lookup, `as_sql()` walks every
expression, the JSON columns' subqueries included. On a story page that was about a third of its
time, more than PostgreSQL took to run the queries.

`run_compiled(name, build, **values)` builds the queryset once with stand-in values (markers) in
place of `values`, compiles it, and remembers the SQL and where each marker landed among its
parameters. Each later run puts the request's values in those places and lets the queryset's own
iterable (model instances, `values()`, `values_list()`) read the rows, so results are the same
objects Django would give. Like the cached template loader, only SQL text is remembered per
process, never data: nothing read can go stale.

What changes the SQL's text must reach the key: the name, each value's kind (None
and lists of different lengths compile apart), and `shape` for anything else the builder reads
(the active language, say). A settings change (tests' `override_settings`) forgets everything.
The first compile builds the queryset twice with different markers and refuses a queryset whose
SQL or other parameters differ between the two: one that reads the clock or anything else not
passed in would otherwise be frozen at its first value.
"""

import copy
import functools
import itertools
import uuid
import weakref

from django.core.exceptions import EmptyResultSet
from django.core.signals import setting_changed
from django.db import connections

_compiled = {}
_markers = itertools.count(1)


class NotCompilable(ValueError):
    """A queryset whose SQL cannot be re-run with new values (see the module docstring)."""


def run_compiled(name, build, /, *, shape=(), **values):
    """The results of `build(**values)` (a queryset), read with SQL compiled once per process
    for this name, shape and kind of values. Values are ints, strings, UUIDs, None, or lists
    or tuples of those; a list's length is part of its kind."""
    key = (name, tuple(shape), tuple(_kind(v) for v in values.items()))
    prepared = _compiled.get(key)
    if prepared is None:
        prepared = _compiled[key] = _Prepared.compile(build, values)
    return prepared.run(values)


def padded(values):
    """`values` as a list lengthened to a power of two by repeating its last item, for an IN
    list: the same rows, and a few compiled queries for lists of every length."""
    values = list(values)
    if not values:
        return values
    size = 1 << (len(values) - 1).bit_length()
    return values + [values[-1]] * (size - len(values))


def forget_compiled(**kwargs):
    """Drop every compiled query: their SQL may read settings (rendition sizes, languages)."""
    _compiled.clear()


setting_changed.connect(forget_compiled, dispatch_uid="operations.compiled_queries")


def _kind(item):
    name, value = item
    if value is None:
        return (name, None)
    if isinstance(value, list | tuple):
        return (name, len(value))
    return (name, type(value).__name__)


class _Marker:
    """A stand-in value: an int, a string or a UUID no real value takes."""

    def __init__(self, value):
        n = next(_markers)
        if isinstance(value, bool):
            raise NotCompilable(f"a boolean cannot be told apart from the SQL: {value!r}")
        if isinstance(value, int):  # positive and in range: Django drops out-of-range lookups
            self.value = 1_900_000_000 + n
        elif isinstance(value, uuid.UUID):
            self.value = uuid.UUID(int=(0xC0FFEE << 100) + n)
        elif isinstance(value, str):
            self.value = f"\x1fcompiled-query-marker-{n}\x1f"
        else:
            raise NotCompilable(f"cannot stand in for a {type(value).__name__}: {value!r}")

    def matches(self, param):
        """How `param` holds this marker: "same", "hex" (a UUID as text), "like" (a LIKE
        pattern around it: startswith, contains), or None."""
        if isinstance(self.value, uuid.UUID):
            if param == self.value:
                return "same"
            return "hex" if param == self.value.hex else None
        if isinstance(param, bool):
            return None
        if param == self.value:
            return "same"
        if isinstance(self.value, str) and isinstance(param, str):
            if param.strip("%") == self.value and param != self.value:
                return "like"
        return None


def _stand_ins(values):
    """Markers for each value (None stays None), and the builder's arguments made of them."""
    markers, arguments = {}, {}
    for name, value in values.items():
        if value is None:
            arguments[name] = None
        elif isinstance(value, list | tuple):
            markers[name] = [_Marker(v) for v in value]
            arguments[name] = type(value)(m.value for m in markers[name])
        else:
            markers[name] = _Marker(value)
            arguments[name] = markers[name].value
    return markers, arguments


def _slots(params, markers):
    """(index in params, value name, position in a list or None, how it is held) for each
    marker found."""
    flat = [
        (name, position, marker)
        for name, found in markers.items()
        for position, marker in (enumerate(found) if isinstance(found, list) else [(None, found)])
    ]
    slots, unseen = [], {(name, position) for name, position, _ in flat}
    for index, param in enumerate(params):
        for name, position, marker in flat:
            held = marker.matches(param)
            if held == "like":
                held = (param.startswith("%"), param.endswith("%"))
            if held:
                slots.append((index, name, position, held))
                unseen.discard((name, position))
                break
    if unseen:
        raise NotCompilable(f"values not passed to the database as parameters: {sorted(unseen)}")
    return slots


class _Prepared:
    def __init__(self, queryset, compiler, sql, params, slots):
        self.queryset = queryset  # built with markers, never evaluated: cloned for each run
        self.alias = queryset.db
        self.compiler = compiler
        self.sql = sql
        self.params = tuple(params)
        self.slots = slots
        # Each connection's converters of the select list (see _converters).
        self.converters = weakref.WeakKeyDictionary()

    @classmethod
    def compile(cls, build, values):
        compiled = []
        for _ in range(2):
            markers, arguments = _stand_ins(values)
            queryset = build(**arguments)
            compiler = queryset.query.get_compiler(using=queryset.db)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:  # an empty IN list: no row whatever the values
                return _NoRows()
            slots = _slots(params, markers)
            compiled.append((queryset, compiler, sql, params, slots))
        (queryset, compiler, sql, params, slots), (_, _, sql_again, params_again, slots_again) = (
            compiled
        )
        fixed = [p for i, p in enumerate(params) if i not in {s[0] for s in slots}]
        fixed_again = [p for i, p in enumerate(params_again) if i not in {s[0] for s in slots}]
        if (
            sql != sql_again
            or fixed != fixed_again
            or [s[0] for s in slots] != [s[0] for s in slots_again]
        ):
            raise NotCompilable(
                "the queryset's SQL depends on something other than its values and shape"
            )
        return cls(queryset, compiler, sql, params, slots)

    def run(self, values):
        params = list(self.params)
        for index, name, position, held in self.slots:
            value = values[name] if position is None else values[name][position]
            if isinstance(held, tuple):  # a LIKE pattern: the value escaped as Django does
                before, after = held
                value = connections[self.alias].ops.prep_for_like_query(value)
                params[index] = f"{'%' * before}{value}{'%' * after}"
            else:
                params[index] = _as_given(params[index], value)
        queryset = self.queryset._chain()
        queryset.query.get_compiler = functools.partial(self._compiler, tuple(params))
        return list(queryset)

    def _compiler(self, params, using=None, connection=None, elide_empty=True):
        """A copy of the compiled compiler (its select list and converters are the queryset's)
        on this thread's connection, answering as_sql() with the remembered SQL."""
        compiler = copy.copy(self.compiler)
        compiler.connection = connection or connections[using]
        compiler.using = using
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        compiler.get_converters = functools.partial(self._converters, compiler)
        return compiler

    def _converters(self, compiler, expressions):
        """`compiler.get_converters(expressions)`, worked out once per connection: Django asks
        every column of the select list for its converters on each run (3% of a story page's
        time), and they only depend on the columns, which are this compiled query's own, and
        on the connection's backend."""
        known = self.converters.setdefault(compiler.connection, {})
        expressions = tuple(expressions)
        key = tuple(map(id, expressions))
        found = known.get(key)
        # The columns are kept with their converters, so an id is never another column's.
        if found is None or any(a is not b for a, b in zip(found[0], expressions, strict=True)):
            found = known[key] = (expressions, type(compiler).get_converters(compiler, expressions))
        return found[1]


class _NoRows:
    def run(self, values):
        return []


def _as_given(template_param, value):
    """`value` in the form the database adapter gave the marker (psycopg's Int4, a UUID's hex)."""
    if isinstance(template_param, str) and isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(template_param, uuid.UUID):
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if isinstance(template_param, int) and type(template_param) is not int:
        return type(template_param)(value)
    return value
