import shutil
import tempfile

import pytest

from kennisbank.kaarten import kaartenbak
from portal.basis.afhankelijkheden import (
    GENERATIE_SLEUTEL,
    TELLER_SLEUTEL,
    gedeelde_cache,
    tag_sleutel,
)
from tests.support import werkverdeling
from tests.support.verborgen import verborgen_inhoud  # noqa: F401  (a fixture for any test)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _nieuwe_inhoudsversie():
    """Every test starts at new content versions, so that what a process keeps per version
    (the facet index) never comes from another test, whose database was rolled back. The same
    for the kept product cards: one may name an image rendition that another test made, in its
    own media folder, and whose row was rolled back with it."""
    gedeelde_cache().delete_many([GENERATIE_SLEUTEL, TELLER_SLEUTEL, tag_sleutel("producten")])
    kaartenbak().leeg()


# pytest-xdist (./scripts/test.sh runs the tests in parallel): which tests one worker runs
# together, and in what order; see tests/support/werkverdeling.py.
_UNITS_DIR = pytest.StashKey[str]()


def _distributed(config):
    return (
        not hasattr(config, "workerinput")
        and config.getoption("dist", "no") != "no"
        and bool(config.getoption("tx", None))
    )


def pytest_configure(config):
    if _distributed(config):
        config.stash[_UNITS_DIR] = tempfile.mkdtemp(prefix="wsd-werkverdeling-")
        config.pluginmanager.register(werkverdeling.Durations(config), "wsd-durations")


def pytest_unconfigure(config):
    folder = config.stash.get(_UNITS_DIR, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput[werkverdeling.UNITS_DIR] = node.config.stash[_UNITS_DIR]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") == "loadgroup":
        return werkverdeling.make_scheduler(config, log, config.stash[_UNITS_DIR])
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    werkverdeling.write_units(config, items)
