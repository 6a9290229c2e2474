"""The SQLite search backend with Dutch stemming (see dutch_search.py); SQLite only."""

from modelsearch.backends.database.sqlite import sqlite as basis
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from portal.basis.dutch_stem import stem


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
        # Words the stemmer drops entirely (control or unpaired characters) stay as they were:
        # the backend turns an empty string into no condition at all and fails.
        if isinstance(query, PlainText):
            woorden = stem(query.query_string) or query.query_string
            query = PlainText(woorden, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(stem(query.query_string) or query.query_string)
        return super().build_search_query_content(query, config=config)


class DutchSQLiteSearchBackend(basis.SQLiteSearchBackend):
    index_class = DutchSQLiteIndex
    query_compiler_class = DutchSQLiteSearchQueryCompiler
