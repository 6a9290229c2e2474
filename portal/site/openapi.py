"""The OpenAPI 3.1 document of the JSON API, built from the router (/core/doc-openapi).

Paths come from the router's URL patterns, the parameters from each endpoint's known query
parameters, its filter backends and the model fields it filters on, and the response schemas
from the serializers Wagtail builds for each model's ``api_fields``. What the code cannot tell
(the meaning of a parameter, the type of a property) is described here or on the endpoint
(``veldschemas``, a filter's ``parameters``); anything left undescribed raises an error, so a
new field or parameter cannot slip into the API undocumented.
"""

from django.conf import settings
from rest_framework import fields as drf
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.models import get_page_models

from portal.basis.api import API_PAD, API_VERSIE, LEESBARE_HEADERS, METHODES, TITELS

PARAMETERS = {
    "limit": (
        "Aantal items per pagina (standaard en hoogstens 20).",
        {"type": "integer", "minimum": 0},
    ),
    "offset": ("Aantal items dat wordt overgeslagen.", {"type": "integer", "minimum": 0}),
    "fields": (
        "Velden in de antwoorden, met komma's: `veld` voegt toe, `-veld` laat weg, `*` begint met "
        "alle velden, `_` met geen. Weggelaten velden ontbreken dan ook in het antwoord.",
        {"type": "string"},
    ),
    "order": (
        "Sorteren op een veld, `-veld` aflopend, of `random`.",
        {"type": "string"},
    ),
    "search": ("Zoeken in de tekst (Nederlands).", {"type": "string"}),
    "search_operator": (
        "`and` of `or` tussen de zoekwoorden.",
        {"type": "string", "enum": ["and", "or"]},
    ),
    "rich_text_format": ("Met `plain`: opgemaakte tekst als platte tekst.", {"type": "string"}),
    "_": ("Wordt genegeerd (tegen caches van browsers).", {"type": "string"}),
    "format": ("Wordt genegeerd: de API antwoordt altijd JSON.", {"type": "string"}),
    "type": (
        "Alleen pagina's van dit type of deze typen, bijvoorbeeld `werkplaatsen.WerkplaatsPage`;"
        " maakt ook de velden van dat type beschikbaar.",
        {"type": "string"},
    ),
    "child_of": ("Alleen de kinderen van deze pagina (id, of `root`).", {"type": "string"}),
    "ancestor_of": ("Alleen de voorouders van deze pagina (id).", {"type": "integer"}),
    "descendant_of": (
        "Alleen de nakomelingen van deze pagina (id, of `root`).",
        {"type": "string"},
    ),
    "translation_of": ("Alleen vertalingen van deze pagina (id).", {"type": "integer"}),
    "locale": ("Alleen pagina's in deze taal (`nl`).", {"type": "string"}),
    "site": ("Alleen pagina's van deze site (hostnaam).", {"type": "string"}),
    "id": ("De id van het item.", {"type": "integer"}),
    "html_path": (
        "Het pad van de pagina op de site, bijvoorbeeld `/werkplaatsen/`.",
        {"type": "string"},
    ),
}

PAGINA_VERWIJZING = {
    "type": ["object", "null"],
    "properties": {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "detail_url": {"type": "string", "format": "uri"},
                "html_url": {"type": ["string", "null"]},
            },
        },
        "title": {"type": "string"},
    },
    "required": ["id", "meta"],
}

# Schemas of the serializer fields Wagtail adds itself, by class.
WAGTAIL_VELDEN = {
    wagtail_serializers.PageTypeField: {
        "type": "string",
        "description": "Paginatype, `app.Model`.",
    },
    wagtail_serializers.DetailUrlField: {"type": "string", "format": "uri"},
    wagtail_serializers.PageHtmlUrlField: {
        "type": ["string", "null"],
        "description": "De pagina op de site.",
    },
    wagtail_serializers.PageLocaleField: {"type": "string"},
    wagtail_serializers.PageParentField: PAGINA_VERWIJZING,
    wagtail_serializers.PageAliasOfField: PAGINA_VERWIJZING,
    wagtail_serializers.TagsField: {"type": "array", "items": {"type": "string"}},
    wagtail_serializers.StreamField: {
        "type": "array",
        "description": "Blokken van de inhoud: elk met `type`, `value` en `id`.",
        "items": {
            "type": "object",
            "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}},
            "required": ["type", "value"],
        },
    },
}

# Plain Django REST framework fields, most specific first.
DRF_VELDEN = [
    (drf.BooleanField, {"type": "boolean"}),
    (drf.IntegerField, {"type": "integer"}),
    (drf.DateTimeField, {"type": "string", "format": "date-time"}),
    (drf.DateField, {"type": "string", "format": "date"}),
    (drf.URLField, {"type": "string"}),
    (drf.CharField, {"type": "string"}),
]


