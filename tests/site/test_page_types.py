"""Where each page type may live in the tree, and creating a product through the admin.

The tree rules are what gives regional editors their own subtree: products, events,
kennisagenda's and leerateliers of a Werkplaats sit below its WerkplaatsPage.
"""

import datetime

from django.apps import apps
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from agenda.models import AgendaIndexPage, EvenementPage
from kennisbank.models import KennisbankPage, ProductPage
from portal.site.models import HomePage, InformatiePagina, ToegankelijkheidsverklaringPage
from portal.themas.models import LandelijkThemaPage, ThemaIndexPage
from portal.volgen.models import NieuwsbriefIndexPage, NieuwsbriefPage
from werkplaatsen.models import (
    AssociatiePage,
    KennisagendaPage,
    LeeratelierPage,
    ThemagroepIndexPage,
    ThemagroepPage,
    WerkplaatsIndexPage,
    WerkplaatsPage,
)

# page type: (allowed parent types, allowed subpage types), exactly.
RULES = {
    HomePage: (
        {Page},
        {
            WerkplaatsIndexPage,
            AssociatiePage,
            KennisbankPage,
            ThemaIndexPage,
            ThemagroepIndexPage,
            AgendaIndexPage,
            NieuwsbriefIndexPage,
            InformatiePagina,
            ToegankelijkheidsverklaringPage,
        },
    ),
    InformatiePagina: ({HomePage, InformatiePagina, AssociatiePage}, {InformatiePagina}),
    ToegankelijkheidsverklaringPage: ({HomePage}, set()),
    WerkplaatsIndexPage: ({HomePage}, {WerkplaatsPage}),
    WerkplaatsPage: (
        {WerkplaatsIndexPage},
        {KennisagendaPage, LeeratelierPage, ProductPage, EvenementPage},
    ),
    AssociatiePage: ({HomePage}, {ProductPage, KennisagendaPage, InformatiePagina}),
    KennisagendaPage: ({WerkplaatsPage, AssociatiePage}, set()),
    LeeratelierPage: ({WerkplaatsPage}, {ProductPage, EvenementPage}),
    ThemaIndexPage: ({HomePage}, {LandelijkThemaPage}),
    LandelijkThemaPage: ({ThemaIndexPage}, set()),
    ThemagroepIndexPage: ({HomePage}, {ThemagroepPage}),
    ThemagroepPage: ({ThemagroepIndexPage}, set()),
    ProductPage: ({WerkplaatsPage, LeeratelierPage, AssociatiePage}, set()),
    KennisbankPage: ({HomePage}, set()),
    AgendaIndexPage: ({HomePage}, {EvenementPage}),
    EvenementPage: ({AgendaIndexPage, WerkplaatsPage, LeeratelierPage}, set()),
    NieuwsbriefIndexPage: ({HomePage}, {NieuwsbriefPage}),
    NieuwsbriefPage: ({NieuwsbriefIndexPage}, set()),
}


INVALID_PRODUCT_MESSAGE = (
    "Voeg inhoud, een document of een externe link toe: een product moet "
    "iets te lezen, te downloaden of te bekijken hebben."
)


def name(model):
    return f"{model._meta.app_label}.{model.__name__}"


class PageTypeRulesTests(WagtailPageTestCase):
    def test_every_page_type_has_its_rules_here(self):
        page_models = {
            model
            for model in apps.get_models()
            if issubclass(model, Page) and model._meta.app_label != "wagtailcore"
        }
        self.assertEqual(
            {name(m) for m in page_models},
            {name(m) for m in RULES},
            "A page type was added or removed: describe where it may live in RULES.",
        )

    def test_allowed_parent_page_types(self):
        for model, (parents, _children) in RULES.items():
            with self.subTest(model=name(model)):
                self.assertAllowedParentPageTypes(model, parents)

    def test_allowed_subpage_types(self):
        for model, (_parents, children) in RULES.items():
            with self.subTest(model=name(model)):
                # Regional pages name no subpage types: every creatable page type that names
                # them as a parent may live below them (wagtailcore.Page is not creatable).
                creatable = {m for m in model.allowed_subpage_models() if m.is_creatable}
                self.assertEqual(creatable, children)

    def test_can_create_exactly_where_allowed(self):
        all_parents = [Page, *RULES]
        for child, (parents, _children) in RULES.items():
            for parent in all_parents:
                with self.subTest(child=name(child), parent=name(parent)):
                    if parent in parents:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_products_only_in_a_werkplaats_leeratelier_or_the_associatie(self):
        self.assertCanCreateAt(WerkplaatsPage, ProductPage)
        self.assertCanCreateAt(LeeratelierPage, ProductPage)
        self.assertCanCreateAt(AssociatiePage, ProductPage)
        for parent in [
            HomePage,
            KennisbankPage,
            LandelijkThemaPage,
            ThemaIndexPage,
            ThemagroepPage,
            ProductPage,
            KennisagendaPage,
            AgendaIndexPage,
            EvenementPage,
        ]:
            with self.subTest(parent=name(parent)):
                self.assertCanNotCreateAt(parent, ProductPage)

    def test_events_not_under_themes_or_the_kennisbank(self):
        self.assertCanCreateAt(AgendaIndexPage, EvenementPage)
        self.assertCanCreateAt(WerkplaatsPage, EvenementPage)
        self.assertCanCreateAt(LeeratelierPage, EvenementPage)
        for parent in [
            LandelijkThemaPage,
            ThemaIndexPage,
            ThemagroepPage,
            KennisbankPage,
            HomePage,
            AssociatiePage,
            ProductPage,
            EvenementPage,
        ]:
            with self.subTest(parent=name(parent)):
                self.assertCanNotCreateAt(parent, EvenementPage)

    def test_werkplaats_only_under_the_werkplaatsen_index(self):
        self.assertAllowedParentPageTypes(WerkplaatsPage, {WerkplaatsIndexPage})
        for parent in [Page, HomePage, AssociatiePage, WerkplaatsPage, LeeratelierPage]:
            with self.subTest(parent=name(parent)):
                self.assertCanNotCreateAt(parent, WerkplaatsPage)


