"""The agenda filtered by province: events of the Werkplaatsen that work there."""

import datetime

import pytest
from django.utils import timezone

from tests.support.role_tree import add_event
from tests.support.tree import build_tree
from werkplaatsen.models import Gemeente
from werkplaatsen.plaatsen import Provincie

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    tree["noord"].gemeenten.set(Gemeente.objects.filter(naam__in=["Groningen", "Assen"]))
    tree["noord"].save_revision().publish()
    tree["zuyd"].gemeenten.set(Gemeente.objects.filter(naam="Maastricht"))
    tree["zuyd"].save_revision().publish()
    nu = timezone.now()
    add_event(tree["noord"], "Kenniscafé Noord", nu + datetime.timedelta(days=5), slug="noord")
    add_event(tree["zuyd"], "Kenniscafé Zuyd", nu + datetime.timedelta(days=6), slug="zuyd")
    add_event(tree["zuyd"], "Terugblik Zuyd", nu - datetime.timedelta(days=6), slug="oud")
    add_event(tree["agenda"], "Landelijk symposium", nu + datetime.timedelta(days=7), slug="l")
    return tree


def titels(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    namen = ["Kenniscafé Noord", "Kenniscafé Zuyd", "Terugblik Zuyd", "Landelijk symposium"]
    return {naam for naam in namen if naam in html}, html


def test_without_filter_everything(tree, client):
    gevonden, html = titels(client, tree["agenda"].url)
    assert len(gevonden) == 4
    assert '<label class="filters__label" for="agenda-provincie">' in html
    for waarde, label in Provincie.choices:
        assert f'<option value="{waarde}">{label}</option>' in html


def test_province_narrows_coming_and_past_events(tree, client):
    gevonden, html = titels(client, tree["agenda"].url, provincie="limburg")
    assert gevonden == {"Kenniscafé Zuyd", "Terugblik Zuyd"}
    assert '<option value="limburg" selected>' in html
    gevonden, _html = titels(client, tree["agenda"].url, provincie="drenthe")
    assert gevonden == {"Kenniscafé Noord"}


def test_province_without_events_says_so(tree, client):
    gevonden, html = titels(client, tree["agenda"].url, provincie="zeeland")
    assert gevonden == set()
    assert "Er staan geen evenementen gepland die bij uw keuze passen" in html


def test_unknown_province_shows_everything_with_a_message(tree, client):
    gevonden, html = titels(client, tree["agenda"].url, provincie="<b>mars</b>")
    assert len(gevonden) == 4
    assert "Onbekende keuze voor provincie" in html
    assert "<b>mars</b>" not in html
