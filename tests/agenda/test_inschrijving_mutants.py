"""Registration rules at their edges: the retention period to the minute, events with and
without an end, the order of the waiting list, and a double submission that passes the
check at the same moment as another."""

import datetime
import io
from unittest import mock

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from agenda.inschrijving import (
    AL_AANGEMELD,
    GESLOTEN,
    AanmeldingGeweigerd,
    meld_aan,
    meld_af,
    verwijder_verlopen,
    vul_plaatsen,
)
from agenda.models import Aanmelding, AanmeldStatus, EvenementPage
from tests.agenda.test_aanmelden import (
    AanmeldTestCase,
    afmeldpad,
    gegevens,
    zet_aanmelden_aan,
)
from tests.support.role_tree import tijd_op


class BewaartermijnGrensTests(AanmeldTestCase):
    def ruim_op(self, moment):
        uitvoer = io.StringIO()
        with tijd_op(moment):
            call_command("verwijder_aanmeldingen", stdout=uitvoer)
        return set(Aanmelding.objects.values_list("email", flat=True))

    def test_een_evenement_zonder_einde_telt_vanaf_het_begin_tot_op_de_minuut(self):
        evenement = zet_aanmelden_aan(self.tree["noord_evenement"], capaciteit=5, eind=None)
        self.meld_aan(evenement, **gegevens("zonder-eind@example.org"))
        grens = evenement.start + datetime.timedelta(days=settings.AANMELDINGEN_BEWAARDAGEN)
        self.assertEqual(self.ruim_op(grens), {"zonder-eind@example.org"})
        self.assertEqual(self.ruim_op(grens + datetime.timedelta(seconds=1)), set())

    def test_een_meerdaags_evenement_telt_vanaf_het_einde(self):
        start = timezone.now() + datetime.timedelta(days=1)
        eind = start + datetime.timedelta(days=settings.AANMELDINGEN_BEWAARDAGEN + 20)
        evenement = zet_aanmelden_aan(self.tree["noord_evenement"], capaciteit=5, start=start)
        EvenementPage.objects.filter(pk=evenement.pk).update(eind=eind)
        self.meld_aan(evenement, **gegevens("lang@example.org"))
        termijn = datetime.timedelta(days=settings.AANMELDINGEN_BEWAARDAGEN)
        # Long after the start, but the event has not ended longer ago than the period.
        self.assertEqual(
            self.ruim_op(start + termijn + datetime.timedelta(days=5)), {"lang@example.org"}
        )
        self.assertEqual(self.ruim_op(eind + termijn), {"lang@example.org"})
        self.assertEqual(self.ruim_op(eind + termijn + datetime.timedelta(seconds=1)), set())


class WachtlijstTests(AanmeldTestCase):
    def test_wie_het_eerst_op_de_wachtlijst_kwam_schuift_als_eerste_door(self):
        for i in range(4):
            self.meld_aan(self.symposium, **gegevens(f"deelnemer{i}@example.org"))
        moment = timezone.now() + datetime.timedelta(hours=1)
        with tijd_op(moment):
            Client().post(afmeldpad(mail.outbox[0]))
        status = dict(Aanmelding.objects.values_list("email", "status"))
        self.assertEqual(status["deelnemer2@example.org"], AanmeldStatus.AANGEMELD)
        self.assertEqual(status["deelnemer3@example.org"], AanmeldStatus.WACHTLIJST)
        doorgeschoven = Aanmelding.objects.get(email="deelnemer2@example.org")
        self.assertEqual(doorgeschoven.doorgeschoven_op, moment)
        self.assertIsNone(Aanmelding.objects.get(email="deelnemer3@example.org").doorgeschoven_op)
        self.assertEqual([m.to for m in mail.outbox[4:]], [["deelnemer2@example.org"]])

    def test_een_dubbele_inzending_die_langs_de_controle_glipt(self):
        """The other submission is stored between this one's check and its insert."""
        echt = EvenementPage.plaatsen_vrij

        def intussen_aangemeld(evenement):
            Aanmelding.objects.create(
                evenement=evenement,
                naam="Eerste inzending",
                email="tegelijk@example.org",
                organisatie="x",
                aangemeld_op=timezone.now(),
            )
            return echt(evenement)

        with mock.patch.object(EvenementPage, "plaatsen_vrij", intussen_aangemeld):
            response = self.meld_aan(self.symposium, **gegevens("Tegelijk@example.org"))
        self.assertContains(response, str(AL_AANGEMELD)[:40])
        self.assertContains(response, 'aria-describedby="id_email_helptext id_email_error"')
        self.assertEqual(Aanmelding.objects.filter(evenement=self.symposium).count(), 1)
        self.assertEqual(mail.outbox, [])