class SingletonTests(WagtailPageTestCase):
    """A second home page, Werkplaatsen index, kennisbank, ... cannot be added."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePage(title="Home", slug="home-singletons", lead="Het kennisportaal.")
        cls.root.add_child(instance=cls.home)

    def test_only_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_only_one_of_each_overview(self):
        pages = {
            WerkplaatsIndexPage: WerkplaatsIndexPage(title="Werkplaatsen", slug="werkplaatsen"),
            AssociatiePage: AssociatiePage(title="Associatie", slug="associatie", intro="x"),
            KennisbankPage: KennisbankPage(title="Kennisbank", slug="kennisbank"),
            ThemaIndexPage: ThemaIndexPage(title="Thema's", slug="themas"),
            ThemagroepIndexPage: ThemagroepIndexPage(title="Themagroepen", slug="themagroepen"),
            AgendaIndexPage: AgendaIndexPage(title="Agenda", slug="agenda"),
        }
        for model, page in pages.items():
            with self.subTest(model=name(model)):
                self.assertTrue(model.can_create_at(self.home))
                self.home.add_child(instance=page)
                self.assertFalse(model.can_create_at(self.home))


class ProductAdminTests(WagtailPageTestCase):
    """Creating a product through the real Wagtail admin add view."""

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = root.add_child(
            instance=HomePage(title="Home", slug="home-admin", lead="Het kennisportaal.")
        )
        cls.index = cls.home.add_child(
            instance=WerkplaatsIndexPage(title="Werkplaatsen", slug="werkplaatsen")
        )
        cls.werkplaats = cls.index.add_child(
            instance=WerkplaatsPage(
                title="Werkplaats Sociaal Domein Noord",
                slug="noord",
                korte_naam="Noord",
                intro="De Werkplaats in het noorden.",
            )
        )

    def setUp(self):
        self.user = self.create_test_user()
        self.client.force_login(self.user)

    def add_url(self, parent):
        return reverse("wagtailadmin_pages:add", args=("kennisbank", "productpage", parent.pk))

    def product_data(self, **overrides):
        data = {
            "title": "Wijkteams in beweging",
            "slug": "wijkteams-in-beweging",
            "product_type": "rapport",
            "publicatiedatum": "2025-03-14",
            "samenvatting": "Wat wijkteams leren van drie jaar samenwerken met bewoners.",
            "auteurs": inline_formset([{"persoon": "", "naam": "Anna de Vries"}]),
            "body": streamfield(
                [
                    (
                        "tekst",
                        rich_text(
                            "<p>Drie jaar praktijkgericht onderzoek in de wijk.</p>",
                            features=["bold", "italic", "link", "document-link", "ol", "ul"],
                        ),
                    )
                ]
            ),
            "document": "",
            "externe_link": "",
            "afbeelding": "",
            "tags": "wijkteams, bewoners",
            "o_onderzoek": "on",
            "voor_professionals": "on",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_add_view_creates_product_with_werkplaats_from_tree(self):
        response = self.client.post(self.add_url(self.werkplaats), self.product_data())

        self.assertRedirects(response, reverse("wagtailadmin_explore", args=[self.werkplaats.pk]))
        product = ProductPage.objects.get(slug="wijkteams-in-beweging")
        self.assertEqual(product.get_parent().pk, self.werkplaats.pk)
        self.assertEqual(product.werkplaats_id, self.werkplaats.pk)
        self.assertIsNone(product.leeratelier_id)
        self.assertTrue(product.live)
        self.assertEqual(product.publicatiedatum, datetime.date(2025, 3, 14))
        self.assertEqual([a.naam for a in product.auteurs.all()], ["Anna de Vries"])
        self.assertEqual(product.body[0].block_type, "tekst")
        self.assertTrue(product.o_onderzoek and product.voor_professionals)
        self.assertFalse(product.o_onderwijs)
        self.assertEqual(sorted(product.tags.names()), ["bewoners", "wijkteams"])

    def test_add_view_refuses_product_without_body_document_or_link(self):
        data = self.product_data(body=streamfield([]), document="", externe_link="")

        response = self.client.post(self.add_url(self.werkplaats), data)

        self.assertEqual(response.status_code, 200)
        self.assertIn(INVALID_PRODUCT_MESSAGE, response.context["form"].non_field_errors())
        self.assertContains(response, INVALID_PRODUCT_MESSAGE)
        self.assertFalse(ProductPage.objects.exists())

    def test_add_view_refuses_product_under_the_home_page(self):
        response = self.client.post(self.add_url(self.home), self.product_data())

        # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard.
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertFalse(ProductPage.objects.exists())
