from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.basis.blocks import RICHTEXT_FEATURES, InhoudBlock
from portal.basis.contributions import ContributedContextMixin
from portal.basis.openbaar import BewaardeBeperkingen, openbaar
from portal.basis.redactie import bron_panel, bronnotitie_veld, voorbeeld_veld
from portal.basis.structured_data import organisatie
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.kaart import kaart
from werkplaatsen.plaatsen import Provincie, provincies_van, zoek_werkplaats

# The kennisbank's and the API's name for the Associatie as the origin of national products.
ASSOCIATIE = "associatie"


class Persoon(index.Indexed, models.Model):
    """A person: a lector, or another officer of a Werkplaats or the Associatie."""

    naam = models.CharField(_("naam"), max_length=150, help_text=_("Voor- en achternaam."))
    lectoraat = models.CharField(
        _("lectoraat"), max_length=200, blank=True, help_text=_("Naam van het lectoraat.")
    )
    hogeschool = models.CharField(
        _("hogeschool"),
        max_length=200,
        blank=True,
        help_text=_("De hogeschool waaraan het lectoraat verbonden is."),
    )
    foto = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een portretfoto; de persoon moet toestemming hebben gegeven."),
    )
    bio = models.TextField(_("korte bio"), blank=True, help_text=_("Twee of drie zinnen."))
    link = models.URLField(
        _("link"), blank=True, help_text=_("Profielpagina bij de hogeschool of het lectoraat.")
    )
    beheerd_door = models.ForeignKey(
        "werkplaatsen.WerkplaatsPage",
        verbose_name=_("beheerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="beheerde_personen",
        help_text=_("De Werkplaats die dit profiel bijhoudt. Leeg: de Associatie."),
    )
    herkomst_notitie = bronnotitie_veld()

    panels = [
        FieldPanel("naam"),
        FieldRowPanel([FieldPanel("lectoraat"), FieldPanel("hogeschool")]),
        FieldPanel("foto"),
        FieldPanel("bio"),
        FieldPanel("link"),
        FieldPanel("beheerd_door"),
        bron_panel(),
    ]
    search_fields = [
        index.SearchField("naam"),
        index.AutocompleteField("naam"),
        index.SearchField("lectoraat"),
        index.SearchField("hogeschool"),
    ]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self):
        return self.naam

    def als_persoon(self, rol=""):
        """The person as a schema.org Person."""
        data = {"@type": "Person", "name": self.naam}
        if self.link:
            data["url"] = self.link
        if rol:
            data["jobTitle"] = rol
        if self.hogeschool:
            data["affiliation"] = organisatie(self.hogeschool)
        return data


class PersoonRol(Orderable):
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies de persoon uit de lijst van lectoren en andere personen."),
    )
    rol = models.CharField(
        _("rol"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld 'werkplaatsleiding' of 'trekker ouderenprogramma'."),
    )

    panels = [FieldPanel("persoon"), FieldPanel("rol")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.persoon} ({self.rol})" if self.rol else str(self.persoon)


class PartnerSoort(models.TextChoices):
    HOGESCHOOL = "hogeschool", _("Hogeschool")
    GEMEENTE = "gemeente", _("Gemeente")
    ZORG_WELZIJN = "zorg-welzijn", _("Zorg- en welzijnsorganisatie")
    CLIENTEN = "clientenorganisatie", _("Cliëntenorganisatie")
    KENNISINSTITUUT = "kennisinstituut", _("Kennisinstituut")
    OVERIG = "overig", _("Overig")


class Partner(Orderable):
    naam = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("De naam van de organisatie zoals zij die zelf voert."),
    )
    soort = models.CharField(
        _("soort"),
        max_length=30,
        choices=PartnerSoort.choices,
        help_text=_("Het soort organisatie; partners worden per soort gegroepeerd getoond."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Het webadres van de organisatie, met https://.")
    )

    panels = [FieldRowPanel([FieldPanel("naam"), FieldPanel("soort")]), FieldPanel("website")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    """A Dutch municipality as CBS lists it (werkplaatsen/data/gemeenten.csv)."""

    naam = models.CharField(_("naam"), max_length=100)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, unique=True, help_text=_("Bijvoorbeeld GM0935.")
    )
    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie.choices)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.naam