def eigenschappen(router, model):
    """Schemas of ``model``'s property fields, from the endpoints that serve that model."""
    schemas = {}
    for endpoint in router._endpoints.values():
        if issubclass(model, endpoint.model):
            schemas.update(getattr(endpoint, "veldschemas", {}))
    return schemas


def veldschema(eigen, naam, veld):
    """The JSON Schema of a serializer field; ``eigen``: the schemas of property fields."""
    if type(veld) in WAGTAIL_VELDEN:
        return dict(WAGTAIL_VELDEN[type(veld)])
    if isinstance(veld, drf.ReadOnlyField):
        try:
            return dict(eigen[naam])
        except KeyError as fout:
            raise LookupError(f"geen schema voor het veld {naam!r}") from fout
    if isinstance(veld, drf.ChoiceField):
        schema = {"type": "string", "enum": [str(keuze) for keuze in veld.choices]}
    else:
        schema = next((dict(s) for klasse, s in DRF_VELDEN if isinstance(veld, klasse)), None)
        if schema is None:
            raise LookupError(f"geen schema voor het veld {naam!r} ({veld!r})")
    if getattr(veld, "allow_null", False):
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"].append(None)
    return schema


def serializer_velden(router, endpoint, model):
    """(body fields, meta fields) of ``model`` on ``endpoint``: name -> DRF field."""
    klasse = endpoint._get_serializer_class(router, model, [("*", False, None)], show_details=True)
    velden = klasse().fields
    meta = {naam: velden[naam] for naam in klasse.meta_fields if naam in velden}
    body = {naam: veld for naam, veld in velden.items() if naam not in meta}
    return body, meta


def itemschema(router, endpoint, model, verplicht, typen=None):
    """An item of ``model`` as ``endpoint`` serializes it, ``verplicht`` its default fields."""
    body, meta = serializer_velden(router, endpoint, model)
    eigen = eigenschappen(router, model)
    meta_schema = {
        "type": "object",
        "properties": {naam: veldschema(eigen, naam, veld) for naam, veld in meta.items()},
        "required": [naam for naam in meta if naam in verplicht],
        "additionalProperties": False,
    }
    if typen is not None:
        meta_schema["properties"]["type"] = {"type": "string", "enum": typen}
    schema = {
        "type": "object",
        "properties": {
            **{naam: veldschema(eigen, naam, veld) for naam, veld in body.items()},
            "meta": meta_schema,
        },
        "required": [naam for naam in body if naam in verplicht] + ["meta"],
        "additionalProperties": False,
    }
    return schema


def modelnaam(model):
    return f"{model._meta.app_label}.{model.__name__}"


def eigen_velden(endpoint, model):
    return set(endpoint.get_available_fields(model)) - set(
        endpoint.get_available_fields(endpoint.model)
    )


