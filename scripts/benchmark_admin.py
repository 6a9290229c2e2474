"""How fast the Wagtail admin answers a regional editor: median, p95 and queries per view.

    python scripts/benchmark_admin.py              # the Markdown table (benchmark.sh, "admin")
    python scripts/benchmark_admin.py profile NAME # cProfile and the slowest queries of one view

Run with the project's settings and database (DATABASE_URL, DJANGO_SETTINGS_MODULE), on the demo
content plus bulk products (generate_bulk_content). The views are those of
portal.demo.benchmark.beheerpaginas(), which tests/site/test_admin_scale.py counts too; the editor
is in the editors' group of the Werkplaats with the most child pages (made if missing, as
`benchmark-redactie`), logged in through the Django test client, in this process: the figures are
server time without network or gunicorn. Each view gets WARMUP requests first, then RUNS timed
ones (wall clock, and the CPU time of this process, which a busy machine inflates less), then one
more that counts the queries and their time.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

WARMUP = 2
RUNS = 15


def haal(client, pad):
    """(wall-clock ms, CPU ms of this process) of one request."""
    start, cpu = time.perf_counter(), time.thread_time()
    response = client.get(pad)
    duur = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (pad, response.status_code)
    return duur, (time.thread_time() - cpu) * 1000


def meet(client, pad):
    """(median ms, p95 ms, median CPU ms, queries, SQL ms) of one view."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        haal(client, pad)
    tijden, cpu = zip(*(haal(client, pad) for _ in range(RUNS)), strict=True)
    with CaptureQueriesContext(connection) as queries:
        haal(client, pad)
    sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    p95 = statistics.quantiles(tijden, n=20, method="inclusive")[-1]
    return statistics.median(tijden), p95, statistics.median(cpu), len(queries), sql


def profileer(client, pad):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        haal(client, pad)
    profiel = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiel.runcall(haal, client, pad)
    pstats.Stats(profiel).sort_stats("cumulative").print_stats(40)
    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:15]:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:400]}")
    print(f"{len(queries)} queries")


def main(opdracht, naam=None):
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from kennisbank.models import ProductPage
    from portal.demo.benchmark import beheerpaginas, benchmark_redacteur

    user, werkplaats = benchmark_redacteur()
    host = (settings.ALLOWED_HOSTS or ["localhost"])[0]
    client = Client(HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    paginas = beheerpaginas(werkplaats)
    if opdracht == "profile":
        profileer(client, dict(paginas)[naam])
        return
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(
        f"Admin, one request at a time (Django test client, in process), {RUNS} requests after "
        f"{WARMUP} warm-up per view; {ProductPage.objects.live().count()} live products; editor "
        f"of {werkplaats.title} ({werkplaats.numchild} child pages); load average {load}."
    )
    print()
    print("| view | median ms | p95 ms | CPU ms | queries | SQL ms | path |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for naam, pad in paginas:
        mediaan, p95, cpu, aantal, sql = meet(client, pad)
        cijfers = f"{mediaan:.0f} | {p95:.0f} | {cpu:.0f} | {aantal} | {sql:.0f}"
        print(f"| {naam} | {cijfers} | `{pad}` |")
    print()
    print(f"Load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}.")


if __name__ == "__main__":
    main(*(sys.argv[1:] or ["table"]))