class GemeentenWidget(forms.CheckboxSelectMultiple):
    """Checkboxes grouped per province, each province a collapsible group that starts open
    when one of its gemeenten is chosen; an optional filter field narrows the list."""

    template_name = "werkplaatsen/widgets/gemeenten.html"

    class Media:
        js = ["js/gemeenten-kiezer.js"]

    def optgroups(self, name, value, attrs=None):
        groepen = {}
        for _naam, opties, _index in super().optgroups(name, value, attrs):
            for optie in opties:
                instance = getattr(optie["value"], "instance", None)
                label = instance.get_provincie_display() if instance else ""
                groepen.setdefault(label, []).append(optie)
        for opties in groepen.values():
            opties[0]["groep_gekozen"] = sum(1 for optie in opties if optie["selected"])
        volgorde = {label: i for i, (_w, label) in enumerate(Provincie.choices)}
        return [
            (label, opties, i)
            for i, (label, opties) in enumerate(
                sorted(groepen.items(), key=lambda item: volgorde.get(item[0], 99))
            )
        ]


class WerkplaatsIndexPage(BewaardeBeperkingen, Page):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven de kaart en de lijst met Werkplaatsen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["werkplaatsen.WerkplaatsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht Werkplaatsen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        werkplaatsen = list(
            openbaar(WerkplaatsPage.objects.child_of(self))
            .order_by("title")
            .prefetch_related(gemeenten_prefetch())
        )
        context["werkplaatsen"] = werkplaatsen
        context["kaart"] = kaart(werkplaatsen)
        if "plaats" in request.GET:
            context["plaatsantwoord"] = zoek_werkplaats(request.GET.get("plaats", ""))
        return context


class WerkplaatsStatus(models.TextChoices):
    ACTIEF = "actief", _("Actief")
    IN_OPRICHTING = "in-oprichting", _("In oprichting")


