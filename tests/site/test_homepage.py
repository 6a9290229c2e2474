"""The home page: announcements from a start day until the event ends, then the next event;
featured products in the Associatie's order.

"Now" is passed to the model methods as a timezone-aware moment, and frozen with
tests.support.role_tree.tijd_op for the rendered page.
"""

import datetime
import zoneinfo

from django.test import TestCase
from django.urls import reverse

from agenda.models import EvenementPage
from portal.site.models import HomeAankondiging, HomePage, HomeUitgelichtProduct
from portal.site.rollen import richt_rollen_in
from tests.support.role_tree import add_event, formulierdata, tijd_op
from tests.support.tree import add_product, build_tree
from werkplaatsen.rechten import ASSOCIATIE_GROEP

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def om(jaar, maand, dag, uur=0, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


class AankondigingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        agenda = cls.tree["agenda"]
        cls.symposium = add_event(
            agenda,
            "Symposium 2030",
            om(2030, 6, 11, 10),
            slug="symposium-2030",
            soort="symposium",
            eind=om(2030, 6, 11, 17),
            registratie_url="https://example.org/aanmelden",
        )
        cls.kenniscafe = add_event(agenda, "Kenniscafé mei", om(2030, 5, 20, 15), slug="cafe-mei")
        cls.webinar = add_event(agenda, "Webinar juli", om(2030, 7, 1, 10), slug="webinar-juli")
        cls.home = HomePage.objects.get(pk=cls.tree["home"].pk)
        HomeAankondiging.objects.create(
            page=cls.home,
            evenement=cls.symposium,
            aankondigen_vanaf=datetime.date(2030, 5, 1),
            sort_order=0,
        )

    def test_before_the_start_day_the_next_upcoming_event_is_shown(self):
        moment = om(2030, 4, 30, 23, 30)
        self.assertEqual(self.home.actuele_aankondigingen(moment), [])
        self.assertEqual(self.home.volgend_evenement(moment), self.kenniscafe)

    def test_from_the_start_day_in_amsterdam_the_announcement_is_shown(self):
        # 00:10 in Amsterdam on 1 May is still 30 April in UTC.
        moment = om(2030, 5, 1, 0, 10)
        self.assertEqual(moment.astimezone(datetime.UTC).date(), datetime.date(2030, 4, 30))
        self.assertEqual(self.home.actuele_aankondigingen(moment), [self.symposium])
        self.assertEqual(self.home.volgend_evenement(moment), self.symposium)

    def test_shown_until_the_event_ends(self):
        for moment in [om(2030, 6, 11, 9), om(2030, 6, 11, 16, 59), om(2030, 6, 11, 17)]:
            with self.subTest(moment=moment):
                self.assertEqual(self.home.volgend_evenement(moment), self.symposium)

    def test_after_the_event_the_home_page_falls_back_to_the_next_event(self):
        moment = om(2030, 6, 11, 17, 1)
        self.assertEqual(self.home.actuele_aankondigingen(moment), [])
        self.assertEqual(self.home.volgend_evenement(moment), self.webinar)

    def test_event_without_end_is_announced_until_it_starts(self):
        HomeAankondiging.objects.create(
            page=self.home, evenement=self.webinar, aankondigen_vanaf=datetime.date(2030, 6, 12)
        )
        self.assertEqual(self.home.volgend_evenement(om(2030, 7, 1, 9, 59)), self.webinar)
        self.assertIsNone(self.home.volgend_evenement(om(2030, 7, 1, 10, 1)))

    def test_announcements_in_the_editors_order(self):
        HomeAankondiging.objects.create(
            page=self.home,
            evenement=self.webinar,
            aankondigen_vanaf=datetime.date(2030, 5, 1),
            sort_order=-1,
        )
        self.assertEqual(
            self.home.actuele_aankondigingen(om(2030, 5, 2)), [self.webinar, self.symposium]
        )

    def test_unpublished_event_is_not_announced(self):
        self.symposium.unpublish()
        self.assertEqual(self.home.volgend_evenement(om(2030, 5, 2)), self.kenniscafe)

    def test_rendered_home_page_follows_the_rule(self):
        verwacht = [
            (om(2030, 4, 30, 12), self.kenniscafe, None),
            (om(2030, 5, 2, 12), self.symposium, self.symposium),
            (om(2030, 6, 11, 18), self.webinar, None),
        ]
        for moment, volgend, aankondiging in verwacht:
            with self.subTest(moment=moment), tijd_op(moment):
                response = self.client.get("/")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["volgend_evenement"], volgend)
                self.assertEqual(response.context["aankondiging"], aankondiging)
                self.assertContains(response, volgend.title)

    def test_rendered_announcement_gives_date_place_and_registration(self):
        with tijd_op(om(2030, 5, 2, 12)):
            response = self.client.get("/")
        evenement = response.context["aankondiging"]
        self.assertEqual(evenement.locatie, "Utrecht")
        self.assertEqual(evenement.registratie_url, "https://example.org/aanmelden")
        self.assertEqual(evenement.start, om(2030, 6, 11, 10))


class UitgelichtTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.a = add_product(cls.tree["noord"], "Product A", day=1, slug="product-a")
        cls.b = add_product(cls.tree["zuyd"], "Product B", day=2, slug="product-b")
        cls.c = add_product(cls.tree["associatie"], "Product C", day=3, slug="product-c")
        richt_rollen_in()
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        cls.redacteur = get_user_model().objects.create_user("associatie", "a@example.org", "x")
        cls.redacteur.groups.add(Group.objects.get(name=ASSOCIATIE_GROEP))

    def test_featured_products_in_the_order_the_associatie_set(self):
        home = self.tree["home"]
        for volgorde, product in enumerate([self.c, self.a, self.b]):
            HomeUitgelichtProduct.objects.create(page=home, product=product, sort_order=volgorde)

        response = self.client.get("/")

        self.assertEqual(response.context["uitgelichte_producten"], [self.c, self.a, self.b])
        self.assertNotIn(self.a, response.context["recente_producten"])

    def test_unpublished_featured_product_is_left_out(self):
        home = self.tree["home"]
        HomeUitgelichtProduct.objects.create(page=home, product=self.a, sort_order=0)
        HomeUitgelichtProduct.objects.create(page=home, product=self.b, sort_order=1)
        self.b.unpublish()

        response = self.client.get("/")

        self.assertEqual(response.context["uitgelichte_producten"], [self.a])

    def test_associatie_curates_order_and_announcement_in_the_admin(self):
        home = self.tree["home"]
        symposium = add_event(
            self.tree["agenda"],
            "Symposium",
            om(2030, 6, 11, 10),
            slug="symposium",
            soort="symposium",
        )
        data = formulierdata(home, self.redacteur)
        data.update(
            {
                "uitgelichte_producten-TOTAL_FORMS": "2",
                "uitgelichte_producten-0-product": str(self.b.pk),
                "uitgelichte_producten-0-ORDER": "2",
                "uitgelichte_producten-1-product": str(self.a.pk),
                "uitgelichte_producten-1-ORDER": "1",
                "aankondigingen-TOTAL_FORMS": "1",
                "aankondigingen-0-evenement": str(symposium.pk),
                "aankondigingen-0-aankondigen_vanaf": "2030-05-01",
                "aankondigingen-0-ORDER": "1",
                "action-publish": "action-publish",
            }
        )
        self.client.force_login(self.redacteur)

        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)

        self.assertEqual(response.status_code, 302)
        home = HomePage.objects.get(pk=home.pk)
        self.assertEqual([i.product for i in home.uitgelichte_producten.all()], [self.a, self.b])
        self.assertEqual(home.volgend_evenement(om(2030, 5, 2)), symposium)
        with tijd_op(om(2030, 5, 2)):
            self.assertEqual(
                self.client.get("/").context["uitgelichte_producten"], [self.a, self.b]
            )

    def test_announcement_starting_after_the_event_is_refused_in_dutch(self):
        home = self.tree["home"]
        symposium = add_event(
            self.tree["agenda"], "Symposium", om(2030, 6, 11, 10), slug="symposium"
        )
        data = formulierdata(home, self.redacteur)
        data.update(
            {
                "aankondigingen-TOTAL_FORMS": "1",
                "aankondigingen-0-evenement": str(symposium.pk),
                "aankondigingen-0-aankondigen_vanaf": "2030-06-12",
                "aankondigingen-0-ORDER": "1",
                "action-publish": "action-publish",
            }
        )
        self.client.force_login(self.redacteur)

        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "De aankondiging begint pas na afloop van het evenement")
        self.assertFalse(HomeAankondiging.objects.exists())
        self.assertTrue(EvenementPage.objects.filter(pk=symposium.pk).exists())
