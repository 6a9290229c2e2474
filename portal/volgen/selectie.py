"""A followed selection is a kennisbank filter, saved as its normalised query string: the
kennisbank's own filter (kennisbank/facetten.py) finds the new products that match it."""

from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from kennisbank.facetten import Kennisbankfilter
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ThemagroepPage, WerkplaatsPage

# The page types that offer "Volg deze selectie", with the facet their slug selects.
FACET_VAN_PAGINA = {
    LandelijkThemaPage: "thema",
    ThemagroepPage: "themagroep",
    WerkplaatsPage: "werkplaats",
}


def pagina_selectie(pagina):
    """The kennisbank query string of a thema, themagroep or Werkplaats page."""
    return urlencode({FACET_VAN_PAGINA[type(pagina)]: pagina.slug})


def lees(params):
    """(normalised query string, Dutch description) of a query string or QueryDict."""
    if isinstance(params, str):
        params = QueryDict(params)
    kennisbankfilter = Kennisbankfilter(params)
    labels = [label for label, _url in kennisbankfilter.chips(kennisbankfilter.facetten())]
    if labels:
        omschrijving = _("Nieuwe producten in de kennisbank: %(keuze)s") % {
            "keuze": "; ".join(str(label) for label in labels)
        }
    else:
        omschrijving = _("Alle nieuwe producten in de kennisbank")
    return kennisbankfilter.querystring, omschrijving[:500]


def nieuwe_producten(querystring, van, tot):
    """The public products of a saved selection first published in (van, tot], oldest first;
    None when the selection no longer holds (a thema or Werkplaats in it is gone): the
    kennisbank would drop that value and match far more than was followed."""
    kennisbankfilter = Kennisbankfilter(QueryDict(querystring))
    if kennisbankfilter.meldingen:
        return None
    return (
        kennisbankfilter.gefilterd()
        .filter(first_published_at__gt=van, first_published_at__lte=tot)
        .order_by("first_published_at", "pk")
    )
