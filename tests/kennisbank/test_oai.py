"""OAI-PMH 2.0 at /oai/: every verb and error as the protocol defines them, every response valid
against the official schemas (tests/support/schemas/), sets, from/until, tombstones of products
that leave the public, stateless resumption tokens, and a whole harvest by a real client."""

import datetime
import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from oaipmh.client import BaseClient
from oaipmh.metadata import MetadataRegistry, oai_dc_reader
from wagtail.models import Page, PageViewRestriction

from kennisbank.models import OaiTombstone, ProductAuteur, ProductPage
from kennisbank.oai import repository, tokens
from kennisbank.oai.formats import FORMATEN
from kennisbank.oai.views import VERBS, oai_identifier
from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import LeeratelierPage, Persoon, WerkplaatsPage

pytestmark = pytest.mark.django_db

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "mods": "http://www.loc.gov/mods/v3",
}
SCHEMAS = Path(__file__).parents[1] / "support" / "schemas"
# Where each schema imports another from, and the copy shipped here (see SOURCES.md there).
KOPIEEN = {
    "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd": "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": "oai_dc.xsd",
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": "simpledc20021212.xsd",
    "http://www.loc.gov/standards/mods/v3/mods-3-4.xsd": "mods-3-4.xsd",
    "http://www.loc.gov/standards/xlink/xlink.xsd": "xlink.xsd",
    "http://www.loc.gov/mods/xml.xsd": "xml.xsd",
    "http://www.w3.org/2001/03/xml.xsd": "xml.xsd",
    "http://www.w3.org/2001/xml.xsd": "xml.xsd",
}


class KopieResolver(etree.Resolver):
    def resolve(self, url, pubid, context):
        assert url in KOPIEEN, f"schema not shipped in tests/support/schemas: {url}"
        return self.resolve_filename(str(SCHEMAS / KOPIEEN[url]), context)


@functools.cache
def schema():
    """OAI-PMH.xsd with the schema of every metadata format the endpoint offers: the
    ``metadata`` element's content is validated strictly."""
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{locatie}"/>'
        for ns, locatie in [("http://www.openarchives.org/OAI/2.0/", _oai_xsd())]
        + [(f.namespace, f.schema) for f in FORMATEN.values()]
    )
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(KopieResolver())
    document = etree.fromstring(
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>', parser
    )
    return etree.XMLSchema(document)


def _oai_xsd():
    return "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"


def geldig(inhoud):
    """The parsed response, after checking it against the schemas."""
    document = etree.fromstring(inhoud)
    assert schema().validate(document), schema().error_log
    return document


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return geldig(response.content)


def fouten(client, **params):
    document = oai(client, **params)
    return [e.get("code") for e in document.findall("oai:error", NS)]


def tekst(document, pad):
    return [el.text for el in document.findall(pad, NS)]


def identifiers(document):
    return tekst(document, ".//oai:header/oai:identifier")


def token(document):
    el = document.find(".//oai:resumptionToken", NS)
    return None if el is None else el.text


def iid(product):
    return oai_identifier(product.pk)


@pytest.fixture
def tree():
    return build_tree()


@pytest.fixture
def producten(tree):
    """Products of two Werkplaatsen and the Associatie, with authors, themes and tags."""
    noord = add_product(tree["noord"], "Wijkteams in Noord", day=1)
    noord.themas.add(tree["armoede"])
    noord.tags.add("wijkteams", "armoede")
    ProductAuteur.objects.create(page=noord, naam="Jansen, P.", sort_order=0)
    ProductAuteur.objects.create(page=noord, naam="Gemeente Groningen", sort_order=1)
    noord.save_revision().publish()
    zuyd = add_product(tree["zuyd"], "Mantelzorg in Zuyd", day=2, product_type="video")
    landelijk = add_product(tree["associatie"], "Landelijke handreiking", day=3)
    return {"noord": vers(noord), "zuyd": vers(zuyd), "landelijk": vers(landelijk)}


def vers(product):
    """The product as stored: `add_product` returns the instance before publishing, and
    saving that one (as `unpublish` does) would write its stale fields back."""
    return ProductPage.objects.get(pk=product.pk)


def zet_datestamp(product, moment):
    ProductPage.objects.filter(pk=product.pk).update(last_published_at=moment)


def nooit_gepubliceerd(parent, title):
    """A draft that was never published (`add_product` publishes)."""
    concept = add_product(parent, title)
    ProductPage.objects.filter(pk=concept.pk).update(
        live=False, first_published_at=None, last_published_at=None
    )
    return concept


# -- the verbs ---------------------------------------------------------------------------------


def test_identify(client, producten, settings):
    settings.OAI_ADMIN_EMAIL = "kennisbank@example.org"
    document = oai(client, verb="Identify")
    el = document.find("oai:Identify", NS)
    assert tekst(el, "oai:baseURL") == ["http://testserver/oai/"]
    assert tekst(el, "oai:protocolVersion") == ["2.0"]
    assert tekst(el, "oai:adminEmail") == ["kennisbank@example.org"]
    assert tekst(el, "oai:deletedRecord") == ["persistent"]
    assert tekst(el, "oai:granularity") == ["YYYY-MM-DDThh:mm:ssZ"]
    eerste = min(p.last_published_at for p in ProductPage.objects.all())
    assert tekst(el, "oai:earliestDatestamp") == [eerste.strftime("%Y-%m-%dT%H:%M:%SZ")]
    request = document.find("oai:request", NS)
    assert request.get("verb") == "Identify"


def test_list_metadata_formats(client, producten):
    for params in [{}, {"identifier": iid(producten["noord"])}]:
        document = oai(client, verb="ListMetadataFormats", **params)
        assert tekst(document, ".//oai:metadataPrefix") == list(FORMATEN)


