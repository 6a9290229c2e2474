"""Who may do what, proven through the real Wagtail admin URLs.

An editor of Noord, an editor of the Associatie and a Beheer user try every action on
their own content and on content of others. Each row of MATRIX runs in a savepoint that is
rolled back afterwards, so every row starts from the same tree. A refused action must be
answered with Wagtail's refusal (a redirect to the dashboard with an error message, a 403,
or the form again with an error) and must leave the database exactly as it was; an allowed
action must really change the data.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kennisbank.models import ProductPage
from portal.demo.gebruikers import maak_demo_gebruikers
from portal.site.models import HomePage, SiteInstellingen
from portal.site.paginarechten import HomePagePermissionTester
from portal.site.rollen import BEHEER_GROEP, WAGTAIL_STANDAARD_WORKFLOW, richt_rollen_in
from tests.support.role_tree import VasteMediaMap, bouw_rollenboom, formulierdata, png
from werkplaatsen.models import Persoon, WerkplaatsPage
from werkplaatsen.rechten import ASSOCIATIE_GROEP, collectie_van, groep_van

# Built on the role tree (setup_roles, one user per role): seconds per class.
pytestmark = pytest.mark.slow

JA, NEE = True, False

# (action, role, target, allowed). Targets name entries of tests.support.role_tree; "noord" is the
# own region of the regional editor and "zuyd" another region.
MATRIX = [
    # Regional editor, own region.
    ("pagina toevoegen", "noord", "noord", JA),
    ("bewerken", "noord", "noord_product", JA),
    ("bewerken", "noord", "noord", JA),
    ("publiceren", "noord", "noord_product", JA),
    ("publiceren", "noord", "noord_atelier", JA),
    ("depubliceren", "noord", "noord_evenement", JA),
    ("verwijderen", "noord", "noord_product", JA),
    ("verplaatsen", "noord", ("noord_product", "noord_atelier"), JA),
    ("kopiëren", "noord", ("noord_product", "noord"), JA),
    # Regional editor, another region.
    ("pagina toevoegen", "noord", "zuyd", NEE),
    ("pagina toevoegen", "noord", "zuyd_atelier", NEE),
    ("bewerken", "noord", "zuyd_product", NEE),
    ("bewerken", "noord", "zuyd", NEE),
    ("publiceren", "noord", "zuyd_product", NEE),
    ("depubliceren", "noord", "zuyd_evenement", NEE),
    ("verwijderen", "noord", "zuyd_atelierproduct", NEE),
    ("verplaatsen", "noord", ("zuyd_product", "noord"), NEE),
    ("verplaatsen", "noord", ("noord_product", "zuyd"), NEE),
    ("kopiëren", "noord", ("zuyd_product", "noord"), NEE),
    ("kopiëren", "noord", ("noord_product", "zuyd"), NEE),
    # Regional editor, national content.
    ("bewerken", "noord", "home", NEE),
    ("publiceren", "noord", "home", NEE),
    ("bewerken", "noord", "armoede", NEE),
    ("bewerken", "noord", "themagroep", NEE),
    ("bewerken", "noord", "landelijk_product", NEE),
    ("bewerken", "noord", "symposium", NEE),
    ("bewerken", "noord", "index", NEE),
    ("pagina toevoegen", "noord", "associatie", NEE),
    ("verwijderen", "noord", "over_ons", NEE),
    # Regional editor, people, files and settings.
    ("lector bewerken", "noord", "lector_noord", JA),
    ("lector verwijderen", "noord", "lector_noord", JA),
    ("lector toevoegen", "noord", None, JA),
    ("lector bewerken", "noord", "lector_zuyd", NEE),
    ("lector verwijderen", "noord", "lector_zuyd", NEE),
    ("lector bewerken", "noord", "lector_associatie", NEE),
    ("afbeelding bewerken", "noord", "afbeelding_noord", JA),
    ("afbeelding verwijderen", "noord", "afbeelding_noord", JA),
    ("afbeelding bewerken", "noord", "afbeelding_zuyd", NEE),
    ("afbeelding verwijderen", "noord", "afbeelding_zuyd", NEE),
    ("afbeelding bewerken", "noord", "afbeelding_associatie", NEE),
    ("document bewerken", "noord", "document_noord", JA),
    ("document verwijderen", "noord", "document_noord", JA),
    ("document bewerken", "noord", "document_zuyd", NEE),
    ("document verwijderen", "noord", "document_zuyd", NEE),
    ("instellingen bewerken", "noord", None, NEE),
    ("gebruikers beheren", "noord", None, NEE),
    # Associatie: everything public and national, nothing regional.
    ("bewerken", "associatie", "home", JA),
    ("publiceren", "associatie", "home", JA),
    ("depubliceren", "associatie", "home", NEE),
    ("verwijderen", "associatie", "home", NEE),
    ("publiceren", "associatie", "armoede", JA),
    ("publiceren", "associatie", "themagroep", JA),
    ("pagina toevoegen", "associatie", "associatie", JA),
    ("publiceren", "associatie", "landelijk_product", JA),
    ("depubliceren", "associatie", "landelijk_product", JA),
    ("verwijderen", "associatie", "landelijk_product", JA),
    ("publiceren", "associatie", "symposium", JA),
    ("publiceren", "associatie", "werkprogramma", JA),
    ("publiceren", "associatie", "over_ons", JA),
    ("verplaatsen", "associatie", ("contact", "over_ons"), JA),
    ("kopiëren", "associatie", ("landelijk_product", "associatie"), JA),
    ("bewerken", "associatie", "noord_product", NEE),
    ("publiceren", "associatie", "zuyd_product", NEE),
    ("depubliceren", "associatie", "noord_evenement", NEE),
    ("verwijderen", "associatie", "noord_atelierproduct", NEE),
    ("pagina toevoegen", "associatie", "noord", NEE),
    ("verplaatsen", "associatie", ("noord_product", "associatie"), NEE),
    ("kopiëren", "associatie", ("landelijk_product", "noord"), NEE),
    ("bewerken", "associatie", "index", NEE),
    ("lector bewerken", "associatie", "lector_noord", JA),
    ("lector bewerken", "associatie", "lector_associatie", JA),
    ("lector verwijderen", "associatie", "lector_zuyd", JA),
    ("afbeelding bewerken", "associatie", "afbeelding_associatie", JA),
    ("afbeelding bewerken", "associatie", "afbeelding_noord", NEE),
    ("document verwijderen", "associatie", "document_zuyd", NEE),
    ("instellingen bewerken", "associatie", None, NEE),
    ("gebruikers beheren", "associatie", None, NEE),
    # Beheer: users, groups and settings; no content.
    ("instellingen bewerken", "beheer", None, JA),
    ("gebruikers beheren", "beheer", None, JA),
    ("groepen beheren", "beheer", None, JA),
    ("bewerken", "beheer", "home", NEE),
    ("bewerken", "beheer", "noord_product", NEE),
    ("pagina toevoegen", "beheer", "noord", NEE),
    ("lector bewerken", "beheer", "lector_noord", NEE),
    ("afbeelding bewerken", "beheer", "afbeelding_noord", NEE),
]

ROLLEN = {
    "noord": "noord_redacteur",
    "associatie": "associatie_redacteur",
    "beheer": "beheerder",
}


def momentopname():
    """Everything a refused action could have changed."""
    return {
        "paginas": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "title",
                "draft_title",
                "slug",
                "live",
                "has_unpublished_changes",
                "latest_revision_id",
                "locked",
            )
        ),
        "lectoren": list(Persoon.objects.order_by("pk").values_list("pk", "naam", "beheerd_door")),
        "afbeeldingen": list(
            get_image_model().objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "documenten": list(
            get_document_model().objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "instellingen": list(SiteInstellingen.objects.values_list("pk", "voettekst")),
        "paginarechten": GroupPagePermission.objects.count(),
    }


def product_data(titel, slug, **extra):
    return nested_form_data(
        {
            "title": titel,
            "slug": slug,
            "product_type": "rapport",
            "publicatiedatum": "2025-03-14",
            "samenvatting": "Een product van de test.",
            "auteurs": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            "body": streamfield(
                [("tekst", rich_text("<p>Tekst.</p>", features=["bold", "italic", "link"]))]
            ),
            "externe_link": "https://example.org/",
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            **extra,
        }
    )


class RollenMatrixTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        cls.resultaten = []

    # --- The actions, each through its admin URL. They return (response, succeeded). ---

    def pagina(self, sleutel):
        return Page.objects.get(pk=self.tree[sleutel].pk)

    def pagina_toevoegen(self, ouder):
        ouder = self.pagina(ouder)
        url = reverse("wagtailadmin_pages:add", args=("kennisbank", "productpage", ouder.pk))
        response = self.client.post(url, product_data("Nieuw product", "nieuw-product"))
        gelukt = ProductPage.objects.child_of(ouder).filter(slug="nieuw-product").exists()
        return response, gelukt

    def bewerken(self, sleutel, publiceren=False):
        pagina = self.pagina(sleutel)
        data = formulierdata(pagina, self.tree["superuser"])
        data["title"] = "Gewijzigde titel"
        if publiceren:
            data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[pagina.pk]), data)
        pagina.refresh_from_db()
        if publiceren:
            return response, pagina.live and pagina.title == "Gewijzigde titel"
        return response, pagina.draft_title == "Gewijzigde titel"

    def publiceren(self, sleutel):
        return self.bewerken(sleutel, publiceren=True)

    def depubliceren(self, sleutel):
        pagina = self.pagina(sleutel)
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=[pagina.pk]))
        pagina.refresh_from_db()
        return response, not pagina.live

    def verwijderen(self, sleutel):
        pagina = self.pagina(sleutel)
        response = self.client.post(reverse("wagtailadmin_pages:delete", args=[pagina.pk]))
        return response, not Page.objects.filter(pk=pagina.pk).exists()

    def verplaatsen(self, doelen):
        pagina, bestemming = (self.pagina(sleutel) for sleutel in doelen)
        url = reverse("wagtailadmin_pages:move_confirm", args=[pagina.pk, bestemming.pk])
        response = self.client.post(url)
        pagina.refresh_from_db()
        return response, pagina.get_parent().pk == bestemming.pk

    def kopiëren(self, doelen):
        pagina, bestemming = (self.pagina(sleutel) for sleutel in doelen)
        data = {
            "new_title": "Kopie",
            "new_slug": "kopie-van-de-test",
            "new_parent_page": str(bestemming.pk),
        }
        response = self.client.post(reverse("wagtailadmin_pages:copy", args=[pagina.pk]), data)
        gelukt = Page.objects.child_of(bestemming).filter(slug="kopie-van-de-test").exists()
        return response, gelukt

    def lector_bewerken(self, sleutel):
        lector = Persoon.objects.get(pk=self.tree[sleutel].pk)
        url = reverse("wagtailsnippets_werkplaatsen_persoon:edit", args=[lector.pk])
        data = {
            "naam": "Gewijzigde naam",
            "lectoraat": "",
            "hogeschool": "",
            "foto": "",
            "bio": "",
            "link": "",
            "beheerd_door": lector.beheerd_door_id or "",
        }
        response = self.client.post(url, data)
        lector.refresh_from_db()
        return response, lector.naam == "Gewijzigde naam"

    def lector_verwijderen(self, sleutel):
        pk = self.tree[sleutel].pk
        url = reverse("wagtailsnippets_werkplaatsen_persoon:delete", args=[pk])
        response = self.client.post(url)
        return response, not Persoon.objects.filter(pk=pk).exists()

    def lector_toevoegen(self, _doel):
        url = reverse("wagtailsnippets_werkplaatsen_persoon:add")
        # Posting another region as manager does not help: the form keeps the own region.
        data = {"naam": "Nieuwe lector", "beheerd_door": self.tree["zuyd"].pk}
        response = self.client.post(url, data)
        nieuw = Persoon.objects.filter(naam="Nieuwe lector").first()
        return response, nieuw is not None and nieuw.beheerd_door_id == self.tree["noord"].pk

    def afbeelding_bewerken(self, sleutel):
        afbeelding = get_image_model().objects.get(pk=self.tree[sleutel].pk)
        url = reverse("wagtailimages:edit", args=[afbeelding.pk])
        data = {"title": "Gewijzigd", "collection": afbeelding.collection_id, "tags": ""}
        response = self.client.post(url, data)
        afbeelding.refresh_from_db()
        return response, afbeelding.title == "Gewijzigd"

    def afbeelding_verwijderen(self, sleutel):
        pk = self.tree[sleutel].pk
        response = self.client.post(reverse("wagtailimages:delete", args=[pk]))
        return response, not get_image_model().objects.filter(pk=pk).exists()

    def document_bewerken(self, sleutel):
        document = get_document_model().objects.get(pk=self.tree[sleutel].pk)
        url = reverse("wagtaildocs:edit", args=[document.pk])
        data = {"title": "Gewijzigd", "collection": document.collection_id, "tags": ""}
        response = self.client.post(url, data)
        document.refresh_from_db()
        return response, document.title == "Gewijzigd"

    def document_verwijderen(self, sleutel):
        pk = self.tree[sleutel].pk
        response = self.client.post(reverse("wagtaildocs:delete", args=[pk]))
        return response, not get_document_model().objects.filter(pk=pk).exists()

    def instellingen_bewerken(self, _doel):
        site = Site.objects.get(is_default_site=True)
        url = reverse("wagtailsettings:edit", args=("portal", "siteinstellingen", site.pk))
        data = {
            "organisatie": "Associatie Werkplaatsen Sociaal Domein",
            "voettekst": "Nieuwe voettekst",
            "contact_email": "",
            "telefoon": "",
            "adres": "",
            "nieuwsbrief_url": "",
            "linkedin_url": "",
        }
        response = self.client.post(url, data)
        gelukt = SiteInstellingen.objects.filter(site=site, voettekst="Nieuwe voettekst").exists()
        return response, gelukt

    def gebruikers_beheren(self, _doel):
        response = self.client.get(reverse("wagtailusers_users:index"))
        return response, response.status_code == 200

    def groepen_beheren(self, _doel):
        groep = Group.objects.get(name=ASSOCIATIE_GROEP)
        response = self.client.get(reverse("wagtailusers_groups:edit", args=[groep.pk]))
        return response, response.status_code == 200

    # --- Running the matrix ---

    def weigering(self, response):
        """How Wagtail refused, or None if the response is not a refusal."""
        if response.status_code == 403:
            return "403"
        if response.status_code == 302 and response.url == reverse("wagtailadmin_home"):
            berichten = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
            return "naar dashboard met foutmelding" if berichten else None
        if response.status_code == 200 and response.context is not None:
            form = response.context.get("form")
            if form is not None and form.errors:
                return "formulier met foutmelding"
        return None

    def voer_uit(self, actie, rol, doel, verwacht):
        self.client.force_login(self.tree[ROLLEN[rol]])
        methode = getattr(self, actie.replace(" ", "_"))
        if verwacht:
            response, gelukt = methode(doel)
            self.assertTrue(gelukt, f"{actie} door {rol} op {doel} is niet gelukt: {response}")
            self.assertLess(response.status_code, 400)
            return "toegestaan"
        voor = momentopname()
        response, gelukt = methode(doel)
        self.assertFalse(gelukt, f"{actie} door {rol} op {doel} had geweigerd moeten worden")
        self.assertEqual(voor, momentopname(), f"{actie} door {rol} op {doel} veranderde data")
        manier = self.weigering(response)
        self.assertIsNotNone(manier, f"{actie} door {rol} op {doel}: geen weigering: {response}")
        return f"geweigerd ({manier})"

    def test_matrix(self):
        for actie, rol, doel, verwacht in MATRIX:
            with self.subTest(actie=actie, rol=rol, doel=doel):
                savepoint = transaction.savepoint_create()
                try:
                    uitkomst = self.voer_uit(actie, rol, doel, verwacht)
                    self.resultaten.append((actie, rol, doel, uitkomst))
                finally:
                    transaction.savepoint_rollback(savepoint)
                    self.client.logout()
        for actie, rol, doel, uitkomst in self.resultaten:
            print(f"{actie:24} {rol:11} {doel!s:42} {uitkomst}")


class RegioGrenzenTests(VasteMediaMap, TestCase):
    """Details of the boundaries that the matrix does not show."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def test_editor_cannot_delete_their_own_werkplaats_page(self):
        zeeland = self.tree["zeeland"]
        self.assertTrue(zeeland.is_leaf())
        self.client.force_login(self.tree["zeeland_redacteur"])

        response = self.client.post(reverse("wagtailadmin_pages:delete", args=[zeeland.pk]))

        self.assertRedirects(
            response,
            reverse("wagtailadmin_explore", args=[self.tree["index"].pk]),
            fetch_redirect_response=False,
        )
        self.assertTrue(WerkplaatsPage.objects.filter(pk=zeeland.pk).exists())
        [bericht] = get_messages(response.wsgi_request)
        self.assertIn("startpunt van een redactie", str(bericht))

    def test_editor_cannot_bulk_delete_their_own_werkplaats_page(self):
        zeeland = self.tree["zeeland"]
        self.client.force_login(self.tree["zeeland_redacteur"])
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))

        response = self.client.post(f"{url}?id={zeeland.pk}")

        self.assertEqual(response.status_code, 302)
        self.assertTrue(WerkplaatsPage.objects.filter(pk=zeeland.pk).exists())
        [bericht] = get_messages(response.wsgi_request)
        self.assertIn("startpunt van een redactie", str(bericht))

    def test_bulk_delete_of_lectoren_spares_other_regions(self):
        self.client.force_login(self.tree["noord_redacteur"])
        url = reverse("wagtail_bulk_action", args=("werkplaatsen", "persoon", "delete"))
        eigen, ander = self.tree["lector_noord"], self.tree["lector_zuyd"]

        self.client.post(f"{url}?id={eigen.pk}&id={ander.pk}")

        self.assertFalse(Persoon.objects.filter(pk=eigen.pk).exists())
        self.assertTrue(Persoon.objects.filter(pk=ander.pk).exists())

    def test_associatie_chooses_products_of_every_region(self):
        self.client.force_login(self.tree["associatie_redacteur"])
        url = reverse("wagtailadmin_choose_page_child", args=[self.tree["zuyd"].pk])

        response = self.client.get(url, {"page_type": "kennisbank.productpage"})

        self.assertContains(response, self.tree["zuyd_product"].title)

    def test_upload_goes_to_the_own_collection(self):
        self.client.force_login(self.tree["noord_redacteur"])
        buffer = io.BytesIO(png())
        buffer.name = "upload.png"

        response = self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": buffer, "collection": self.tree["collectie_zuyd"].pk},
            headers={"x-requested-with": "XMLHttpRequest"},
        )

        self.assertEqual(response.status_code, 200)
        nieuw = get_image_model().objects.order_by("-pk").first()
        self.assertEqual(nieuw.title, "upload.png")
        self.assertEqual(nieuw.collection_id, self.tree["collectie_noord"].pk)

    def test_editor_can_choose_images_and_documents_of_other_regions(self):
        self.client.force_login(self.tree["noord_redacteur"])

        afbeeldingen = self.client.get(reverse("wagtailimages_chooser:choose"))
        documenten = self.client.get(reverse("wagtaildocs_chooser:choose"))

        self.assertEqual(afbeeldingen.status_code, 200)
        for sleutel in ["afbeelding_noord", "afbeelding_zuyd", "afbeelding_associatie"]:
            self.assertContains(afbeeldingen, self.tree[sleutel].title)
        for sleutel in ["document_noord", "document_zuyd", "document_associatie"]:
            self.assertContains(documenten, self.tree[sleutel].title)

    def test_editor_can_choose_any_lector_and_page(self):
        self.client.force_login(self.tree["noord_redacteur"])

        lectoren = self.client.get(reverse("wagtailsnippetchoosers_werkplaatsen_persoon:choose"))
        paginas = self.client.get(
            reverse("wagtailadmin_choose_page_child", args=[self.tree["zuyd"].pk])
        )

        for sleutel in ["lector_noord", "lector_zuyd", "lector_associatie"]:
            self.assertContains(lectoren, self.tree[sleutel].naam)
        self.assertContains(paginas, self.tree["zuyd_product"].title)

    def test_lector_list_offers_edit_links_only_for_own_people(self):
        self.client.force_login(self.tree["noord_redacteur"])

        response = self.client.get(reverse("wagtailsnippets_werkplaatsen_persoon:list"))

        self.assertContains(response, "Lector Zuyd")
        eigen = reverse(
            "wagtailsnippets_werkplaatsen_persoon:edit", args=[self.tree["lector_noord"].pk]
        )
        ander = reverse(
            "wagtailsnippets_werkplaatsen_persoon:edit", args=[self.tree["lector_zuyd"].pk]
        )
        self.assertContains(response, eigen)
        self.assertNotContains(response, ander)

    def test_editor_cannot_move_a_lector_to_another_region(self):
        lector = self.tree["lector_noord"]
        self.client.force_login(self.tree["noord_redacteur"])
        url = reverse("wagtailsnippets_werkplaatsen_persoon:edit", args=[lector.pk])

        self.client.post(url, {"naam": "Lector Noord", "beheerd_door": self.tree["zuyd"].pk})

        lector.refresh_from_db()
        self.assertEqual(lector.beheerd_door_id, self.tree["noord"].pk)

    def test_associatie_has_no_page_permission_on_the_home_page_or_the_regions(self):
        associatie = Group.objects.get(name=ASSOCIATIE_GROEP)
        paginas = set(
            GroupPagePermission.objects.filter(group=associatie).values_list("page_id", flat=True)
        )
        verboden = {self.tree["home"].pk, self.tree["index"].pk}
        verboden |= set(WerkplaatsPage.objects.values_list("pk", flat=True))
        verboden |= {p.pk for p in Page.objects.descendant_of(self.tree["index"])}
        self.assertFalse(paginas & verboden)
        self.assertIn(self.tree["associatie"].pk, paginas)
        self.assertIn(self.tree["agenda"].pk, paginas)

    def test_home_page_rights_do_not_flow_down(self):
        user = self.tree["associatie_redacteur"]
        home = HomePage.objects.get(pk=self.tree["home"].pk)
        tester = home.permissions_for_user(user)
        self.assertIsInstance(tester, HomePagePermissionTester)
        self.assertTrue(tester.can_edit())
        self.assertTrue(tester.can_publish())
        self.assertFalse(tester.can_unpublish())
        self.assertFalse(tester.can_delete())
        self.assertFalse(tester.can_add_subpage())
        self.assertFalse(tester.can_set_view_restrictions())
        # Through a plain Page instance as the explorer uses it, too.
        self.assertTrue(Page.objects.get(pk=home.pk).permissions_for_user(user).can_edit())
        for sleutel in ["index", "noord", "noord_product"]:
            with self.subTest(pagina=sleutel):
                self.assertFalse(self.tree[sleutel].permissions_for_user(user).can_edit())

    def test_regional_editor_has_no_bulk_delete(self):
        codes = set(
            GroupPagePermission.objects.filter(group=self.tree["groep_noord"]).values_list(
                "permission__codename", flat=True
            )
        )
        self.assertEqual(
            codes, {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
        )

    def test_regional_editor_sees_only_their_region_in_the_explorer(self):
        self.client.force_login(self.tree["noord_redacteur"])

        response = self.client.get(reverse("wagtailadmin_explore_root"))

        self.assertRedirects(
            response,
            reverse("wagtailadmin_explore", args=[self.tree["noord"].pk]),
            fetch_redirect_response=False,
        )


class SetupRolesTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def run_command(self):
        uit = io.StringIO()
        call_command("setup_roles", stdout=uit)
        return uit.getvalue()

    def test_second_run_changes_nothing(self):
        voor = (
            sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission")),
            sorted(GroupCollectionPermission.objects.values_list("group__name", "collection_id")),
            Group.objects.count(),
            Collection.objects.count(),
        )

        uitvoer = self.run_command()

        self.assertIn("niets gewijzigd", uitvoer)
        na = (
            sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission")),
            sorted(GroupCollectionPermission.objects.values_list("group__name", "collection_id")),
            Group.objects.count(),
            Collection.objects.count(),
        )
        self.assertEqual(voor, na)

    def test_a_new_werkplaats_gets_its_group_and_collection_on_the_next_run(self):
        nieuw = self.tree["index"].add_child(
            instance=WerkplaatsPage(
                title="Drenthe", slug="drenthe", korte_naam="Drenthe", intro="x"
            )
        )
        self.assertIsNone(groep_van(nieuw))

        uitvoer = self.run_command()

        groep = groep_van(nieuw)
        self.assertEqual(groep.name, "Redactie Drenthe")
        self.assertIn("Groep 'Redactie Drenthe' aangemaakt.", uitvoer)
        self.assertEqual(collectie_van(groep).name, "Drenthe")
        self.assertEqual(
            set(
                GroupPagePermission.objects.filter(group=groep).values_list(
                    "page_id", "permission__codename"
                )
            ),
            {
                (nieuw.pk, codename)
                for codename in [
                    "add_page",
                    "change_page",
                    "publish_page",
                    "lock_page",
                    "unlock_page",
                ]
            },
        )
        # The new group works in the admin at once.
        redacteur = self.tree["noord_redacteur"]
        redacteur.groups.set([groep])
        self.client.force_login(redacteur)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("kennisbank", "productpage", nieuw.pk)),
            product_data("Drents product", "drents-product"),
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ProductPage.objects.child_of(nieuw).filter(slug="drents-product").exists())

    def test_renamed_werkplaats_renames_group_and_collection(self):
        noord = self.tree["noord"]
        groep = groep_van(noord)
        noord.title = "Noord-Nederland"
        noord.save()

        self.run_command()

        groep.refresh_from_db()
        self.assertEqual(groep.name, "Redactie Noord-Nederland")
        self.assertEqual(collectie_van(groep).name, "Noord-Nederland")
        self.assertEqual(groep_van(noord), groep)

    def test_permissions_a_group_should_not_have_are_removed(self):
        groep = self.tree["groep_noord"]
        GroupPagePermission.objects.create(
            group=groep,
            page=self.tree["home"],
            permission=GroupPagePermission._meta.get_field("permission").related_model.objects.get(
                codename="change_page"
            ),
        )
        groep.permissions.add(
            GroupPagePermission._meta.get_field("permission").related_model.objects.get(
                codename="change_user"
            )
        )

        self.run_command()

        self.assertFalse(
            GroupPagePermission.objects.filter(group=groep, page=self.tree["home"]).exists()
        )
        self.assertFalse(groep.permissions.filter(codename="change_user").exists())

    def test_groups_exist_with_the_agreed_names(self):
        namen = set(Group.objects.values_list("name", flat=True))
        self.assertLessEqual(
            {ASSOCIATIE_GROEP, BEHEER_GROEP, "Redactie Noord", "Redactie Zuyd", "Redactie Zeeland"},
            namen,
        )

    def test_wagtails_default_workflow_no_longer_covers_the_whole_site(self):
        # Wagtail's migrations assign "Moderators approval" to the root page, which would put
        # every region under review; setup_roles unassigns it, renames it and switches it off.
        self.assertFalse(Workflow.objects.filter(name=WAGTAIL_STANDAARD_WORKFLOW).exists())
        self.assertFalse(WorkflowPage.objects.filter(page__depth=1).exists())
        self.assertIsNone(Page.objects.get(pk=self.tree["noord_product"].pk).get_workflow())

    def test_richt_rollen_in_reports_nothing_on_a_second_run(self):
        self.assertEqual(richt_rollen_in().wijzigingen, 0)


class DemoGebruikersTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    GEBRUIKERS = [
        ("demo-noord", "Noor", "Demo", ("werkplaats", "Noord")),
        ("demo-associatie", "Anna", "Demo", ("groep", ASSOCIATIE_GROEP)),
        ("demo-beheer", "Bas", "Demo", ("groep", BEHEER_GROEP)),
    ]

    def test_one_user_per_role_with_a_printed_password_in_dev(self):
        uit = io.StringIO()
        with self.settings(DEBUG=True):
            wachtwoorden = maak_demo_gebruikers(uit, self.GEBRUIKERS)
            opnieuw = maak_demo_gebruikers(io.StringIO(), self.GEBRUIKERS)

        self.assertEqual(set(wachtwoorden), {"demo-noord", "demo-associatie", "demo-beheer"})
        self.assertEqual(opnieuw, {})
        self.assertIn(f"wachtwoord {wachtwoorden['demo-noord']}", uit.getvalue())
        gebruiker = get_user_model().objects.get(username="demo-noord")
        self.assertEqual(list(gebruiker.groups.all()), [self.tree["groep_noord"]])
        inloggen = self.client.post(
            reverse("wagtailadmin_login"),
            {"username": "demo-noord", "password": wachtwoorden["demo-noord"]},
        )
        self.assertEqual(inloggen.status_code, 302)
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)

    def test_no_demo_users_outside_dev(self):
        uit = io.StringIO()
        with self.settings(DEBUG=False):
            self.assertEqual(maak_demo_gebruikers(uit, self.GEBRUIKERS), {})
        self.assertFalse(get_user_model().objects.filter(username__startswith="demo-").exists())

    def test_missing_werkplaats_is_skipped(self):
        uit = io.StringIO()
        with self.settings(DEBUG=True):
            maak_demo_gebruikers(uit)
        self.assertIn("redactie-noord-holland overgeslagen", uit.getvalue())
        self.assertTrue(get_user_model().objects.filter(username="redactie-associatie").exists())
