from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kennisbank.citatie import apa_auteur, apa_referentie
from portal.basis.afhankelijkheden import beperk_tot
from portal.basis.blocks import RICHTEXT_FEATURES, InhoudBlock
from portal.basis.contributions import ContributedContextMixin
from portal.basis.openbaar import BewaardeBeperkingen, openbaar
from portal.basis.redactie import bron_panel, bronnotitie_veld, voorbeeld_veld
from portal.basis.site_url import volledige_url
from portal.basis.structured_data import term
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import RegionaalOnderdeel, ThemagroepPage


def apa_is_persoon(auteur):
    return bool(auteur.persoon_id) or apa_auteur(auteur.weergavenaam) != auteur.weergavenaam


def auteur_data(auteur):
    """A ProductAuteur as a schema.org Person or Organization."""
    if auteur.persoon_id:
        return auteur.persoon.als_persoon()
    return {"@type": "Person" if apa_is_persoon(auteur) else "Organization", "name": auteur.naam}


def bestand_data(document):
    """A product's file as a schema.org MediaObject, with an absolute URL."""
    data = {
        "@type": "MediaObject",
        "name": document.title,
        "contentUrl": volledige_url(document.url),
        "encodingFormat": document.content_type,
    }
    if document.file_size:
        data["contentSize"] = f"{document.file_size} B"
    return data


def aantal_links(links, productveld):
    """The number of ``links`` (rows of a link table) of the outer query's product."""
    per_product = (
        links.filter(**{productveld: models.OuterRef("pk")})
        .order_by()
        .values(productveld)
        .annotate(n=models.Count("*"))
        .values("n")
    )
    return Coalesce(models.Subquery(per_product, output_field=models.IntegerField()), 0)


class ProductType(models.TextChoices):
    PUBLICATIE = "publicatie", _("Publicatie")
    RAPPORT = "rapport", _("Rapport")
    HANDREIKING = "handreiking", _("Handreiking")
    FACTSHEET = "factsheet", _("Factsheet")
    COLUMN = "column", _("Column/blog")
    ARTIKEL = "artikel", _("Artikel")
    VIDEO = "video", _("Video")
    PODCAST = "podcast", _("Podcast")
    METHODIEK = "methodiek", _("Methodiek/tool")
    TRAINING = "training", _("Training/leerkring")
    PRESENTATIE = "presentatie", _("Presentatie")
    POSITION_PAPER = "position-paper", _("Position paper")


# The schema.org type of each product type; the others are a CreativeWork.
SCHEMA_TYPES = {
    ProductType.PUBLICATIE: "ScholarlyArticle",
    ProductType.ARTIKEL: "ScholarlyArticle",
    ProductType.RAPPORT: "Report",
    ProductType.FACTSHEET: "Report",
    ProductType.POSITION_PAPER: "Report",
}

# (slug, field name, label): the 4 O's a product serves and the audiences it is meant for.
VIER_OS = [
    ("onderzoek", "o_onderzoek", _("Onderzoek")),
    ("ontwikkeling", "o_ontwikkeling", _("Ontwikkeling")),
    ("onderwijs", "o_onderwijs", _("Onderwijs")),
    ("ondersteuning", "o_ondersteuning", _("Ondersteuning")),
]
DOELGROEPEN = [
    ("professionals", "voor_professionals", _("Professionals")),
    ("beleidsmakers", "voor_beleidsmakers", _("Beleidsmakers")),
    ("onderwijs", "voor_onderwijs", _("Onderwijs")),
    ("bewoners", "voor_bewoners", _("Bewoners en cliënten")),
]


