"""The metadata formats: ``oai_dc`` (unqualified Dublin Core, required by OAI-PMH) and ``mods``
(MODS 3.4, which HBO Kennisbank and the Dutch research portals read: names with their role,
genre, the date issued and the location of the file)."""

import mimetypes
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement, register_namespace

from kennisbank.models import apa_is_persoon

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
MODS = "http://www.loc.gov/mods/v3"

# The protocol's own elements in the default namespace, as every OAI-PMH response has them.
for _prefix, _uri in [("", OAI), ("xsi", XSI), ("oai_dc", OAI_DC), ("dc", DC), ("mods", MODS)]:
    register_namespace(_prefix, _uri)

# Characters XML 1.0 cannot carry, even escaped.
_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def tekst(waarde):
    return _ONGELDIG.sub("", str(waarde))


def element(ouder, naam, waarde=None, **attributen):
    el = SubElement(ouder, naam, {k: tekst(v) for k, v in attributen.items()})
    if waarde is not None:
        el.text = tekst(waarde)
    return el


@dataclass(frozen=True)
class Formaat:
    prefix: str
    schema: str
    namespace: str
    schrijf: object  # (product, links) -> Element


@dataclass(frozen=True)
class Links:
    """The absolute URLs of a product: its page and, if any, its file."""

    pagina: str
    document: str | None


def _document_type(product):
    if not product.document_id:
        return None
    return mimetypes.guess_type(product.document.filename)[0]


def _dcmi_type(product):
    return {"video": "MovingImage", "podcast": "Sound"}.get(product.product_type, "Text")


def oai_dc(product, links):
    dc = Element(
        f"{{{OAI_DC}}}dc",
        {f"{{{XSI}}}schemaLocation": f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"},
    )
    element(dc, f"{{{DC}}}title", product.title)
    for auteur in product.auteurs.all():
        element(dc, f"{{{DC}}}creator", auteur.weergavenaam)
    for thema in product.openbaar_gekoppeld("themas"):
        element(dc, f"{{{DC}}}subject", thema.title)
    for item in product.tagged_items.all():
        element(dc, f"{{{DC}}}subject", item.tag.name)
    element(dc, f"{{{DC}}}description", product.samenvatting)
    element(dc, f"{{{DC}}}publisher", product.herkomst_naam)
    element(dc, f"{{{DC}}}date", product.publicatiedatum.isoformat())
    element(dc, f"{{{DC}}}type", product.get_product_type_display())
    element(dc, f"{{{DC}}}type", _dcmi_type(product))
    if mime := _document_type(product):
        element(dc, f"{{{DC}}}format", mime)
    element(dc, f"{{{DC}}}identifier", links.pagina)
    if links.document:
        element(dc, f"{{{DC}}}identifier", links.document)
    if product.externe_link:
        element(dc, f"{{{DC}}}relation", product.externe_link)
    element(dc, f"{{{DC}}}language", "nl")
    return dc


def _mods_type(product):
    return {"video": "moving image", "podcast": "sound recording"}.get(product.product_type, "text")


def mods(product, links):
    m = f"{{{MODS}}}"
    root = Element(
        f"{m}mods",
        {
            "version": "3.4",
            f"{{{XSI}}}schemaLocation": f"{MODS} http://www.loc.gov/standards/mods/v3/mods-3-4.xsd",
        },
    )
    titel = element(root, f"{m}titleInfo")
    element(titel, f"{m}title", product.title)
    for auteur in product.auteurs.all():
        naam = element(root, f"{m}name", type="personal" if apa_is_persoon(auteur) else "corporate")
        element(naam, f"{m}namePart", auteur.weergavenaam)
        rol = element(naam, f"{m}role")
        element(rol, f"{m}roleTerm", "aut", authority="marcrelator", type="code")
    element(root, f"{m}typeOfResource", _mods_type(product))
    element(root, f"{m}genre", product.get_product_type_display())
    herkomst = element(root, f"{m}originInfo")
    element(herkomst, f"{m}publisher", product.herkomst_naam)
    element(
        herkomst,
        f"{m}dateIssued",
        product.publicatiedatum.isoformat(),
        encoding="w3cdtf",
        keyDate="yes",
    )
    taal = element(root, f"{m}language")
    element(taal, f"{m}languageTerm", "dut", authority="iso639-2b", type="code")
    if mime := _document_type(product):
        beschrijving = element(root, f"{m}physicalDescription")
        element(beschrijving, f"{m}internetMediaType", mime)
    element(root, f"{m}abstract", product.samenvatting)
    for thema in product.openbaar_gekoppeld("themas"):
        onderwerp = element(root, f"{m}subject", displayLabel="Landelijk thema")
        element(onderwerp, f"{m}topic", thema.title)
    for item in product.tagged_items.all():
        onderwerp = element(root, f"{m}subject")
        element(onderwerp, f"{m}topic", item.tag.name)
    element(root, f"{m}identifier", links.pagina, type="uri")
    plaats = element(root, f"{m}location")
    element(plaats, f"{m}url", links.pagina, usage="primary display", access="object in context")
    if links.document:
        element(plaats, f"{m}url", links.document, access="raw object")
    if product.externe_link:
        element(plaats, f"{m}url", product.externe_link, displayLabel="Externe link")
    return root


FORMATEN = {
    formaat.prefix: formaat
    for formaat in [
        Formaat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC, oai_dc),
        Formaat("mods", "http://www.loc.gov/standards/mods/v3/mods-3-4.xsd", MODS, mods),
    ]
}
