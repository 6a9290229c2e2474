"""The site's URLs plus /_benchmark/plafond/: the cheapest response the same stack can give."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def plafond(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("_benchmark/plafond/", plafond), *site_urlpatterns]
