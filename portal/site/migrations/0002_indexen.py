"""Indexes on Wagtail's own tables that the site's queries need.

- A GIN index on the title-and-body expression Wagtail's PostgreSQL search matches on: its
  database search backend filters ``wagtailsearch_indexentry`` on ``title || body``, for which
  it has no index (Wagtail issue #6546); without it every search scans every entry.
  PostgreSQL only; other databases skip it.
- portal/site/bijlagen.py looks up every image request under MEDIA_URL by its file name;
  Wagtail's image and rendition tables have no index on it.
"""

from django.db import migrations

ZOEKINDEX = "wagtailsearch_indexentry_title_body_gin"
BESTANDSINDEXEN = [
    ("portal_rendition_file_idx", "wagtailimages_rendition"),
    ("portal_image_file_idx", "wagtailimages_image"),
]


def maak_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {ZOEKINDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def verwijder_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {ZOEKINDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(maak_zoekindex, verwijder_zoekindex),
        *(
            migrations.RunSQL(
                f"CREATE INDEX IF NOT EXISTS {naam} ON {tabel} (file)",
                f"DROP INDEX IF EXISTS {naam}",
            )
            for naam, tabel in BESTANDSINDEXEN
        ),
    ]