def test_list_sets_has_each_public_werkplaats_thema_and_the_associatie(client, producten, tree):
    document = oai(client, verb="ListSets")
    specs = tekst(document, ".//oai:setSpec")
    werkplaatsen = openbaar(tree["index"].get_children()).specific()
    assert specs == [
        "werkplaats",
        "werkplaats:associatie",
        *sorted(f"werkplaats:{w.slug}" for w in werkplaatsen),
        "thema",
        "thema:armoede",
    ]
    namen = dict(zip(specs, tekst(document, ".//oai:setName"), strict=True))
    assert namen == {
        "werkplaats": "Werkplaatsen en de Associatie",
        "werkplaats:associatie": "Associatie (landelijk)",
        **{f"werkplaats:{w.slug}": w.title for w in werkplaatsen},
        "thema": "Landelijke thema's",
        "thema:armoede": LandelijkThemaPage.objects.get(slug="armoede").title,
    }


def test_list_sets_costs_the_same_queries_for_more_sets(client, producten, tree):
    """Every Werkplaats and theme is read with its slug and title in one query per kind."""

    def queries():
        oai(client, verb="ListSets")  # what is kept per content version is read again once
        with CaptureQueriesContext(connection) as vastgelegd:
            specs = tekst(oai(client, verb="ListSets"), ".//oai:setSpec")
        return len(vastgelegd), specs

    aantal, specs = queries()
    publish(tree["index"], WerkplaatsPage(title="Oost", slug="oost", korte_naam="Oost", intro="x"))
    publish(
        tree["armoede"].get_parent(),
        LandelijkThemaPage(title="Zorg", slug="zorg", korte_beschrijving="x", beschrijving="x"),
    )
    aantal_meer, specs_meer = queries()
    assert set(specs_meer) - set(specs) == {"werkplaats:oost", "thema:zorg"}
    assert aantal_meer == aantal


def test_a_live_product_never_published_is_dated_by_its_latest_revision(client, producten):
    """A page made live without a publish (an import, add_child) has no publication dates."""
    moment = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)
    product = producten["zuyd"]
    ProductPage.objects.filter(pk=product.pk).update(
        first_published_at=None, last_published_at=None, latest_revision_created_at=moment
    )
    document = oai(client, verb="GetRecord", identifier=iid(product), metadataPrefix="oai_dc")
    assert tekst(document, ".//oai:header/oai:datestamp") == ["2024-05-06T07:08:09Z"]


@pytest.mark.parametrize("prefix", list(FORMATEN))
def test_get_record(client, producten, prefix):
    product = producten["noord"]
    document = oai(client, verb="GetRecord", identifier=iid(product), metadataPrefix=prefix)
    header = document.find(".//oai:header", NS)
    assert tekst(header, "oai:identifier") == [f"oai:testserver:product/{product.pk}"]
    assert tekst(header, "oai:setSpec") == ["werkplaats:noord", "thema:armoede"]
    product.refresh_from_db()
    assert tekst(header, "oai:datestamp") == [
        product.last_published_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ]
    metadata = document.find(".//oai:metadata", NS)
    inhoud = etree.tostring(metadata, encoding="unicode")
    for verwacht in ["Wijkteams in Noord", "Jansen, P.", "Gemeente Groningen", "Armoede"]:
        assert verwacht in inhoud
    assert product.get_full_url() in inhoud


def test_oai_dc_fields(client, producten):
    document = oai(
        client, verb="GetRecord", identifier=iid(producten["noord"]), metadataPrefix="oai_dc"
    )
    dc = document.find(".//oai_dc:dc", NS)
    assert tekst(dc, "dc:title") == ["Wijkteams in Noord"]
    assert tekst(dc, "dc:creator") == ["Jansen, P.", "Gemeente Groningen"]
    assert set(tekst(dc, "dc:subject")) == {"Armoede", "wijkteams", "armoede"}
    assert tekst(dc, "dc:date") == ["2024-01-02"]
    assert tekst(dc, "dc:publisher") == ["Noord"]
    assert tekst(dc, "dc:relation") == ["https://example.org/"]


def test_mods_names_genre_and_location(client, producten):
    document = oai(
        client, verb="GetRecord", identifier=iid(producten["zuyd"]), metadataPrefix="mods"
    )
    mods = document.find(".//mods:mods", NS)
    assert tekst(mods, "mods:typeOfResource") == ["moving image"]
    assert tekst(mods, "mods:genre") == ["Video"]
    assert tekst(mods, "mods:originInfo/mods:dateIssued") == ["2024-01-03"]
    urls = mods.findall("mods:location/mods:url", NS)
    assert urls[0].get("usage") == "primary display"
    assert urls[0].text == producten["zuyd"].get_full_url()


