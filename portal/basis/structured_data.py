"""schema.org structured data as JSON-LD, for search engines and other readers of the pages.

A page model may define ``structured_data(omgeving)``: it returns a dict (or a list of dicts)
of schema.org data, or None. The head of the base template renders them, and a
``BreadcrumbList`` from ``kruimelpad(page)``, the data the visible breadcrumbs show, with the
``{% structured_data %}`` tag (portal/site/templatetags/structured_data_tags.py). That tag
builds the ``Omgeving``: the request, the page's template context (what ``get_context``
already loaded) and the Associatie as an organisation, which lower apps cannot look up.

Only Django and Wagtail are imported here, so that every app may use it.
"""

import json
from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

SCHEMA_ORG = "https://schema.org"
LEEG = (None, "", [], {})


def jsonld(data):
    """JSON for a <script type="application/ld+json"> element, safe inside HTML: no "<", ">"
    or "&" is left, so no "</script>" or "<!--" in a title can end the element early."""
    tekst = json.dumps(data, ensure_ascii=False)
    return mark_safe(tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def script(data):
    return mark_safe(f'<script type="application/ld+json">{jsonld(data)}</script>')


@dataclass
class Omgeving:
    """What a page's ``structured_data`` may use besides itself."""

    request: object
    context: object  # the page's template context
    associatie: dict  # the Associatie as a schema.org Organization

    def url(self, page):
        return page.get_full_url(self.request)

    def uit_context(self, naam, anders):
        """What ``get_context`` put under ``naam`` (also when empty), else ``anders()``."""
        return self.context[naam] if naam in self.context else anders()


def met_context(data):
    """A top-level block: schema.org's context, and no empty properties."""
    return {
        "@context": SCHEMA_ORG,
        **{sleutel: waarde for sleutel, waarde in data.items() if waarde not in LEEG},
    }


def organisatie(naam, url=None, **velden):
    data = {"@type": "Organization", "name": str(naam)}
    if url:
        data["url"] = url
    return {**data, **{sleutel: waarde for sleutel, waarde in velden.items() if waarde}}


def term(page, omgeving, beschrijving=""):
    """A page as a DefinedTerm, e.g. a landelijk thema a product is about."""
    data = {"@type": "DefinedTerm", "name": page.title, "url": omgeving.url(page)}
    if beschrijving:
        data["description"] = beschrijving
    return data


def kruimelpad(page):
    """[(name, page)] from the home page to ``page``, as the breadcrumbs show them; empty on
    the home page and above. Computed once per page object."""
    if page is None or getattr(page, "depth", 0) <= 2:
        return []
    if not hasattr(page, "_kruimelpad"):
        voorouders = [p for p in page.get_ancestors() if p.depth >= 2]
        kruimels = [(_("Home") if p.depth == 2 else p.title, p) for p in voorouders]
        page._kruimelpad = [*kruimels, (page.title, page)]
    return page._kruimelpad


def breadcrumb_list(kruimels, request):
    return met_context(
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": positie,
                    "name": str(naam),
                    "item": pagina.get_full_url(request),
                }
                for positie, (naam, pagina) in enumerate(kruimels, start=1)
            ],
        }
    )
