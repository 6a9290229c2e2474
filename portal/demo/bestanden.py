"""Small generated files for demo products: one-page PDFs and abstract PNG images.

Both are made in code, always with the same bytes, and stored once in the collection
"Demo-omgeving"; a second run finds them by title and uploads nothing.
"""

import io
import textwrap

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.demo.bouwstenen import GEMAAKT

COLLECTIE = "Demo-omgeving"
# (dark colour, light colour, how the image looks: its description and alt text)
KLEUREN = [
    ((31, 78, 121), (120, 190, 200), "donkerblauwe cirkels op een lichtblauwe achtergrond"),
    ((150, 60, 80), (240, 190, 120), "wijnrode cirkels op een zachtoranje achtergrond"),
    ((40, 110, 70), (200, 220, 150), "donkergroene cirkels op een lichtgroene achtergrond"),
    ((90, 70, 140), (230, 180, 210), "paarse cirkels op een lichtroze achtergrond"),
]


def demo_collectie():
    root = Collection.get_first_root_node()
    bestaand = root.get_children().filter(name=COLLECTIE).first()
    return bestaand or root.add_child(name=COLLECTIE)


def zorg_voor_document(titel, bestandsnaam, regels, verslag):
    model = get_document_model()
    collectie = demo_collectie()
    document = model.objects.filter(title=titel, collection=collectie).first()
    if document is not None:
        return document
    document = model(title=titel, collection=collectie)
    document.file.save(bestandsnaam, ContentFile(maak_pdf(titel, regels)), save=False)
    document._set_document_file_metadata()
    document.save()
    verslag.tel(model.__name__, GEMAAKT)
    return document


def zorg_voor_afbeelding(titel, bestandsnaam, volgnummer, verslag):
    model = get_image_model()
    collectie = demo_collectie()
    afbeelding = model.objects.filter(title=titel, collection=collectie).first()
    if afbeelding is not None:
        return afbeelding
    inhoud = io.BytesIO(maak_png(volgnummer))
    afbeelding = model(title=titel, description=beschrijving(volgnummer), collection=collectie)
    afbeelding.file = ImageFile(inhoud, name=bestandsnaam)
    afbeelding.save()
    verslag.tel(model.__name__, GEMAAKT)
    return afbeelding


def beschrijving(volgnummer):
    uiterlijk = KLEUREN[volgnummer % len(KLEUREN)][2]
    return f"Abstracte illustratie: {uiterlijk}, met onderaan een donkere band."


def maak_png(volgnummer, breedte=960, hoogte=540):
    """An abstract composition of circles and a band in one of a few colour pairs."""
    donker, licht, _uiterlijk = KLEUREN[volgnummer % len(KLEUREN)]
    beeld = PILImage.new("RGB", (breedte, hoogte), licht)
    teken = ImageDraw.Draw(beeld)
    for stap in range(5):
        x = (volgnummer * 137 + stap * 211) % breedte
        y = (volgnummer * 89 + stap * 97) % hoogte
        straal = 60 + (stap * 37 + volgnummer * 13) % 120
        teken.ellipse((x - straal, y - straal, x + straal, y + straal), fill=donker)
    teken.rectangle((0, hoogte - 60, breedte, hoogte), fill=donker)
    uitvoer = io.BytesIO()
    beeld.save(uitvoer, format="PNG")
    return uitvoer.getvalue()


def maak_pdf(titel, regels):
    """A minimal, valid one-page PDF with a title and some lines of text (Helvetica)."""
    tekst = _pdf_tekst(titel, regels)
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(tekst) + tekst + b"\nendstream",
    ]
    return _pdf_bestand(objecten)


def _pdf_tekst(titel, regels):
    opdrachten = ["BT", "/F1 16 Tf", "72 770 Td", f"({_pdf_string(titel)}) Tj", "/F1 11 Tf"]
    for regel in regels:
        for stuk in textwrap.wrap(regel, 90) or [""]:
            opdrachten += ["0 -18 Td", f"({_pdf_string(stuk)}) Tj"]
    opdrachten.append("ET")
    return "\n".join(opdrachten).encode("cp1252", errors="replace")


def _pdf_string(tekst):
    return tekst.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_bestand(objecten):
    uitvoer = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, inhoud in enumerate(objecten, start=1):
        posities.append(len(uitvoer))
        uitvoer += b"%d 0 obj\n" % nummer + inhoud + b"\nendobj\n"
    xref = len(uitvoer)
    uitvoer += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for positie in posities:
        uitvoer += b"%010d 00000 n \n" % positie
    uitvoer += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1,
        xref,
    )
    return bytes(uitvoer)