def schemas_van(router, naam, endpoint):
    """Component schemas of one endpoint: its items in listings and in detail."""
    model = endpoint.model
    schemas = {}
    if endpoint.model.__name__ == "Page":
        # Every page type: the ones with fields of their own apart, the others together.
        typen = [m for m in get_page_models() if m is not endpoint.model]
        eigen = [m for m in typen if eigen_velden(endpoint, m)]
        gewoon = [modelnaam(m) for m in typen if m not in eigen]
        varianten = []
        for m in eigen:
            schemas[f"{naam}-{m.__name__}"] = itemschema(
                router, endpoint, m, endpoint.get_detail_default_fields(m), [modelnaam(m)]
            )
            varianten.append({"$ref": f"#/components/schemas/{naam}-{m.__name__}"})
        schemas[f"{naam}-pagina"] = itemschema(
            router, endpoint, model, endpoint.get_detail_default_fields(model), gewoon
        )
        varianten.append({"$ref": f"#/components/schemas/{naam}-pagina"})
        schemas[f"{naam}-detail"] = {"oneOf": varianten}
        lijst = itemschema(router, endpoint, model, endpoint.get_listing_default_fields(model))
        lijst["additionalProperties"] = True  # ?type= and ?fields= add that type's fields
        lijst["properties"]["meta"]["additionalProperties"] = True
    else:
        schemas[f"{naam}-detail"] = itemschema(
            router, endpoint, model, endpoint.get_detail_default_fields(model)
        )
        lijst = itemschema(router, endpoint, model, endpoint.get_listing_default_fields(model))
    schemas[f"{naam}-lijstitem"] = lijst
    schemas[f"{naam}-lijst"] = {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer", "minimum": 0}},
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{naam}-lijstitem"}},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }
    return schemas


def parameter(naam, plaats="query", verplicht=False, beschrijving=None, schema=None):
    if beschrijving is None:
        try:
            beschrijving, schema = PARAMETERS[naam]
        except KeyError as fout:
            raise LookupError(f"parameter {naam!r} is niet beschreven") from fout
    return {
        "name": naam,
        "in": plaats,
        "required": verplicht,
        "description": beschrijving,
        "schema": schema,
    }


def filterparameters(router, endpoint):
    """Query parameters of listings: operations, the filter backends' own, the field filters."""
    eigen = {}
    for backend in endpoint.filter_backends:
        eigen.update(getattr(backend, "parameters", {}))
    lijst = [
        parameter(naam, beschrijving=eigen[naam], schema={"type": "string"})
        if naam in eigen
        else parameter(naam)
        for naam in sorted(endpoint.known_query_parameters)
    ]
    body, meta = serializer_velden(router, endpoint, endpoint.model)
    velden = {**body, **meta}
    for naam in endpoint.get_available_fields(endpoint.model, db_fields_only=True):
        if naam in endpoint.known_query_parameters:
            continue
        schema = veldschema(eigenschappen(router, endpoint.model), naam, velden[naam])
        soort = schema.get("type")
        if {"array", "object"} & set(soort if isinstance(soort, list) else [soort]):
            schema = {"type": "string"}  # tags, relations, body: filtered by a text value
        schema.pop("description", None)
        lijst.append(
            parameter(
                naam,
                beschrijving=f"Alleen items waarvan `{naam}` deze waarde heeft.",
                schema=schema,
            )
        )
    return lijst


def antwoord(schema, beschrijving, headers=("API-Version", "Access-Control-Allow-Origin")):
    return {
        "description": beschrijving,
        "headers": {naam: {"$ref": f"#/components/headers/{naam}"} for naam in headers},
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def fouten(*codes):
    return {str(code): {"$ref": f"#/components/responses/{code}"} for code in codes}


def preflight():
    return {
        "summary": "CORS-preflight",
        "description": "Geeft de toegestane methoden (GET, HEAD, OPTIONS) en headers.",
        "responses": {
            "204": {
                "description": "Toegestaan voor elke herkomst, zonder credentials.",
                "headers": {
                    naam: {"$ref": f"#/components/headers/{naam}"}
                    for naam in (
                        "API-Version",
                        "Access-Control-Allow-Origin",
                        "Access-Control-Allow-Methods",
                    )
                },
            }
        },
    }


def operaties(router, naam, endpoint, routenaam):
    """(path, path item) of one route of an endpoint."""
    if routenaam == "listing":
        get = {
            "summary": f"Lijst van {naam}",
            "operationId": f"{naam}-lijst",
            "parameters": filterparameters(router, endpoint),
            "responses": {
                "200": antwoord(
                    f"{naam}-lijst",
                    "Een pagina van de lijst; `Link` wijst naar de eerste, vorige, volgende en "
                    "laatste pagina.",
                    ("API-Version", "Access-Control-Allow-Origin", "Link"),
                ),
                **fouten(400, 500),
            },
        }
        return f"/{naam}/", {"get": get, "options": preflight()}
    if routenaam == "detail":
        get = {
            "summary": f"Een item van {naam}",
            "operationId": f"{naam}-detail",
            "parameters": [parameter("fields")],
            "responses": {
                "200": antwoord(f"{naam}-detail", "Het item met al zijn velden."),
                **fouten(400, 404, 500),
            },
        }
        return f"/{naam}/{{id}}/", {
            "parameters": [parameter("id", plaats="path", verplicht=True)],
            "get": get,
            "options": preflight(),
        }
    if routenaam == "find":
        get = {
            "summary": f"Een item van {naam} zoeken",
            "operationId": f"{naam}-zoek",
            "description": "Stuurt door naar het item met deze id of dit pad.",
            "parameters": [parameter(p) for p in sorted(endpoint.find_query_parameters)],
            "responses": {
                "302": {
                    "description": "Doorverwijzing naar het item.",
                    "headers": {
                        "Location": {"schema": {"type": "string"}},
                        "API-Version": {"$ref": "#/components/headers/API-Version"},
                    },
                },
                **fouten(400, 404, 500),
            },
        }
        return f"/{naam}/find/", {"get": get, "options": preflight()}
    raise LookupError(f"route {routenaam!r} van {naam} is niet beschreven")


def probleemantwoord(status):
    return {
        "description": TITELS[status],
        "headers": {
            naam: {"$ref": f"#/components/headers/{naam}"}
            for naam in ("API-Version", "Access-Control-Allow-Origin")
        },
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/probleem"}}
        },
    }


PROBLEEM = {
    "type": "object",
    "description": "Foutmelding volgens RFC 9457 (Problem Details for HTTP APIs).",
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string", "format": "uri-reference"},
        "message": {"type": "string", "description": "Hetzelfde als `detail` (API 2.0)."},
    },
    "required": ["type", "title", "status", "detail", "instance"],
}

