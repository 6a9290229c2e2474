"""The project's own apps and page types, found in the app registry rather than listed by hand:
an app or page type added later is covered by every test that uses these."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

BASE = Path(settings.BASE_DIR)


def project_app_configs():
    """The installed apps whose code lives in this checkout (not in the environment)."""
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.is_relative_to(BASE) and ".venv" not in path.relative_to(BASE).parts:
            yield config


def project_app_labels():
    return {config.label for config in project_app_configs()}


def project_page_models():
    return [
        model
        for config in project_app_configs()
        for model in config.get_models()
        if issubclass(model, Page)
    ]
