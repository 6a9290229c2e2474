"""Which pages a regional editor sees in the admin, outside their own Werkplaats.

Wagtail's choosers, bulk-action confirmations and some reports list pages of the whole tree,
drafts and private pages included. A regional editor may link to any public page, but must not
read the titles of another region's drafts or private pages. So outside the explorer (which
Wagtail already limits to the pages a user may work on) an editor who is not national
(:func:`werkplaatsen.rechten.is_landelijk`) sees only the pages they may work on and the pages
that are live and public.

The hooks in ``werkplaatsen/wagtail_hooks.py`` filter the choosers and bulk actions; the views
here replace the Wagtail admin views that have no hook (``beheer_urls``, included before the
admin's own URLs in ``portal/urls.py``).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from werkplaatsen.rechten import is_landelijk

WERKRECHTEN = {"add", "change", "publish", "lock", "unlock"}


def beperk(pages, user):
    """``pages`` narrowed to those whose title ``user`` may see."""
    if is_landelijk(user):
        return pages
    eigen = policy_registry.get_by_type(Page).instances_user_has_any_permission_for(
        user, WERKRECHTEN
    )
    openbaar = Page.objects.live().public()
    return pages.filter(Q(pk__in=eigen.values("pk")) | Q(pk__in=openbaar.values("pk")))


def mag_zien(user, page_id):
    return beperk(Page.objects.filter(pk=page_id), user).exists()


class ZichtbareKeuzeView(ChosenMultipleView):
    """The result of a multiple page chooser: titles only of pages the user may see."""

    def get(self, request):
        gevraagd = set(request.GET.getlist("id"))
        if not all(pk.isdigit() for pk in gevraagd):
            raise Http404
        if len(gevraagd) != beperk(Page.objects.filter(pk__in=gevraagd), request.user).count():
            raise Http404
        return super().get(request)


class LandelijkPaginatypenRapport(PageTypesUsageReportView):
    """The page types report names the last edited page of each type, anywhere in the tree."""

    def dispatch(self, request, *args, **kwargs):
        if not is_landelijk(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def beheerview(view):
    return require_admin_access(never_cache(view))


# Unnamed, at the same paths as Wagtail's views: reverse() still finds Wagtail's names, and
# these patterns, included first, answer those paths.
beheer_urls = [
    path("choose-page/chosen-multiple/", beheerview(ZichtbareKeuzeView.as_view())),
    path("reports/page-types-usage/", beheerview(LandelijkPaginatypenRapport.as_view())),
    path(
        "reports/page-types-usage/results/",
        beheerview(LandelijkPaginatypenRapport.as_view(results_only=True)),
    ),
]
