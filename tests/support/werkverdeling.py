"""How pytest-xdist spreads the tests over its workers (./scripts/test.sh runs ``-n auto
--dist loadgroup``; the hooks are in tests/conftest.py).

A *work unit* is a set of tests that one worker runs together, because they share something
costly that a process builds once:

* the browser tests (tests/browser): one served copy of the site with the demo content, one
  Chromium, one screenshot folder and one axe report (axe-report.json) written by one process;
* the tests of a module that use a fixture of module or package scope defined by the tests
  (the demo content, a role tree with uploads);
* the tests of a unittest TestCase class (setUpClass, setUpTestData);
* an explicit ``@pytest.mark.xdist_group(name)``.

Every other test is a unit of its own. Units are handed out longest first (by what the tests
took in the previous run on this machine, kept in pytest's cache; without it, 5 s per browser
or slow test and 0.5 s per other one), so that no long test starts last while the other
workers idle.

pytest-xdist 3.8 marks a group by appending ``@group`` to the test's node ID, which pytest 9.2's
structured node IDs ignore (pytest-dev/pytest-xdist#1386): every test became a unit of its own,
and each worker built the browser tests' site. So each worker writes the units it collected to
a file of the controller's, and the controller's scheduler reads them.
"""

import json
import os
import unittest
from pathlib import Path

import pytest

BROWSER_PACKAGE = "tests/browser/"
SHARED_SCOPES = {"module", "package", "class"}
UNITS_DIR = "wsd_werkverdeling"  # key in each worker's workerinput
DURATIONS_CACHE = "wsd/werkverdeling-durations"


def work_unit(item):
    """The name of the unit ``item`` belongs to, or None when it is a unit of its own."""
    for mark in item.iter_markers("xdist_group"):
        return str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
    if item.nodeid.startswith(BROWSER_PACKAGE):
        return "browser"
    if isinstance(item.cls, type) and issubclass(item.cls, unittest.TestCase):
        return f"{item.nodeid.split('::')[0]}::{item.cls.__name__}"
    fixtureinfo = getattr(item, "_fixtureinfo", None)
    if fixtureinfo is not None:
        for name in fixtureinfo.names_closure:
            for fixturedef in fixtureinfo.name2fixturedefs.get(name, ()):
                # baseid "": a plugin's fixture (pytest-django has a class-scoped one for all)
                if fixturedef.scope in SHARED_SCOPES and fixturedef.baseid:
                    return item.nodeid.split("::")[0]
    return None


def transactional(item):
    """Whether ``item`` empties the database afterwards (as pytest-django orders them: a
    TransactionTestCase, ``django_db(transaction=True)``, ``transactional_db``, ``live_server``).

    Such a test flushes every table, the tree and collection roots that the migrations made
    included; pytest-django runs them after the other database tests, and so must each worker.
    """
    from django.test import TestCase, TransactionTestCase

    if isinstance(item.cls, type) and issubclass(item.cls, TransactionTestCase):
        return not issubclass(item.cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction")
        or marker.kwargs.get("reset_sequences")
        or (marker.args and marker.args[0])
    ):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return any(
        name in fixtures
        for name in ("transactional_db", "live_server", "django_db_reset_sequences")
    )


def write_units(config, items):
    """In a worker: write {nodeid: [unit, heavy, transactional]} for the controller."""
    folder = getattr(config, "workerinput", {}).get(UNITS_DIR)
    if not folder:
        return
    units = {
        item.nodeid: [
            work_unit(item) or item.nodeid,
            any(item.iter_markers("slow")) or any(item.iter_markers("browser")),
            transactional(item),
        ]
        for item in items
    }
    target = Path(folder) / f"{config.workerinput['workerid']}.json"
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(units))
    os.replace(temporary, target)


def make_scheduler(config, log, folder):
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnitScheduling(LoadScopeScheduling):
        """xdist's loadscope scheduling over the work units above, longest first."""

        _units = None

        def units(self):
            if self._units is None:
                files = sorted(Path(folder).glob("*.json"))
                self._units = json.loads(files[0].read_text()) if files else {}
            return self._units

        def _split_scope(self, nodeid):
            return self.units().get(nodeid, [nodeid])[0]

        def _assign_work_unit(self, node):
            if not getattr(self, "_ordered", False):
                self._ordered = True
                self.order_workqueue()
            super()._assign_work_unit(node)

        def order_workqueue(self):
            """Longest first: a unit costs what its tests took last time, else 5 s per slow
            or browser test and 0.5 s per other test. Units with a transactional test go last
            of all: a worker runs every test it gets in the order it got them, so it then has
            run all its other database tests before the first flush (see `transactional`)."""
            cache = getattr(config, "cache", None)  # None with -p no:cacheprovider
            durations = (cache.get(DURATIONS_CACHE, {}) if cache else None) or {}
            units = self.units()
            unknown = [None, False, False]

            def key(item):
                _scope, tests = item
                flushes = any(units.get(nodeid, unknown)[2] for nodeid in tests)
                cost = sum(
                    durations.get(nodeid, 5.0 if units.get(nodeid, unknown)[1] else 0.5)
                    for nodeid in tests
                )
                return (flushes, -cost)

            items = sorted(self.workqueue.items(), key=key)
            self.workqueue.clear()
            self.workqueue.update(items)

    return WorkUnitScheduling(config, log)


class Durations:
    """On the controller: each test's duration (setup, call, teardown), kept in pytest's cache
    for the next run's order."""

    def __init__(self, config):
        self.config = config
        self.seconds = {}

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report):
        self.seconds[report.nodeid] = self.seconds.get(report.nodeid, 0.0) + report.duration

    @pytest.hookimpl
    def pytest_sessionfinish(self, session):
        if getattr(self.config, "cache", None) is None or not self.seconds:
            return
        known = self.config.cache.get(DURATIONS_CACHE, {})
        known.update({nodeid: round(s, 3) for nodeid, s in self.seconds.items()})
        self.config.cache.set(DURATIONS_CACHE, known)
