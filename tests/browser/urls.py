"""URLs of the served copy: the portal's, plus media files and a deliberate server error."""

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from portal import urls as portal_urls

FOUT_URL = "test-serverfout/"


def serverfout(request):
    raise RuntimeError("A deliberate error: the browser tests check the 500 page")


urlpatterns = [
    path(FOUT_URL, serverfout),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urls.urlpatterns,
]

handler500 = portal_urls.handler500
