from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import InhoudBlock


class HomePage(Page):
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
            "uitgelichte_producten",
            label=_("Uitgelichte producten"),
            help_text=_(
                "Kies producten uit alle regio's, in de volgorde waarin ze getoond worden."
            ),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "werkplaatsen.WerkplaatsIndexPage",
        "werkplaatsen.AssociatiePage",
        "kennisbank.KennisbankPage",
        "kennisbank.ThemaIndexPage",
        "kennisbank.ThemagroepIndexPage",
        "agenda.AgendaIndexPage",
        "portal.InformatiePagina",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("homepage")

    def get_context(self, request, *args, **kwargs):
        from agenda.models import EvenementPage
        from kennisbank.models import ProductPage
        from werkplaatsen.models import WerkplaatsPage

        context = super().get_context(request, *args, **kwargs)
        context["werkplaatsen"] = WerkplaatsPage.objects.live().public().order_by("title")
        uitgelicht = [
            item.product
            for item in self.uitgelichte_producten.select_related("product")
            if item.product.live
        ]
        context["uitgelichte_producten"] = uitgelicht
        context["recente_producten"] = ProductPage.objects.overzicht().exclude(
            pk__in=[p.pk for p in uitgelicht]
        )[:6]
        context["volgend_evenement"] = EvenementPage.objects.komend(timezone.now()).first()
        return context


class HomeUitgelichtProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="uitgelichte_producten")
    product = models.ForeignKey(
        "kennisbank.ProductPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("product"),
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitgelicht product")
        verbose_name_plural = _("uitgelichte producten")


class InformatiePagina(Page):
    """A plain content page: over ons, contact, privacy, toegankelijkheid."""

    intro = models.TextField(_("introductie"), blank=True, help_text=_("Korte samenvatting."))
    body = StreamField(InhoudBlock(), verbose_name=_("inhoud"), blank=True)

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
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=40, blank=True)
    adres = models.TextField(_("adres"), blank=True)
    nieuwsbrief_url = models.URLField(
        _("nieuwsbrief"), blank=True, help_text=_("Pagina waar bezoekers zich aanmelden.")
    )
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

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
    ]

    class Meta:
        verbose_name = _("site-instellingen")
