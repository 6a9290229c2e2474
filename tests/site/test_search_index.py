"""Search on PostgreSQL uses an index on the expression it matches, not a full scan."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the index is PostgreSQL's GIN index"
    ),
]


def test_title_body_expression_is_indexed():
    with connection.cursor() as cursor:
        cursor.execute(
            "select indexdef from pg_indexes where tablename = 'wagtailsearch_indexentry' "
            "and indexname = 'wagtailsearch_indexentry_title_body_gin'"
        )
        (definitie,) = cursor.fetchone()
    assert "gin" in definitie and "title || body" in definitie
