from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from agenda import views as agenda_views
from agenda.ical import agenda_ics
from kennisbank import feeds
from kennisbank.oai.views import oai_pmh
from portal.basis.openbaar import OpenbareSitemap
from portal.site import bijlagen
from portal.site.api import api_urls
from portal.site.views import robots_txt, security_txt, webmanifest
from portal.site.zoeken import zoeken
from werkplaatsen.zichtbaarheid import beheer_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before the admin: admin views narrowed to what a regional editor may see.
    path("admin/", include(beheer_urls)),
    path("admin/", include(wagtailadmin_urls)),
    # Documents and image files only for those who may see a page that uses them.
    re_path(r"^documenten/(\d+)/(.*)$", bijlagen.document),
    path("documenten/", include(wagtaildocs_urls)),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:pad>", bijlagen.media, name="media"),
    path("api/v2/", include(api_urls)),
    path("zoeken/", zoeken, name="zoeken"),
    path("volgen/", include("portal.volgen.urls")),
    path("feeds/producten/", feeds.ProductenFeed(), name="feed_producten"),
    path("feeds/producten/atom/", feeds.ProductenAtomFeed(), name="feed_producten_atom"),
    # str, not slug: Wagtail allows non-ASCII slugs, and {% url %} must reverse every one.
    path(
        "feeds/werkplaats/<str:slug>/",
        feeds.WerkplaatsProductenFeed(),
        name="feed_werkplaats",
    ),
    path(
        "feeds/werkplaats/<str:slug>/atom/",
        feeds.WerkplaatsProductenAtomFeed(),
        name="feed_werkplaats_atom",
    ),
    path("feeds/thema/<str:slug>/", feeds.ThemaProductenFeed(), name="feed_thema"),
    path("feeds/thema/<str:slug>/atom/", feeds.ThemaProductenAtomFeed(), name="feed_thema_atom"),
    path("agenda.ics", agenda_ics, name="agenda_ics"),
    path("aanmelden/<int:evenement_id>/", agenda_views.aanmelden, name="agenda_aanmelden"),
    path(
        "aanmelden/<int:evenement_id>/ontvangen/<str:token>/",
        agenda_views.aangemeld,
        name="agenda_aangemeld",
    ),
    path(
        "afmelden/<int:evenement_id>/<str:token>/",
        agenda_views.afmelden,
        name="agenda_afmelden",
    ),
    path("oai/", oai_pmh, name="oai"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": OpenbareSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("site.webmanifest", webmanifest, name="webmanifest"),
]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "portal.site.views.server_error"
