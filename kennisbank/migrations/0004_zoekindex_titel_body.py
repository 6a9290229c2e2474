"""A GIN index on the title-and-body expression Wagtail's PostgreSQL search matches on.

Wagtail's database search backend filters `wagtailsearch_indexentry` on `title || body`, for
which it has no index (Wagtail issue #6546): without this every search scans every entry.
PostgreSQL only; other databases skip it.
"""

from django.db import migrations

INDEX = "wagtailsearch_indexentry_title_body_gin"


def maak_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def verwijder_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0003_helpteksten"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(maak_index, verwijder_index)]