def test_mods_document_location(client, tree):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Rapport", file=ContentFile(b"%PDF-1.4 test", name="rapport.pdf")
    )
    product = add_product(tree["noord"], "Met pdf", document=document, externe_link="")
    antwoord = oai(client, verb="GetRecord", identifier=iid(product), metadataPrefix="mods")
    assert tekst(antwoord, ".//mods:internetMediaType") == ["application/pdf"]
    ruw = [u for u in antwoord.findall(".//mods:url", NS) if u.get("access") == "raw object"]
    assert [u.text for u in ruw] == [f"http://testserver{document.url}"]
    assert client.get(document.url).status_code == 200
    dc = oai(client, verb="GetRecord", identifier=iid(product), metadataPrefix="oai_dc")
    assert f"http://testserver{document.url}" in tekst(dc, ".//dc:identifier")


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
@pytest.mark.parametrize("prefix", list(FORMATEN))
def test_lists_give_every_public_product_in_id_order(client, producten, tree, verb, prefix):
    concept = add_product(tree["noord"], "Concept")
    ProductPage.objects.filter(pk=concept.pk).update(live=False, last_published_at=None)
    document = oai(client, verb=verb, metadataPrefix=prefix)
    verwacht = sorted(p.pk for p in producten.values())
    assert identifiers(document) == [oai_identifier(pk) for pk in verwacht]
    assert token(document) is None
    assert document.find(".//oai:resumptionToken", NS) is None
    if verb == "ListRecords":
        assert len(document.findall(".//oai:metadata", NS)) == len(verwacht)


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"verb": "Opnoemen"}, {"verb": "identify"}, {"verb": ["Identify", "Identify"]}],
)
def test_bad_verb(client, params):
    document = oai(client, **params)
    assert [e.get("code") for e in document.findall("oai:error", NS)] == ["badVerb"]
    assert document.find("oai:request", NS).attrib == {}


def bad_argument_cases():
    """Per verb: an unknown argument, each required one left out, and any argument twice."""
    cases = []
    for verb, (verplicht, optioneel) in VERBS.items():
        geldig_ = {arg: "oai_dc" if arg == "metadataPrefix" else "x" for arg in verplicht}
        cases.append({"verb": verb, **geldig_, "onzin": "1"})
        for arg in verplicht:
            cases.append({"verb": verb, **{k: v for k, v in geldig_.items() if k != arg}})
        for arg in verplicht | optioneel:
            cases.append({"verb": verb, **geldig_, arg: ["a", "b"]})
    return cases


@pytest.mark.parametrize("params", bad_argument_cases())
def test_bad_argument(client, producten, params):
    document = oai(client, **params)
    assert [e.get("code") for e in document.findall("oai:error", NS)] == ["badArgument"]
    assert document.find("oai:request", NS).attrib == {}


@pytest.mark.parametrize(
    "dates",
    [
        {"from": "2024-13-01"},
        {"from": "2024-01-01T10:00:00"},
        {"until": "2024-01-01T10:00Z"},
        {"until": "gisteren"},
        {"from": "2024-01-01", "until": "2024-02-01T00:00:00Z"},
        {"from": "2024-02-01", "until": "2024-01-01"},
    ],
)
def test_bad_dates_are_bad_arguments(client, producten, dates):
    for verb in ["ListIdentifiers", "ListRecords"]:
        assert fouten(client, verb=verb, metadataPrefix="oai_dc", **dates) == ["badArgument"]


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords", "ListSets"])
def test_resumption_token_goes_alone(client, producten, verb):
    assert fouten(client, verb=verb, resumptionToken="x", metadataPrefix="oai_dc") == [
        "badArgument"
    ]


def test_cannot_disseminate_format(client, producten):
    product = iid(producten["noord"])
    assert fouten(client, verb="GetRecord", identifier=product, metadataPrefix="marc21") == [
        "cannotDisseminateFormat"
    ]
    for verb in ["ListIdentifiers", "ListRecords"]:
        assert fouten(client, verb=verb, metadataPrefix="didl") == ["cannotDisseminateFormat"]


@pytest.mark.parametrize(
    "identifier",
    [
        "oai:testserver:product/999999",
        "oai:elders.nl:product/{pk}",
        "oai:testserver:evenement/{pk}",
        "oai:testserver:product/{pk}x",
        "oai:testserver:product/-{pk}",
        "oai:testserver:product/١٢",
        "product/{pk}",
    ],
)
def test_id_does_not_exist(client, producten, tree, identifier):
    identifier = identifier.format(pk=producten["noord"].pk)
    for params in [
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "ListMetadataFormats"},
    ]:
        assert fouten(client, identifier=identifier, **params) == ["idDoesNotExist"]


def test_a_page_that_is_not_a_product_does_not_exist(client, tree):
    for page in [tree["noord"], tree["kennisbank"]]:
        assert fouten(
            client, verb="GetRecord", identifier=oai_identifier(page.pk), metadataPrefix="oai_dc"
        ) == ["idDoesNotExist"]


def test_no_records_match(client, producten):
    toekomst = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d")
    for verb in ["ListIdentifiers", "ListRecords"]:
        assert fouten(client, verb=verb, metadataPrefix="oai_dc", set="werkplaats:nergens") == [
            "noRecordsMatch"
        ]
        assert fouten(client, verb=verb, metadataPrefix="oai_dc", set="onzin") == ["noRecordsMatch"]
        assert fouten(client, verb=verb, metadataPrefix="mods", **{"from": toekomst}) == [
            "noRecordsMatch"
        ]
        assert fouten(client, verb=verb, metadataPrefix="mods", until="2000-01-01") == [
            "noRecordsMatch"
        ]


def test_an_empty_repository_matches_nothing_but_identifies(client, tree):
    assert fouten(client, verb="ListRecords", metadataPrefix="oai_dc") == ["noRecordsMatch"]
    assert fouten(client, verb="Identify") == []


# -- sets and dates ----------------------------------------------------------------------------


def test_sets_select_their_products(client, producten):
    def lijst(spec):
        return identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec))

    assert lijst("werkplaats:noord") == [iid(producten["noord"])]
    assert lijst("werkplaats:zuyd") == [iid(producten["zuyd"])]
    assert lijst("werkplaats:associatie") == [iid(producten["landelijk"])]
    assert lijst("werkplaats") == [iid(p) for p in sorted(producten.values(), key=lambda p: p.pk)]
    assert lijst("thema:armoede") == [iid(producten["noord"])]
    assert lijst("thema") == [iid(producten["noord"])]


