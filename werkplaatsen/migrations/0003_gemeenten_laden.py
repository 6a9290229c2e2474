"""Loads the CBS list of gemeenten (werkplaatsen/data/gemeenten.csv) into Gemeente.

Later years: replace the CSV and run ``manage.py laad_gemeenten`` (README, "Gemeenten en
provincies"); this migration then only adds what is missing on a fresh database.
"""

from django.db import migrations

from werkplaatsen.plaatsen import laad_gemeenten, lees_gemeenten


def laden(apps, schema_editor):
    laad_gemeenten(apps.get_model("werkplaatsen", "Gemeente"), lees_gemeenten())


class Migration(migrations.Migration):
    dependencies = [("werkplaatsen", "0002_plaatsen")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
