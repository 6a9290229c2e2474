"""The key pages of the benchmark, and the number of database queries each one takes.

    python scripts/benchmark_paginas.py urls      # one "name<TAB>path" per line, for benchmark.sh
    python scripts/benchmark_paginas.py queries   # the query count of each page (cache off)
    python scripts/benchmark_paginas.py zoekpaden # the search URLs of the search benchmark

Run with the project's settings and database (DATABASE_URL, DJANGO_SETTINGS_MODULE); the pages
are those of portal.demo.benchmark.sleutelpaginas(), which tests/site/test_query_counts.py
counts too.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

ZOEKTERMEN = [
    "mantelzorg",
    "eenzaamheid ouderen",
    "armoede",
    "schulden",
    "wijkteams",
    "jeugdhulp",
    "ervaringsdeskundigheid",
    "dementie",
    "vrijwilligers",
    "participatie",
    "dakloosheid",
    "laaggeletterdheid",
    "positieve gezondheid",
    "samenwerking gemeente",
    "sociale basis",
    "statushouders",
    "huiselijk geweld",
    "digitale inclusie",
    "professionals in de wijk",
    "onderzoek naar bestaanszekerheid",
]


def tel_queries(client, pad):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    assert response.status_code == 200, (pad, response.status_code)
    return len(queries)


def main(opdracht):
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from kennisbank.models import ProductPage
    from portal.demo.benchmark import sleutelpaginas

    paginas = sleutelpaginas()
    if opdracht == "urls":
        for naam, pad in paginas:
            print(f"{naam}\t{pad}")
        return
    if opdracht == "zoekpaden":
        for term in ZOEKTERMEN:
            print("/zoeken/?" + urlencode({"q": term}))
        return
    settings.PAGINACACHE = False
    host = (settings.ALLOWED_HOSTS or ["localhost"])[0]
    client = Client(HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
    aantal = ProductPage.objects.live().count()
    print(f"Queries per page with {aantal} live products (page cache off, second request):")
    for naam, pad in paginas:
        tel_queries(client, pad)  # the first request fills Wagtail's site-root cache
        print(f"  {naam:22} {tel_queries(client, pad):3}  {pad}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "queries")