def test_a_theme_that_is_not_public_is_no_set(client, producten, tree):
    tree["armoede"].unpublish()
    document = oai(client, verb="ListSets")
    assert "thema:armoede" not in tekst(document, ".//oai:setSpec")
    assert fouten(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="thema:armoede") == [
        "noRecordsMatch"
    ]
    header = oai(
        client, verb="GetRecord", identifier=iid(producten["noord"]), metadataPrefix="oai_dc"
    )
    assert tekst(header, ".//oai:setSpec") == ["werkplaats:noord"]


def test_from_and_until_on_the_last_published_date(client, producten):
    utc = datetime.UTC
    zet_datestamp(producten["noord"], datetime.datetime(2024, 3, 1, 9, 30, 15, 500000, utc))
    zet_datestamp(producten["zuyd"], datetime.datetime(2024, 3, 1, 23, 59, 59, tzinfo=utc))
    zet_datestamp(producten["landelijk"], datetime.datetime(2024, 3, 2, 0, 0, 0, tzinfo=utc))
    noord, zuyd, landelijk = (iid(producten[k]) for k in ["noord", "zuyd", "landelijk"])

    def lijst(**datums):
        document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **datums)
        if document.find("oai:error", NS) is not None:
            return []
        return identifiers(document)

    assert lijst(**{"from": "2024-03-01"}) == [noord, zuyd, landelijk]
    assert lijst(until="2024-03-01") == [noord, zuyd]
    assert lijst(**{"from": "2024-03-02"}) == [landelijk]
    assert lijst(**{"from": "2024-03-01", "until": "2024-03-01"}) == [noord, zuyd]
    # Seconds: a datestamp is the second it falls in, both bounds inclusive.
    assert lijst(until="2024-03-01T09:30:15Z") == [noord]
    assert lijst(until="2024-03-01T09:30:14Z") == []
    assert lijst(**{"from": "2024-03-01T09:30:15Z", "until": "2024-03-01T09:30:15Z"}) == [noord]
    assert lijst(**{"from": "2024-03-01T09:30:16Z"}) == [zuyd, landelijk]
    assert lijst(**{"from": "2024-03-01T23:59:59Z", "until": "2024-03-02T00:00:00Z"}) == [
        zuyd,
        landelijk,
    ]
    header = oai(client, verb="GetRecord", identifier=noord, metadataPrefix="oai_dc")
    assert tekst(header, ".//oai:datestamp") == ["2024-03-01T09:30:15Z"]
    identify = oai(client, verb="Identify")
    assert tekst(identify, ".//oai:earliestDatestamp") == ["2024-03-01T09:30:15Z"]


# -- tombstones --------------------------------------------------------------------------------


def status(client, product, prefix="oai_dc"):
    """(status, setSpecs, has metadata) of the product in GetRecord, ListIdentifiers and
    ListRecords, which must agree."""
    get = oai(client, verb="GetRecord", identifier=iid(product), metadataPrefix=prefix)
    header = get.find(".//oai:header", NS)
    resultaat = (
        header.get("status"),
        tekst(header, "oai:setSpec"),
        get.find(".//oai:metadata", NS) is not None,
    )
    for verb in ["ListIdentifiers", "ListRecords"]:
        lijst = oai(client, verb=verb, metadataPrefix=prefix)
        headers = [
            h
            for h in lijst.findall(".//oai:header", NS)
            if tekst(h, "oai:identifier") == [iid(product)]
        ]
        assert len(headers) == 1
        assert headers[0].get("status") == resultaat[0]
    return resultaat


def test_unpublish_leaves_a_tombstone_and_republish_removes_it(client, producten):
    product = producten["noord"]
    assert status(client, product) == (None, ["werkplaats:noord", "thema:armoede"], True)
    product.unpublish()
    assert status(client, product) == ("deleted", ["werkplaats:noord", "thema:armoede"], False)
    # A deleted record stays in its sets, and in from/until harvests since it was removed.
    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="thema:armoede")
    assert [h.get("status") for h in document.findall(".//oai:header", NS)] == ["deleted"]
    vandaag = timezone.now().strftime("%Y-%m-%d")
    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": vandaag})
    assert iid(product) in identifiers(document)

    product.refresh_from_db()
    product.save_revision().publish()
    assert status(client, product) == (None, ["werkplaats:noord", "thema:armoede"], True)
    assert not OaiTombstone.objects.exists()


@pytest.mark.parametrize("actie", ["unpublish", "delete"])
def test_every_products_tombstone_keeps_its_sets(client, producten, actie):
    """Regional and national products alike: the deleted record is in the sets it was in."""
    voor = {product.pk: status(client, product)[1] for product in producten.values()}
    assert {tuple(sets) for sets in voor.values()} >= {("werkplaats:associatie",)}
    for product in producten.values():
        if actie == "unpublish":
            product.unpublish()
        else:
            Page.objects.get(pk=product.pk).delete()
        header = oai(
            client, verb="GetRecord", identifier=iid(product), metadataPrefix="oai_dc"
        ).find(".//oai:header", NS)
        assert (header.get("status"), tekst(header, "oai:setSpec")) == ("deleted", voor[product.pk])


def test_a_tombstone_does_not_name_a_hidden_theme(client, producten, tree):
    product = producten["noord"]
    assert status(client, product)[1] == ["werkplaats:noord", "thema:armoede"]
    tree["armoede"].unpublish()
    product.unpublish()
    assert status(client, product) == ("deleted", ["werkplaats:noord"], False)


