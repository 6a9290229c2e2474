"""What the Werkplaatsen add to a landelijk thema's page: the themagroepen on it and the
regional speerpunten that contribute to it, each with its Werkplaats (see
portal/basis/contributions.py)."""

from wagtail.models import Page

from portal.basis.contributions import contributes_to
from portal.basis.openbaar import openbaar, openbaar_q
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ThemagroepPage, WerkplaatsPage


@contributes_to(LandelijkThemaPage)
def themagroepen_en_speerpunten(page, request):
    speerpunten = page.speerpunten.filter(openbaar_q("agenda__")).select_related("agenda")
    return {
        "themagroepen": openbaar(ThemagroepPage.objects.filter(themas=page)),
        "speerpunten": speerpunten_met_werkplaats(speerpunten),
    }


def speerpunten_met_werkplaats(speerpunten):
    """Give each speerpunt's agenda its Werkplaats in one query instead of one per agenda."""
    speerpunten = list(speerpunten)
    ouder_paden = {sp.agenda.path[: -Page.steplen] for sp in speerpunten}
    werkplaatsen = {
        w.path: w
        for w in WerkplaatsPage.objects.filter(path__in=ouder_paden).only(
            "title", "path", "url_path"
        )
    }
    for speerpunt in speerpunten:
        # Fills KennisagendaPage.werkplaats (a cached_property) without its query.
        speerpunt.agenda.werkplaats = werkplaatsen.get(speerpunt.agenda.path[: -Page.steplen])
    return speerpunten
