"""A new regional page type needs changes in its own app only.

The test declares one the way another app would (a model in the agenda app; nothing in
werkplaatsen changes), gives it a table, and checks what the Werkplaatsen do for every regional
page type: it may be added below a Werkplaats and a leeratelier, it takes its Werkplaats and
leeratelier from the tree on save and on a move, and the regional editors' dashboard offers it.
"""

from contextlib import contextmanager

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection, models
from django.urls import reverse
from wagtail.models import PAGE_MODEL_CLASSES, Page, get_page_models

from agenda.models import AgendaIndexPage
from portal.site.rollen import richt_rollen_in
from tests.support.tree import build_tree, publish
from werkplaatsen.models import (
    LeeratelierPage,
    RegionaalOnderdeel,
    WerkplaatsPage,
    regionale_paginatypen,
)
from werkplaatsen.rechten import groep_van

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def vergeet_paginaregels():
    for model in get_page_models():
        model._clean_subpage_models = None
        model._clean_parent_page_models = None


@contextmanager
def nieuw_regionaal_paginatype():
    class Nieuwsbericht(RegionaalOnderdeel, Page):
        tekst = models.TextField(blank=True)

        parent_page_types = ["werkplaatsen.WerkplaatsPage", "werkplaatsen.LeeratelierPage"]

        class Meta:
            app_label = "agenda"

    with connection.schema_editor() as editor:
        editor.create_model(Nieuwsbericht)
    vergeet_paginaregels()
    try:
        yield Nieuwsbericht
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(Nieuwsbericht)
        del apps.all_models["agenda"]["nieuwsbericht"]
        apps.clear_cache()
        PAGE_MODEL_CLASSES.remove(Nieuwsbericht)
        vergeet_paginaregels()


def test_a_regional_page_type_declared_elsewhere_works_in_every_region(admin_client, client):
    with nieuw_regionaal_paginatype() as Nieuwsbericht:
        assert Nieuwsbericht in regionale_paginatypen()
        assert Nieuwsbericht in WerkplaatsPage.creatable_subpage_models()
        assert Nieuwsbericht in LeeratelierPage.creatable_subpage_models()
        assert Nieuwsbericht not in AgendaIndexPage.creatable_subpage_models()

        tree = build_tree()
        atelier = publish(
            tree["noord"],
            LeeratelierPage(title="Atelier", slug="atelier", intro="x", start_jaar=2020),
        )
        bericht = publish(atelier, Nieuwsbericht(title="Nieuws", slug="nieuws"))
        bericht.refresh_from_db()
        assert (bericht.werkplaats_id, bericht.leeratelier_id) == (tree["noord"].pk, atelier.pk)

        verplaats = reverse("wagtailadmin_pages:move_confirm", args=(atelier.pk, tree["zuyd"].pk))
        assert admin_client.post(verplaats).status_code == 302
        bericht.refresh_from_db()
        assert (bericht.werkplaats_id, bericht.leeratelier_id) == (tree["zuyd"].pk, atelier.pk)

        richt_rollen_in()
        redacteur = User.objects.create_user("redacteur-zuyd", password="x")
        redacteur.groups.add(groep_van(tree["zuyd"]))
        client.force_login(redacteur)
        dashboard = client.get(reverse("wagtailadmin_home"))
        toevoegen = reverse(
            "wagtailadmin_pages:add", args=("agenda", "nieuwsbericht", tree["zuyd"].pk)
        )
        assert toevoegen in dashboard.content.decode()
        assert client.get(toevoegen).status_code == 200