def test_delete_leaves_a_tombstone(client, producten):
    product = producten["zuyd"]
    pk = product.pk
    Page.objects.get(pk=pk).delete()
    assert not ProductPage.objects.filter(pk=pk).exists()
    document = oai(client, verb="GetRecord", identifier=oai_identifier(pk), metadataPrefix="mods")
    header = document.find(".//oai:header", NS)
    assert header.get("status") == "deleted"
    assert tekst(header, "oai:setSpec") == ["werkplaats:zuyd"]
    assert oai_identifier(pk) in identifiers(
        oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="werkplaats:zuyd")
    )
    assert fouten(client, verb="ListMetadataFormats", identifier=oai_identifier(pk)) == []


def test_deleting_a_draft_that_was_never_published_leaves_nothing(client, tree):
    concept = nooit_gepubliceerd(tree["noord"], "Concept")
    Page.objects.get(pk=concept.pk).delete()
    assert not OaiTombstone.objects.exists()


@pytest.mark.parametrize("waar", ["product", "werkplaats"])
def test_private_leaves_a_tombstone_and_public_again_brings_it_back(client, producten, waar):
    product = producten["noord"]
    for ander in [producten["zuyd"], producten["landelijk"]]:
        zet_datestamp(ander, datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    page = product if waar == "product" else product.get_parent()
    restrictie = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert status(client, product)[0] == "deleted"
    assert status(client, producten["zuyd"])[0] is None
    verwijderd = OaiTombstone.objects.get(product_id=product.pk).datestamp
    restrictie.delete()
    assert status(client, product)[0] is None
    # Public since now: an incremental harvest from the removal on gets it back.
    product.refresh_from_db()
    assert product.last_published_at >= verwijderd
    document = oai(
        client,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": verwijderd.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")},
    )
    assert identifiers(document) == [iid(product)]


def test_unpublishing_a_werkplaats_tombstones_its_products(client, producten, tree):
    noord = Page.objects.get(pk=tree["noord"].pk).specific
    noord.unpublish()
    assert status(client, producten["noord"])[0] == "deleted"
    assert status(client, producten["zuyd"])[0] is None
    noord.refresh_from_db()
    noord.save_revision().publish()
    assert status(client, producten["noord"])[0] is None
    assert not OaiTombstone.objects.exists()


def test_a_product_published_below_a_hidden_werkplaats_is_public_since_it_comes_back(
    client, producten, tree
):
    """Published again while its Werkplaats is hidden, a product is still not public: its own
    newer date must not hide it from a harvester that visited between the two publications."""
    utc = datetime.UTC
    for ander in [producten["zuyd"], producten["landelijk"]]:
        zet_datestamp(ander, datetime.datetime(2023, 1, 1, tzinfo=utc))
    noord = Page.objects.get(pk=tree["noord"].pk).specific
    noord.unpublish()
    OaiTombstone.objects.update(datestamp=datetime.datetime(2024, 1, 1, tzinfo=utc))
    product = vers(producten["noord"])
    product.save_revision().publish()
    assert status(client, product)[0] == "deleted"
    zet_datestamp(product, datetime.datetime(2024, 2, 1, tzinfo=utc))
    # A harvester visits on 1 March, sees the deleted record and comes back later.
    noord.refresh_from_db()
    terug = timezone.now()
    noord.save_revision().publish()
    assert status(client, product)[0] is None
    assert vers(product).last_published_at >= terug
    document = oai(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2024-03-01"}
    )
    assert identifiers(document) == [iid(product)]


def test_hiding_a_werkplaats_leaves_no_tombstone_for_a_draft_never_published(
    client, producten, tree
):
    """Only what was ever published can have been harvested: a new draft below the hidden
    page gets no deleted record, its published neighbour does."""
    concept = nooit_gepubliceerd(tree["noord"], "Concept")
    Page.objects.get(pk=tree["noord"].pk).specific.unpublish()
    assert set(OaiTombstone.objects.values_list("product_id", flat=True)) == {producten["noord"].pk}
    assert oai_identifier(concept.pk) not in identifiers(
        oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    )


def test_a_tombstone_another_request_writes_meanwhile_is_kept(client, producten, tree, monkeypatch):
    """Two requests hide the same products at once: the one that writes its tombstones second
    keeps those of the first, writes the rest and does not fail."""
    eerste, tweede = producten["noord"], add_product(tree["noord"], "Tweede in Noord", day=4)
    eerder = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    echte = repository._setspecs_van

    def intussen(pks):
        # Between this request's reading of the tombstones and its writing them.
        OaiTombstone.objects.create(product_id=eerste.pk, datestamp=eerder, sets=" x ")
        return echte(pks)

    monkeypatch.setattr(repository, "_setspecs_van", intussen)
    voor = timezone.now()
    Page.objects.get(pk=tree["noord"].pk).specific.unpublish()
    tombstones = dict(OaiTombstone.objects.values_list("product_id", "datestamp"))
    assert tombstones.keys() == {eerste.pk, tweede.pk}
    assert tombstones[eerste.pk] == eerder
    assert tombstones[tweede.pk] >= voor


def test_a_tombstone_does_not_name_a_hidden_werkplaats(client, tree):
    """A product published under a Werkplaats that never was public: its deleted record is in
    no Werkplaats set, so the hidden Werkplaats's slug is nowhere in the answers."""
    concept = WerkplaatsPage(title="Geheim", slug="geheime-werkplaats", korte_naam="G", intro="x")
    concept.live = False
    tree["index"].add_child(instance=concept)
    product = add_product(concept, "Onder concept")
    assert status(client, product) == ("deleted", [], False)
    for verb in ["ListIdentifiers", "ListRecords"]:
        antwoord = client.get("/oai/", {"verb": verb, "metadataPrefix": "oai_dc"})
        assert b"geheime-werkplaats" not in antwoord.content


