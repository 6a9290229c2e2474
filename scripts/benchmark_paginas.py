"""The key pages of the benchmark, and the number of database queries each one takes.

    python scripts/benchmark_paginas.py urls      # one "name<TAB>path" per line, for benchmark.sh
    python scripts/benchmark_paginas.py queries   # the query count of each page (cache off)
    python scripts/benchmark_paginas.py zoekpaden # the search URLs of the search benchmark
    python scripts/benchmark_paginas.py productpaden N even|oneven  # bulk product paths
    python scripts/benchmark_paginas.py mediaan URL [N]  # each key page N times (default 30),
                                                  # one at a time: median and p95 in ms
    python scripts/benchmark_paginas.py inproces [N]  # the same in this process (Django's test
                                                  # client, page cache off): no server needed

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


def tijden(basis, paden, aantal):
    """{path: sorted response times in ms}: each path asked `aantal` times (after two
    warm-ups), one request at a time over one kept-alive connection."""
    import http.client
    import time
    from urllib.parse import urlsplit

    adres = urlsplit(basis)
    verbinding = http.client.HTTPConnection(adres.hostname, adres.port, timeout=60)
    kop = {"X-Forwarded-Proto": "https", "Host": adres.netloc}
    resultaat = {}
    for pad in paden:
        gemeten = []
        for i in range(aantal + 2):
            begin = time.perf_counter()
            verbinding.request("GET", pad, headers=kop)
            antwoord = verbinding.getresponse()
            antwoord.read()
            if antwoord.status != 200:
                raise SystemExit(f"{pad}: HTTP {antwoord.status}")
            if i >= 2:
                gemeten.append((time.perf_counter() - begin) * 1000)
        resultaat[pad] = sorted(gemeten)
    return resultaat


def midden_en_p95(gemeten):
    """Median and p95 of sorted times."""
    return gemeten[len(gemeten) // 2], gemeten[
        min(len(gemeten) - 1, round(0.95 * (len(gemeten) - 1)))
    ]


def mediaan(basis, aantal):
    namen = dict(regel.split("\t") for regel in sys.stdin.read().splitlines() if "\t" in regel)
    for pad, gemeten in tijden(basis, list(namen.values()), aantal).items():
        naam = next(n for n, p in namen.items() if p == pad)
        midden, p95 = midden_en_p95(gemeten)
        print(f"{naam} {midden:.1f} {p95:.1f}")


def inproces(client, paginas, aantal):
    """Each key page `aantal` times after three warm-ups, in this process: median and p95."""
    import time

    print(f"One request at a time in one process, {aantal} per page (page cache off), in ms:")
    for naam, pad in paginas:
        for _ in range(3):
            client.get(pad, secure=True)
        gemeten = []
        for _ in range(aantal):
            begin = time.perf_counter()
            response = client.get(pad, secure=True)
            gemeten.append((time.perf_counter() - begin) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{pad}: HTTP {response.status_code}")
        midden, p95 = midden_en_p95(sorted(gemeten))
        print(f"  {naam:22} median {midden:6.1f}  p95 {p95:6.1f}")


def main(opdracht, *argumenten):
    if opdracht == "mediaan":
        return mediaan(argumenten[0], int(argumenten[1]) if len(argumenten) > 1 else 30)
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from kennisbank.models import ProductPage
    from portal.demo.benchmark import sleutelpaginas

    if opdracht == "productpaden":
        from portal.demo.benchmark import productpaden

        for pad in productpaden(int(argumenten[0]), argumenten[1] == "even"):
            print(pad)
        return
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
    if opdracht == "inproces":
        return inproces(client, paginas, int(argumenten[0]) if argumenten else 30)
    aantal = ProductPage.objects.live().count()
    print(f"Queries per page with {aantal} live products (page cache off, second request):")
    for naam, pad in paginas:
        tel_queries(client, pad)  # the first request fills Wagtail's site-root cache
        print(f"  {naam:22} {tel_queries(client, pad):3}  {pad}")


if __name__ == "__main__":
    main(*(sys.argv[1:] or ["queries"]))
