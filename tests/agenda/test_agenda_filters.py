"""The agenda filters by Werkplaats, province, type and thema; its calendar feed holds exactly
the events of the same selection, whole-day events as dates and timed ones in Amsterdam time.

Every filter and every value offered on the page is tried (from the filter's own lists), so a
new filter or value is tested without editing this module."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from agenda.filters import Agendafilter
from agenda.models import EvenementPage, EvenementSoort
from tests.support.role_tree import add_event
from tests.support.tree import build_tree
from werkplaatsen.models import Gemeente

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def tree():
    tree = build_tree()
    tree["noord"].gemeenten.set(Gemeente.objects.filter(naam="Groningen"))
    tree["noord"].save_revision().publish()
    tree["zuyd"].gemeenten.set(Gemeente.objects.filter(naam="Maastricht"))
    tree["zuyd"].save_revision().publish()
    nu = timezone.now()
    dag = datetime.timedelta(days=1)
    vandaag = timezone.localtime(nu).replace(hour=0, minute=0, second=0, microsecond=0)
    tree["cafe"] = add_event(tree["noord"], "Kenniscafé Noord", nu + 5 * dag, slug="cafe")
    tree["cafe"].themas.add(tree["armoede"])
    tree["cafe"].save_revision().publish()
    tree["webinar"] = add_event(
        tree["zuyd"], "Webinar Zuyd", nu - 6 * dag, eind=nu - 6 * dag, soort="webinar", slug="w"
    )
    tree["vandaag"] = add_event(
        tree["agenda"], "Studiedag vandaag", vandaag, hele_dag=True, soort="symposium", slug="v"
    )
    tree["oud"] = add_event(
        tree["agenda"],
        "Symposium 2019",
        datetime.datetime(2019, 11, 25, tzinfo=AMSTERDAM),
        eind=datetime.datetime(2019, 11, 26, tzinfo=AMSTERDAM),
        hele_dag=True,
        soort="symposium",
        slug="oud",
    )
    return tree


def op_pagina(client, tree, params):
    response = client.get(tree["agenda"].url, params)
    assert response.status_code == 200
    context = response.context
    pks = {e.pk for e in context["komende_evenementen"]} | {
        e.pk for e in context["eerdere_evenementen"]
    }
    return pks, response


def in_agenda(client, params):
    response = client.get(reverse("agenda_ics"), params)
    assert response.status_code == 200
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def pk_van(vevent):
    return int(str(vevent["UID"]).split("@")[0].removeprefix("evenement-"))


def alle_keuzes(params):
    for lijst in Agendafilter(params, EvenementSoort.choices).lijsten:
        for waarde, _label in lijst.opties:
            yield {lijst.naam: waarde}


def test_the_feed_of_every_selection_holds_exactly_its_events(tree, client):
    gezien = 0
    for keuze in [{}, *alle_keuzes({})]:
        pks, _response = op_pagina(client, tree, keuze)
        assert {pk_van(v) for v in in_agenda(client, keuze)} == pks, keuze
        gezien += bool(pks)
    assert gezien > 5  # most values select something in this tree


def test_filters_select_what_they_say(tree, client):
    assert op_pagina(client, tree, {"werkplaats": "noord"})[0] == {tree["cafe"].pk}
    assert op_pagina(client, tree, {"werkplaats": "associatie"})[0] == {
        tree["vandaag"].pk,
        tree["oud"].pk,
    }
    assert op_pagina(client, tree, {"provincie": "limburg"})[0] == {tree["webinar"].pk}
    assert op_pagina(client, tree, {"soort": "webinar"})[0] == {tree["webinar"].pk}
    assert op_pagina(client, tree, {"thema": "armoede"})[0] == {tree["cafe"].pk}
    both = {"soort": "kenniscafe", "provincie": "groningen"}
    pks, response = op_pagina(client, tree, both)
    assert pks == {tree["cafe"].pk}
    html = response.content.decode()
    assert '<option value="groningen" selected>' in html
    assert f'href="{reverse("agenda_ics")}?provincie=groningen&amp;soort=kenniscafe"' in html


def test_an_unknown_value_is_reported_and_ignored(tree, client):
    alles = op_pagina(client, tree, {})[0]
    for lijst in Agendafilter({}, EvenementSoort.choices).lijsten:
        pks, response = op_pagina(client, tree, {lijst.naam: "<b>mars</b>"})
        assert pks == alles, lijst.naam
        html = response.content.decode()
        assert f"Onbekende keuze voor {lijst.label.lower()}" in html
        assert "<b>mars</b>" not in html


def test_a_whole_day_event_is_coming_until_its_day_is_over(tree, client):
    _pks, response = op_pagina(client, tree, {})
    assert tree["vandaag"].pk in {e.pk for e in response.context["komende_evenementen"]}
    assert tree["oud"].pk in {e.pk for e in response.context["eerdere_evenementen"]}


def test_calendar_times_dates_zones_and_uids(tree, client):
    eerste = in_agenda(client, {})
    tweede = in_agenda(client, {})
    assert [str(v["UID"]) for v in eerste] == [str(v["UID"]) for v in tweede]  # stable
    assert len({str(v["UID"]) for v in eerste}) == len(eerste)  # unique
    for vevent in eerste:
        evenement = EvenementPage.objects.get(pk=pk_van(vevent))
        assert vevent["DTSTAMP"].dt.tzinfo is not None
        start, eind = vevent["DTSTART"].dt, vevent["DTEND"].dt
        if evenement.hele_dag:
            assert not isinstance(start, datetime.datetime)  # a date: all day
            assert start == evenement.start.astimezone(AMSTERDAM).date()
            laatste = (evenement.eind or evenement.start).astimezone(AMSTERDAM).date()
            assert eind == laatste + datetime.timedelta(days=1)
        else:
            assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
            tot = evenement.eind or evenement.start + datetime.timedelta(hours=2)
            assert start == evenement.start.replace(microsecond=0)  # whole seconds in iCal
            assert eind == tot.replace(microsecond=0)
        assert str(vevent["SUMMARY"]) == evenement.title
    soorten = {str(v["DTSTART"].params.get("VALUE", "DATE-TIME")) for v in eerste}
    assert soorten == {"DATE", "DATE-TIME"}


def test_whole_day_events_show_no_time(tree, client):
    html = client.get(tree["oud"].url).content.decode()
    assert "maandag 25 november 2019</time> tot en met" in html
    assert "00:00" not in html
