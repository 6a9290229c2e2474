"""Editors' comfort: the dashboard panel, preview of every page type, Dutch help texts and
Dutch validation messages."""

import re

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.admin.panels import ObjectList
from wagtail.models import Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from agenda.models import EvenementPage
from portal.site.models import SiteInstellingen
from portal.site.rollen import BEOORDELING_WORKFLOW
from tests.support.apps import project_page_models
from tests.support.role_tree import PAGINATYPEN, VasteMediaMap, bouw_rollenboom, formulierdata
from werkplaatsen.models import Persoon


@pytest.mark.slow  # the role tree: seconds per class
class DashboardTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def dashboard(self, sleutel):
        self.client.force_login(self.tree[sleutel])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        return response

    def test_panel_shows_the_own_werkplaats_with_quick_links(self):
        noord = self.tree["noord"]

        response = self.dashboard("noord_redacteur")

        self.assertContains(response, "Jouw Werkplaats: Noord")
        for app, model in [("kennisbank", "productpage"), ("agenda", "evenementpage")]:
            self.assertContains(
                response, reverse("wagtailadmin_pages:add", args=(app, model, noord.pk))
            )
        self.assertContains(response, "Nieuw: product")
        self.assertContains(response, "Nieuw: evenement")
        self.assertContains(response, reverse("wagtailadmin_explore", args=[noord.pk]))
        self.assertContains(response, "Producten: 2")
        self.assertContains(response, "Evenementen: 1")
        self.assertNotContains(response, "Jouw Werkplaats: Zuyd")
        self.assertNotContains(response, self.tree["zuyd_product"].title)

    def test_panel_lists_drafts_and_recent_changes(self):
        self.client.force_login(self.tree["noord_redacteur"])
        product = self.tree["noord_atelierproduct"]
        data = formulierdata(product, self.tree["superuser"])
        data["title"] = "Concept van Nina"
        self.client.post(reverse("wagtailadmin_pages:edit", args=[product.pk]), data)

        response = self.dashboard("noord_redacteur")

        html = response.content.decode()
        concepten = html[html.index("Concepten en wijzigingen") : html.index("Recent gewijzigd")]
        self.assertIn("Concept van Nina", concepten)
        self.assertIn("Online, met wijzigingen in concept", concepten)
        self.assertIn("Nina Noord", concepten)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[product.pk]), concepten)
        recent = html[html.index("Recent gewijzigd") :]
        self.assertIn("Concept van Nina", recent)

    def test_panel_tells_when_the_associatie_reviews(self):
        workflow = Workflow.objects.get(name=BEOORDELING_WORKFLOW)
        workflow.workflow_pages.create(page=self.tree["noord"])

        response = self.dashboard("noord_redacteur")

        self.assertContains(response, "De Associatie beoordeelt nieuwe en gewijzigde pagina")

    def test_no_regional_panel_for_other_roles(self):
        for sleutel in ["associatie_redacteur", "beheerder"]:
            with self.subTest(rol=sleutel):
                self.assertNotContains(self.dashboard(sleutel), "Jouw Werkplaats")


