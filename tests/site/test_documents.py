"""Documents: file types, a size limit in every upload form, and safe serving.

Uploads go through the real Wagtail admin views (add, edit with a new file, the multiple
uploader and the upload tab of the page editor's document chooser), as a superuser and as
the editor of a Werkplaats in the collection of that Werkplaats. A refused file leaves no
Document row and no file behind; on edit the old file stays. Serving goes through Wagtail's
serve view under /documenten/: every type is a download (attachment) under Wagtail's
"default-src 'none'" policy, with a Content-Disposition that no file name can break.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from portal.site.models import InformatiePagina
from portal.site.rollen import richt_rollen_in
from tests.support.role_tree import gebruiker
from tests.support.tree import build_tree, publish, roots
from werkplaatsen.rechten import collectie_van, groep_van

pytestmark = pytest.mark.django_db

Document = get_document_model()

LIMIET = 1024  # bytes: the limit the tests set, so that an oversized file stays small
PDF = b"%PDF-1.4\n%test\n"
ONVEILIGE_EXTENSIES = ["html", "svg", "exe", "js"]
ONVEILIGE_INHOUD = {
    "html": b"<html><script>alert(1)</script></html>",
    "svg": b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    "exe": b"MZ\x90\x00\x03",
    "js": b"alert(1)",
}


def bestand(naam, inhoud=PDF, grootte=None):
    if grootte is not None:
        inhoud = (inhoud * (grootte // len(inhoud) + 1))[:grootte]
    return SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")


def grootte_nl(aantal):
    with translation.override("nl"):
        return str(filesizeformat(aantal))


def te_groot_melding(aantal):
    return (
        f"Dit bestand is te groot ({grootte_nl(aantal)}). "
        f"Een document mag maximaal {grootte_nl(LIMIET)} zijn."
    )


def opgeslagen_bestanden():
    map_ = Path(django_settings.MEDIA_ROOT) / "documents"
    return sorted(p.name for p in map_.iterdir()) if map_.exists() else []


@pytest.fixture
def tree():
    tree = build_tree()
    richt_rollen_in()
    groep = groep_van(tree["noord"])
    tree["collectie_noord"] = collectie_van(groep)
    tree["noord_redacteur"] = gebruiker("noord", groep.name)
    return tree


@pytest.fixture
def limiet(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = LIMIET
    return LIMIET


@pytest.fixture(params=["superuser", "noord_redacteur"])
def redacteur(request, tree, admin_user):
    """A logged-in client and the collection it uploads to."""
    client = Client()
    if request.param == "superuser":
        client.force_login(admin_user)
        collectie = Collection.get_first_root_node()
    else:
        client.force_login(tree["noord_redacteur"])
        collectie = tree["collectie_noord"]
    return client, collectie


def toevoegen(client, collectie, upload, titel="Rapport"):
    return client.post(
        reverse("wagtaildocs:add"), {"title": titel, "file": upload, "collection": collectie.pk}
    )


def meervoudig(client, collectie, upload):
    return client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": upload, "collection": collectie.pk}
    )


def fouten(response):
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


# --- Size limit ---------------------------------------------------------------------------------


def test_add_view_refuses_an_oversized_file(redacteur, limiet):
    client, collectie = redacteur

    response = toevoegen(client, collectie, bestand("groot.pdf", grootte=limiet + 1000))

    assert response.status_code == 200
    assert fouten(response) == te_groot_melding(limiet + 1000)
    assert te_groot_melding(limiet + 1000) in response.content.decode()
    assert not Document.objects.exists()
    assert opgeslagen_bestanden() == []


def test_a_large_upload_that_django_keeps_on_disk_is_refused_too(admin_client, settings):
    """Over FILE_UPLOAD_MAX_MEMORY_SIZE Django writes the upload to a temporary file."""
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024
    grootte = 3 * 1024 * 1024
    assert grootte > settings.FILE_UPLOAD_MAX_MEMORY_SIZE

    response = toevoegen(
        admin_client, Collection.get_first_root_node(), bestand("groot.pdf", grootte=grootte)
    )

    assert response.status_code == 200
    assert fouten(response) == (
        f"Dit bestand is te groot ({grootte_nl(grootte)}). "
        f"Een document mag maximaal {grootte_nl(1024 * 1024)} zijn."
    )
    assert not Document.objects.exists()
    assert opgeslagen_bestanden() == []


def test_multiple_upload_refuses_an_oversized_file(redacteur, limiet):
    client, collectie = redacteur

    response = meervoudig(client, collectie, bestand("groot.pdf", grootte=limiet + 1))

    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": te_groot_melding(limiet + 1)}
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert opgeslagen_bestanden() == []


def test_edit_view_refuses_an_oversized_replacement_and_keeps_the_old_file(redacteur, limiet):
    client, collectie = redacteur
    assert toevoegen(client, collectie, bestand("rapport.pdf")).status_code == 302
    document = Document.objects.get()
    oud_pad, oude_hash = document.file.path, document.file_hash

    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Rapport",
            "file": bestand("nieuw.pdf", grootte=limiet * 3),
            "collection": collectie.pk,
        },
    )

    assert response.status_code == 200
    assert fouten(response) == te_groot_melding(limiet * 3)
    document.refresh_from_db()
    assert document.file.path == oud_pad
    assert document.file_hash == oude_hash
    assert Path(oud_pad).read_bytes() == PDF
    assert opgeslagen_bestanden() == ["rapport.pdf"]


def test_the_chooser_upload_in_the_page_editor_refuses_an_oversized_file(redacteur, limiet):
    """The document chooser of the page editor has an upload tab of its own."""
    client, collectie = redacteur
    data = {
        "document-chooser-upload-title": "Groot",
        "document-chooser-upload-collection": collectie.pk,
        "document-chooser-upload-file": bestand("groot.pdf", grootte=limiet + 1),
    }

    response = client.post(reverse("wagtaildocs_chooser:create"), data)

    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert escape(te_groot_melding(limiet + 1)) in response.json()["htmlFragment"]
    assert not Document.objects.exists()
    assert opgeslagen_bestanden() == []

    data["document-chooser-upload-file"] = bestand("klein.pdf")
    response = client.post(reverse("wagtaildocs_chooser:create"), data)
    assert response.json()["step"] == "chosen"
    assert Document.objects.get().collection == collectie


def test_files_within_the_limit_are_accepted_everywhere(redacteur, limiet):
    client, collectie = redacteur

    assert toevoegen(client, collectie, bestand("precies.pdf", grootte=limiet)).status_code == 302
    response = meervoudig(client, collectie, bestand("klein.pdf"))
    assert response.json()["success"] is True
    document = Document.objects.get(file__endswith="klein.pdf")
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Klein",
            "file": bestand("vervangen.pdf", b"%PDF-1.7\n"),
            "collection": collectie.pk,
        },
    )
    assert response.status_code == 302

    assert Document.objects.count() == 2
    assert all(d.collection == collectie for d in Document.objects.all())
    document.refresh_from_db()
    assert Path(document.file.path).read_bytes() == b"%PDF-1.7\n"
    assert opgeslagen_bestanden() == ["precies.pdf", "vervangen.pdf"]


def test_the_add_form_and_the_multiple_uploader_announce_the_limit(admin_client, limiet):
    for url in (reverse("wagtaildocs:add"), reverse("wagtaildocs:add_multiple")):
        response = admin_client.get(url)
        assert response.status_code == 200
        tekst = response.content.decode()
        assert f"maximaal {grootte_nl(limiet)}" in tekst, url
        assert "PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT" in tekst, url
    # The multiple uploader checks the size in the browser before sending, with this message.
    response = admin_client.get(reverse("wagtaildocs:add_multiple"))
    assert response.context["error_max_file_size"] == (
        f"Dit bestand is te groot. Een document mag maximaal {grootte_nl(limiet)} zijn."
    )
    assert response.context["max_filesize"] == limiet


def test_the_limit_is_50_mb_unless_the_environment_says_otherwise():
    code = (
        "from portal.settings import base; "
        "print(base.WAGTAILDOCS_MAX_UPLOAD_SIZE, base.WAGTAILDOCS_DOCUMENT_FORM_BASE)"
    )
    omgeving = {k: v for k, v in os.environ.items() if k != "DOCUMENT_MAX_MB"}
    standaard = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True
    )
    ingesteld = subprocess.run(
        [sys.executable, "-c", code],
        env={**omgeving, "DOCUMENT_MAX_MB": "7"},
        capture_output=True,
        text=True,
        check=True,
    )

    assert standaard.stdout.split() == [
        str(50 * 1024 * 1024),
        "portal.site.forms.DocumentFormulier",
    ]
    assert ingesteld.stdout.split()[0] == str(7 * 1024 * 1024)


def test_request_memory_limits_stay_small():
    """Uploads over a few MB go to a temporary file, not into memory; form fields stay small."""
    assert django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024


# --- File types -----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("extensie", ONVEILIGE_EXTENSIES)
def test_disallowed_types_are_refused_with_a_dutch_message(redacteur, extensie):
    client, collectie = redacteur
    inhoud = ONVEILIGE_INHOUD[extensie]
    verwacht = (
        f"Bestanden van het type ‘{extensie}’ worden niet geaccepteerd. "
        "Toegestaan: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT."
    )

    response = toevoegen(client, collectie, bestand(f"bestand.{extensie}", inhoud))
    assert response.status_code == 200
    assert fouten(response) == verwacht

    response = meervoudig(client, collectie, bestand(f"bestand.{extensie}", inhoud))
    assert response.json() == {"success": False, "error_message": verwacht}

    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert opgeslagen_bestanden() == []


@pytest.mark.parametrize(
    ("naam", "melding"),
    [
        ("rapport.pdf.html", "Bestanden van het type ‘html’ worden niet geaccepteerd."),
        ("rapport.PDF.exe", "Bestanden van het type ‘exe’ worden niet geaccepteerd."),
        ("rapport", "De bestandsnaam heeft geen extensie, dus het type is onbekend."),
        (".htaccess", "De bestandsnaam heeft geen extensie, dus het type is onbekend."),
    ],
)
def test_only_the_last_extension_counts(admin_client, naam, melding):
    response = toevoegen(admin_client, Collection.get_first_root_node(), bestand(naam))

    assert response.status_code == 200
    assert fouten(response).startswith(melding)
    assert not Document.objects.exists()


def test_an_upper_case_extension_is_accepted(admin_client):
    response = toevoegen(admin_client, Collection.get_first_root_node(), bestand("RAPPORT.PDF"))

    assert response.status_code == 302
    assert Document.objects.get().filename == "RAPPORT.PDF"


def test_replacing_a_file_by_a_disallowed_type_keeps_the_old_file(admin_client):
    root = Collection.get_first_root_node()
    toevoegen(admin_client, root, bestand("rapport.pdf"))
    document = Document.objects.get()

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Rapport", "file": bestand("rapport.html", b"<script>"), "collection": root.pk},
    )

    assert response.status_code == 200
    assert "worden niet geaccepteerd" in fouten(response)
    document.refresh_from_db()
    assert document.filename == "rapport.pdf"
    assert opgeslagen_bestanden() == ["rapport.pdf"]


def test_editing_without_a_new_file_keeps_the_file(admin_client, limiet):
    root = Collection.get_first_root_node()
    toevoegen(admin_client, root, bestand("rapport.pdf"))
    document = Document.objects.get()

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Nieuw", "collection": root.pk}
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.filename) == ("Nieuw", "rapport.pdf")


# --- Serving --------------------------------------------------------------------------------


def geupload(client, naam, inhoud=PDF):
    """Upload through the admin (so the storage cleans the name), link it from a live page
    (only a document that a visible page uses is public: tests/site/test_attachments.py) and return
    the Document."""
    response = toevoegen(client, Collection.get_first_root_node(), bestand(naam, inhoud))
    assert response.status_code == 302, fouten(response)
    return op_een_openbare_pagina(Document.objects.latest("pk"))


def op_een_openbare_pagina(document):
    pagina = InformatiePagina(
        title=f"Pagina {document.pk}", body=[("document", {"document": document, "titel": ""})]
    )
    publish(roots(), pagina)
    return document


# RFC 6266: a type, a quoted ASCII filename without quotes, backslashes or control
# characters, and optionally the RFC 5987 filename* with the UTF-8 name percent-encoded.
CONTENT_DISPOSITION = re.compile(
    r"(?P<soort>attachment|inline)"
    r'(?:; filename="(?P<filename>[^"\\\x00-\x1f\x7f]*)")?'
    r"(?:; filename\*=UTF-8''(?P<filename_ster>[A-Za-z0-9%._~!$&+^`|-]+))?"
)


def disposition(response):
    """The Content-Disposition header, which must match the grammar above exactly."""
    waarde = response["Content-Disposition"]
    gevonden = CONTENT_DISPOSITION.fullmatch(waarde)
    assert gevonden, waarde
    return gevonden["soort"], {k: v for k, v in gevonden.groupdict().items() if v and k != "soort"}


def test_a_pdf_is_a_download_with_a_strict_policy(admin_client, client):
    document = geupload(admin_client, "rapport.pdf")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    soort, params = disposition(response)
    assert soort == "attachment"
    assert params["filename"] == "rapport.pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("naam", "type_"),
    [
        ("tabel.csv", "text/csv"),
        ("lees mij.txt", "text/plain"),
        ("verslag.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("cijfers.ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ],
)
def test_every_type_is_a_download_with_a_fixed_content_type(admin_client, client, naam, type_):
    document = geupload(admin_client, naam, b"a,b\n1,2\n")

    response = client.get(document.url)

    assert response["Content-Type"] == type_
    assert disposition(response)[0] == "attachment"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_html_in_a_txt_document_is_not_served_as_html(admin_client, client):
    html = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    document = geupload(admin_client, "notitie.txt", html)

    response = client.get(document.url)

    assert response["Content-Type"] == "text/plain"
    assert "html" not in response["Content-Type"]
    assert disposition(response)[0] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_an_inline_pdf_would_still_carry_the_strict_policy(admin_client, client, settings):
    """Should PDF ever be shown in the browser (WAGTAILDOCS_INLINE_CONTENT_TYPES), its
    response keeps Wagtail's policy and is not replaced by the site's CSP."""
    settings.WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
    pdf = geupload(admin_client, "rapport.pdf")
    txt = geupload(admin_client, "notitie.txt", b"<script>alert(1)</script>")

    response = client.get(pdf.url)
    assert disposition(response)[0] == "inline"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"

    assert disposition(client.get(txt.url))[0] == "attachment"


HOSTILE_NAMEN = [
    'rapport "x"; evil.pdf',
    "één\r\nSet-Cookie: a=b.pdf",
    "rapport\nX-Injected: 1.pdf",
    "a;filename=evil.exe;.pdf",
    "a\"; filename*=UTF-8''evil.exe; x=\".pdf",
    "naïve résumé – 2024 ‘def’.pdf",
    "..\\..\\evil.pdf",
    "rapport\\.pdf",
]
GRENS = "----grens-7d2f"


def upload_ruw(client, naam):
    """Post the add form as raw multipart, the name as RFC 5987 `filename*`: every character
    arrives exactly as given (quotes, semicolons, CR/LF), which the test client cannot do."""
    deel = [
        f"--{GRENS}",
        'Content-Disposition: form-data; name="title"',
        "",
        "Rapport",
        f"--{GRENS}",
        'Content-Disposition: form-data; name="collection"',
        "",
        str(Collection.get_first_root_node().pk),
        f"--{GRENS}",
        "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''" + quote(naam, safe=""),
        "Content-Type: application/pdf",
        "",
    ]
    body = "\r\n".join(deel).encode() + b"\r\n" + PDF + f"\r\n--{GRENS}--\r\n".encode()
    return client.generic(
        "POST",
        reverse("wagtaildocs:add"),
        body,
        content_type=f"multipart/form-data; boundary={GRENS}",
    )


@pytest.mark.parametrize("naam", HOSTILE_NAMEN)
@pytest.mark.parametrize("verzending", ["multipart", "filename*"])
def test_a_hostile_file_name_cannot_break_or_inject_headers(admin_client, client, naam, verzending):
    if verzending == "multipart":
        response = toevoegen(admin_client, Collection.get_first_root_node(), bestand(naam))
    else:
        response = upload_ruw(admin_client, naam)
    if response.status_code == 200:  # the name lost its .pdf on the way: refused, fine
        assert "Toegestaan: PDF" in fouten(response)
        assert not Document.objects.exists()
        return
    assert response.status_code == 302
    document = op_een_openbare_pagina(Document.objects.get())
    # Django's upload parser and the storage leave a name of letters, digits, - _ and .
    assert re.fullmatch(r"[-\w.]+\.pdf", document.filename)

    response = client.get(document.url)

    assert response.status_code == 200
    assert not response.cookies
    regels = response.serialize_headers().split(b"\r\n")
    assert not any(r.lower().startswith((b"set-cookie", b"x-injected")) for r in regels)
    [waarde] = [r for r in regels if r.lower().startswith(b"content-disposition:")]
    assert waarde.isascii()
    soort, params = disposition(response)
    assert soort == "attachment"
    assert params["filename"].endswith(".pdf")  # what the browser saves the file as
    if "filename_ster" in params:
        assert unquote(params["filename_ster"]) == document.filename
    else:
        assert params["filename"] == document.filename
    assert unquote(document.url).endswith("/" + document.filename)


def test_a_non_ascii_name_keeps_its_name_in_filename_star(admin_client, client):
    document = geupload(admin_client, "één rapport.pdf")

    response = client.get(document.url)

    assert response["Content-Disposition"] == (
        "attachment; filename=\"een_rapport.pdf\"; filename*=UTF-8''%C3%A9%C3%A9n_rapport.pdf"
    )
    assert disposition(response) == (
        "attachment",
        {"filename": "een_rapport.pdf", "filename_ster": "%C3%A9%C3%A9n_rapport.pdf"},
    )
