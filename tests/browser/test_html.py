"""The W3C Nu HTML checker (vnu.jar of the npm package vnu-jar, pinned in package.json, installed
by scripts/install-browser.sh; it needs Java) on every kind of page: 0 errors. Warnings are
allowed, and shown in pytest's warnings summary.

The pages are those of test_axe.py: one live page of every page type in the demo content, the
service pages, the kennisbank with filters, without results and on page 2, the search states
and the 404 and 500 pages, as the served site (tests/browser/conftest.py) sends them. They are
written to files and checked in one run of the checker, together with a page with planted
errors that must be found, so the check cannot pass by checking nothing.
"""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from warnings import warn

import pytest

from .conftest import ROOT, SCREENSHOTS_DIR, _not_available
from .test_axe import PAGES

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PLANTED = "<!DOCTYPE html><html lang=nl><title>x</title><ul><p>geen li</p></ul><b><i>x</b></i>"


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _pages(site):
    """{file name: (path, expected status)} for every page the axe tests check."""
    pages = {f"{name}.html": (path, 200) for name, path in site.page_types.items()}
    for name, (path, status) in PAGES.items():
        pages[f"{name}.html"] = (path(site) if callable(path) else path, status)
    return pages


def _vnu(files):
    java = shutil.which("java")
    if not java:
        _not_available(
            "Java not found (the Nu HTML checker needs it): run ./scripts/install-browser.sh"
        )
    if not VNU_JAR.is_file():
        _not_available(f"vnu.jar not found at {VNU_JAR}: run ./scripts/install-browser.sh")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except ValueError:
        pytest.fail(
            f"the Nu HTML checker gave no report (exit {result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
            pytrace=False,
        )


def _line(message):
    where = f"{os.path.basename(message.get('url', ''))}:{message.get('lastLine', '?')}"
    extract = message.get("extract", "").strip()[:120]
    return f"{where}: {message['message']} ({extract!r})"


def test_every_page_is_valid_html(site, tmp_path):
    pages = _pages(site)
    assert len(pages) == len(site.page_types) + len(PAGES), "two pages share a file name"
    missing = [name for name, (path, _status) in pages.items() if not path]
    assert not missing, f"no live page for {missing} in the demo content"
    for name, (path, status) in pages.items():
        got, body = _fetch(site.url(path))
        assert got == status, f"{path}: {got}\n{site.log_tail()}"
        (tmp_path / name).write_bytes(body)
    planted = tmp_path / "geplant.html"
    planted.write_text(PLANTED)

    messages = _vnu(sorted(str(p) for p in tmp_path.glob("*.html")))
    by_file = {}
    for message in messages:
        by_file.setdefault(os.path.basename(message.get("url", "")), []).append(message)
    assert any(m["type"] == "error" for m in by_file.pop("geplant.html", [])), (
        f"the checker did not find the planted errors: {messages}"
    )
    errors = [m for ms in by_file.values() for m in ms if m["type"] != "info"]
    warnings = [m for ms in by_file.values() for m in ms if m["type"] == "info"]
    _write_report(pages, by_file, errors, warnings)
    for warning in warnings:  # allowed, and shown in pytest's warnings summary
        warn(f"Nu HTML checker: {_line(warning)}", stacklevel=1)
    assert not errors, f"{len(errors)} Nu HTML errors:\n" + "\n".join(map(_line, errors))


def _write_report(pages, by_file, errors, warnings):
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS_DIR / "nu-report.json").write_text(
        json.dumps(
            {
                "vnu_jar": json.loads((VNU_JAR.parents[2] / "package.json").read_text())["version"],
                "pages": len(pages),
                "errors": len(errors),
                "warnings": len(warnings),
                "results": [
                    {
                        "path": path,
                        "errors": [
                            m["message"] for m in by_file.get(name, []) if m["type"] != "info"
                        ],
                        "warnings": [
                            m["message"] for m in by_file.get(name, []) if m["type"] == "info"
                        ],
                    }
                    for name, (path, _status) in sorted(pages.items())
                ],
            },
            indent=2,
        )
    )