def test_moving_below_a_hidden_page_and_back(client, producten, tree):
    verborgen = publish(
        tree["noord"],
        LeeratelierPage(title="Atelier", slug="atelier", intro="x", start_jaar=2024),
    )
    PageViewRestriction.objects.create(page=verborgen, restriction_type=PageViewRestriction.LOGIN)
    product = Page.objects.get(pk=producten["noord"].pk)
    product.move(verborgen, pos="last-child")
    assert status(client, producten["noord"])[0] == "deleted"
    Page.objects.get(pk=product.pk).move(tree["noord"], pos="last-child")
    assert status(client, producten["noord"])[0] is None


# -- resumption tokens -------------------------------------------------------------------------


@pytest.fixture
def twaalf(tree, monkeypatch):
    """Twelve products and pages of five records."""
    monkeypatch.setattr(repository, "PER_PAGINA", 5)
    plekken = ["noord", "zuyd", "associatie"]
    return [
        vers(add_product(tree[plekken[i % 3]], f"Product {i}", day=i, product_type="factsheet"))
        for i in range(12)
    ]


def oogst(client, verb="ListRecords", prefix="oai_dc", **params):
    """Follow the resumption tokens to the end; returns the identifiers and the token elements."""
    document = oai(client, verb=verb, metadataPrefix=prefix, **params)
    ids, tokens_ = identifiers(document), []
    while (el := document.find(".//oai:resumptionToken", NS)) is not None:
        tokens_.append(el)
        if not el.text:
            break
        document = oai(client, verb=verb, resumptionToken=el.text)
        ids += identifiers(document)
    return ids, tokens_


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_resumption_pages_are_complete_and_in_order(client, twaalf, verb):
    ids, token_els = oogst(client, verb=verb)
    assert ids == [iid(p) for p in sorted(twaalf, key=lambda p: p.pk)]
    assert [el.get("cursor") for el in token_els] == ["0", "5", "10"]
    assert {el.get("completeListSize") for el in token_els} == {"12"}
    assert [bool(el.text) for el in token_els] == [True, True, False]
    assert all(el.get("expirationDate") for el in token_els[:2])


@pytest.mark.parametrize("per_pagina", [6, 12])
def test_a_list_that_fills_its_last_page_exactly_ends_there(
    client, twaalf, monkeypatch, per_pagina
):
    monkeypatch.setattr(repository, "PER_PAGINA", per_pagina)
    ids, token_els = oogst(client, verb="ListIdentifiers")
    assert ids == [iid(p) for p in sorted(twaalf, key=lambda p: p.pk)]
    paginas = range(0, len(twaalf), per_pagina)
    verwacht = [(str(c), c + per_pagina < len(twaalf)) for c in paginas] if len(paginas) > 1 else []
    assert [(el.get("cursor"), bool(el.text)) for el in token_els] == verwacht


def test_resumption_keeps_the_set_and_dates(client, twaalf):
    ids, _ = oogst(client, set="werkplaats:noord", **{"from": "2000-01-01"})
    noord = sorted(p.pk for p in twaalf if p.werkplaats and p.werkplaats.slug == "noord")
    assert ids == [oai_identifier(pk) for pk in noord]


def test_a_record_removed_during_a_harvest_is_not_skipped_or_repeated(client, twaalf):
    eerste = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    ids = identifiers(eerste)
    volgende_pk = sorted(p.pk for p in twaalf)[7]
    Page.objects.get(pk=volgende_pk).specific.unpublish()
    rest = oai(client, verb="ListIdentifiers", resumptionToken=token(eerste))
    ids += identifiers(rest)
    document = rest
    while token(document):
        document = oai(client, verb="ListIdentifiers", resumptionToken=token(document))
        ids += identifiers(document)
    assert ids == [iid(p) for p in sorted(twaalf, key=lambda p: p.pk)]
    assert len(set(ids)) == len(ids)


def test_a_token_survives_a_restart(twaalf):
    """Nothing of a token lives in the process: a new client, cleared caches and a new
    signing key object still accept it."""
    eerste = oai(Client(), verb="ListRecords", metadataPrefix="mods", set="werkplaats")
    t = token(eerste)
    cache.clear()
    tweede = oai(Client(), verb="ListRecords", resumptionToken=t)
    assert identifiers(tweede) and not set(identifiers(tweede)) & set(identifiers(eerste))
    assert tweede.find(".//mods:mods", NS) is not None


@pytest.mark.slow
def test_another_process_reads_the_token(client, twaalf):
    """A fresh interpreter, sharing nothing with this one but the settings, decodes the token
    to the same request and key: a restarted server continues the harvest."""
    document = oai(client, verb="ListRecords", metadataPrefix="mods", set="werkplaats")
    t = token(document)
    code = (
        "import json, sys, django; django.setup(); "
        "from kennisbank.oai import tokens; print(json.dumps(tokens.lees(sys.argv[1])))"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code, t],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        timeout=120,
    )
    laatste = int(identifiers(document)[-1].rsplit("/", 1)[1])
    assert json.loads(uit.stdout) == {
        "v": "ListRecords",
        "m": "mods",
        "s": "werkplaats",
        "k": laatste,
        "c": 5,
    }


