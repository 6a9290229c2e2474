"""The OAI-PMH 2.0 endpoint: the six verbs, their arguments and errors, as the protocol
defines them (http://www.openarchives.org/OAI/openarchivesprotocol.html)."""

import re
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, SubElement, tostring

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from kennisbank.models import OaiTombstone
from kennisbank.oai import repository, tokens
from kennisbank.oai.datestamps import GRANULARITY, format_datestamp, parse
from kennisbank.oai.formats import FORMATEN, OAI, XSI, Links, element, tekst

REPOSITORY_NAME = "Kennisbank Werkplaatsen Sociaal Domein"

# verb: (required arguments, optional arguments); a resumptionToken goes alone.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}),
}
HERVATBAAR = {"ListSets", "ListIdentifiers", "ListRecords"}


class OaiFout(Exception):
    """An OAI-PMH error: its code and a message for people."""

    def __init__(self, code, bericht):
        super().__init__(bericht)
        self.code = code
        self.bericht = bericht


def repository_identifier():
    """The host part of the identifiers: ``OAI_REPOSITORY_IDENTIFIER`` or the host of the
    public base URL."""
    return getattr(settings, "OAI_REPOSITORY_IDENTIFIER", None) or (
        urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    )


def oai_identifier(product_id):
    return f"oai:{repository_identifier()}:product/{product_id}"


def product_id(identifier):
    prefix = f"oai:{repository_identifier()}:product/"
    if identifier.startswith(prefix):
        rest = identifier[len(prefix) :]
        if rest.isascii() and rest.isdigit() and len(rest) < 12:
            return int(rest)
    return None


# The address OAI-PMH.xsd accepts: something, @, a domain with a dot.
_EMAIL = re.compile(r"\S+@(\S+\.)+\S+")
ASSOCIATIE_EMAIL = "info@werkplaatsensociaaldomein.nl"


def admin_email():
    """``OAI_ADMIN_EMAIL``, else the sender of the site's mail (``DEFAULT_FROM_EMAIL``), else
    the Associatie's address: the first one the protocol accepts (not ``webmaster@localhost``,
    Django's default)."""
    for adres in [getattr(settings, "OAI_ADMIN_EMAIL", None), settings.DEFAULT_FROM_EMAIL]:
        if adres and _EMAIL.fullmatch(adres):
            return adres
    return ASSOCIATIE_EMAIL


