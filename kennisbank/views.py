from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from kennisbank.facetten import MAX_ZOEKTERM

RESULTATEN_PER_PAGINA = 20


def zoeken(request):
    """Site-wide search over every published page type."""
    q = " ".join(request.GET.get("q", "").split())[:MAX_ZOEKTERM]
    context = {"q": q, "resultaten": None, "te_lang": len(request.GET.get("q", "")) > MAX_ZOEKTERM}
    if q:
        treffers = Page.objects.live().public().specific().search(q, operator="and")
        paginator = Paginator(treffers, RESULTATEN_PER_PAGINA)
        try:
            context["resultaten"] = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            context["resultaten"] = paginator.page(1)
        except EmptyPage as exc:
            raise Http404(_("Deze pagina met zoekresultaten bestaat niet.")) from exc
    return TemplateResponse(request, "kennisbank/zoeken.html", context)
