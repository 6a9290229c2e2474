"""Registration for events, through the public pages, the mails and the real Wagtail admin.

The roles come from ``setup_roles`` (tests/support/role_tree.py): who may see which
registrations is derived from the groups and the event's Werkplaats, not typed per user.
"""

import csv
import datetime
import io
import re
import threading
import unittest
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from agenda.inschrijving import AL_AANGEMELD, GESLOTEN, AanmeldingGeweigerd, meld_aan
from agenda.models import Aanmelding, AanmeldStatus, EvenementPage
from agenda.wagtail_hooks import aanmeldingen
from portal.site.rollen import BEHEER_GROEP
from tests.support.role_tree import (
    VasteMediaMap,
    add_event,
    bouw_rollenboom,
    formulierdata,
    tijd_op,
)
from tests.support.tree import build_tree
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.rechten import ASSOCIATIE_GROEP, groep_van

AFMELDLINK = re.compile(r"https?://[^\s\"<>]+/afmelden/\d+/[^\s\"<>]+/")


def zet_aanmelden_aan(evenement, capaciteit, **velden):
    pagina = EvenementPage.objects.get(pk=evenement.pk)
    pagina.aanmelden = True
    pagina.capaciteit = capaciteit
    pagina.registratie_url = ""
    for naam, waarde in velden.items():
        setattr(pagina, naam, waarde)
    pagina.save_revision().publish()
    return EvenementPage.objects.get(pk=evenement.pk)


def gegevens(email, naam="Anna de Vries", organisatie="Gemeente Utrecht", opmerkingen=""):
    return {"naam": naam, "email": email, "organisatie": organisatie, "opmerkingen": opmerkingen}


def tekstdeel(bericht):
    return bericht.body


def htmldeel(bericht):
    (inhoud, mimetype), *_rest = bericht.alternatives
    assert mimetype == "text/html"
    return inhoud


def agendabijlagen(bericht):
    return [
        icalendar.Calendar.from_ical(bijlage.content)
        for bijlage in bericht.attachments
        if bijlage.mimetype == "text/calendar"
    ]


def afmeldpad(bericht):
    """The cancel link in the plain-text part, checked to be the same in the HTML part."""
    links = AFMELDLINK.findall(tekstdeel(bericht))
    assert len(links) == 1, tekstdeel(bericht)
    assert f'href="{links[0]}"' in htmldeel(bericht)
    return urlsplit(links[0]).path


def geweigerd(response):
    """Wagtail's admin answers a PermissionDenied with 403, or with a redirect to the dashboard
    that carries an error message."""
    if response.status_code == 403:
        return True
    if response.status_code == 302 and response.url == reverse("wagtailadmin_home"):
        berichten = get_messages(response.wsgi_request)
        return any(bericht.level_tag == "error" for bericht in berichten)
    return False


