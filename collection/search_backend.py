"""The site's search backend: Wagtail's database backend, with a PostgreSQL text search
configuration per language.

Wagtail 8's database backend (modelsearch's `PostgresSearchBackend`) takes one configuration
for the whole index from `SEARCH_CONFIG`: the index entries are built with it
(`ObjectIndexer.as_vector`) and queries are parsed with it (`get_config`). English stemming
applied to Welsh or Urdu text makes lexemes that match nothing a Welsh or Urdu reader types,
and there is no per-query option. So here, on PostgreSQL only:

- each object is indexed with the configuration of its own language (`obj.locale`), and
- each query is parsed with the configuration of the active language. The search view only
  ever asks for pages of the active language's locale (collection/views.py), so a query and
  the entries it can match were made with the same configuration.

English gets `english`; Welsh, Urdu and every language PostgreSQL has no stemmer for get
`simple` (lower-casing, no stemming, no stop words), which matches whole words in any script.
On SQLite (and any other database) this is exactly Wagtail's own database backend.
"""

from django.conf import settings
from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

# PostgreSQL's built-in configurations with a Snowball stemmer, by language code prefix.
POSTGRES_CONFIGS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "nb": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
FALLBACK_CONFIG = "simple"


def config_for_language(code):
    """The text search configuration for a language code (cy -> simple, en-gb -> english)."""
    code = (code or settings.LANGUAGE_CODE).lower()
    return POSTGRES_CONFIGS.get(code.split("-")[0], FALLBACK_CONFIG)


def _locale_code(obj):
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None) or settings.LANGUAGE_CODE


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The backend for the default database: per-language on PostgreSQL, else Wagtail's."""
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    return _postgres_backend_class()(params)


def _postgres_backend_class():
    from modelsearch.backends.database.postgres import postgres as base

    original = base.ObjectIndexer
    if not getattr(original, "per_language", False):

        class LanguageObjectIndexer(original):
            """Indexes an object with the configuration of its own language, for a backend
            that asks for it (`language_configs`); otherwise exactly Wagtail's indexer."""

            per_language = True

            def __init__(self, obj, backend):
                super().__init__(obj, backend)
                if getattr(backend, "language_configs", False):
                    self.config = config_for_language(_locale_code(obj))

        # PostgresIndex.add_items builds its indexers from this module-level name. Replaced
        # once, for good, before any indexing (not swapped per call: workers run threads).
        base.ObjectIndexer = LanguageObjectIndexer

    class LanguageQueryCompiler(base.PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return config_for_language(translation.get_language())

    class LanguagePostgresSearchBackend(base.PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        language_configs = True

    return LanguagePostgresSearchBackend
