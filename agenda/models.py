import uuid

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from agenda.blocks import ProgrammaBlock
from agenda.filters import Agendafilter
from portal.basis.blocks import RICHTEXT_FEATURES
from portal.basis.contributions import ContributedContextMixin
from portal.basis.openbaar import BewaardeBeperkingen, openbaar
from portal.basis.redactie import bron_panel, bronnotitie_veld, voorbeeld_veld
from portal.basis.structured_data import term
from werkplaatsen.models import RegionaalOnderdeel

EERDERE_OP_PAGINA = 30


class EvenementSoort(models.TextChoices):
    SYMPOSIUM = "symposium", _("Symposium")
    KENNISCAFE = "kenniscafe", _("Kenniscafé")
    WEBINAR = "webinar", _("Webinar")
    LEERKRING = "leerkring", _("Leerkring")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")


# (at a location, online): schema.org's eventAttendanceMode. An event has one or both.
DEELNAMEVORMEN = {
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (True, True): "https://schema.org/MixedEventAttendanceMode",
}


def nog_niet_afgelopen(moment):
    """Timed events until their end (or start); whole-day events until their last day is over."""
    vandaag = timezone.localtime(moment).replace(hour=0, minute=0, second=0, microsecond=0)
    getimed = models.Q(eind__gte=moment) | models.Q(eind__isnull=True, start__gte=moment)
    hele_dag = models.Q(eind__gte=vandaag) | models.Q(eind__isnull=True, start__gte=vandaag)
    return models.Q(hele_dag=False) & getimed | models.Q(hele_dag=True) & hele_dag


class EvenementQuerySet(PageQuerySet):
    def overzicht(self):
        return openbaar(self).select_related("werkplaats").defer_streamfields()

    def komend(self, moment=None):
        """Events that have not ended yet, soonest first."""
        moment = moment or timezone.now()
        return self.overzicht().filter(nog_niet_afgelopen(moment)).order_by("start")

    def geweest(self, moment=None):
        moment = moment or timezone.now()
        return self.overzicht().exclude(nog_niet_afgelopen(moment)).order_by("-start")


