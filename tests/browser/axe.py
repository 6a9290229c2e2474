"""axe-core from npm (pinned in package.json and package-lock.json, installed into node_modules/
by scripts/install-browser.sh), injected into a page and run there.

The rules: those tagged WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. Only
violations are collected; incomplete results ("needs review") are not failures.
"""

import functools
import json

from .conftest import ROOT, _not_available

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}


@functools.cache
def _source():
    if not AXE_JS.is_file():
        _not_available(f"axe-core not found at {AXE_JS}: run ./scripts/install-browser.sh")
    return AXE_JS.read_text()


def version():
    """The installed axe-core's version, from its package.json."""
    _source()
    return json.loads((AXE_JS.parent / "package.json").read_text())["version"]


def run(page, options=OPTIONS):
    """axe.run on the whole document of ``page`` (open it with bypass_csp=True): its results."""
    page.evaluate(_source())
    return page.evaluate("(options) => axe.run(document, options)", options)


def report(results):
    """The violations, readable: rule, impact, what it asks, and each element with why."""
    lines = []
    for violation in results["violations"]:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            lines.append(f"  {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)
