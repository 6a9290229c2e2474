import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Serve static files from the app and static/ folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# An edited card template shows on the next request (kept cards would wait for a restart).
PRODUCTKAARTEN_LOKAAL = int(os.environ.get("PRODUCTKAARTEN_LOKAAL", "0"))

# Static files straight from the app and static/ folders (whitenoise with finders): no
# collectstatic and no manifest needed, also when DEBUG is switched off locally.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
