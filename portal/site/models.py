from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kennisbank.models import ProductPage
from portal.basis.blocks import InhoudBlock
from portal.basis.openbaar import BewaardeBeperkingen, openbaar
from portal.basis.site_url import volledige_url
from portal.site import aankondigingen as aankondigingsregels
from portal.site.paginarechten import HomePagePermissionTester
from portal.site.toegankelijkheid import (
    STATUSUITLEG,
    SUCCESCRITERIA,
    AfwijkingBlock,
    EvaluatieBlock,
    EvaluatieSoort,
    Nalevingsstatus,
)
from werkplaatsen.models import WerkplaatsPage


class HomePage(BewaardeBeperkingen, Page):
    lead = models.TextField(
        _("lead"),
        help_text=_("Korte introductie bovenaan de homepage: wat de Associatie is en doet."),
    )
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Toelichting onder de lead, bijvoorbeeld over de werkwijze."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("intro"),
        InlinePanel(
            "aankondigingen",
            label=_("Aankondigingen"),
            help_text=_(
                "Evenementen die bovenaan de homepage worden aangekondigd, zoals het "
                "symposium. Een aankondiging staat er vanaf de gekozen dag tot het evenement "
                "voorbij is; daarna toont de homepage vanzelf het eerstvolgende evenement."
            ),
        ),
        InlinePanel(
            "uitgelichte_producten",
            label=_("Uitgelichte producten"),
            help_text=_(
                "Kies producten uit alle regio's, in de volgorde waarin ze getoond worden. De "
                "kiezer toont alleen de Werkplaatsen, leerateliers en de Associatie met producten."
            ),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "werkplaatsen.WerkplaatsIndexPage",
        "werkplaatsen.AssociatiePage",
        "kennisbank.KennisbankPage",
        "themas.ThemaIndexPage",
        "werkplaatsen.ThemagroepIndexPage",
        "agenda.AgendaIndexPage",
        "volgen.NieuwsbriefIndexPage",
        "portal.InformatiePagina",
        "portal.ToegankelijkheidsverklaringPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("homepage")
        permissions = [("publish_homepage", _("Kan de homepage publiceren"))]

    def permissions_for_user(self, user):
        """Rights on the home page itself come from model permissions and do not flow down.

        Wagtail's page permissions always include every descendant; the Associatie edits the
        home page without thereby getting rights on the regional subtrees (see
        portal/site/paginarechten.py).
        """
        return HomePagePermissionTester(user, self)

    def actuele_aankondigingen(self, moment=None):
        """Announced events to show at ``moment`` (see portal/site/aankondigingen.py)."""
        return aankondigingsregels.actuele_aankondigingen(self.aankondigingen.all(), moment)

    def volgend_evenement(self, moment=None, aankondigingen=None):
        """The current announcement, or else the next upcoming event."""
        if aankondigingen is None:
            aankondigingen = self.actuele_aankondigingen(moment)
        return aankondigingsregels.volgend_evenement(aankondigingen, moment)

    def structured_data(self, omgeving):
        """The site as a WebSite, with its search as a SearchAction."""
        zoeken = volledige_url(reverse("zoeken"))
        return {
            "@type": "WebSite",
            "name": str(_("Werkplaatsen Sociaal Domein")),
            "description": self.lead,
            "url": omgeving.url(self),
            "inLanguage": "nl",
            "publisher": omgeving.associatie,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{zoeken}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["werkplaatsen"] = openbaar(WerkplaatsPage.objects.all()).order_by("title")
        # The editors' order, public products only; also from the unsaved rows of a preview.
        gekozen = [item.product_id for item in self.uitgelichte_producten.all()]
        openbaar_gekozen = ProductPage.objects.overzicht().in_bulk(gekozen)
        uitgelicht = [openbaar_gekozen[pk] for pk in gekozen if pk in openbaar_gekozen]
        context["uitgelichte_producten"] = uitgelicht
        context["recente_producten"] = ProductPage.objects.overzicht().exclude(
            pk__in=[p.pk for p in uitgelicht]
        )[:6]
        now = timezone.now()
        aankondigingen = self.actuele_aankondigingen(now)
        context["aankondigingen"] = aankondigingen
        context["aankondiging"] = aankondigingen[0] if aankondigingen else None
        context["volgend_evenement"] = self.volgend_evenement(now, aankondigingen)
        return context


class HomeAankondiging(Orderable):
    """An event announced on the home page from a chosen day until the event has ended."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="aankondigingen")
    evenement = models.ForeignKey(
        "agenda.EvenementPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("evenement"),
        help_text=_(
            "Het aangekondigde evenement, meestal het symposium; datum, plaats, programma en "
            "aanmeldlink komen van de evenementpagina."
        ),
    )
    aankondigen_vanaf = models.DateField(
        _("aankondigen vanaf"),
        help_text=_(
            "Vanaf deze dag staat de aankondiging op de homepage. Na afloop van het evenement "
            "verdwijnt zij vanzelf."
        ),
    )

    panels = [FieldPanel("evenement"), FieldPanel("aankondigen_vanaf")]

    class Meta(Orderable.Meta):
        verbose_name = _("aankondiging")
        verbose_name_plural = _("aankondigingen")

    def clean(self):
        super().clean()
        evenement = self.evenement if self.evenement_id else None
        aankondigingsregels.controleer_begin(evenement, self.aankondigen_vanaf)


class HomeUitgelichtProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="uitgelichte_producten")
    product = models.ForeignKey(
        "kennisbank.ProductPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("product"),
        help_text=_("Een product uit de kennisbank, van een Werkplaats of van de Associatie."),
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitgelicht product")
        verbose_name_plural = _("uitgelichte producten")


class InformatiePagina(BewaardeBeperkingen, Page):
    """A plain content page: over ons, contact, privacy, toegankelijkheid."""

    intro = models.TextField(_("introductie"), blank=True, help_text=_("Korte samenvatting."))
    body = StreamField(
        InhoudBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("De tekst van de pagina, met koppen, afbeeldingen en links."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = [
        "portal.HomePage",
        "portal.InformatiePagina",
        "werkplaatsen.AssociatiePage",
    ]
    subpage_types = ["portal.InformatiePagina"]

    class Meta:
        verbose_name = _("informatiepagina")
        verbose_name_plural = _("informatiepagina's")


class ToegankelijkheidsverklaringPage(BewaardeBeperkingen, Page):
    """The accessibility statement by the national model of digitoegankelijk.nl."""

    intro = models.TextField(
        _("introductie"), help_text=_("Eén alinea: waarom de site toegankelijk wil zijn.")
    )
    status = models.CharField(
        _("nalevingsstatus"),
        max_length=1,
        choices=Nalevingsstatus.choices,
        help_text=_(
            "Alleen A of B na een volledig onderzoek volgens WCAG-EM van alle 50 eisen, niet "
            "ouder dan drie jaar; C als dat onderzoek binnen zes maanden gepland is."
        ),
    )
    datum_verklaring = models.DateField(
        _("datum van de verklaring"), help_text=_("Wanneer de verklaring is vastgesteld.")
    )
    reikwijdte = models.TextField(
        _("reikwijdte"), help_text=_("Op welke site, domeinen en onderdelen de verklaring gaat.")
    )
    onderzoeksmethode = models.TextField(
        _("onderzoeksmethode"),
        help_text=_("Hoe is onderzocht: WCAG-EM, welke steekproef, welke eisen (WCAG 2.1 AA)."),
    )
    onderzoek_gepland = models.DateField(
        _("volledig onderzoek gepland op"),
        null=True,
        blank=True,
        help_text=_("Voor status C: de datum van het geplande onafhankelijke onderzoek."),
    )
    evaluaties = StreamField(
        [("onderzoek", EvaluatieBlock())],
        verbose_name=_("uitgevoerd onderzoek"),
        blank=True,
        help_text=_("De automatische tests en handmatige controles, elk met datum en resultaat."),
    )
    afwijkingen = StreamField(
        [("afwijking", AfwijkingBlock())],
        verbose_name=_("bekende afwijkingen"),
        blank=True,
        help_text=_("Elke bekende afwijking met succescriterium, oorzaak, gevolg en maatregel."),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor meldingen"),
        help_text=_("Waar bezoekers een toegankelijkheidsprobleem melden."),
    )
    reactietermijn = models.PositiveSmallIntegerField(
        _("reactietermijn in werkdagen"),
        default=5,
        help_text=_("Binnen hoeveel werkdagen de melder een ontvangstbevestiging krijgt."),
    )
    klachtenroute = RichTextField(
        _("klachtenroute"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Wat iemand doet die niet tevreden is met de afhandeling; de pagina noemt daarna "
            "altijd de Nationale ombudsman."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("datum_verklaring"),
                FieldPanel("reikwijdte"),
                FieldPanel("onderzoeksmethode"),
                FieldPanel("onderzoek_gepland"),
            ],
            heading=_("Verklaring"),
        ),
        FieldPanel("evaluaties"),
        FieldPanel("afwijkingen"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("reactietermijn"),
                FieldPanel("klachtenroute"),
            ],
            heading=_("Melden en klagen"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("toegankelijkheidsverklaring")
        verbose_name_plural = _("toegankelijkheidsverklaringen")

    def clean(self):
        super().clean()
        if self.status == Nalevingsstatus.C and not self.onderzoek_gepland:
            raise ValidationError(
                {
                    "onderzoek_gepland": _(
                        "Status C vraagt om een gepland onderzoek: vul de datum in."
                    )
                }
            )

    @property
    def statusuitleg(self):
        return STATUSUITLEG.get(self.status, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        per_soort = {soort: [] for soort in EvaluatieSoort}
        for blok in self.evaluaties:
            per_soort[blok.value["soort"]].append(blok.value)
        context["automatisch"] = per_soort[EvaluatieSoort.AUTOMATISCH]
        context["handmatig"] = per_soort[EvaluatieSoort.HANDMATIG]
        criteria = dict(SUCCESCRITERIA)
        context["afwijkingen"] = [
            {**blok.value, "criterium": criteria.get(blok.value["succescriterium"], "")}
            for blok in self.afwijkingen
        ]
        return context


def voettekstpagina(naam, link):
    """A page chosen in the site settings that the footer links to as ``link``."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=naam,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=format_lazy(_("De pagina waar ‘{}’ onderaan elke pagina naartoe linkt."), link),
    )


@register_setting(icon="site")
class SiteInstellingen(BaseSiteSetting):
    organisatie = models.CharField(
        _("organisatie"),
        max_length=200,
        default="Associatie Werkplaatsen Sociaal Domein",
        help_text=_("Naam in de voettekst en in metadata."),
    )
    voettekst = models.TextField(
        _("voettekst"), blank=True, help_text=_("Korte tekst onderaan elke pagina.")
    )
    contact_email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("Algemeen e-mailadres in de voettekst.")
    )
    telefoon = models.CharField(
        _("telefoon"), max_length=40, blank=True, help_text=_("Telefoonnummer in de voettekst.")
    )
    adres = models.TextField(
        _("adres"), blank=True, help_text=_("Postadres van de Associatie, over meerdere regels.")
    )
    nieuwsbrief_url = models.URLField(
        _("nieuwsbrief"), blank=True, help_text=_("Pagina waar bezoekers zich aanmelden.")
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("Adres van de LinkedIn-pagina van de Associatie.")
    )
    contactpagina = voettekstpagina(_("contactpagina"), _("Contact"))
    privacypagina = voettekstpagina(_("privacyverklaring"), _("Privacy"))
    toegankelijkheidspagina = voettekstpagina(
        _("toegankelijkheidsverklaring"), _("Toegankelijkheid")
    )

    # The footer links these pages on every page: load them with the settings, in one query.
    select_related = ["contactpagina", "privacypagina", "toegankelijkheidspagina"]

    panels = [
        FieldPanel("organisatie"),
        FieldPanel("voettekst"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("telefoon"), FieldPanel("adres")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("nieuwsbrief_url"), FieldPanel("linkedin_url")],
            heading=_("Nieuwsbrief en sociale media"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contactpagina"),
                FieldPanel("privacypagina"),
                FieldPanel("toegankelijkheidspagina"),
            ],
            heading=_("Pagina's in de voettekst"),
            help_text=_(
                "Een link verschijnt alleen als de pagina gekozen en gepubliceerd is; "
                "verplaatsen of hernoemen van de pagina breekt de link niet."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("site-instellingen")


class WachtwoordPoging(models.Model):
    """Recent wrong guesses at the password of one page or collection restriction from one
    address (portal.site.accounts.WachtwoordBeperkingMiddleware). In the database, so the lock holds
    across every app server and worker."""

    beperking = models.CharField(max_length=80)
    adres = models.CharField(max_length=100)
    mislukt = models.PositiveSmallIntegerField(default=0)
    laatste = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["beperking", "adres"], name="wachtwoordpoging_uniek")
        ]

    def __str__(self):
        return f"{self.beperking} {self.adres}: {self.mislukt}"
