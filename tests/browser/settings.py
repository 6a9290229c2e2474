"""Settings of the copy of the site that the browser tests serve (tests/browser/conftest.py).

The test settings, plus a URL configuration that also serves uploaded media (the demo
images) and has one URL that fails on purpose, to show the 500 page.
"""

import os

from portal.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"
MEDIA_ROOT = os.environ.get("BROWSER_MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