class AgendaIndexPage(BewaardeBeperkingen, Page):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven de lijst met komende evenementen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["agenda.EvenementPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        agendafilter = Agendafilter(request.GET, EvenementSoort.choices)
        context["filter"] = agendafilter
        context["komende_evenementen"] = agendafilter.toepassen(EvenementPage.objects.komend(now))
        context["eerdere_evenementen"] = agendafilter.toepassen(EvenementPage.objects.geweest(now))[
            :EERDERE_OP_PAGINA
        ]
        return context


class EvenementPage(BewaardeBeperkingen, ContributedContextMixin, RegionaalOnderdeel, Page):
    """An event: national ones live under /agenda/, regional ones under their Werkplaats."""

    soort = models.CharField(
        _("soort"),
        max_length=20,
        choices=EvenementSoort.choices,
        help_text=_("Kies 'Symposium' voor het landelijke symposium van de Associatie."),
    )
    start = models.DateTimeField(_("begin"), help_text=_("Datum en tijd waarop het begint."))
    hele_dag = models.BooleanField(
        _("hele dag"),
        default=False,
        help_text=_(
            "Vink aan als alleen de datum bekend of van belang is: dan tonen en exporteren we "
            "het evenement als een dag (of dagen, tot en met de datum van het einde) zonder tijd."
        ),
    )
    eind = models.DateTimeField(
        _("einde"),
        null=True,
        blank=True,
        help_text=_(
            "Datum en tijd waarop het afloopt; tot dan staat het bij de komende evenementen."
        ),
    )
    samenvatting = models.TextField(_("samenvatting"), help_text=_("Waar gaat het over, voor wie?"))
    beschrijving = RichTextField(
        _("beschrijving"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Uitgebreide beschrijving: opzet, doelgroep, wat deelnemers meenemen."),
    )
    locatie = models.CharField(
        _("locatie"), max_length=250, blank=True, help_text=_("Naam en plaats van de locatie.")
    )
    online = models.BooleanField(
        _("online"), default=False, help_text=_("Vink aan als (ook) online.")
    )
    registratie_url = models.URLField(
        _("aanmelden via"),
        blank=True,
        help_text=_("Het adres van het aanmeldformulier, met https://."),
    )
    programma = StreamField(
        ProgrammaBlock(),
        verbose_name=_("programma"),
        blank=True,
        help_text=_("Onderdelen met tijd, titel, sprekers en zaal, in volgorde van het programma."),
    )
    themas = ParentalManyToManyField(
        "themas.LandelijkThemaPage",
        verbose_name=_("landelijke thema's"),
        blank=True,
        related_name="evenementen",
        help_text=_("De landelijke thema's waar het evenement over gaat."),
    )
    aanmelden = models.BooleanField(
        _("aanmelden op deze site"),
        default=False,
        help_text=_(
            "Vink aan om bezoekers zich op de pagina van het evenement te laten aanmelden. "
            "Wie zich aanmeldt als het vol is, komt op de wachtlijst. Een adres bij "
            "'aanmelden via' tonen we dan niet."
        ),
    )
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_(
            "Hoeveel deelnemers er kunnen komen; daarna komen aanmeldingen op de wachtlijst."
        ),
    )
    aanmelden_tot = models.DateTimeField(
        _("aanmelden kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg, of later dan het begin: aanmelden kan tot het evenement begint."),
    )
    is_voorbeeld = voorbeeld_veld(
        _(
            "Een verzonnen evenement, bijvoorbeeld om de agenda te demonstreren: de site toont "
            "het dan met het label 'Voorbeeld'."
        )
    )
    herkomst_notitie = bronnotitie_veld()

    objects = PageManager.from_queryset(EvenementQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("soort"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("eind")]),
        FieldPanel("hele_dag"),
        FieldPanel("samenvatting"),
        FieldPanel("beschrijving"),
        MultiFieldPanel(
            [FieldPanel("locatie"), FieldPanel("online"), FieldPanel("registratie_url")],
            heading=_("Waar en aanmelden"),
        ),
        FieldPanel("programma"),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_voorbeeld"),
        bron_panel(),
    ]
    aanmelding_panels = [
        MultiFieldPanel(
            [FieldPanel("aanmelden"), FieldPanel("capaciteit"), FieldPanel("aanmelden_tot")],
            heading=_("Aanmelden op deze site"),
            help_text=_(
                "Aanmeldingen staan in het beheer onder Aanmeldingen. De gegevens worden "
                "verwijderd als het evenement een tijd voorbij is."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(aanmelding_panels, heading=_("Aanmelden")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("beschrijving"),
        index.SearchField("locatie"),
        index.FilterField("start"),
    ]
    parent_page_types = [
        "agenda.AgendaIndexPage",
        "werkplaatsen.WerkplaatsPage",
        "werkplaatsen.LeeratelierPage",
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")
        indexes = [models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        if not self.locatie and not self.online:
            raise ValidationError(
                {"locatie": _("Vul een locatie in of geef aan dat het evenement online is.")}
            )
        if self.eind and self.start and self.eind < self.start:
            raise ValidationError({"eind": _("Het einde kan niet voor het begin liggen.")})
        self.clean_aanmelden()

    def clean_aanmelden(self):
        if not self.aanmelden:
            return
        if not self.capaciteit:
            raise ValidationError(
                {"capaciteit": _("Vul het aantal plaatsen in als aanmelden aanstaat.")}
            )
        laatste_dag = timezone.localdate(self.eind or self.start) if self.start else None
        if (
            self.aanmelden_tot
            and laatste_dag
            and timezone.localdate(self.aanmelden_tot) > laatste_dag
        ):
            raise ValidationError(
                {"aanmelden_tot": _("Aanmelden kan niet openblijven tot na het evenement.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themas"] = openbaar(self.themas.all())
        return context

    def schema_datum(self, moment):
        """A whole-day event by its dates, a timed one by its moment with the UTC offset."""
        lokaal = timezone.localtime(moment)
        return lokaal.date().isoformat() if self.hele_dag else lokaal.isoformat()

    def plaats(self):
        """The location as a Place; "name, street, town" gives its address parts."""
        delen = [deel.strip() for deel in self.locatie.split(",") if deel.strip()]
        adres = {"@type": "PostalAddress", "addressCountry": "NL"}
        if len(delen) > 1:
            adres["addressLocality"] = delen[-1]
        if len(delen) > 2:
            adres["streetAddress"] = ", ".join(delen[1:-1])
        return {"@type": "Place", "name": delen[0] if delen else self.locatie, "address": adres}

    def structured_data(self, omgeving):
        url = omgeving.url(self)
        locaties = [self.plaats()] if self.locatie else []
        if self.online:
            locaties.append({"@type": "VirtualLocation", "url": url})
        data = {
            "@type": "Event",
            "name": self.title,
            "description": self.samenvatting,
            "url": url,
            "inLanguage": "nl",
            "startDate": self.schema_datum(self.start),
            "endDate": self.schema_datum(self.eind or self.start),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": DEELNAMEVORMEN[(bool(self.locatie), self.online)],
            "location": locaties[0] if len(locaties) == 1 else locaties,
            "organizer": self.herkomst_organisatie(omgeving),
            "about": [
                term(thema, omgeving, thema.korte_beschrijving)
                for thema in omgeving.uit_context("themas", lambda: openbaar(self.themas.all()))
            ],
        }
        if aanmelden := getattr(self, "registratie_url", ""):
            data["offers"] = {"@type": "Offer", "url": aanmelden}
        return data

    @property
    def is_geweest(self):
        return (self.eind or self.start) < timezone.now()

    def aanmelden_sluit(self):
        """The moment registration closes: the closing date, at the latest the start."""
        return min(self.aanmelden_tot or self.start, self.start)

    def aanmelding_open(self, moment=None):
        """Whether a visitor can register on this site now (when full: on the waiting list)."""
        moment = moment or timezone.now()
        return bool(self.aanmelden and self.capaciteit) and moment < self.aanmelden_sluit()

    def plaatsen_bezet(self):
        return self.aanmeldingen.filter(status=AanmeldStatus.AANGEMELD).count()

    def plaatsen_vrij(self):
        return max((self.capaciteit or 0) - self.plaatsen_bezet(), 0)


class AanmeldStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld")
    WACHTLIJST = "wachtlijst", _("op de wachtlijst")


class Aanmelding(models.Model):
    """A visitor's registration for an event; deleted some time after the event (privacy)."""

    AFMELD_SALT = "agenda.aanmelding.afmelden"

    evenement = models.ForeignKey(
        EvenementPage,
        verbose_name=_("evenement"),
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
    )
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    organisatie = models.CharField(_("organisatie"), max_length=200)
    opmerkingen = models.TextField(_("opmerkingen"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AanmeldStatus.choices, default=AanmeldStatus.AANGEMELD
    )
    aangemeld_op = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    doorgeschoven_op = models.DateTimeField(_("van de wachtlijst op"), null=True, blank=True)
    # Random, so that a cancel link names exactly one registration (never a reused pk).
    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["aangemeld_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                "evenement", Lower("email"), name="agenda_aanmelding_een_per_adres"
            )
        ]
        permissions = [("view_alle_aanmeldingen", _("Aanmeldingen van alle evenementen bekijken"))]

    def __str__(self):
        return f"{self.naam} ({self.evenement.title})"

    def afmeldtoken(self):
        return signing.dumps(str(self.sleutel), salt=self.AFMELD_SALT)

    @classmethod
    def bij_afmeldtoken(cls, token, evenement):
        """The registration a cancel token names for ``evenement``; None if forged or gone."""
        try:
            sleutel = uuid.UUID(signing.loads(token, salt=cls.AFMELD_SALT))
        except (signing.BadSignature, ValueError, TypeError):
            return None
        return cls.objects.filter(sleutel=sleutel, evenement=evenement).first()

    def plaats_op_wachtlijst(self):
        if self.status != AanmeldStatus.WACHTLIJST:
            return None
        eerder = models.Q(aangemeld_op__lt=self.aangemeld_op) | models.Q(
            aangemeld_op=self.aangemeld_op, pk__lt=self.pk
        )
        wachtend = Aanmelding.objects.filter(
            evenement_id=self.evenement_id, status=AanmeldStatus.WACHTLIJST
        )
        return wachtend.filter(eerder).count() + 1