class ProductTag(TaggedItemBase):
    content_object = ParentalKey(
        "kennisbank.ProductPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProductQuerySet(PageQuerySet):
    def overzicht(self):
        """Published products as listed in overviews: newest first, no body loaded."""
        return (
            openbaar(self)
            .select_related("werkplaats", "afbeelding")
            .prefetch_related("afbeelding__renditions")
            .defer_streamfields()
            .order_by("-publicatiedatum", "-pk")
        )

    def met_openbare_koppelingen(self):
        """Prefetch the public themas and themagroepen (see ProductPage.openbaar_gekoppeld)."""
        return self.prefetch_related(
            models.Prefetch(
                "themas",
                queryset=openbaar(LandelijkThemaPage.objects.all()),
                to_attr="openbare_themas",
            ),
            models.Prefetch(
                "themagroepen",
                queryset=openbaar(ThemagroepPage.objects.all()),
                to_attr="openbare_themagroepen",
            ),
        )


class ProductPage(BewaardeBeperkingen, ContributedContextMixin, RegionaalOnderdeel, Page):
    product_type = models.CharField(
        _("soort product"),
        max_length=20,
        choices=ProductType.choices,
        help_text=_("Bepaalt onder welke soort het product in de kennisbank te vinden is."),
    )
    publicatiedatum = models.DateField(
        _("publicatiedatum"),
        help_text=_("Wanneer het product verscheen; de kennisbank sorteert hierop."),
    )
    datum_bij_benadering = models.BooleanField(
        _("alleen het jaar is zeker"),
        default=False,
        help_text=_(
            "Vink aan als de precieze publicatiedatum niet bekend is: de site en de "
            "bronvermelding tonen dan alleen het jaar."
        ),
    )
    samenvatting = models.TextField(
        _("samenvatting"),
        help_text=_("Twee tot vier zinnen; getoond in overzichten en zoekresultaten."),
    )
    body = StreamField(
        InhoudBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("De tekst van het product zelf, of een uitgebreide toelichting erop."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Het downloadbare bestand, bijvoorbeeld de pdf van het rapport."),
    )
    externe_link = models.URLField(
        _("externe link"),
        blank=True,
        help_text=_("Waar het product elders staat, bijvoorbeeld een video."),
    )
    afbeelding = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("afbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Getoond bij het product in overzichten; kies of upload een afbeelding."),
    )
    themas = ParentalManyToManyField(
        LandelijkThemaPage,
        verbose_name=_("landelijke thema's"),
        blank=True,
        related_name="producten",
        help_text=_("De landelijke thema's waaraan het product bijdraagt."),
    )
    themagroepen = ParentalManyToManyField(
        ThemagroepPage,
        verbose_name=_("themagroepen"),
        blank=True,
        related_name="producten",
        help_text=_("Themagroepen die aan het product hebben gewerkt."),
    )
    tags = ClusterTaggableManager(
        through=ProductTag,
        blank=True,
        verbose_name=_("trefwoorden"),
        help_text=_("Trefwoorden gescheiden door komma's, bijvoorbeeld 'wijkteams, armoede'."),
    )
    o_onderzoek = models.BooleanField(
        _("onderzoek"), default=False, help_text=_("Het product komt voort uit onderzoek.")
    )
    o_ontwikkeling = models.BooleanField(
        _("ontwikkeling"),
        default=False,
        help_text=_("Het product helpt de praktijk of een methode verder te ontwikkelen."),
    )
    o_onderwijs = models.BooleanField(
        _("onderwijs"), default=False, help_text=_("Het product is bruikbaar in het onderwijs.")
    )
    o_ondersteuning = models.BooleanField(
        _("ondersteuning"),
        default=False,
        help_text=_("Het product ondersteunt professionals of organisaties in hun werk."),
    )
    voor_professionals = models.BooleanField(
        _("professionals"),
        default=False,
        help_text=_("Bedoeld voor professionals in het sociaal domein."),
    )
    voor_beleidsmakers = models.BooleanField(
        _("beleidsmakers"),
        default=False,
        help_text=_("Bedoeld voor beleidsmakers, bijvoorbeeld bij gemeenten."),
    )
    voor_onderwijs = models.BooleanField(
        _("onderwijs"), default=False, help_text=_("Bedoeld voor docenten en studenten.")
    )
    voor_bewoners = models.BooleanField(
        _("bewoners en cliënten"),
        default=False,
        help_text=_("Bedoeld voor bewoners, cliënten en hun naasten."),
    )
    is_voorbeeld = voorbeeld_veld(
        _(
            "Een verzonnen product, bijvoorbeeld om de kennisbank te demonstreren: de site "
            "toont het dan met het label 'Voorbeeld'."
        )
    )
    herkomst_notitie = bronnotitie_veld()

    objects = PageManager.from_queryset(ProductQuerySet)()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("product_type"), FieldPanel("publicatiedatum")]),
        FieldPanel("datum_bij_benadering"),
        FieldPanel("samenvatting"),
        InlinePanel("auteurs", label=_("Auteurs")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("externe_link"), FieldPanel("afbeelding")],
            heading=_("Bestand, link en afbeelding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themagroepen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Thema's en trefwoorden"),
        ),
        MultiFieldPanel(
            [FieldPanel(field) for _slug, field, _label in VIER_OS],
            heading=_("De 4 O's"),
            help_text=_("Waar draagt dit product aan bij? Kies er een of meer."),
        ),
        MultiFieldPanel(
            [FieldPanel(field) for _slug, field, _label in DOELGROEPEN],
            heading=_("Doelgroepen"),
            help_text=_("Voor wie is dit product vooral bedoeld?"),
        ),
        FieldPanel("is_voorbeeld"),
        bron_panel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("samenvatting", boost=2),
        index.SearchField("body"),
        index.RelatedFields("auteurs", [index.SearchField("naam")]),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("product_type"),
        index.FilterField("publicatiedatum"),
        index.FilterField("werkplaats"),
    ]
    api_fields = [
        APIField("product_type"),
        APIField("publicatiedatum"),
        APIField("datum_bij_benadering"),
        APIField("is_voorbeeld"),
        APIField("samenvatting"),
        APIField("werkplaats_slug"),
        APIField("herkomst"),
        APIField("auteursnamen"),
        APIField("thema_slugs"),
        APIField("themagroep_slugs"),
        APIField("tags"),
        APIField("vier_o_slugs"),
        APIField("doelgroep_slugs"),
        APIField("document_url"),
        APIField("externe_link"),
        APIField("body"),
    ]
    parent_page_types = [
        "werkplaatsen.WerkplaatsPage",
        "werkplaatsen.LeeratelierPage",
        "werkplaatsen.AssociatiePage",
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        indexes = [models.Index(fields=["publicatiedatum"])]

    def clean(self):
        super().clean()
        if not (self.document_id or self.externe_link or self.body):
            raise ValidationError(
                _(
                    "Voeg inhoud, een document of een externe link toe: een product moet "
                    "iets te lezen, te downloaden of te bekijken hebben."
                )
            )

    @property
    def publicatiedatum_iso(self):
        """ISO 8601 date, or only the year when the exact date is not known."""
        if self.datum_bij_benadering:
            return str(self.publicatiedatum.year)
        return self.publicatiedatum.isoformat()

    @property
    def externe_site(self):
        """The host name of the external link, without "www.", to name it to visitors."""
        host = urlsplit(self.externe_link).hostname or ""
        return host.removeprefix("www.")

    @property
    def werkplaats_slug(self):
        return self.werkplaats.slug if self.werkplaats_id else None

    @property
    def herkomst(self):
        return str(self.herkomst_naam)

    @property
    def auteursnamen(self):
        return [auteur.weergavenaam for auteur in self.auteurs.select_related("persoon")]

    def openbaar_gekoppeld(self, relatie):
        """The public pages of an m2m relation, as prefetched by `met_openbare_koppelingen`."""
        vooraf = getattr(self, f"openbare_{relatie}", None)
        return openbaar(getattr(self, relatie).all()) if vooraf is None else vooraf

    @property
    def thema_slugs(self):
        return [thema.slug for thema in self.openbaar_gekoppeld("themas")]

    @property
    def themagroep_slugs(self):
        return [groep.slug for groep in self.openbaar_gekoppeld("themagroepen")]

    @property
    def vier_o_slugs(self):
        return [slug for slug, field, _label in VIER_OS if getattr(self, field)]

    @property
    def doelgroep_slugs(self):
        return [slug for slug, field, _label in DOELGROEPEN if getattr(self, field)]

    @property
    def document_url(self):
        return self.document.url if self.document_id else None

    @property
    def vier_os(self):
        return [label for _slug, field, label in VIER_OS if getattr(self, field)]

    @property
    def doelgroepen(self):
        return [label for _slug, field, label in DOELGROEPEN if getattr(self, field)]

    def verwante_producten(self, thema_ids, tag_ids, aantal=4):
        """'Ook in andere regio's': products elsewhere sharing the most themes and tags.

        Score: shared themes + shared tags; ties go to the newest. Only products that share
        something are scored, each with two counts on the link tables' indexes; two queries
        whatever the number of products.
        """
        if not (thema_ids or tag_ids):
            return []
        andere = ProductPage.objects.overzicht().exclude(pk=self.pk)
        if self.werkplaats_id:
            andere = andere.exclude(werkplaats_id=self.werkplaats_id)
        else:
            andere = andere.exclude(werkplaats__isnull=True)
        themalinks = ProductPage.themas.through.objects.filter(landelijkthemapage_id__in=thema_ids)
        taglinks = ProductTag.objects.filter(tag_id__in=tag_ids)
        gedeeld = models.Q(pk__in=themalinks.values("productpage_id")) | models.Q(
            pk__in=taglinks.values("content_object_id")
        )
        # The best few as narrow rows first: sorting thousands of whole listing rows costs more.
        besten = dict(
            andere.filter(gedeeld)
            .annotate(
                score=aantal_links(themalinks, "productpage_id")
                + aantal_links(taglinks, "content_object_id")
            )
            .order_by("-score", "-publicatiedatum", "-pk")
            .values_list("pk", "score")[:aantal]
        )
        producten = andere.in_bulk(list(besten))
        for pk, score in besten.items():
            producten[pk].score = score
        return [producten[pk] for pk in besten]

    def structured_data(self, omgeving):
        """The product by its type, with its authors (or its Werkplaats or the Associatie when
        none are known), its thema's and its file."""
        auteurs = omgeving.uit_context("auteurs", self.auteurs.select_related("persoon").all)
        themas = omgeving.uit_context("themas", lambda: openbaar(self.themas.all()))
        trefwoorden = omgeving.uit_context("trefwoorden", self.tags.all)
        herkomst = self.herkomst_organisatie(omgeving)
        data = {
            "@type": SCHEMA_TYPES.get(self.product_type, "CreativeWork"),
            "name": self.title,
            "headline": self.title,
            "description": self.samenvatting,
            "datePublished": self.publicatiedatum_iso,
            "genre": str(self.get_product_type_display()),
            "inLanguage": "nl",
            "url": omgeving.url(self),
            "author": [auteur_data(auteur) for auteur in auteurs] or [herkomst],
            "publisher": herkomst,
            "about": [term(thema, omgeving, thema.korte_beschrijving) for thema in themas],
            "keywords": [tag.name for tag in trefwoorden],
            "sameAs": self.externe_link,
        }
        if self.document_id:
            data["encoding"] = bestand_data(self.document)
        return data

    def get_context(self, request, *args, **kwargs):
        # The page depends on this product and the related ones it shows, not on the list of
        # all products: a new product joins another's related ones when that page is rendered
        # again (at the latest after PAGINACACHE_TIMEOUT), not at once.
        beperk_tot()
        context = super().get_context(request, *args, **kwargs)
        auteurs = list(self.auteurs.select_related("persoon"))
        url = self.get_full_url(request)
        themas = list(openbaar(self.themas.all()))
        trefwoorden = list(self.tags.all())
        thema_ids = [thema.pk for thema in themas]
        tag_ids = [tag.pk for tag in trefwoorden]
        context.update(
            themas=themas,
            themagroepen=openbaar(self.themagroepen.all()),
            trefwoorden=trefwoorden,
            auteurs=auteurs,
            apa=apa_referentie(self, url),
            canonieke_url=url,
        )
        if "verwante_producten" not in context:  # a preview: not from the index of public ones
            context["verwante_producten"] = self.verwante_producten(thema_ids, tag_ids)
        return context


class ProductAuteur(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="auteurs")
    persoon = models.ForeignKey(
        "werkplaatsen.Persoon",
        verbose_name=_("persoon"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies een persoon uit de lijst, of vul hieronder een naam in."),
    )
    naam = models.CharField(
        _("naam"),
        max_length=150,
        blank=True,
        help_text=_("Voor auteurs die niet in de lijst staan: naam of organisatie."),
    )

    panels = [FieldPanel("persoon"), FieldPanel("naam")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def clean(self):
        if not self.persoon_id and not self.naam:
            raise ValidationError(_("Kies een persoon of vul een naam in."))

    def __str__(self):
        return self.naam or str(self.persoon)

    @property
    def weergavenaam(self):
        return self.persoon.naam if self.persoon_id else self.naam


class KennisbankPage(BewaardeBeperkingen, ContributedContextMixin, Page):
    """All published products of all Werkplaatsen and the Associatie: the facets and results
    come from kennisbank/contributions.py (they need kennisbank/facetten.py, which needs the
    models)."""

    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven de zoekbalk en de filters van de kennisbank."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("kennisbank")


class OaiTombstone(models.Model):
    """A product that was public and is no longer (unpublished, deleted, made private): the
    OAI-PMH endpoint reports it as a deleted record, for as long as the repository exists
    (``deletedRecord`` persistent). Removed when the product is public again."""

    # Not a foreign key: the product may be gone.
    product_id = models.PositiveIntegerField(primary_key=True)
    datestamp = models.DateTimeField(db_index=True)
    # The sets the product was in, each surrounded by spaces (" werkplaats:noord thema:x "),
    # so that a set is found with a portable `contains`.
    sets = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("verwijderd product (OAI-PMH)")
        verbose_name_plural = _("verwijderde producten (OAI-PMH)")

    def __str__(self):
        return f"product/{self.product_id}"
