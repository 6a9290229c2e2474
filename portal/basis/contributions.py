"""Context that an app adds to the pages of an app below it.

Imports point down the layers only (docs/architecture.md), yet a page often shows what the
apps above it hold: a Werkplaats its products and events, a thema its products, speerpunten
and themagroepen. The page's app cannot import those apps. Instead the app above registers a
function for the page type, in its ``contributions`` module (imported by its
``AppConfig.ready()``), and the page's ``get_context`` collects what is registered::

    @contributes_to(WerkplaatsPage)
    def producten(page, request):
        return {"producten": ProductPage.objects.overzicht().filter(werkplaats=page)[:6]}

Functions run in the order their apps are installed and return a dict for the context;
values should stay lazy (querysets), so that a page runs only the queries its template uses.
"""

from collections import defaultdict

_registry = defaultdict(list)


def contributes_to(*page_models):
    """Register the decorated function as a context contribution to ``page_models``."""

    def register(func):
        for model in page_models:
            if func not in _registry[model]:
                _registry[model].append(func)
        return func

    return register


def contributions_for(page, request):
    """The context that registered functions add to ``page`` (and its base classes)."""
    context = {}
    for klass in reversed(type(page).__mro__):
        for func in _registry.get(klass, ()):
            context.update(func(page, request))
    return context


class ContributedContextMixin:
    """For page models: ``get_context`` includes the contributions of the apps above."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(contributions_for(self, request))
        return context