def test_tampered_expired_and_foreign_tokens_are_bad(client, twaalf, monkeypatch):
    t = token(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc"))
    anders = signing.dumps({"v": "ListIdentifiers", "m": "oai_dc", "k": 0, "c": 0}, salt="x")
    slecht = [
        t[:-1] + ("A" if t[-1] != "A" else "B"),
        "A" + t[1:] if t[0] != "A" else "B" + t[1:],
        "",
        "onzin",
        anders,
        t + ":extra",
    ]
    for kapot in slecht:
        assert fouten(client, verb="ListIdentifiers", resumptionToken=kapot) == [
            "badResumptionToken"
        ], kapot
    # A token of one verb does not continue another.
    assert fouten(client, verb="ListRecords", resumptionToken=t) == ["badResumptionToken"]
    assert fouten(client, verb="ListSets", resumptionToken=t) == ["badResumptionToken"]
    # Expired a day later.
    later = timezone.now() + tokens.GELDIG + datetime.timedelta(minutes=1)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    assert fouten(client, verb="ListIdentifiers", resumptionToken=t) == ["badResumptionToken"]


def test_query_count_per_page_does_not_grow_with_the_records(client, twaalf, tree, monkeypatch):
    """A page whose records have many authors, themes and tags costs what a page of bare
    records costs."""
    monkeypatch.setattr(repository, "PER_PAGINA", 3)
    persoon = Persoon.objects.create(naam="Dr. A. Lector")
    for product in twaalf:
        if product.werkplaats and product.werkplaats.slug == "zuyd":
            continue
        product.themas.add(tree["armoede"])
        product.tags.add("een", "twee")
        product.save()  # modelcluster keeps the themes and tags until then
        ProductAuteur.objects.create(page=product, naam="Auteur")
        ProductAuteur.objects.create(page=product, persoon=persoon)

    def telling(**params):
        with CaptureQueriesContext(connection) as ctx:
            document = oai(client, **params)
        assert len(identifiers(document)) == 3 and token(document)
        return len(ctx.captured_queries)

    for verb in ["ListIdentifiers", "ListRecords"]:
        for prefix in FORMATEN:
            telling(verb=verb, metadataPrefix=prefix)  # warm the site cache
            rijk = telling(verb=verb, metadataPrefix=prefix, set="werkplaats:noord")
            kaal = telling(verb=verb, metadataPrefix=prefix, set="werkplaats:zuyd")
            assert rijk == kaal, (verb, prefix)
    records = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="werkplaats:noord")
    assert "Dr. A. Lector" in tekst(records, ".//dc:creator")
    assert {"Armoede", "een", "twee"} <= set(tekst(records, ".//dc:subject"))


# -- a real harvester --------------------------------------------------------------------------


class DjangoClient(BaseClient):
    """pyoai's (``oaipmh``) harvesting client, speaking to the site through Django's test
    client instead of HTTP."""

    def __init__(self, client, **kwargs):
        super().__init__(**kwargs)
        self.client = client
        self.pagina_queries = []

    def makeRequest(self, **kw):
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get("/oai/?" + urlencode(kw))
        self.pagina_queries.append(len(ctx.captured_queries))
        assert response.status_code == 200
        geldig(response.content)
        return response.content.decode("utf-8")


def test_a_client_harvests_the_twelve(client, twaalf):
    registry = MetadataRegistry()
    registry.registerReader("oai_dc", oai_dc_reader)
    harvester = DjangoClient(client, metadata_registry=registry)
    assert harvester.identify().granularity() == "YYYY-MM-DDThh:mm:ssZ"
    records = list(harvester.listRecords(metadataPrefix="oai_dc"))
    assert [h.identifier() for h, _m, _a in records] == [
        iid(p) for p in sorted(twaalf, key=lambda p: p.pk)
    ]
    assert records[0][1].getField("title") == [twaalf[0].title]
    sets = {s[0] for s in harvester.listSets()}
    assert {"werkplaats:noord", "werkplaats:associatie", "thema:armoede"} <= sets


@pytest.mark.slow
def test_harvest_of_500_bulk_products_gets_each_exactly_once(client, tree_demo):
    from portal.demo import bulkinhoud

    bulkinhoud.genereer(500, seed=3, index=False)
    openbare = set(openbaar(ProductPage.objects.all()).values_list("pk", flat=True))
    assert len(openbare) >= 500
    registry = MetadataRegistry()
    registry.registerReader("oai_dc", oai_dc_reader)
    harvester = DjangoClient(client, metadata_registry=registry)
    harvester.identify()
    harvester.pagina_queries.clear()
    records = list(harvester.listRecords(metadataPrefix="oai_dc"))
    ids = [int(h.identifier().rsplit("/", 1)[1]) for h, _m, _a in records]
    assert len(ids) == len(set(ids)) == len(openbare)
    assert set(ids) == openbare
    assert all(m is not None and m.getField("title") for _h, m, _a in records)
    # Full pages of 100 cost the same number of queries, whatever they hold.
    assert len(harvester.pagina_queries) == -(-len(openbare) // 100)
    # (The first also fills Wagtail's cache of site root paths.)
    assert len(set(harvester.pagina_queries[1:])) == 1, harvester.pagina_queries
    assert harvester.pagina_queries[1] <= 7
    # The same with the identifiers of one Werkplaats's set, in MODS.
    headers = list(harvester.listIdentifiers(metadataPrefix="mods", set="werkplaats"))
    assert sorted(int(h.identifier().rsplit("/", 1)[1]) for h in headers) == sorted(openbare)


@pytest.fixture
def tree_demo(django_db_blocker, tmp_path, settings):
    """The demo content (its Werkplaatsen, themes and people), for the bulk generator."""
    import io

    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_content", stdout=io.StringIO())


def test_post_is_answered_like_get(client, producten):
    response = client.post(
        "/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "werkplaats:noord"}
    )
    assert identifiers(geldig(response.content)) == [iid(producten["noord"])]
    assert client.put("/oai/").status_code == 405


def test_request_element_echoes_the_arguments(client, producten):
    document = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="werkplaats:noord")
    request = document.find("oai:request", NS)
    assert dict(request.attrib) == {
        "verb": "ListRecords",
        "metadataPrefix": "oai_dc",
        "set": "werkplaats:noord",
    }
    assert request.text == "http://testserver/oai/"
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document.find("oai:responseDate", NS).text
    )


