"""The JSON API by the NL API Design Rules: the OpenAPI document is valid and every path it
documents answers as documented, errors are problem+json, the version is in the path and the
API-Version header, CORS is read-only, and the Link headers page through every product once.

The cases come from the document itself (its paths, operations, error responses and headers), so
a new endpoint or error is tested as soon as the router serves it."""

import re

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from kennisbank.models import ProductPage
from portal.basis.api import API_VERSIE
from portal.site.api import api_router
from tests.support.tree import add_product, build_open_data_tree

pytestmark = pytest.mark.django_db

BASIS = "/api/v2"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$")
LINK = re.compile(r'<([^>]+)>;\s*rel="([^"]+)"')
ANDERE_METHODEN = ("post", "put", "patch", "delete")
METHODEN = ("get", "head", "options", *ANDERE_METHODEN)


@pytest.fixture
def tree():
    return build_open_data_tree()


@pytest.fixture
def veel_producten(tree):
    """Two pages of 20 in the API's order (newest first), with a few on the same day."""
    for dag in range(10, 32):
        add_product(tree["zuyd"], f"Product {dag}", day=dag - dag % 3)
    return tree


@pytest.fixture
def document(client):
    return client.get(f"{BASIS}/openapi.json").json()


def validator(document, schema):
    """A JSON Schema validator for ``schema`` with the document's components beside it."""
    return Draft202012Validator(
        {**schema, "components": document["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def antwoordschema(document, antwoord):
    if "$ref" in antwoord:
        antwoord = document["components"]["responses"][antwoord["$ref"].rsplit("/", 1)[1]]
    return antwoord


def voorbeeldadressen(client, pad):
    """The addresses a documented path is called with: every id it can show."""
    producten = ProductPage.objects.live().order_by("pk")
    if pad == "/producten/{id}/":
        return [f"{BASIS}/producten/{p.pk}/" for p in producten]
    if pad == "/pages/{id}/":
        return [f"{BASIS}/pages/{pk}/" for pk in alle_ids(client, f"{BASIS}/pages/")]
    if pad.endswith("/find/"):
        return [f"{BASIS}{pad}?id={producten.first().pk}"]
    if pad == "/producten/":
        return [f"{BASIS}{pad}", f"{BASIS}{pad}?fields=*", f"{BASIS}{pad}?werkplaats=associatie"]
    return [f"{BASIS}{pad}"]


def operaties(document):
    for pad, item in document["paths"].items():
        for methode, operatie in item.items():
            if methode in METHODEN:
                yield pad, methode, operatie


def test_document_is_valid_openapi(client):
    response = client.get(f"{BASIS}/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    validate_openapi(document)
    info = document["info"]
    assert SEMVER.match(info["version"])
    assert info["contact"]["email"] and info["contact"]["url"]
    # /core/uri-version: every server carries the major version in its path.
    major = info["version"].split(".")[0]
    assert [s["url"] for s in document["servers"]] == [f"http://localhost/api/v{major}"]
    assert reverse("wagtailapi:producten:listing").startswith(f"/api/v{major}/")


def test_document_describes_every_route_of_the_router(document):
    """Every endpoint the router serves is a path of the document, with its own schemas."""
    for naam, endpoint in api_router._endpoints.items():
        for patroon in endpoint.get_urlpatterns():
            route = str(patroon.pattern).replace("<int:pk>", "{id}")
            assert f"/{naam}/{route}" in document["paths"], (naam, route)
        assert {f"{naam}-lijst", f"{naam}-detail"} <= set(document["components"]["schemas"])
        # The listing documents exactly the parameters the endpoint accepts.
        gedocumenteerd = {p["name"] for p in document["paths"][f"/{naam}/"]["get"]["parameters"]}
        velden = endpoint.get_available_fields(endpoint.model, db_fields_only=True)
        assert gedocumenteerd == endpoint.known_query_parameters | set(velden)
    veldnamen = set(document["components"]["schemas"]["producten-detail"]["properties"])
    assert {veld.name for veld in ProductPage.api_fields} <= veldnamen


def test_every_documented_path_answers_as_documented(tree, client, document):
    gecontroleerd = set()
    for pad, methode, operatie in operaties(document):
        code, antwoord = next(
            (c, a) for c, a in operatie["responses"].items() if c.startswith(("2", "3"))
        )
        for adres in voorbeeldadressen(client, pad):
            response = getattr(client, methode)(adres)
            assert response.status_code == int(code), (methode, adres, response.content[:300])
            for header in antwoord.get("headers", {}):
                assert response.has_header(header), (methode, adres, header)
            inhoud = antwoord.get("content", {}).get("application/json")
            if inhoud:
                assert response["Content-Type"] == "application/json"
                fouten = list(validator(document, inhoud["schema"]).iter_errors(response.json()))
                assert not fouten, (adres, [f.message for f in fouten][:5])
            gecontroleerd.add((pad, methode))
    assert gecontroleerd == {(pad, methode) for pad, methode, _ in operaties(document)}


def test_schemas_catch_a_wrong_response(tree, client, document):
    """The schemas are strict: a field of the wrong type or an unknown field fails."""
    product = ProductPage.objects.live().first()
    data = client.get(f"{BASIS}/producten/{product.pk}/").json()
    controle = validator(document, {"$ref": "#/components/schemas/producten-detail"})
    assert controle.is_valid(data)
    assert not controle.is_valid({**data, "thema_slugs": "armoede"})
    assert not controle.is_valid({**data, "onbekend": 1})
    assert not controle.is_valid({k: v for k, v in data.items() if k != "samenvatting"})


def foutverzoeken(client, pad, status, monkeypatch):
    """Requests that should answer ``status`` at ``pad``: how each error kind is provoked."""
    pad = pad.replace("{id}", str(ProductPage.objects.live().first().pk), 1)
    if status == 400:
        extra = "?id=abc" if pad.endswith("/find/") else "?fields=bestaat_niet"
        return [client.get(f"{BASIS}{pad}{extra}")]
    if status == 404:
        if pad.endswith("/find/"):
            return [client.get(f"{BASIS}{pad}?id=999999")]
        onbekend = re.sub(r"/\d+/$", "/999999/", pad)
        return [client.get(f"{BASIS}{onbekend}")]
    if status == 405:
        return [getattr(client, m)(f"{BASIS}{pad}") for m in ANDERE_METHODEN]
    if status == 500:
        with monkeypatch.context() as m:
            for endpoint in api_router._endpoints.values():
                m.setattr(endpoint, "get_queryset", stuk)
            m.setattr("portal.site.openapi.document", stuk)
            m.setattr("portal.site.api.volledige_url", stuk)
            return [client.get(f"{BASIS}{pad}?id=1")]
    raise AssertionError(f"geen manier om {status} uit te lokken")


def stuk(*args, **kwargs):
    raise RuntimeError("stuk")


def test_every_documented_error_is_problem_json(tree, client, document, monkeypatch):
    """Each error response of the document, provoked on each path that documents it (405 on
    every path), answers application/problem+json by RFC 9457."""
    probleem = validator(document, {"$ref": "#/components/schemas/probleem"})
    gedekt = set()
    for pad, item in document["paths"].items():
        codes = {
            int(c)
            for m, op in item.items()
            if m in METHODEN
            for c in op["responses"]
            if c[0] in "45"
        }
        for status in sorted(codes | {405}):
            for response in foutverzoeken(client, pad, status, monkeypatch):
                assert response.status_code == status, (pad, status, response.content[:200])
                assert response["Content-Type"] == "application/problem+json"
                data = response.json()
                assert probleem.is_valid(data), (pad, data)
                assert data["status"] == status
                assert data["instance"] == response.wsgi_request.get_full_path()
                assert response["API-Version"] == API_VERSIE
                assert response["Access-Control-Allow-Origin"] == "*"
                if status == 405:
                    assert response["Allow"] == "GET, HEAD, OPTIONS"
            gedekt.add(status)
    assert gedekt == {int(c) for c in document["components"]["responses"]}


@pytest.mark.parametrize(
    "adres",
    ["/bestaat-niet/", "/producten/abc/", "/producten/1/extra/"],
)
def test_unknown_api_address_is_problem_json(client, adres):
    response = client.get(f"{BASIS}{adres}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == API_VERSIE


def test_address_without_slash_is_still_redirected(client):
    response = client.get(f"{BASIS}/producten")
    assert response.status_code == 301
    assert response["Location"] == f"{BASIS}/producten/"


def test_cors_read_only_for_any_origin(tree, client, document):
    origin = {"HTTP_ORIGIN": "https://elders.example"}
    for pad in ["/", "/openapi.json", "/producten/", "/pages/"]:
        response = client.get(f"{BASIS}{pad}", **origin)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert not response.has_header("Access-Control-Allow-Credentials")
        assert {"API-Version", "Link"} <= {
            h.strip() for h in response["Access-Control-Expose-Headers"].split(",")
        }
        preflight = client.options(
            f"{BASIS}{pad}",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept-language",
            **origin,
        )
        assert preflight.status_code == 204
        assert preflight["Access-Control-Allow-Origin"] == "*"
        methoden = {m.strip() for m in preflight["Access-Control-Allow-Methods"].split(",")}
        assert methoden == {"GET", "HEAD", "OPTIONS"}
        assert "accept-language" in preflight["Access-Control-Allow-Headers"].lower()
        assert not preflight.has_header("Access-Control-Allow-Credentials")
    assert "Access-Control-Allow-Origin" in document["info"]["description"]


def test_html_site_has_no_cors_or_version(tree, client):
    for adres in ["/", "/zoeken/", "/bestaat-niet/", "/sitemap.xml"]:
        response = client.get(adres, HTTP_ORIGIN="https://elders.example")
        assert not response.has_header("Access-Control-Allow-Origin"), adres
        assert not response.has_header("API-Version"), adres
    niet_gevonden = client.get("/bestaat-niet/")
    assert niet_gevonden["Content-Type"].startswith("text/html")


def test_version_header_on_base_path_and_document(client, document):
    response = client.get(f"{BASIS}/")
    assert response.status_code == 200
    assert response["API-Version"] == document["info"]["version"] == API_VERSIE
    assert SEMVER.match(response["API-Version"])
    data = response.json()
    assert data["openapi"] == "http://localhost/api/v2/openapi.json"
    assert set(data["endpoints"]) == set(api_router._endpoints)


def alle_ids(client, adres):
    """The ids of every item of a listing, following its `next` links."""
    ids = []
    while adres:
        response = client.get(adres)
        ids += [item["id"] for item in response.json()["items"]]
        adres = links(response).get("next")
    return ids


def test_not_modified_keeps_the_api_headers(tree, client):
    eerste = client.get(f"{BASIS}/producten/")
    response = client.get(f"{BASIS}/producten/", HTTP_IF_NONE_MATCH=eerste["ETag"])
    assert response.status_code == 304
    assert response["API-Version"] == API_VERSIE
    assert response["Access-Control-Allow-Origin"] == "*"


def links(response):
    return {
        rel: url.removeprefix("http://localhost") for url, rel in LINK.findall(response["Link"])
    }


@pytest.mark.parametrize("query", ["", "?limit=7", "?werkplaats=zuyd&limit=5"])
def test_paging_links_reach_every_product_once(veel_producten, client, query):
    verwacht = ProductPage.objects.live().public()
    if "werkplaats" in query:
        verwacht = verwacht.filter(werkplaats=veel_producten["zuyd"])
    verwacht = set(verwacht.values_list("pk", flat=True))
    gezien = []
    adres, vorige, paginas = f"{BASIS}/producten/{query}", None, 0
    eerste = client.get(adres)
    while adres:
        response = client.get(adres)
        assert response.status_code == 200
        rels = links(response)
        assert rels["first"] == links(eerste)["first"]
        if vorige:
            assert client.get(rels["prev"]).json() == client.get(vorige).json()
        gezien += [item["id"] for item in response.json()["items"]]
        vorige, adres, paginas = adres, rels.get("next"), paginas + 1
    assert rels["last"] == vorige or client.get(rels["last"]).json() == client.get(vorige).json()
    assert len(gezien) == len(set(gezien))
    assert set(gezien) == verwacht
    assert paginas > 1