class WerkplaatsPage(BewaardeBeperkingen, ContributedContextMixin, Page):
    korte_naam = models.CharField(
        _("korte naam"), max_length=80, help_text=_("Bijvoorbeeld 'Noord-Holland' of 'kUS'.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=WerkplaatsStatus.choices,
        default=WerkplaatsStatus.ACTIEF,
        help_text=_("Een Werkplaats in oprichting wordt zo op de kaart en in lijsten getoond."),
    )
    regio = models.CharField(
        _("regio"), max_length=200, blank=True, help_text=_("Het gebied dat de Werkplaats bedient.")
    )
    hogescholen = models.CharField(
        _("penvoerende hogeschool of hogescholen"),
        max_length=250,
        blank=True,
        help_text=_("Meerdere hogescholen scheiden met een komma."),
    )
    lectoraat = models.CharField(
        _("penvoerend lectoraat"),
        max_length=250,
        blank=True,
        help_text=_("Het lectoraat dat de Werkplaats trekt."),
    )
    intro = models.TextField(
        _("introductie"), help_text=_("Eén alinea: wie de Werkplaats is en waar zij aan werkt.")
    )
    body = StreamField(
        InhoudBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Meer over de Werkplaats: werkwijze, projecten, resultaten."),
    )
    contact_email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("Algemeen e-mailadres voor vragen van bezoekers.")
    )
    telefoon = models.CharField(
        _("telefoon"),
        max_length=40,
        blank=True,
        help_text=_("Telefoonnummer voor bezoekers, bijvoorbeeld 020 123 45 67."),
    )
    adres = models.TextField(
        _("bezoekadres"), blank=True, help_text=_("Straat, huisnummer, postcode en plaats.")
    )
    website = models.URLField(
        _("eigen website"),
        blank=True,
        help_text=_("De eigen website van de Werkplaats, als die er is."),
    )
    gemeenten = ParentalManyToManyField(
        Gemeente,
        verbose_name=_("gemeenten"),
        blank=True,
        related_name="werkplaatsen",
        help_text=_(
            "De gemeenten waar de Werkplaats werkt. Bezoekers vinden de Werkplaats via deze "
            "gemeenten en hun provincies."
        ),
    )
    kaart_breedtegraad = models.DecimalField(
        _("breedtegraad"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(50.7), MaxValueValidator(53.6)],
        help_text=_("Voor de kaart: het midden van de regio, bijvoorbeeld 52.0907."),
    )
    kaart_lengtegraad = models.DecimalField(
        _("lengtegraad"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(3.3), MaxValueValidator(7.3)],
        help_text=_("Voor de kaart: het midden van de regio, bijvoorbeeld 5.1214."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("korte_naam"), FieldPanel("status")]),
        FieldPanel("regio"),
        FieldPanel("gemeenten", widget=GemeentenWidget, heading=_("Werkgebied: gemeenten")),
        FieldRowPanel([FieldPanel("hogescholen"), FieldPanel("lectoraat")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("lectoren", label=_("Lectoren en rollen")),
        InlinePanel("partners", label=_("Partners")),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("telefoon"),
                FieldPanel("adres"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kaart_breedtegraad"), FieldPanel("kaart_lengtegraad")])],
            heading=_("Plaats op de kaart"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("korte_naam", boost=2),
        index.SearchField("intro"),
        index.SearchField("regio"),
        index.SearchField("hogescholen"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    # Subpages: every page type that names WerkplaatsPage in its parent_page_types.
    parent_page_types = ["werkplaatsen.WerkplaatsIndexPage"]

    class Meta:
        verbose_name = _("Werkplaats")
        verbose_name_plural = _("Werkplaatsen")

    @property
    def in_oprichting(self):
        return self.status == WerkplaatsStatus.IN_OPRICHTING

    @property
    def provincies(self):
        """Labels of the provinces of its gemeenten, in the order of Provincie.

        Uses ``gemeenten.all()``, so a listing that prefetches the gemeenten
        (``gemeenten_prefetch()``) takes no query per Werkplaats.
        """
        return provincies_van(self.gemeenten.all())

    def als_organisatie(self, omgeving):
        return organisatie(self.title, omgeving.url(self))

    def structured_data(self, omgeving):
        """The Werkplaats as an Organization: lectoren and partners as members, part of the
        Associatie, serving its gemeenten (each in its province)."""
        rollen = omgeving.uit_context("personen", lambda: personen_met_foto(self.lectoren))
        partners = omgeving.uit_context(
            "partners_per_soort", lambda: partners_per_soort(self.partners.all())
        )
        gemeenten = omgeving.uit_context("gemeenten", self.gemeenten.order_by("naam").all)
        leden = [rol.persoon.als_persoon(rol.rol) for rol in rollen]
        leden += [
            organisatie(partner.naam, partner.website)
            for groep in partners.values()
            for partner in groep
        ]
        return {
            **self.als_organisatie(omgeving),
            "alternateName": self.korte_naam,
            "description": self.intro,
            "email": self.contact_email,
            "telephone": self.telefoon,
            "address": self.adres,
            "sameAs": self.website,
            "parentOrganization": omgeving.associatie,
            "member": leden,
            "areaServed": [bestuursgebied(gemeente) for gemeente in gemeenten] or self.regio,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["personen"] = personen_met_foto(self.lectoren)
        context["partners_per_soort"] = partners_per_soort(self.partners.all())
        kennisagenda = (
            openbaar(KennisagendaPage.objects.child_of(self)).order_by("-periode_start").first()
        )
        context["kennisagenda"] = kennisagenda
        context["speerpunten"] = speerpunten_met_themas(kennisagenda) if kennisagenda else []
        context["leerateliers"] = openbaar(LeeratelierPage.objects.child_of(self)).order_by("title")
        context["gemeenten"] = gemeenten = list(self.gemeenten.order_by("naam"))
        context["provincies"] = provincies_van(gemeenten)
        return context


def bestuursgebied(gemeente):
    """A gemeente as a schema.org AdministrativeArea, within its province."""
    return {
        "@type": "AdministrativeArea",
        "name": gemeente.naam,
        "identifier": gemeente.cbs_code,
        "containedInPlace": {
            "@type": "AdministrativeArea",
            "name": gemeente.get_provincie_display(),
        },
    }


def gemeenten_prefetch():
    """Prefetch of a Werkplaats's gemeenten in name order, for listings."""
    return models.Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam"))


def speerpunten_met_themas(agenda):
    """The agenda's speerpunten, each with only its public themes in `themas.all`."""
    return agenda.speerpunten.prefetch_related(
        models.Prefetch("themas", queryset=openbaar(LandelijkThemaPage.objects.all()))
    )


def personen_met_foto(rollen):
    return rollen.select_related("persoon", "persoon__foto").prefetch_related(
        "persoon__foto__renditions"
    )


def partners_per_soort(partners):
    groepen = {}
    for partner in partners:
        groepen.setdefault(partner.get_soort_display(), []).append(partner)
    return groepen


class WerkplaatsLector(PersoonRol):
    page = ParentalKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="lectoren")

    class Meta(PersoonRol.Meta):
        verbose_name = _("lector van de Werkplaats")
        verbose_name_plural = _("lectoren van de Werkplaats")


class WerkplaatsPartner(Partner):
    page = ParentalKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="partners")

    class Meta(Partner.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class AssociatiePage(BewaardeBeperkingen, ContributedContextMixin, Page):
    """The national Associatie: its officers, and the home of national products."""

    intro = models.TextField(
        _("introductie"), help_text=_("Eén alinea: wat de Associatie is en wat zij doet.")
    )
    body = StreamField(
        InhoudBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Meer over de Associatie: organisatie, werkprogramma, samenwerking."),
    )
    contact_email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("E-mailadres van het bureau van de Associatie.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("functionarissen", label=_("Functionarissen")),
        FieldPanel("contact_email"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Associatie")

    def structured_data(self, omgeving):
        rollen = omgeving.uit_context("personen", lambda: personen_met_foto(self.functionarissen))
        return {
            **omgeving.associatie,
            "description": self.intro,
            "email": self.contact_email,
            "member": [rol.persoon.als_persoon(rol.rol) for rol in rollen],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["personen"] = personen_met_foto(self.functionarissen)
        context["werkprogramma"] = (
            openbaar(KennisagendaPage.objects.child_of(self)).order_by("-periode_start").first()
        )
        return context


class AssociatieFunctionaris(PersoonRol):
    page = ParentalKey(AssociatiePage, on_delete=models.CASCADE, related_name="functionarissen")

    class Meta(PersoonRol.Meta):
        verbose_name = _("functionaris")
        verbose_name_plural = _("functionarissen")


class KennisagendaPage(BewaardeBeperkingen, Page):
    """A regional kennisagenda for one period, or the landelijk werkprogramma."""

    periode_start = models.PositiveSmallIntegerField(
        _("eerste jaar"),
        help_text=_("Het eerste jaar waarvoor de agenda geldt, bijvoorbeeld 2024."),
    )
    periode_eind = models.PositiveSmallIntegerField(
        _("laatste jaar"), help_text=_("Het laatste jaar waarvoor de agenda geldt.")
    )
    intro = models.TextField(_("introductie"), help_text=_("Waarom deze agenda, in een alinea."))
    body = StreamField(
        InhoudBlock(),
        verbose_name=_("visie en toelichting"),
        blank=True,
        help_text=_("De visie achter de agenda en hoe zij tot stand kwam."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("periode_start"), FieldPanel("periode_eind")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("speerpunten", label=_("Speerpunten en vraagstukken"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields(
            "speerpunten", [index.SearchField("titel"), index.SearchField("beschrijving")]
        ),
    ]
    parent_page_types = ["werkplaatsen.WerkplaatsPage", "werkplaatsen.AssociatiePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kennisagenda")
        verbose_name_plural = _("kennisagenda's")

    @property
    def periode(self):
        return f"{self.periode_start}-{self.periode_eind}"

    def clean(self):
        super().clean()
        if self.periode_start and self.periode_eind and self.periode_eind < self.periode_start:
            raise ValidationError(
                {"periode_eind": _("Het laatste jaar kan niet voor het eerste jaar liggen.")}
            )

    @cached_property
    def werkplaats(self):
        return WerkplaatsPage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speerpunten"] = speerpunten_met_themas(self)
        context["leerateliers"] = openbaar(
            LeeratelierPage.objects.filter(speerpunten__agenda=self)
        ).distinct()
        return context


class SpeerpuntSoort(models.TextChoices):
    PROFESSIONALISERINGSVRAAGSTUK = (
        "professionaliseringsvraagstuk",
        _("Professionaliseringsvraagstuk"),
    )
    SPEERPUNT = "speerpunt", _("Speerpunt")
    DWARSVERBAND = "dwarsverband", _("Dwarsverband (in alle projecten)")


class Speerpunt(ClusterableModel, Orderable):
    agenda = ParentalKey(KennisagendaPage, on_delete=models.CASCADE, related_name="speerpunten")
    titel = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("Kort en herkenbaar, bijvoorbeeld 'Ouder worden in de wijk'."),
    )
    soort = models.CharField(
        _("soort"),
        max_length=40,
        choices=SpeerpuntSoort.choices,
        default=SpeerpuntSoort.SPEERPUNT,
        help_text=_("Een dwarsverband komt in alle projecten terug."),
    )
    beschrijving = RichTextField(
        _("beschrijving"),
        features=RICHTEXT_FEATURES,
        help_text=_("Wat de vraag is, voor wie, en wat de Werkplaats ermee wil bereiken."),
    )
    themas = ParentalManyToManyField(
        "themas.LandelijkThemaPage",
        verbose_name=_("landelijke thema's"),
        blank=True,
        related_name="speerpunten",
        help_text=_("De landelijke thema's waaraan dit speerpunt bijdraagt."),
    )

    panels = [
        FieldPanel("titel"),
        FieldPanel("soort"),
        FieldPanel("beschrijving"),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("speerpunt")
        verbose_name_plural = _("speerpunten")

    def __str__(self):
        return self.titel


class LeeratelierPage(BewaardeBeperkingen, ContributedContextMixin, Page):
    """A long-running learning workshop in which a Werkplaats carries out its agenda."""

    intro = models.TextField(_("introductie"), help_text=_("Waar het leeratelier over gaat."))
    body = StreamField(
        InhoudBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Aanpak, deelnemers, bijeenkomsten en opbrengsten van het leeratelier."),
    )
    start_jaar = models.PositiveSmallIntegerField(
        _("startjaar"), help_text=_("Het jaar waarin het leeratelier begon.")
    )
    eind_jaar = models.PositiveSmallIntegerField(
        _("eindjaar"), null=True, blank=True, help_text=_("Leeg zolang het leeratelier loopt.")
    )
    themas = ParentalManyToManyField(
        "themas.LandelijkThemaPage",
        verbose_name=_("landelijke thema's"),
        blank=True,
        related_name="leerateliers",
        help_text=_("De landelijke thema's waaraan het leeratelier bijdraagt."),
    )
    speerpunten = ParentalManyToManyField(
        Speerpunt,
        verbose_name=_("speerpunten van de kennisagenda"),
        blank=True,
        related_name="leerateliers",
        help_text=_("De speerpunten van de regionale kennisagenda die dit leeratelier uitvoert."),
    )
    is_voorbeeld = voorbeeld_veld(
        _(
            "Een verzonnen leeratelier, bijvoorbeeld om de site te demonstreren: de site toont "
            "het dan met het label 'Voorbeeld'."
        )
    )
    herkomst_notitie = bronnotitie_veld()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("start_jaar"), FieldPanel("eind_jaar")]),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("speerpunten"),
        FieldPanel("body"),
        InlinePanel("deelnemers", label=_("Lectoren en begeleiders")),
        InlinePanel("partners", label=_("Partners")),
        FieldPanel("is_voorbeeld"),
        bron_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["werkplaatsen.WerkplaatsPage"]

    class Meta:
        verbose_name = _("leeratelier")
        verbose_name_plural = _("leerateliers")

    @property
    def looptijd(self):
        return (
            f"{self.start_jaar}-{self.eind_jaar}" if self.eind_jaar else f"{self.start_jaar}-heden"
        )

    def clean(self):
        super().clean()
        if self.eind_jaar and self.start_jaar and self.eind_jaar < self.start_jaar:
            raise ValidationError(
                {"eind_jaar": _("Het eindjaar kan niet voor het startjaar liggen.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["personen"] = personen_met_foto(self.deelnemers)
        context["partners_per_soort"] = partners_per_soort(self.partners.all())
        context["themas"] = openbaar(self.themas.all())
        return context


class LeeratelierDeelnemer(PersoonRol):
    page = ParentalKey(LeeratelierPage, on_delete=models.CASCADE, related_name="deelnemers")

    class Meta(PersoonRol.Meta):
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")


class LeeratelierPartner(Partner):
    page = ParentalKey(LeeratelierPage, on_delete=models.CASCADE, related_name="partners")

    class Meta(Partner.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class RegionaalOnderdeel(models.Model):
    """Pages that belong to one Werkplaats (or the Associatie) by their place in the tree.

    The owning Werkplaats and leeratelier are stored on the page so that listings and facets
    can filter and count without walking the tree; they are derived on save and on move.
    """

    werkplaats = models.ForeignKey(
        WerkplaatsPage,
        verbose_name=_("Werkplaats"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leeratelier = models.ForeignKey(
        LeeratelierPage,
        verbose_name=_("leeratelier"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Saved with every save, also one limited by update_fields (see save()).
    HERKOMSTVELDEN = ("werkplaats", "leeratelier")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.bepaal_herkomst()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | set(self.HERKOMSTVELDEN)
        super().save(*args, **kwargs)

    def bepaal_herkomst(self):
        if not self.path:
            return
        steplen = Page.steplen
        ancestor_paths = [self.path[:i] for i in range(steplen, len(self.path), steplen)]
        self.werkplaats_id = (
            WerkplaatsPage.objects.filter(path__in=ancestor_paths)
            .values_list("pk", flat=True)
            .first()
        )
        self.leeratelier_id = (
            LeeratelierPage.objects.filter(path__in=ancestor_paths)
            .values_list("pk", flat=True)
            .first()
        )

    @property
    def herkomst_naam(self):
        return self.werkplaats.title if self.werkplaats_id else _("Associatie")

    def herkomst_organisatie(self, omgeving):
        """Its Werkplaats, or the Associatie, as a schema.org Organization."""
        if self.werkplaats_id:
            return self.werkplaats.als_organisatie(omgeving)
        return omgeving.associatie


class ThemagroepIndexPage(BewaardeBeperkingen, Page):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven het overzicht van de themagroepen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["werkplaatsen.ThemagroepPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht themagroepen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themagroepen"] = openbaar(ThemagroepPage.objects.child_of(self)).order_by(
            "-start_jaar", "title"
        )
        return context


class ThemagroepPage(BewaardeBeperkingen, ContributedContextMixin, Page):
    korte_beschrijving = models.CharField(
        _("korte beschrijving"), max_length=300, help_text=_("Eén zin, getoond in overzichten.")
    )
    beschrijving = RichTextField(
        _("beschrijving"),
        features=RICHTEXT_FEATURES,
        help_text=_("Wat de themagroep doet, met wie en met welk doel."),
    )
    start_jaar = models.PositiveSmallIntegerField(
        _("startjaar"), help_text=_("Het jaar waarin de themagroep begon.")
    )
    eind_jaar = models.PositiveSmallIntegerField(
        _("eindjaar"), null=True, blank=True, help_text=_("Leeg zolang de themagroep bijeenkomt.")
    )
    themas = ParentalManyToManyField(
        LandelijkThemaPage,
        verbose_name=_("landelijke thema's"),
        blank=True,
        related_name="themagroepen",
        help_text=_("De landelijke thema's waar de themagroep aan werkt."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("korte_beschrijving"),
        FieldPanel("beschrijving"),
        FieldRowPanel([FieldPanel("start_jaar"), FieldPanel("eind_jaar")]),
        FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
        InlinePanel("leden", label=_("Leden")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("korte_beschrijving", boost=2),
        index.SearchField("beschrijving"),
    ]
    parent_page_types = ["werkplaatsen.ThemagroepIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("themagroep")
        verbose_name_plural = _("themagroepen")

    def clean(self):
        super().clean()
        if self.eind_jaar and self.start_jaar and self.eind_jaar < self.start_jaar:
            raise ValidationError(
                {"eind_jaar": _("Het eindjaar kan niet voor het startjaar liggen.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themas"] = openbaar(self.themas.all())
        context["leden"] = leden = list(
            self.leden.select_related("persoon", "persoon__foto", "werkplaats").prefetch_related(
                "persoon__foto__renditions"
            )
        )
        # A member speaks for a Werkplaats only where that Werkplaats is public.
        namens = {lid.werkplaats_id for lid in leden if lid.werkplaats_id}
        openbare_werkplaatsen = set(
            openbaar(WerkplaatsPage.objects.filter(pk__in=namens)).values_list("pk", flat=True)
        )
        for lid in leden:
            if lid.werkplaats_id not in openbare_werkplaatsen:
                lid.werkplaats = None
        return context


class ThemagroepLid(Orderable):
    page = ParentalKey(ThemagroepPage, on_delete=models.CASCADE, related_name="leden")
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies het lid uit de lijst van lectoren en andere personen."),
    )
    werkplaats = models.ForeignKey(
        WerkplaatsPage,
        verbose_name=_("namens Werkplaats"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De Werkplaats die het lid vertegenwoordigt; leeg voor de Associatie."),
    )
    rol = models.CharField(
        _("rol"), max_length=100, blank=True, help_text=_("Bijvoorbeeld 'trekker'.")
    )

    panels = [FieldPanel("persoon"), FieldPanel("werkplaats"), FieldPanel("rol")]

    class Meta(Orderable.Meta):
        verbose_name = _("lid")
        verbose_name_plural = _("leden")


def regionale_paginatypen():
    """Every concrete page model that belongs to a Werkplaats by its place in the tree."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, RegionaalOnderdeel) and issubclass(model, Page)
    ]
