"""The announcement rules of the home page (portal/site/aankondigingen.py), found by mutation
testing (scripts/mutation.sh aankondigingen): what tests/site/test_homepage.py left open.

The rows are entered as an editor of the Associatie enters them, through the home page's edit
form in the Wagtail admin, and the result is read from the rendered home page.
"""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from portal.site.models import HomeAankondiging, HomePage
from portal.site.rollen import richt_rollen_in
from tests.support.role_tree import add_event, formulierdata, tijd_op
from tests.support.tree import build_tree
from werkplaatsen.rechten import ASSOCIATIE_GROEP

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
FOUT = "De aankondiging begint pas na afloop van het evenement; kies een eerdere dag."


def om(jaar, maand, dag, uur=0, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


class AankondigingInDeAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        richt_rollen_in()
        cls.redacteur = get_user_model().objects.create_user("associatie", "a@example.org", "x")
        cls.redacteur.groups.add(Group.objects.get(name=ASSOCIATIE_GROEP))
        agenda = cls.tree["agenda"]
        # Three days, ending late in the evening of the 13th (in UTC still the 13th).
        cls.congres = add_event(
            agenda, "Congres", om(2030, 6, 11, 10), eind=om(2030, 6, 13, 23, 30), slug="congres"
        )
        cls.cafe = add_event(agenda, "Kenniscafé", om(2030, 6, 20, 15), slug="cafe")

    def bewaar(self, *rijen):
        """Publish the home page with these announcement rows (evenement, date as text)."""
        home = self.tree["home"]
        data = formulierdata(home, self.redacteur)
        data["aankondigingen-TOTAL_FORMS"] = str(len(rijen))
        for i, (evenement, vanaf) in enumerate(rijen):
            data[f"aankondigingen-{i}-evenement"] = str(evenement.pk) if evenement else ""
            data[f"aankondigingen-{i}-aankondigen_vanaf"] = vanaf
            data[f"aankondigingen-{i}-ORDER"] = str(i + 1)
        data["action-publish"] = "action-publish"
        self.client.force_login(self.redacteur)
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
        self.client.logout()
        return response

    def assertBewaard(self, response):
        self.assertEqual(response.status_code, 302)
        self.assertTrue(HomeAankondiging.objects.exists())

    def assertGeweigerd(self, response, melding):
        """Refused with exactly this message at the row's date, in the edit form."""
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, melding)
        rij = response.context["form"].formsets["aankondigingen"].forms[0]
        self.assertEqual(list(rij.errors), ["aankondigen_vanaf"])
        self.assertEqual(list(rij.errors["aankondigen_vanaf"]), [melding])
        self.assertFalse(HomeAankondiging.objects.exists())

    def test_an_announcement_may_start_on_the_last_day_of_the_event(self):
        self.assertBewaard(self.bewaar((self.congres, "2030-06-13")))
        with tijd_op(om(2030, 6, 13, 12)):
            response = self.client.get("/")
        self.assertEqual(response.context["aankondigingen"], [self.congres])

    def test_an_announcement_starting_the_day_after_the_event_is_refused(self):
        self.assertGeweigerd(self.bewaar((self.congres, "2030-06-14")), FOUT)

    def test_an_event_without_end_may_be_announced_until_its_start_day(self):
        self.assertBewaard(self.bewaar((self.cafe, "2030-06-20")))

    def test_an_event_without_end_cannot_be_announced_after_its_start_day(self):
        self.assertGeweigerd(self.bewaar((self.cafe, "2030-06-21")), FOUT)

    def test_a_row_without_event_or_without_date_asks_for_it(self):
        for rij, veld in [
            ((None, "2030-06-01"), "evenement"),
            ((self.congres, ""), "aankondigen_vanaf"),
        ]:
            with self.subTest(veld=veld):
                response = self.bewaar(rij)
                self.assertEqual(response.status_code, 200)
                rijen = response.context["form"].formsets["aankondigingen"].forms
                self.assertEqual(list(rijen[0].errors), [veld])
                self.assertFalse(HomeAankondiging.objects.exists())

    def test_an_event_announced_twice_is_shown_once(self):
        self.assertBewaard(
            self.bewaar(
                (self.congres, "2030-06-01"),
                (self.cafe, "2030-06-01"),
                (self.congres, "2030-06-05"),
            )
        )
        home = HomePage.objects.get(pk=self.tree["home"].pk)
        self.assertEqual(home.aankondigingen.count(), 3)
        with tijd_op(om(2030, 6, 10, 12)):
            response = self.client.get("/")
        self.assertEqual(response.context["aankondigingen"], [self.congres, self.cafe])
        self.assertEqual(response.context["volgend_evenement"], self.congres)
