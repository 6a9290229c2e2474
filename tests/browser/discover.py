"""Print, as JSON, the URLs the browser tests visit, found in the loaded demo content.

Run by tests/browser/conftest.py after ``load_demo_content``:
``python -m tests.browser.discover`` (with DJANGO_SETTINGS_MODULE and DATABASE_URL set).
Output: {"page_types": {model name: url of its first live page}, "kennisbank_filters":
query string with three facets that has results, "zoekterm": a word with search results,
"landelijk_werkprogramma": the national kennisagenda, "kennisbank_meer_paginas": a
query string of several Werkplaatsen with more than one page of results}.
"""

import json
import os

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.browser.settings")
    django.setup()
    from urllib.parse import urlencode

    from wagtail.models import get_page_models

    from kennisbank.models import ProductPage
    from werkplaatsen.models import AssociatiePage, KennisagendaPage

    page_types = {}
    for model in get_page_models():
        if model._meta.abstract or model.__name__ == "Page":
            continue
        page = model.objects.live().public().filter(depth__gt=1).order_by("path").first()
        page_types[model.__name__] = page.specific.url if page else None

    # Three facets (Werkplaats, thema, soort) of one product: a filtered list with results.
    product = (
        ProductPage.objects.live()
        .filter(werkplaats__isnull=False, themas__isnull=False)
        .order_by("path")
        .first()
    )
    filters = urlencode(
        [
            ("werkplaats", product.werkplaats.slug),
            ("thema", product.themas.order_by("path").first().slug),
            ("type", product.product_type),
        ]
    )
    # One facet with several values (OR) and more than one page of results.
    from django.db.models import Count

    from kennisbank.contributions import PRODUCTEN_PER_PAGINA

    per_werkplaats = (
        ProductPage.objects.live()
        .filter(werkplaats__isnull=False)
        .values("werkplaats__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "werkplaats__slug")
    )
    gekozen, totaal = [], 0
    for rij in per_werkplaats:
        if totaal > PRODUCTEN_PER_PAGINA:
            break
        gekozen.append(("werkplaats", rij["werkplaats__slug"]))
        totaal += rij["n"]

    print(
        json.dumps(
            {
                "page_types": page_types,
                "kennisbank_filters": filters,
                "kennisbank_meer_paginas": urlencode(gekozen),
                "zoekterm": product.title.split()[0],
                "landelijk_werkprogramma": KennisagendaPage.objects.live()
                .child_of(AssociatiePage.objects.get())
                .first()
                .url,
            }
        )
    )


if __name__ == "__main__":
    main()
