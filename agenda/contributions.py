"""What the agenda adds to pages: the events of a Werkplaats, the meetings of a leeratelier
and the coming events on a thema (see portal/basis/contributions.py), and the registration
form to its own event page."""

from agenda.forms import AanmeldForm
from agenda.models import EvenementPage
from portal.basis.contributions import contributes_to
from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import LeeratelierPage, WerkplaatsPage

EVENEMENTEN_OP_PAGINA = 5


@contributes_to(WerkplaatsPage)
def evenementen_van_werkplaats(page, request):
    return {
        "evenementen": EvenementPage.objects.komend().filter(werkplaats=page)[
            :EVENEMENTEN_OP_PAGINA
        ],
        "eerdere_evenementen": EvenementPage.objects.geweest().filter(werkplaats=page)[
            :EVENEMENTEN_OP_PAGINA
        ],
    }


@contributes_to(LeeratelierPage)
def bijeenkomsten(page, request):
    return {"bijeenkomsten": openbaar(EvenementPage.objects.filter(leeratelier=page))}


@contributes_to(LandelijkThemaPage)
def evenementen_over_thema(page, request):
    return {
        "evenementen": EvenementPage.objects.komend().filter(themas=page)[:EVENEMENTEN_OP_PAGINA]
    }


@contributes_to(EvenementPage)
def aanmeldformulier(page, request):
    return {"aanmeldformulier": AanmeldForm() if page.aanmelden else None}
