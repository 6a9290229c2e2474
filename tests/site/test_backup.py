"""Backup and restore: a restored copy has the same pages, revisions and documents."""

import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests.support.tree import add_product, build_tree

ROOT = Path(settings.BASE_DIR)
DB = settings.DATABASES["default"]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        DB["ENGINE"] != "django.db.backends.postgresql", reason="pg_dump/pg_restore need PostgreSQL"
    ),
]


def url(naam):
    return f"postgres://{DB['USER']}@{DB['HOST'] or '127.0.0.1'}:{DB['PORT'] or 5432}/{naam}"


def inventaris(database_url):
    with psycopg.connect(database_url) as conn:
        paginas = conn.execute("select url_path, title, live from wagtailcore_page order by path")
        revisies = conn.execute("select count(*) from wagtailcore_revision").fetchone()[0]
        documenten = conn.execute("select title, file from wagtaildocs_document order by id")
        return paginas.fetchall(), revisies, documenten.fetchall()


def run(script, *args, env):
    subprocess.run([str(ROOT / "scripts" / script), *args], check=True, env={**os.environ, **env})


def test_backup_restores_pages_revisions_and_documents(tmp_path, settings):
    tree = build_tree()
    document = Document.objects.create(
        title="Handreiking", file=ContentFile(b"%PDF-1.4 x", "h.pdf")
    )
    product = add_product(tree["noord"], "Met document", document=document)
    product.save_revision()  # a second, unpublished revision
    bron = url(DB["NAME"])
    doel_naam = f"wsd_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url("postgres"), autocommit=True) as conn:
        conn.execute(f'create database "{doel_naam}"')
    try:
        run(
            "backup.sh",
            str(tmp_path / "backup"),
            env={"DATABASE_URL": bron, "MEDIA_ROOT": str(settings.MEDIA_ROOT)},
        )
        hersteld_media = tmp_path / "hersteld-media"
        env = {"DATABASE_URL": url(doel_naam), "MEDIA_ROOT": str(hersteld_media)}
        run("restore.sh", str(tmp_path / "backup"), env=env)
        assert inventaris(url(doel_naam)) == inventaris(bron)
        assert (hersteld_media / document.file.name).read_bytes() == b"%PDF-1.4 x"
        # A second restore into the now filled database is refused: nothing is overwritten.
        with pytest.raises(subprocess.CalledProcessError):
            run("restore.sh", str(tmp_path / "backup"), env=env)
    finally:
        with psycopg.connect(url("postgres"), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{doel_naam}" with (force)')