HEADERS = {
    "API-Version": {
        "description": "De volledige versie van de API (semantic versioning).",
        "schema": {"type": "string", "example": API_VERSIE},
    },
    "Access-Control-Allow-Origin": {
        "description": "CORS: elke herkomst mag lezen, zonder credentials.",
        "schema": {"type": "string", "const": "*"},
    },
    "Access-Control-Allow-Methods": {
        "description": "CORS: alleen lezen.",
        "schema": {"type": "string", "example": ", ".join(METHODES)},
    },
    "Link": {
        "description": "Paginering (RFC 8288): `first`, `prev`, `next` en `last`.",
        "schema": {"type": "string"},
    },
}

BESCHRIJVING = f"""\
Open data van het kennisportaal van de Associatie Werkplaatsen Sociaal Domein: de producten
van de kennisbank en alle openbare pagina's. Zonder sleutel, alleen lezen.

Volgens de API Design Rules (Logius):

- **Versie**: de hoofdversie staat in het pad (`{API_PAD}`), de volledige versie in de header
  `API-Version` van elk antwoord.
- **CORS**: `GET`, `HEAD` en `OPTIONS` zijn voor elke herkomst toegestaan
  (`Access-Control-Allow-Origin: *`, zonder credentials); de headers
  {", ".join(f"`{h}`" for h in LEESBARE_HEADERS)} zijn leesbaar. Andere methoden geven
  `405 Method Not Allowed` met de header `Allow`.
- **Fouten**: als `application/problem+json` (RFC 9457).
- **Paginering**: met `limit` en `offset`; de header `Link` wijst naar de eerste, vorige,
  volgende en laatste pagina.
- **Afwijking**: de adressen eindigen op een `/` (zoals de Wagtail-API v2 altijd deed), tegen
  /core/no-trailing-slash in; een adres zonder `/` wordt doorgestuurd.
"""


def licentie():
    if not settings.API_LICENTIE:
        return {}
    return {"license": {"name": settings.API_LICENTIE, "identifier": settings.API_LICENTIE}}


def document(router):
    paden = {
        "/": {
            "get": {
                "summary": "Het beginpunt van de API",
                "operationId": "beginpunt",
                "responses": {
                    "200": antwoord("beginpunt", "Verwijzingen naar de onderdelen."),
                    **fouten(500),
                },
            },
            "options": preflight(),
        },
        "/openapi.json": {
            "get": {
                "summary": "Dit document",
                "operationId": "openapi",
                "responses": {
                    "200": {
                        "description": "Het OpenAPI-document.",
                        "headers": {
                            naam: {"$ref": f"#/components/headers/{naam}"}
                            for naam in ("API-Version", "Access-Control-Allow-Origin")
                        },
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                    **fouten(500),
                },
            },
            "options": preflight(),
        },
    }
    schemas = {
        "probleem": PROBLEEM,
        "beginpunt": {
            "type": "object",
            "properties": {
                "versie": {"type": "string"},
                "openapi": {"type": "string", "format": "uri"},
                "endpoints": {
                    "type": "object",
                    "additionalProperties": {"type": "string", "format": "uri"},
                },
            },
            "required": ["versie", "openapi", "endpoints"],
            "additionalProperties": False,
        },
    }
    for naam, endpoint in router._endpoints.items():
        schemas.update(schemas_van(router, naam, endpoint))
        for patroon in endpoint.get_urlpatterns():
            pad, item = operaties(router, naam, endpoint, patroon.name)
            paden[pad] = item
    basis = f"{settings.WAGTAILAPI_BASE_URL}{API_PAD}".rstrip("/")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kennisportaal Werkplaatsen Sociaal Domein",
            "version": API_VERSIE,
            "description": BESCHRIJVING,
            "contact": {
                "name": "Associatie Werkplaatsen Sociaal Domein",
                "url": settings.WAGTAILAPI_BASE_URL + "/",
                "email": settings.API_CONTACT_EMAIL,
            },
            **licentie(),
        },
        "servers": [{"url": basis, "description": "Deze site"}],
        "paths": paden,
        "components": {
            "schemas": schemas,
            "responses": {str(status): probleemantwoord(status) for status in (400, 404, 405, 500)},
            "headers": HEADERS,
        },
    }
