# portal/bijlagen.py looks up every image request under MEDIA_URL by its file name; Wagtail's
# image and rendition tables have no index on it.

from django.db import migrations

INDEXEN = [
    ("portal_rendition_file_idx", "wagtailimages_rendition"),
    ("portal_image_file_idx", "wagtailimages_image"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_wachtwoordpoging"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {naam} ON {tabel} (file)",
            f"DROP INDEX IF EXISTS {naam}",
        )
        for naam, tabel in INDEXEN
    ]