def test_a_deleted_product_stays_in_the_sets_without_a_slug(client, producten):
    """Found by mutation testing: the sets "werkplaats" and "thema" list tombstones too."""
    product = producten["noord"]  # of Noord, about Armoede
    pk = product.pk
    Page.objects.get(pk=pk).delete()
    for spec in ("werkplaats", "werkplaats:noord", "thema", "thema:armoede"):
        lijst = identifiers(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec))
        assert oai_identifier(pk) in lijst, spec


def test_a_theme_whose_slug_a_setspec_cannot_carry_is_no_set(client, producten, tree):
    """Found by mutation testing: Wagtail allows a slug like "zorg-én-welzijn"."""
    publish(
        tree["armoede"].get_parent(),
        LandelijkThemaPage(
            title="Zorg én welzijn",
            slug="zorg-én-welzijn",
            korte_beschrijving="x",
            beschrijving="<p>x</p>",
        ),
    )
    specs = tekst(oai(client, verb="ListSets"), ".//oai:setSpec")
    assert "thema:armoede" in specs
    assert not [spec for spec in specs if "welzijn" in spec]


# -- what a record costs -----------------------------------------------------------------------


def aantal_queries(client, **params):
    oai(client, **params)  # what is kept per content version is read again once
    with CaptureQueriesContext(connection) as vastgelegd:
        oai(client, **params)
    return len(vastgelegd)


def test_a_whole_record_costs_the_same_queries_for_more_authors(client, producten):
    product = producten["zuyd"]
    params = {"verb": "GetRecord", "identifier": iid(product), "metadataPrefix": "mods"}
    ProductAuteur.objects.create(page=product, persoon=Persoon.objects.create(naam="A"))
    een = aantal_queries(client, **params)
    for i in range(3):
        ProductAuteur.objects.create(
            page=product, persoon=Persoon.objects.create(naam=f"B{i}"), sort_order=i + 1
        )
    assert aantal_queries(client, **params) == een


def test_the_formats_of_one_record_cost_one_query_more_than_of_none(client, producten):
    """ListMetadataFormats only looks the record up: none of what a whole record needs."""
    zonder = aantal_queries(client, verb="ListMetadataFormats")
    met = aantal_queries(client, verb="ListMetadataFormats", identifier=iid(producten["noord"]))
    assert met == zonder + 1


def test_the_list_size_counts_the_deleted_records(client, twaalf):
    for product in twaalf[:2]:
        product.unpublish()
    _ids, token_els = oogst(client, verb="ListIdentifiers")
    assert {el.get("completeListSize") for el in token_els} == {"12"}


@pytest.mark.parametrize("verwijderd", [False, True])
def test_each_set_lists_exactly_the_records_in_it(client, producten, tree, verwijderd):
    """Every set of ListSets, with two themes and three Werkplaatsen' products, published or
    deleted: a set holds the records whose header names it (or, for `werkplaats` and `thema`,
    one of its subsets), and no other."""
    zorg = publish(
        tree["armoede"].get_parent(),
        LandelijkThemaPage(title="Zorg", slug="zorg", korte_beschrijving="x", beschrijving="x"),
    )
    vers(producten["zuyd"]).themas.add(zorg)
    vers(producten["zuyd"]).save_revision().publish()
    if verwijderd:
        for product in producten.values():
            vers(product).unpublish()
    sets_van = {iid(p): status(client, p)[1] for p in producten.values()}
    specs = tekst(oai(client, verb="ListSets"), ".//oai:setSpec")
    assert {"thema:armoede", "thema:zorg", "werkplaats:noord", "werkplaats:zuyd"} <= set(specs)
    for spec in specs:
        document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        verwacht = {
            i
            for i, sets in sets_van.items()
            if any(s.split(":")[0] == spec or s == spec for s in sets)
        }
        assert set(identifiers(document)) == verwacht, spec


def test_authors_come_in_the_order_the_editor_gave_them(client, producten):
    product = producten["zuyd"]
    for naam, volgorde in [("Eerst aangemaakt", 2), ("Daarna", 0), ("Als laatste", 1)]:
        ProductAuteur.objects.create(page=product, naam=naam, sort_order=volgorde)
    for verb in ["GetRecord", "ListRecords"]:
        params = {"identifier": iid(product)} if verb == "GetRecord" else {}
        document = oai(client, verb=verb, metadataPrefix="oai_dc", **params)
        (dc,) = [
            h.getparent().find(".//oai_dc:dc", NS)
            for h in document.findall(".//oai:header", NS)
            if tekst(h, "oai:identifier") == [iid(product)]
        ]
        assert tekst(dc, "dc:creator") == ["Daarna", "Als laatste", "Eerst aangemaakt"]


def test_a_harvest_of_deleted_records_only_is_complete_and_in_order(client, twaalf):
    for product in twaalf:
        product.unpublish()
    for verb in ["ListIdentifiers", "ListRecords"]:
        ids, token_els = oogst(client, verb=verb)
        assert ids == [iid(p) for p in sorted(twaalf, key=lambda p: p.pk)]
        assert [el.get("cursor") for el in token_els] == ["0", "5", "10"]


def test_a_page_of_headers_costs_fewer_queries_than_a_page_of_records(client, twaalf):
    """Headers need the products and tombstones only, whole records also the authors and
    themes (`Selectie.pagina`: three queries for headers, five for whole records)."""
    kop = aantal_queries(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    heel = aantal_queries(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert heel - kop == 2
