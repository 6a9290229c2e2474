"""Wagtail's database search backend on SQLite, with Dutch stemming.

On PostgreSQL the backend uses the ``dutch`` text search configuration, which stems words:
*wijkteam* and *wijkteams* find the same pages. SQLite's FTS5 only splits words, so there the
plural found other products than the singular. This backend stems title and body with the
Snowball stemmer for Dutch before they go into the full-text table, and stems the words of a
query the same way. Autocomplete (prefix search on titles) stays unstemmed.

After switching an existing SQLite database to this backend, ``manage.py update_index``
rewrites its index (``scripts/start.sh`` does this once).

Settings: ``"BACKEND": "portal.basis.dutch_search"`` in ``WAGTAILSEARCH_BACKENDS``. The
backend classes are in ``dutch_search_sqlite.py``, imported only on SQLite: Wagtail's SQLite
index models do not exist on other databases.
"""

from portal.basis.dutch_stem import stem

__all__ = ["SearchBackend", "stem"]


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """The Dutch backend on SQLite with FTS5; Wagtail's database backend everywhere else."""
    from django.db import connection
    from modelsearch.backends import database

    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite":
        from portal.basis.dutch_search_sqlite import DutchSQLiteSearchBackend, basis

        if isinstance(backend, basis.SQLiteSearchBackend):
            return DutchSQLiteSearchBackend(params)
    return backend