class Verzoek:
    """One OAI-PMH request: its arguments, checked, and the response it gets."""

    def __init__(self, request):
        self.request = request
        self.base_url = request.build_absolute_uri(reverse("oai"))
        self.root = Element(
            f"{{{OAI}}}OAI-PMH",
            {f"{{{XSI}}}schemaLocation": f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"},
        )
        element(self.root, f"{{{OAI}}}responseDate", format_datestamp(timezone.now()))
        self.request_el = element(self.root, f"{{{OAI}}}request", self.base_url)

    # -- arguments ------------------------------------------------------------------------

    def argumenten(self):
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        verbs = data.getlist("verb")
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OaiFout(
                "badVerb",
                "Geen geldig verb; kies uit " + ", ".join(VERBS) + "."
                if len(verbs) <= 1
                else "Het argument verb komt meer dan eens voor.",
            )
        verb = verbs[0]
        args = {}
        for sleutel in data:
            if sleutel == "verb":
                continue
            waarden = data.getlist(sleutel)
            if len(waarden) != 1:
                raise OaiFout("badArgument", f"Het argument {sleutel} komt meer dan eens voor.")
            args[sleutel] = waarden[0]
        verplicht, optioneel = VERBS[verb]
        if "resumptionToken" in args and verb in HERVATBAAR:
            if len(args) > 1:
                raise OaiFout(
                    "badArgument", "Een resumptionToken gaat niet samen met andere argumenten."
                )
            return verb, args
        onbekend = set(args) - verplicht - optioneel
        if onbekend:
            raise OaiFout(
                "badArgument", f"Onbekend argument voor {verb}: {', '.join(sorted(onbekend))}."
            )
        ontbreekt = verplicht - set(args)
        if ontbreekt:
            raise OaiFout(
                "badArgument", f"{verb} vraagt om het argument {', '.join(sorted(ontbreekt))}."
            )
        return verb, args

    def antwoord(self):
        try:
            verb, args = self.argumenten()
        except OaiFout as fout:
            return self.fout(fout)
        self.request_el.set("verb", verb)
        for sleutel, waarde in args.items():
            self.request_el.set(sleutel, tekst(waarde))
        try:
            getattr(self, verb)(args)
        except OaiFout as fout:
            return self.fout(fout)
        return self.xml()

    def fout(self, fout):
        if fout.code in ("badVerb", "badArgument"):
            # The protocol: then the request element carries no attributes.
            self.request_el.attrib.clear()
        element(self.root, f"{{{OAI}}}error", fout.bericht, code=fout.code)
        return self.xml()

    def xml(self):
        inhoud = tostring(self.root, encoding="unicode")
        return HttpResponse(
            '<?xml version="1.0" encoding="UTF-8"?>\n' + inhoud,
            content_type="text/xml; charset=utf-8",
        )

    def verb_element(self, verb):
        return SubElement(self.root, f"{{{OAI}}}{verb}")

    # -- helpers ----------------------------------------------------------------------------

    def formaat(self, prefix):
        if prefix not in FORMATEN:
            raise OaiFout(
                "cannotDisseminateFormat",
                f"Onbekend metadataPrefix; kies uit {', '.join(FORMATEN)}.",
            )
        return FORMATEN[prefix]

    def links(self, product):
        document = (
            self.request.build_absolute_uri(product.document.url) if product.document_id else None
        )
        return Links(product.get_full_url(self.request), document)

    def header(self, ouder, record):
        header = element(ouder, f"{{{OAI}}}header")
        if isinstance(record, OaiTombstone):
            header.set("status", "deleted")
            element(header, f"{{{OAI}}}identifier", oai_identifier(record.product_id))
            element(header, f"{{{OAI}}}datestamp", format_datestamp(record.datestamp))
            specs = record.sets.split()
        else:
            element(header, f"{{{OAI}}}identifier", oai_identifier(record.pk))
            element(header, f"{{{OAI}}}datestamp", format_datestamp(record.oai_datestamp))
            specs = repository.product_setspecs(record)
        for spec in specs:
            element(header, f"{{{OAI}}}setSpec", spec)

    def record(self, ouder, record, formaat):
        el = element(ouder, f"{{{OAI}}}record")
        self.header(el, record)
        if not isinstance(record, OaiTombstone):
            metadata = element(el, f"{{{OAI}}}metadata")
            metadata.append(formaat.schrijf(record, self.links(record)))

    def gevonden_record(self, identifier, volledig=True):
        pk = product_id(identifier)
        record = repository.record(pk, volledig) if pk is not None else None
        if record is None:
            raise OaiFout("idDoesNotExist", "Deze identifier bestaat niet in deze repository.")
        return record

    # -- verbs ------------------------------------------------------------------------------

    def Identify(self, args):
        el = self.verb_element("Identify")
        element(el, f"{{{OAI}}}repositoryName", REPOSITORY_NAME)
        element(el, f"{{{OAI}}}baseURL", self.base_url)
        element(el, f"{{{OAI}}}protocolVersion", "2.0")
        element(el, f"{{{OAI}}}adminEmail", admin_email())
        element(
            el, f"{{{OAI}}}earliestDatestamp", format_datestamp(repository.earliest_datestamp())
        )
        element(el, f"{{{OAI}}}deletedRecord", "persistent")
        element(el, f"{{{OAI}}}granularity", GRANULARITY)

    def ListMetadataFormats(self, args):
        if "identifier" in args:
            self.gevonden_record(args["identifier"], volledig=False)
        el = self.verb_element("ListMetadataFormats")
        for formaat in FORMATEN.values():
            fmt = element(el, f"{{{OAI}}}metadataFormat")
            element(fmt, f"{{{OAI}}}metadataPrefix", formaat.prefix)
            element(fmt, f"{{{OAI}}}schema", formaat.schema)
            element(fmt, f"{{{OAI}}}metadataNamespace", formaat.namespace)

    def ListSets(self, args):
        if "resumptionToken" in args:
            raise OaiFout("badResumptionToken", "ListSets geeft geen resumptionTokens uit.")
        el = self.verb_element("ListSets")
        for oai_set in repository.sets():
            set_el = element(el, f"{{{OAI}}}set")
            element(set_el, f"{{{OAI}}}setSpec", oai_set.spec)
            element(set_el, f"{{{OAI}}}setName", oai_set.naam)

    def GetRecord(self, args):
        formaat = self.formaat(args["metadataPrefix"])
        record = self.gevonden_record(args["identifier"])
        self.record(self.verb_element("GetRecord"), record, formaat)

    def ListIdentifiers(self, args):
        self.lijst("ListIdentifiers", args)

    def ListRecords(self, args):
        self.lijst("ListRecords", args)

    def lijst(self, verb, args):
        if "resumptionToken" in args:
            staat = self.lees_token(verb, args["resumptionToken"])
        else:
            staat = {"v": verb, "m": args["metadataPrefix"], "k": 0, "c": 0}
            for sleutel, kort in [("set", "s"), ("from", "f"), ("until", "u")]:
                if sleutel in args:
                    staat[kort] = args[sleutel]
            self.formaat(staat["m"])
        formaat = self.formaat(staat["m"])
        selectie = self.selectie(staat)
        records, meer = selectie.pagina(staat["k"], volledig=verb == "ListRecords")
        if not records:
            if "resumptionToken" in args:
                # The records after the token's key were removed meanwhile.
                self.verb_element(verb)
                return
            raise OaiFout("noRecordsMatch", "Geen records voor deze combinatie van argumenten.")
        el = self.verb_element(verb)
        for record in records:
            if verb == "ListRecords":
                self.record(el, record, formaat)
            else:
                self.header(el, record)
        if meer or "resumptionToken" in args:
            self.hervatting(el, staat, records, meer, selectie)

    def hervatting(self, el, staat, records, meer, selectie):
        attributen = {"completeListSize": str(selectie.aantal()), "cursor": str(staat["c"])}
        token_el = element(el, f"{{{OAI}}}resumptionToken", **attributen)
        if meer:
            volgende = {**staat, "k": records[-1].pk, "c": staat["c"] + len(records)}
            token, verloopt = tokens.maak(volgende)
            token_el.text = token
            token_el.set("expirationDate", format_datestamp(verloopt))

    def lees_token(self, verb, token):
        try:
            staat = tokens.lees(token)
        except tokens.OngeldigToken as fout:
            raise OaiFout(
                "badResumptionToken", "Deze resumptionToken is ongeldig of verlopen."
            ) from fout
        if staat.get("v") != verb or not isinstance(staat.get("k"), int):
            raise OaiFout("badResumptionToken", f"Deze resumptionToken hoort niet bij {verb}.")
        return staat

    def selectie(self, staat):
        selectie = repository.Selectie(set=staat.get("s"))
        granulariteit = set()
        try:
            if "f" in staat:
                selectie.van, _na, g = parse(staat["f"])
                granulariteit.add(g)
            if "u" in staat:
                _begin, selectie.tot, g = parse(staat["u"])
                granulariteit.add(g)
        except ValueError as fout:
            raise OaiFout(
                "badArgument",
                "Een datum in from of until moet de vorm YYYY-MM-DD of YYYY-MM-DDThh:mm:ssZ "
                "hebben.",
            ) from fout
        if len(granulariteit) > 1:
            raise OaiFout("badArgument", "from en until moeten dezelfde granulariteit hebben.")
        if selectie.van and selectie.tot and selectie.van >= selectie.tot:
            raise OaiFout("badArgument", "from ligt na until.")
        return selectie


@csrf_exempt
def oai_pmh(request):
    if request.method not in ("GET", "POST", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return Verzoek(request).antwoord()
