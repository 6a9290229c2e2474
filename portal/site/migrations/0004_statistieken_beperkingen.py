"""Planner statistics for the view-restriction tables, which may stay empty for ever.

Every public listing and search checks "no view restriction on the page or an ancestor"
(portal/basis/openbaar.py). PostgreSQL's autovacuum analyses a table only after enough rows
change, so a table that stays empty is never analysed, and a table never analysed is assumed to
hold some pages of rows: at 20,000 products the site search then planned that check as a nested
loop over every page (5 s instead of 0.13 s). Analysed once, empty is known to be empty.
PostgreSQL only; other databases skip it.
"""

from django.db import migrations

TABELLEN = ["wagtailcore_pageviewrestriction", "wagtailcore_collectionviewrestriction"]


def analyseer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE " + ", ".join(TABELLEN))


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_toegankelijkheidsverklaring")]

    operations = [migrations.RunPython(analyseer, migrations.RunPython.noop)]
