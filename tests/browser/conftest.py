"""Browser tests: headless Chromium (Debian's, /usr/bin/chromium) driven by Playwright.

Once per run of this package:

* a database of its own (a SQLite file, or on PostgreSQL a database next to the one in
  DATABASE_URL) is migrated and filled with ``manage.py load_demo_content``;
* gunicorn serves that copy of the site on 127.0.0.1 and a free port, with the test settings
  (DEBUG off: the real 404 and 500 pages, static files through whitenoise, the strict CSP);
* one Chromium is started; each test gets fresh pages in a browser context per width.

The served site is a separate process with a separate database, so the rest of the test
suite never sees the demo content. Playwright never downloads a browser:
``scripts/install-browser.sh`` installs Debian's. Without Chromium these tests are skipped
locally, and fail in CI (CI=true).

Screenshots go to var/screenshots/ (or $SCREENSHOTS_DIR).
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
SCREENSHOTS_DIR = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "var" / "screenshots")).resolve()
SETTINGS = "tests.browser.settings"

# The two widths of the issue: a phone and a laptop.
WIDTHS = {"375": (375, 812), "1280": (1280, 900)}


def _in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _not_available(reason):
    """Skip locally; in CI a missing browser is an error, never a silent skip."""
    if _in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(args, env, what):
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.fail(
            f"{what} failed (exit {result.returncode}):\n{result.stdout[-3000:]}\n"
            f"{result.stderr[-3000:]}",
            pytrace=False,
        )
    return result.stdout


@contextlib.contextmanager
def _database(tmp):
    """A database URL for the served site: beside DATABASE_URL on PostgreSQL, else SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'site.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    # Under pytest-xdist, one per worker (the browser tests share one worker, see
    # tests/conftest.py, but a database of another worker must never be dropped).
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = f"{(parts.path.lstrip('/') or 'wsd')[:48]}_browser{worker}"
    beheer = urlunsplit(parts._replace(path="/postgres", query=""))

    def sql(statement):
        with psycopg.connect(beheer, autocommit=True) as conn:
            conn.execute(statement)

    sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    sql(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    """The served copy of the site: base URL and the URLs found in its demo content."""

    def __init__(self, base_url, urls, log, env):
        self.base_url = base_url
        self.env = env
        self.page_types = urls["page_types"]
        self.kennisbank_filters = urls["kennisbank_filters"]
        self.kennisbank_meer_paginas = urls["kennisbank_meer_paginas"]
        self.zoekterm = urls["zoekterm"]
        self.landelijk_werkprogramma = urls["landelijk_werkprogramma"]
        self.log = log

    def url(self, path):
        return self.base_url + path

    def manage(self, *args):
        """Runs a management command against the served site's database."""
        return _run(["manage.py", *args], self.env, " ".join(args))

    def log_tail(self, lines=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _require_browser():
    if not os.access(CHROMIUM, os.X_OK):
        _not_available(f"Chromium not found at {CHROMIUM}: run ./scripts/install-browser.sh")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _not_available("Playwright is not installed: run ./scripts/bootstrap.sh")


@pytest.fixture(scope="package")
def site():
    """Migrate, load the demo content and serve it with gunicorn, once for the package."""
    _require_browser()
    tmp = Path(tempfile.mkdtemp(prefix="wsd-browser-"))
    try:
        with _database(tmp) as database_url:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": SETTINGS,
                "DATABASE_URL": database_url,
                "BROWSER_MEDIA_ROOT": str(tmp / "media"),
                "PYTHONDONTWRITEBYTECODE": "1",
            }
            _run(["manage.py", "migrate", "--noinput", "-v", "0"], env, "migrate")
            _run(["manage.py", "load_demo_content"], env, "load_demo_content")
            urls = json.loads(_run(["-m", "tests.browser.discover"], env, "discover").strip())

            port = _free_port()
            log = tmp / "server.log"
            with log.open("w") as log_file:
                server = subprocess.Popen(
                    [
                        *(sys.executable, "-m", "gunicorn", "portal.wsgi:application"),
                        *("--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"),
                        *("--timeout", "60", "--access-logfile", "-"),
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                )
            try:
                base_url = f"http://127.0.0.1:{port}"
                deadline = time.monotonic() + 60
                while True:
                    try:
                        with urllib.request.urlopen(base_url + "/", timeout=10):
                            break
                    except (urllib.error.URLError, ConnectionError, TimeoutError):
                        if server.poll() is not None or time.monotonic() > deadline:
                            pytest.fail(
                                "the site did not start:\n" + log.read_text(errors="replace"),
                                pytrace=False,
                            )
                        time.sleep(0.25)
                yield Site(base_url, urls, log, env)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium (Debian's) for the whole package."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def contexts(browser):
    """Browser contexts by name, made on first use and closed at the end of the package.

    ``contexts.get(width, **options)``: a context of that width ("375", "1280", or another
    number of pixels); options go to ``browser.new_context`` (e.g. java_script_enabled=False).
    """

    class Contexts:
        def __init__(self):
            self._made = {}

        def get(self, width, **options):
            key = (width, tuple(sorted(options.items())))
            if key not in self._made:
                w, h = WIDTHS.get(width, (int(width), 800))
                self._made[key] = browser.new_context(
                    viewport={"width": w, "height": h},
                    locale="nl-NL",
                    reduced_motion="reduce",
                    **options,
                )
            return self._made[key]

        def close(self):
            for context in self._made.values():
                context.close()

    made = Contexts()
    yield made
    made.close()


@pytest.fixture
def open_page(site, contexts):
    """``open_page(path, width="1280", **context options)``: a new tab on that page.

    The test fails on a JavaScript error, an error in the console (such as a breach of the
    Content-Security-Policy), a stylesheet, script or image that fails to load, or a request
    to any other host than the served site (no font, stylesheet or script from elsewhere).
    The tab is closed after the test.
    """
    pages = []

    def open_(path, width="1280", expect_status=200, **options):
        width = str(width)
        page = contexts.get(width, **options).new_page()
        pages.append(page)
        problems = []
        page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
        page.on(
            "console",
            lambda message: (
                problems.append(f"console {message.type}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((site.base_url + "/", "data:", "blob:"))
                else problems.append(f"request to another host: {request.url}")
            ),
        )
        page.on(
            "response",
            lambda response: (
                problems.append(f"{response.status} for {response.url}")
                if response.status >= 400 and response.request.resource_type != "document"
                else None
            ),
        )
        page.problems = problems
        response = page.goto(site.url(path), wait_until="load")
        assert response is not None, path
        assert response.status == expect_status, f"{path}: {response.status}\n{site.log_tail()}"
        return page

    yield open_
    for page in pages:
        # A 404 or 500 page logs its own status as a console error: that one is expected.
        real = [p for p in page.problems if "the server responded with a status of" not in p]
        assert not real, "\n".join(real)
        page.close()


@pytest.fixture(scope="package", autouse=True)
def screenshots_dir():
    """var/screenshots/ (or $SCREENSHOTS_DIR), emptied of an earlier run's files (screenshots,
    axe's report, the Nu HTML checker's report)."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    for old in [
        *SCREENSHOTS_DIR.glob("*.p[nd][gf]"),
        *SCREENSHOTS_DIR.glob("axe-report.json"),
        *SCREENSHOTS_DIR.glob("nu-report.json"),
    ]:
        old.unlink()
    return SCREENSHOTS_DIR
