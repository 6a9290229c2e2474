"""Wagtail's database search backend on SQLite, with Dutch stemming.

On PostgreSQL the backend uses the ``dutch`` text search configuration, which stems words:
*wijkteam* and *wijkteams* find the same pages. SQLite's FTS5 only splits words, so there the
plural found other products than the singular. This backend stems title and body with the
Snowball stemmer for Dutch before they go into the full-text table, and stems the words of a
query the same way. Autocomplete (prefix search on titles) stays unstemmed.

After switching an existing SQLite database to this backend, ``manage.py update_index``
rewrites its index (``scripts/start.sh`` does this once).

Settings: ``"BACKEND": "portal.basis.dutch_search"`` in ``WAGTAILSEARCH_BACKENDS``.
"""

import re
from functools import lru_cache

import snowballstemmer
from modelsearch.backends.database.sqlite import sqlite as basis
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

# Word characters as FTS5's unicode61 tokenizer sees them: letters and digits.
WOORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


def stem(tekst):
    """The words of ``tekst``, lower case and stemmed, separated by spaces."""
    woorden = WOORD.findall(tekst.lower())
    return " ".join(_stemmer().stemWords(woorden))


class DutchObjectIndexer(basis.ObjectIndexer):
    @property
    def stemmed_title(self):
        return stem(self.title)

    @property
    def stemmed_body(self):
        return stem(self.body)


class DutchSQLiteIndex(basis.SQLiteIndex):
    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with stemmed title and body.
        if not model.get_search_fields():
            return
        indexers = [DutchObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        gegevens = {
            indexer.id: (indexer.stemmed_title, indexer.autocomplete, indexer.stemmed_body)
            for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        bestaand = frozenset(
            entries.filter(object_id__in=gegevens.keys()).values_list("object_id", flat=True)
        )
        for object_id in bestaand:
            title, autocomplete, body = gegevens[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            basis.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in gegevens.items()
            if object_id not in bestaand
        )
        self._refresh_title_norms()


class DutchSQLiteSearchQueryCompiler(basis.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(stem(query.query_string), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(stem(query.query_string))
        return super().build_search_query_content(query, config=config)


class DutchSQLiteSearchBackend(basis.SQLiteSearchBackend):
    index_class = DutchSQLiteIndex
    query_compiler_class = DutchSQLiteSearchQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """The Dutch backend on SQLite with FTS5; Wagtail's database backend everywhere else."""
    from django.db import connection
    from modelsearch.backends import database

    if connection.vendor == "sqlite" and isinstance(
        database.SearchBackend(params), basis.SQLiteSearchBackend
    ):
        return DutchSQLiteSearchBackend(params)
    return database.SearchBackend(params)