@pytest.mark.slow  # the role tree: seconds per class
class VoorbeeldTests(VasteMediaMap, TestCase):
    """Preview of every page type through the admin preview URL, as its own editor."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        symposium = cls.tree["symposium"]
        symposium.programma = [
            (
                "onderdeel",
                {
                    "begintijd": "10:00",
                    "eindtijd": "11:00",
                    "titel": "Opening",
                    "sprekers": [cls.tree["lector_associatie"]],
                    "overige_sprekers": "Wethouder",
                    "zaal": "Grote zaal",
                    "toelichting": "",
                },
            )
        ]
        symposium.save_revision().publish()

    def test_preview_of_every_page_type(self):
        for sleutel, rol in PAGINATYPEN.items():
            with self.subTest(pagina=sleutel):
                pagina = self.tree[sleutel]
                data = formulierdata(pagina, self.tree["superuser"])
                data["title"] = f"Voorbeeld van {sleutel}"
                self.client.force_login(self.tree[rol])
                url = reverse("wagtailadmin_pages:preview_on_edit", args=[pagina.pk])

                response = self.client.post(url, data)

                self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
                voorbeeld = self.client.get(url)
                self.assertEqual(voorbeeld.status_code, 200)
                self.assertContains(voorbeeld, f"Voorbeeld van {sleutel}")

    def test_preview_of_the_symposium_shows_the_programme(self):
        self.client.force_login(self.tree["associatie_redacteur"])
        pagina = self.tree["symposium"]
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[pagina.pk])

        self.client.post(url, formulierdata(pagina, self.tree["superuser"]))
        voorbeeld = self.client.get(url)

        self.assertContains(voorbeeld, "Opening")
        self.assertContains(voorbeeld, "Grote zaal")
        self.assertContains(voorbeeld, "Lector Associatie")

    def test_preview_of_a_new_product(self):
        noord = self.tree["noord"]
        self.client.force_login(self.tree["noord_redacteur"])
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=("kennisbank", "productpage", noord.pk)
        )
        data = nested_form_data(
            {
                "title": "Nog niet bestaand product",
                "slug": "nog-niet",
                "product_type": "rapport",
                "publicatiedatum": "2025-03-14",
                "samenvatting": "Samenvatting.",
                "auteurs": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
                "body": streamfield([("tekst", rich_text("<p>Tekst.</p>"))]),
                "externe_link": "https://example.org/",
                "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
            }
        )

        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        self.assertContains(self.client.get(url), "Nog niet bestaand product")


# Fields without a help text, deliberately: Wagtail's own publishing-schedule fields in the
# "Publiceren" dialog (labelled "Publiceer op" and "vervaldatum/tijd" by Wagtail) and its
# "notify me of comments" switch in the comments panel.
ZONDER_HELPTEKST = {"go_live_at", "expire_at", "comment_notifications"}
ENGELSE_WOORDEN = {"the", "and", "for", "this", "with", "your", "which", "page", "when", "should"}


def formulieren():
    """(name, form class) of every admin form our editors fill in, with inline formsets."""
    for model in project_page_models():
        yield model._meta.label, model.get_edit_handler().get_form_class()
    yield "Persoon", Persoon.snippet_viewset.get_edit_handler().get_form_class()
    instellingen = ObjectList(SiteInstellingen.panels).bind_to_model(SiteInstellingen)
    yield "SiteInstellingen", instellingen.get_form_class()


def velden(naam, form_class):
    for veld_naam, veld in form_class.base_fields.items():
        yield f"{naam}.{veld_naam}", veld_naam, veld
    for formset_naam, formset in getattr(form_class, "formsets", {}).items():
        if formset_naam != "comments":
            yield from velden(f"{naam}.{formset_naam}", formset.form)


class HelptekstTests(TestCase):
    def test_the_forms_include_the_inline_models(self):
        namen = {
            naam for naam, _veld_naam, _veld in (v for n, f in formulieren() for v in velden(n, f))
        }
        for verwacht in [
            "portal.HomePage.aankondigingen.aankondigen_vanaf",
            "portal.HomePage.uitgelichte_producten.product",
            "werkplaatsen.KennisagendaPage.speerpunten.beschrijving",
            "kennisbank.ProductPage.auteurs.naam",
            "agenda.EvenementPage.programma",
            "Persoon.beheerd_door",
            "SiteInstellingen.voettekst",
        ]:
            self.assertIn(verwacht, namen)

    def test_every_editable_field_has_a_dutch_help_text(self):
        ontbrekend, engels = [], []
        with translation.override("nl"):
            for naam, form_class in formulieren():
                for volledig, veld_naam, veld in velden(naam, form_class):
                    tekst = str(veld.help_text or "")
                    if not tekst.strip():
                        if veld_naam not in ZONDER_HELPTEKST:
                            ontbrekend.append(volledig)
                        continue
                    woorden = set(re.findall(r"[a-z]+", tekst.lower()))
                    if woorden & ENGELSE_WOORDEN:
                        engels.append(f"{volledig}: {tekst}")
        self.assertEqual(ontbrekend, [], "Velden zonder helptekst")
        self.assertEqual(engels, [], "Helpteksten die Engels lijken")


@pytest.mark.slow  # the role tree: seconds per class
class NederlandseMeldingenTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def test_invalid_event_gets_dutch_messages(self):
        noord = self.tree["noord"]
        self.client.force_login(self.tree["noord_redacteur"])
        url = reverse("wagtailadmin_pages:add", args=("agenda", "evenementpage", noord.pk))
        data = nested_form_data(
            {
                "title": "Kenniscafé",
                "slug": "kenniscafe-fout",
                "soort": "kenniscafe",
                "start": "2030-06-11 15:00",
                "eind": "2030-06-11 14:00",
                "samenvatting": "",
                "locatie": "Zwolle",
                "programma": streamfield([]),
                "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
                "action-publish": "action-publish",
            }
        )

        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Het einde kan niet voor het begin liggen.")
        self.assertContains(response, "Dit veld is vereist.")
        self.assertIn("aangemaakt", str(list(response.context["messages"])[0]))
        self.assertFalse(EvenementPage.objects.filter(slug="kenniscafe-fout").exists())

    def test_invalid_lector_gets_a_dutch_message(self):
        self.client.force_login(self.tree["noord_redacteur"])

        response = self.client.post(
            reverse("wagtailsnippets_werkplaatsen_persoon:add"), {"naam": ""}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Dit veld is vereist.")
        self.assertFalse(Persoon.objects.filter(naam="").exists())