class AanmeldTestCase(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        cls.symposium = zet_aanmelden_aan(cls.tree["symposium"], capaciteit=2)
        cls.cafe_noord = zet_aanmelden_aan(cls.tree["noord_evenement"], capaciteit=5)

    def meld_aan(self, evenement, **velden):
        return Client().post(reverse("agenda_aanmelden", args=[evenement.pk]), velden)

    def aanmelding(self, email):
        return Aanmelding.objects.get(email=email)


class AanmeldenTests(AanmeldTestCase):
    def test_het_formulier_op_de_pagina_werkt_met_csrf(self):
        client = Client(enforce_csrf_checks=True)
        pagina = client.get(self.symposium.url)
        self.assertContains(pagina, 'id="aanmeldformulier"')
        self.assertContains(pagina, "Er zijn nog 2 plaatsen vrij.")
        data = querydict_from_html(
            pagina.content.decode(), form_id="aanmeldformulier", exclude_csrf=False
        )
        data.update(gegevens("anna@example.org", opmerkingen="Vegetarisch, rolstoeltoegankelijk"))
        actie = re.search(r'id="aanmeldformulier" action="([^"#]+)', pagina.content.decode())[1]
        response = client.post(actie, data, follow=True)
        self.assertContains(response, "U bent aangemeld")
        self.assertContains(response, "anna@example.org")
        aanmelding = self.aanmelding("anna@example.org")
        self.assertEqual(aanmelding.status, AanmeldStatus.AANGEMELD)
        self.assertEqual(aanmelding.opmerkingen, "Vegetarisch, rolstoeltoegankelijk")

    def test_tot_de_capaciteit_aangemeld_daarna_de_wachtlijst(self):
        for i in range(3):
            response = self.meld_aan(self.symposium, **gegevens(f"deelnemer{i}@example.org"))
            self.assertEqual(response.status_code, 302)
        statussen = [self.aanmelding(f"deelnemer{i}@example.org").status for i in range(3)]
        self.assertEqual(
            statussen, [AanmeldStatus.AANGEMELD, AanmeldStatus.AANGEMELD, AanmeldStatus.WACHTLIJST]
        )
        self.assertEqual(len(mail.outbox), 3)
        for bericht in mail.outbox[:2]:
            self.assertEqual(bericht.from_email, settings.DEFAULT_FROM_EMAIL)
            self.assertIn("U bent aangemeld voor Symposium Sociaal Domein", bericht.subject)
            self.assertIn("U bent aangemeld voor Symposium Sociaal Domein.", tekstdeel(bericht))
            self.assertIn("<strong>Symposium Sociaal Domein</strong>", htmldeel(bericht))
            (kalender,) = agendabijlagen(bericht)
            (vevent,) = kalender.walk("VEVENT")
            self.assertEqual(str(vevent["SUMMARY"]), self.symposium.title)
            self.assertEqual(vevent.decoded("DTSTART"), self.symposium.start.replace(microsecond=0))
            self.assertEqual(
                str(vevent["UID"]), f"evenement-{self.symposium.pk}@werkplaatsensociaaldomein.nl"
            )
            afmeldpad(bericht)
        wachtlijst = mail.outbox[2]
        self.assertEqual(wachtlijst.to, ["deelnemer2@example.org"])
        self.assertIn("wachtlijst", wachtlijst.subject)
        self.assertIn("op plaats 1", tekstdeel(wachtlijst))
        self.assertEqual(agendabijlagen(wachtlijst), [])
        afmeldpad(wachtlijst)

        pagina = Client().get(self.symposium.url)
        self.assertContains(pagina, "Het evenement is vol.")
        self.assertContains(pagina, "Aanmelden voor de wachtlijst")

    def test_de_bevestigingspagina_toont_de_wachtlijstplaats(self):
        for i in range(2):
            self.meld_aan(self.symposium, **gegevens(f"vol{i}@example.org"))
        response = Client().post(
            reverse("agenda_aanmelden", args=[self.symposium.pk]),
            gegevens("wacht@example.org"),
            follow=True,
        )
        self.assertContains(response, "U staat op de wachtlijst")
        self.assertContains(response, "plaats 1 van de wachtlijst")
        self.assertNotIn("csrftoken", response.cookies)

    def test_dubbele_aanmelding_krijgt_een_duidelijke_melding(self):
        self.meld_aan(self.symposium, **gegevens("dubbel@example.org"))
        response = self.meld_aan(self.symposium, **gegevens("Dubbel@Example.org", naam="Ander"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, str(AL_AANGEMELD)[:40])
        self.assertContains(response, 'aria-describedby="id_email_helptext id_email_error"')
        self.assertContains(response, 'aria-invalid="true"')
        self.assertEqual(Aanmelding.objects.filter(evenement=self.symposium).count(), 1)
        self.assertEqual(len(mail.outbox), 1)

    def test_onvolledig_formulier_toont_fouten_bij_de_velden(self):
        response = self.meld_aan(self.symposium, naam="", email="geen-adres", organisatie="")
        self.assertEqual(response.status_code, 200)
        for tekst in ("Vul uw naam in.", "Vul een geldig e-mailadres in", "Vul de naam van uw"):
            self.assertContains(response, tekst, count=2)  # in the summary and at the field
        self.assertContains(response, 'href="#id_naam"')
        self.assertFalse(Aanmelding.objects.exists())

    def test_gesloten_aanmelding(self):
        gesloten = zet_aanmelden_aan(
            self.tree["zuyd_evenement"],
            capaciteit=10,
            aanmelden_tot=timezone.now() - datetime.timedelta(hours=1),
        )
        self.assertFalse(gesloten.aanmelding_open())
        pagina = Client().get(gesloten.url)
        self.assertContains(pagina, "Aanmelden is gesloten.")
        self.assertNotContains(pagina, 'id="aanmeldformulier"')
        response = self.meld_aan(gesloten, **gegevens("te-laat@example.org"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, GESLOTEN)
        self.assertFalse(Aanmelding.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_zonder_aanmelden_geen_formulier_en_geen_aanmelding(self):
        zonder = self.tree["zuyd_evenement"]
        self.assertNotContains(Client().get(zonder.url), 'id="aanmeldformulier"')
        response = self.meld_aan(zonder, **gegevens("x@example.org"))
        self.assertContains(response, GESLOTEN)
        self.assertFalse(Aanmelding.objects.exists())

    def test_niet_gepubliceerd_evenement_geeft_404(self):
        pagina = Page.objects.get(pk=self.cafe_noord.pk)
        pagina.unpublish()
        response = self.meld_aan(self.cafe_noord, **gegevens("x@example.org"))
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Aanmelding.objects.exists())


class AfmeldenTests(AanmeldTestCase):
    def vul(self):
        for i in range(3):
            self.meld_aan(self.symposium, **gegevens(f"deelnemer{i}@example.org"))

    def test_afmelden_schuift_de_wachtlijst_door_met_een_mail(self):
        self.vul()
        pad = afmeldpad(mail.outbox[0])
        client = Client(enforce_csrf_checks=True)
        vraag = client.get(pad)
        self.assertContains(vraag, "Ja, meld mij af")
        self.assertTrue(self.aanmelding("deelnemer0@example.org"))  # a GET changes nothing
        data = querydict_from_html(vraag.content.decode(), form_index=1, exclude_csrf=False)
        self.assertIn("csrfmiddlewaretoken", data)
        response = client.post(pad, data)
        self.assertContains(response, "U bent afgemeld")
        self.assertFalse(Aanmelding.objects.filter(email="deelnemer0@example.org").exists())
        self.assertEqual(self.aanmelding("deelnemer2@example.org").status, AanmeldStatus.AANGEMELD)

        bericht = mail.outbox[-1]
        self.assertEqual(len(mail.outbox), 4)
        self.assertEqual(bericht.to, ["deelnemer2@example.org"])
        self.assertIn("Er is een plaats vrij", bericht.subject)
        self.assertIn("bent nu aangemeld", tekstdeel(bericht))
        self.assertIn("bent nu aangemeld", htmldeel(bericht))
        (kalender,) = agendabijlagen(bericht)
        self.assertEqual(str(kalender.walk("VEVENT")[0]["SUMMARY"]), self.symposium.title)

        # The link has done its work.
        nogmaals = Client().get(pad)
        self.assertEqual(nogmaals.status_code, 404)
        self.assertContains(nogmaals, "werkt niet", status_code=404)

    def test_afmelden_van_de_wachtlijst_schuift_niemand_door(self):
        self.vul()
        Client().post(afmeldpad(mail.outbox[2]))
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(Aanmelding.objects.filter(status=AanmeldStatus.AANGEMELD).count(), 2)

    def test_vervalste_of_verkeerde_afmeldlink_werkt_niet(self):
        self.vul()
        eerste = self.aanmelding("deelnemer0@example.org")
        pad = afmeldpad(mail.outbox[0])
        token = pad.rstrip("/").rsplit("/", 1)[1]
        vervalst = [
            token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
            signing.dumps(str(eerste.sleutel)),  # signed, but not for cancelling
            signing.dumps(
                str(eerste.sleutel), salt=Aanmelding.AFMELD_SALT, key="een-andere-sleutel"
            ),
            "onzin",
        ]
        urls = [reverse("agenda_afmelden", args=[self.symposium.pk, t]) for t in vervalst]
        # A valid token on another event's address.
        urls.append(reverse("agenda_afmelden", args=[self.cafe_noord.pk, token]))
        for url in urls:
            for methode in ("get", "post"):
                response = getattr(Client(), methode)(url)
                self.assertEqual(response.status_code, 404, url)
                self.assertContains(response, "werkt niet", status_code=404)
        self.assertEqual(Aanmelding.objects.count(), 3)
        self.assertEqual(len(mail.outbox), 3)

    def test_het_token_van_de_een_meldt_de_ander_niet_af(self):
        self.vul()
        tweede = self.aanmelding("deelnemer1@example.org")
        Client().post(afmeldpad(mail.outbox[0]))
        self.assertTrue(Aanmelding.objects.filter(pk=tweede.pk).exists())
        self.assertNotIn(tweede.afmeldtoken(), afmeldpad(mail.outbox[0]))


class RedacteurTests(AanmeldTestCase):
    def test_aanmelden_aanzetten_in_het_beheer(self):
        evenement = self.tree["zuyd_evenement"]
        redacteur = self.tree["zuyd_redacteur"]
        client = Client()
        client.force_login(redacteur)
        url = reverse("wagtailadmin_pages:edit", args=[evenement.pk])
        self.assertContains(client.get(url), "Aanmelden op deze site")

        data = formulierdata(evenement, redacteur)
        data["aanmelden"] = "on"
        data["action-publish"] = "action-publish"
        response = client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Vul het aantal plaatsen in")
        self.assertFalse(EvenementPage.objects.get(pk=evenement.pk).aanmelden)

        data["capaciteit"] = "40"
        response = client.post(url, data)
        self.assertEqual(response.status_code, 302)
        live = EvenementPage.objects.get(pk=evenement.pk)
        self.assertTrue(live.aanmelden)
        self.assertTrue(live.aanmelding_open())
        self.assertContains(Client().get(live.url), "Er zijn nog 40 plaatsen vrij.")

    def test_sluiten_na_het_evenement_kan_niet_en_later_dan_het_begin_telt_niet(self):
        evenement = EvenementPage.objects.get(pk=self.symposium.pk)
        evenement.aanmelden_tot = (evenement.eind or evenement.start) + datetime.timedelta(days=1)
        with self.assertRaisesMessage(ValidationError, "tot na het evenement"):
            evenement.full_clean()
        evenement.aanmelden_tot = evenement.start + datetime.timedelta(minutes=30)
        evenement.full_clean()
        self.assertEqual(evenement.aanmelden_sluit(), evenement.start)
        with tijd_op(evenement.start + datetime.timedelta(minutes=10)):
            self.assertFalse(evenement.aanmelding_open())

    def test_meer_plaatsen_schuift_de_wachtlijst_door(self):
        for i in range(3):
            self.meld_aan(self.symposium, **gegevens(f"deelnemer{i}@example.org"))
        redacteur = self.tree["associatie_redacteur"]
        client = Client()
        client.force_login(redacteur)
        data = formulierdata(self.symposium, redacteur)
        data["aanmelden"] = "on"  # a checked checkbox without a value attribute posts "on"
        data["capaciteit"] = "3"
        data["action-publish"] = "action-publish"
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(
                reverse("wagtailadmin_pages:edit", args=[self.symposium.pk]), data
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.aanmelding("deelnemer2@example.org").status, AanmeldStatus.AANGEMELD)
        self.assertEqual(mail.outbox[-1].to, ["deelnemer2@example.org"])
        self.assertIn("Er is een plaats vrij", mail.outbox[-1].subject)


def verwachte_lezers(evenement):
    """Who should see an event's registrations: national staff, and for a regional event the
    editors' group of its Werkplaats (found in the tree, not on the event)."""
    gebruikers = get_user_model().objects
    lezers = set(gebruikers.filter(is_superuser=True))
    lezers |= set(gebruikers.filter(groups__name__in=[ASSOCIATIE_GROEP, BEHEER_GROEP]))
    pagina = Page.objects.get(pk=evenement.pk)
    for groep in Group.objects.all():
        werkplaatsen = [p for p in pagina.get_ancestors() if p.specific_class is WerkplaatsPage]
        if any(groep_van(w.specific) == groep for w in werkplaatsen):
            lezers |= set(groep.user_set.all())
    return lezers


class BeheerTests(AanmeldTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        atelier_evenement = EvenementPage(
            title="Bijeenkomst leeratelier",
            slug="bijeenkomst-atelier",
            soort="bijeenkomst",
            start=timezone.now() + datetime.timedelta(days=10),
            samenvatting="x",
            locatie="Groningen",
            aanmelden=True,
            capaciteit=10,
        )
        cls.tree["noord_atelier"].add_child(instance=atelier_evenement)
        atelier_evenement.save_revision().publish()
        cls.evenementen = [cls.symposium, cls.cafe_noord, atelier_evenement]

    def setUp(self):
        super().setUp()
        for evenement in self.evenementen:
            self.meld_aan(
                evenement,
                **gegevens(
                    f"{evenement.slug}@example.org",
                    naam='=HYPERLINK("https://example.org")',
                    opmerkingen="Glutenvrij",
                ),
            )

    def export(self, client, **filters):
        url = reverse(aanmeldingen.get_url_name("index"))
        response = client.get(url, {"export": "csv", **filters})
        if response.status_code != 200:
            return response.status_code, None
        inhoud = b"".join(response.streaming_content).decode()
        return 200, list(csv.DictReader(io.StringIO(inhoud)))

    def test_export_en_inzage_alleen_voor_de_juiste_rollen(self):
        gebruikers = get_user_model().objects.order_by("username")
        self.assertGreaterEqual(gebruikers.count(), 6)
        for gebruiker in gebruikers:
            client = Client()
            client.force_login(gebruiker)
            zichtbaar = {e.pk for e in self.evenementen if gebruiker in verwachte_lezers(e)}
            with self.subTest(gebruiker=gebruiker.username):
                status, rijen = self.export(client)
                if not zichtbaar:
                    self.assertIn(status, (200, 302, 403))
                    self.assertFalse(rijen)
                else:
                    self.assertEqual(status, 200)
                    self.assertEqual(
                        {rij["E-mailadres"] for rij in rijen},
                        {f"{e.slug}@example.org" for e in self.evenementen if e.pk in zichtbaar},
                    )
                for evenement in self.evenementen:
                    aanmelding = Aanmelding.objects.get(evenement=evenement)
                    inzage = client.get(
                        reverse(aanmeldingen.get_url_name("inspect"), args=[aanmelding.pk])
                    )
                    if evenement.pk in zichtbaar:
                        self.assertContains(inzage, "Glutenvrij")
                    else:
                        self.assertTrue(geweigerd(inzage), inzage)
                    bewerken = client.get(reverse("wagtailadmin_pages:edit", args=[evenement.pk]))
                    if bewerken.status_code == 200:
                        knop = (
                            reverse(aanmeldingen.get_url_name("index"))
                            + f"?evenement={evenement.pk}"
                        )
                        if evenement.pk in zichtbaar:
                            self.assertContains(bewerken, knop)
                        else:
                            self.assertNotContains(bewerken, knop)
                lijst = client.get(reverse(aanmeldingen.get_url_name("index")))
                for evenement in self.evenementen:
                    if evenement.pk in zichtbaar:
                        self.assertContains(lijst, evenement.title)
                    elif lijst.status_code == 200:
                        self.assertNotContains(lijst, evenement.title)

    def test_regionale_redacteur_ziet_geen_evenement_van_een_ander_in_het_filter(self):
        client = Client()
        client.force_login(self.tree["zuyd_redacteur"])
        status, rijen = self.export(client, evenement=self.cafe_noord.pk)
        self.assertEqual(rijen, [])
        client.force_login(self.tree["noord_redacteur"])
        status, rijen = self.export(client, evenement=self.cafe_noord.pk)
        self.assertEqual(
            [rij["E-mailadres"] for rij in rijen], [f"{self.cafe_noord.slug}@example.org"]
        )

    def test_export_maakt_van_ingevulde_tekst_geen_formule(self):
        client = Client()
        client.force_login(self.tree["associatie_redacteur"])
        status, rijen = self.export(client)
        self.assertEqual(status, 200)
        self.assertEqual({rij["Naam"] for rij in rijen}, {'\'=HYPERLINK("https://example.org")'})
        self.assertEqual({rij["Evenement"] for rij in rijen}, {e.title for e in self.evenementen})

    def test_niemand_voegt_toe_of_wijzigt_in_het_beheer(self):
        aanmelding = Aanmelding.objects.first()
        client = Client()
        client.force_login(self.tree["superuser"])
        self.assertTrue(geweigerd(client.get(reverse(aanmeldingen.get_url_name("add")))))
        bewerken = reverse(aanmeldingen.get_url_name("edit"), args=[aanmelding.pk])
        self.assertTrue(geweigerd(client.get(bewerken)))
        self.assertTrue(geweigerd(client.post(bewerken, {"naam": "Ander"})))
        self.assertEqual(Aanmelding.objects.get(pk=aanmelding.pk).naam, aanmelding.naam)


class BewaartermijnTests(AanmeldTestCase):
    def test_gegevens_verdwijnen_na_de_bewaartermijn(self):
        self.meld_aan(self.symposium, **gegevens("symposium@example.org"))
        self.meld_aan(self.cafe_noord, **gegevens("cafe@example.org"))
        einde = {e.pk: e.eind or e.start for e in (self.symposium, self.cafe_noord)}
        termijn = datetime.timedelta(days=settings.AANMELDINGEN_BEWAARDAGEN)
        vlak_voor = einde[self.cafe_noord.pk] + termijn - datetime.timedelta(minutes=1)
        with tijd_op(vlak_voor):
            call_command("verwijder_aanmeldingen", stdout=io.StringIO())
        self.assertEqual(Aanmelding.objects.count(), 2)

        vlak_na = einde[self.cafe_noord.pk] + termijn + datetime.timedelta(minutes=1)
        uitvoer = io.StringIO()
        with tijd_op(vlak_na):
            call_command("verwijder_aanmeldingen", stdout=uitvoer)
        self.assertIn("1 aanmelding(en) verwijderd", uitvoer.getvalue())
        self.assertEqual(
            list(Aanmelding.objects.values_list("email", flat=True)), ["symposium@example.org"]
        )

    def test_de_termijn_komt_uit_de_instellingen(self):
        self.meld_aan(self.cafe_noord, **gegevens("cafe@example.org"))
        na_drie_dagen = (self.cafe_noord.eind or self.cafe_noord.start) + datetime.timedelta(days=3)
        with tijd_op(na_drie_dagen), override_settings(AANMELDINGEN_BEWAARDAGEN=30):
            call_command("verwijder_aanmeldingen", stdout=io.StringIO())
        self.assertEqual(Aanmelding.objects.count(), 1)
        with tijd_op(na_drie_dagen), override_settings(AANMELDINGEN_BEWAARDAGEN=2):
            call_command("verwijder_aanmeldingen", stdout=io.StringIO())
        self.assertEqual(Aanmelding.objects.count(), 0)


def test_demo_komende_symposia_hebben_aanmelden_en_de_privacypagina_noemt_de_termijn():
    from portal.demo.evenementen import EVENEMENTEN
    from portal.demo.paginas import INFORMATIEPAGINAS

    komend = [e for e in EVENEMENTEN if e["soort"] == "symposium" and e["start"] > timezone.now()]
    for evenement in komend:
        aanmelden = evenement.get("aanmelden")
        assert aanmelden, evenement["slug"]
        assert aanmelden["capaciteit"] > 0
        assert aanmelden["tot"] < evenement["start"]
    (privacy,) = [p for p in INFORMATIEPAGINAS if p[0] == "privacy"]
    tekst = " ".join(html for _soort, html in privacy[3])
    assert f"{settings.AANMELDINGEN_BEWAARDAGEN} dagen na het evenement" in tekst


@unittest.skipUnless(connection.vendor == "postgresql", "row locks need PostgreSQL")
class GelijktijdigTests(TransactionTestCase):
    """Visitors who submit at the same moment, each in their own connection and transaction."""

    def tegelijk(self, evenement, emails):
        start = threading.Barrier(len(emails))
        uitkomsten = []

        def aanmelden(email):
            try:
                start.wait()
                uitkomsten.append(meld_aan(evenement, "Naam", email, "Organisatie").status)
            except AanmeldingGeweigerd as weigering:
                uitkomsten.append(weigering.veld)
            finally:
                connections.close_all()

        draden = [threading.Thread(target=aanmelden, args=[email]) for email in emails]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
        return sorted(uitkomsten)

    def evenement(self):
        tree = build_tree()
        pagina = add_event(
            tree["agenda"], "Klein", timezone.now() + datetime.timedelta(days=5), slug="klein"
        )
        return zet_aanmelden_aan(pagina, capaciteit=1)

    def test_een_laatste_plaats_gaat_naar_een_van_hen(self):
        evenement = self.evenement()
        uitkomsten = self.tegelijk(evenement, [f"p{i}@example.org" for i in range(4)])
        self.assertEqual(uitkomsten, ["aangemeld"] + ["wachtlijst"] * 3)
        self.assertEqual(evenement.plaatsen_bezet(), 1)

    def test_hetzelfde_adres_tegelijk_telt_een_keer(self):
        evenement = self.evenement()
        uitkomsten = self.tegelijk(evenement, ["zelfde@example.org", "ZELFDE@example.org"])
        self.assertEqual(uitkomsten, ["aangemeld", "email"])
        self.assertEqual(Aanmelding.objects.count(), 1)
