"""The OpenAPI document against the full demo content: every public page and every product, in
listings with all fields and in detail, matches the documented schemas (tests/site/
test_api_rules.py does the same on a small tree, with the error cases and the headers)."""

import pytest
from django.core.cache import cache

from kennisbank.models import ProductPage
from tests.site.test_api_rules import BASIS, alle_ids, links, validator
from tests.support.tree import demo_inhoud

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_inhoud(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield
    cache.clear()


def schema(document, pad, code="200"):
    inhoud = document["paths"][pad]["get"]["responses"][code]["content"]["application/json"]
    return validator(document, inhoud["schema"])


def fouten(controle, data):
    return [
        f"{'/'.join(map(str, f.absolute_path))}: {f.message}" for f in controle.iter_errors(data)
    ]


def test_every_page_and_product_matches_the_document(demo, client):
    document = client.get(f"{BASIS}/openapi.json").json()
    for naam in ("pages", "producten"):
        lijst = schema(document, f"/{naam}/")
        detail = schema(document, f"/{naam}/{{id}}/")
        adres = f"{BASIS}/{naam}/?fields=*"
        ids = alle_ids(client, adres)
        assert len(ids) == len(set(ids))
        while adres:
            response = client.get(adres)
            assert not fouten(lijst, response.json()), adres
            adres = links(response).get("next")
        for pk in ids:
            data = client.get(f"{BASIS}/{naam}/{pk}/").json()
            assert not fouten(detail, data), (naam, pk, fouten(detail, data)[:3])
    producten = set(ProductPage.objects.live().public().values_list("pk", flat=True))
    assert set(alle_ids(client, f"{BASIS}/producten/")) == producten
    assert ProductPage.objects.live().exclude(document=None).exists()  # document_url is tested
