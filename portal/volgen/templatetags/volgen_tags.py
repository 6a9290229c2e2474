from django import template
from django.urls import reverse

from portal.volgen.selectie import pagina_selectie

register = template.Library()


@register.simple_tag
def volg_url(pagina=None, kennisbankfilter=None):
    """The sign-up form for the kennisbank selection of a filter, or of a thema, themagroep or
    Werkplaats page."""
    querystring = kennisbankfilter.querystring if kennisbankfilter else pagina_selectie(pagina)
    url = reverse("volgen:aanmelden")
    return f"{url}?{querystring}" if querystring else url