class MomentTests(AanmeldTestCase):
    """The functions take the moment of the change, for callers that have it (a command, an
    import): the waiting list and the retention period use that moment, not the clock."""

    def vol(self):
        for i in range(3):
            self.meld_aan(self.symposium, **gegevens(f"deelnemer{i}@example.org"))

    def test_meld_af_schuift_door_op_het_gegeven_moment(self):
        self.vol()
        moment = timezone.now() - datetime.timedelta(days=2)
        (doorgeschoven,) = meld_af(self.aanmelding("deelnemer0@example.org"), moment=moment)
        self.assertEqual(doorgeschoven.email, "deelnemer2@example.org")
        self.assertEqual(self.aanmelding("deelnemer2@example.org").doorgeschoven_op, moment)

    def test_vul_plaatsen_schuift_door_op_het_gegeven_moment(self):
        self.vol()
        EvenementPage.objects.filter(pk=self.symposium.pk).update(capaciteit=3)
        moment = timezone.now() - datetime.timedelta(hours=5)
        (doorgeschoven,) = vul_plaatsen(EvenementPage.objects.get(pk=self.symposium.pk), moment)
        self.assertEqual(doorgeschoven.email, "deelnemer2@example.org")
        self.assertEqual(self.aanmelding("deelnemer2@example.org").doorgeschoven_op, moment)

    def test_verwijder_verlopen_rekent_vanaf_het_gegeven_moment(self):
        self.meld_aan(self.symposium, **gegevens("later@example.org"))
        einde = self.symposium.eind or self.symposium.start
        termijn = datetime.timedelta(days=settings.AANMELDINGEN_BEWAARDAGEN)
        self.assertEqual(verwijder_verlopen(einde + termijn), 0)
        self.assertEqual(verwijder_verlopen(einde + termijn + datetime.timedelta(minutes=1)), 1)
        self.assertFalse(Aanmelding.objects.exists())

    def test_meld_aan_zonder_opmerkingen_op_het_gegeven_moment(self):
        moment = timezone.now() - datetime.timedelta(hours=3)
        aanmelding = meld_aan(self.symposium, "Piet", "piet@example.org", "Gemeente", moment=moment)
        aanmelding.refresh_from_db()
        self.assertEqual((aanmelding.opmerkingen, aanmelding.aangemeld_op), ("", moment))
        self.assertEqual(aanmelding.status, AanmeldStatus.AANGEMELD)

    def test_meld_aan_toetst_het_gegeven_moment_aan_de_sluiting(self):
        na_de_start = self.symposium.start + datetime.timedelta(hours=1)
        with self.assertRaisesMessage(AanmeldingGeweigerd, str(GESLOTEN)):
            meld_aan(self.symposium, "Piet", "piet@example.org", "Gemeente", moment=na_de_start)
        self.assertFalse(Aanmelding.objects.exists())

    def test_alle_velden_van_het_formulier_komen_in_de_aanmelding(self):
        velden = gegevens(
            "ingevuld@example.org", naam="Ida", organisatie="Wijkteam Oost", opmerkingen="Doventolk"
        )
        self.meld_aan(self.symposium, **velden)
        aanmelding = self.aanmelding("ingevuld@example.org")
        self.assertEqual(
            (aanmelding.naam, aanmelding.organisatie, aanmelding.opmerkingen),
            ("Ida", "Wijkteam Oost", "Doventolk"),
        )

    def test_de_wachtlijst_volgt_het_moment_van_aanmelden_niet_de_volgorde_van_invoer(self):
        """A registration stored later with an earlier moment (an import) goes first."""
        for i in range(2):
            self.meld_aan(self.symposium, **gegevens(f"deelnemer{i}@example.org"))
        nu = timezone.now()
        meld_aan(self.symposium, "Laat", "laat@example.org", "Gemeente", moment=nu)
        vroeg = nu - datetime.timedelta(hours=1)
        meld_aan(self.symposium, "Vroeg", "vroeg@example.org", "Gemeente", moment=vroeg)
        (doorgeschoven,) = meld_af(self.aanmelding("deelnemer0@example.org"))
        self.assertEqual(doorgeschoven.email, "vroeg@example.org")
        self.assertEqual(self.aanmelding("laat@example.org").status, AanmeldStatus.WACHTLIJST)
