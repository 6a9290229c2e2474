import json
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection, models
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.safestring import mark_safe
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

from portal.blocks import InhoudBlock
from portal.openbaar import openbaar, openbaar_q
from portal.secties import sectie_url
from werkplaatsen.models import RICHTEXT_FEATURES, RegionaalOnderdeel, WerkplaatsPage

PRODUCTEN_PER_PAGINA = 20


class ThemaIndexPage(Page):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven het overzicht van de landelijke thema's."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["kennisbank.LandelijkThemaPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht landelijke thema's")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.matrix import Themamatrix

        context = super().get_context(request, *args, **kwargs)
        context["themas"] = openbaar(LandelijkThemaPage.objects.child_of(self)).order_by("path")
        # Every number links to the kennisbank: without a public one, no matrix.
        kennisbank_url = sectie_url(request, KennisbankPage)
        context["matrix"] = Themamatrix(kennisbank_url) if kennisbank_url else None
        return context


class LandelijkThemaPage(Page):
    """A national theme; the page tree order under /themas/ is the theme order."""

    korte_beschrijving = models.CharField(
        _("korte beschrijving"),
        max_length=300,
        help_text=_("Eén zin, getoond in overzichten."),
    )
    beschrijving = RichTextField(
        _("beschrijving"),
        features=RICHTEXT_FEATURES,
        help_text=_("Waar het thema over gaat en waarom het landelijk aandacht krijgt."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("korte_beschrijving"),
        FieldPanel("beschrijving"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("korte_beschrijving", boost=2),
        index.SearchField("beschrijving"),
    ]
    parent_page_types = ["kennisbank.ThemaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("landelijk thema")
        verbose_name_plural = _("landelijke thema's")

    def get_context(self, request, *args, **kwargs):
        from agenda.models import EvenementPage

        context = super().get_context(request, *args, **kwargs)
        context["producten_per_werkplaats"] = producten_per_werkplaats(
            ProductPage.objects.overzicht().filter(themas=self),
            {"thema": self.slug},
            sectie_url(request, KennisbankPage),
        )
        context["themagroepen"] = openbaar(ThemagroepPage.objects.filter(themas=self))
        context["speerpunten"] = speerpunten_met_werkplaats(
            self.speerpunten.filter(openbaar_q("agenda__")).select_related("agenda")
        )
        context["evenementen"] = EvenementPage.objects.komend().filter(themas=self)[:5]
        return context


def apa_is_persoon(auteur):
    from kennisbank.citatie import apa_auteur

    return bool(auteur.lector_id) or apa_auteur(auteur.weergavenaam) != auteur.weergavenaam


def speerpunten_met_werkplaats(speerpunten):
    """Give each speerpunt's agenda its Werkplaats in one query instead of one per agenda."""
    speerpunten = list(speerpunten)
    ouder_paden = {sp.agenda.path[: -Page.steplen] for sp in speerpunten}
    werkplaatsen = {
        w.path: w
        for w in WerkplaatsPage.objects.filter(path__in=ouder_paden).only(
            "title", "path", "url_path"
        )
    }
    for speerpunt in speerpunten:
        speerpunt.agenda.__dict__["werkplaats"] = werkplaatsen.get(
            speerpunt.agenda.path[: -Page.steplen]
        )
    return speerpunten


def jsonld(data):
    """JSON for a <script type="application/ld+json"> element, safe inside HTML."""
    tekst = json.dumps(data, ensure_ascii=False)
    return mark_safe(tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def producten_per_werkplaats(producten, filters, kennisbank_url, per_groep=3):
    """Group products by Werkplaats: count, newest few, and the kennisbank link for all (None
    without a public kennisbank)."""
    from kennisbank.facetten import ASSOCIATIE

    aantallen = {
        r["werkplaats_id"]: r["n"]
        for r in producten.order_by().values("werkplaats_id").annotate(n=models.Count("pk"))
    }
    nieuwste = producten.annotate(
        rang=models.Window(
            RowNumber(),
            partition_by=[models.F("werkplaats_id")],
            order_by=[models.F("publicatiedatum").desc(), models.F("pk").desc()],
        )
    ).filter(rang__lte=per_groep)
    groepen = {}
    for product in nieuwste:
        groepen.setdefault(product.werkplaats_id, []).append(product)
    resultaat = []
    for werkplaats_id, lijst in groepen.items():
        werkplaats = lijst[0].werkplaats
        slug = werkplaats.slug if werkplaats else ASSOCIATIE
        filter_ = urlencode({**filters, "werkplaats": slug})
        resultaat.append(
            {
                "werkplaats": werkplaats,
                "naam": werkplaats.title if werkplaats else _("Associatie (landelijk)"),
                "aantal": aantallen.get(werkplaats_id, len(lijst)),
                "producten": lijst,
                "url": f"{kennisbank_url}?{filter_}" if kennisbank_url else None,
            }
        )
    return sorted(resultaat, key=lambda groep: str(groep["naam"]))


class ThemagroepIndexPage(Page):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven het overzicht van de themagroepen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["kennisbank.ThemagroepPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht themagroepen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themagroepen"] = openbaar(ThemagroepPage.objects.child_of(self)).order_by(
            "-start_jaar", "title"
        )
        return context


class ThemagroepPage(Page):
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
    parent_page_types = ["kennisbank.ThemagroepIndexPage"]
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
            self.leden.select_related("lector", "lector__foto", "werkplaats").prefetch_related(
                "lector__foto__renditions"
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
        context["producten_per_werkplaats"] = producten_per_werkplaats(
            ProductPage.objects.overzicht().filter(themagroepen=self),
            {"themagroep": self.slug},
            sectie_url(request, KennisbankPage),
        )
        return context


class ThemagroepLid(Orderable):
    page = ParentalKey(ThemagroepPage, on_delete=models.CASCADE, related_name="leden")
    lector = models.ForeignKey(
        "werkplaatsen.Lector",
        verbose_name=_("lector"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies het lid uit de lijst van lectoren en andere personen."),
    )
    werkplaats = models.ForeignKey(
        "werkplaatsen.WerkplaatsPage",
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

    panels = [FieldPanel("lector"), FieldPanel("werkplaats"), FieldPanel("rol")]

    class Meta(Orderable.Meta):
        verbose_name = _("lid")
        verbose_name_plural = _("leden")


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


class ProductPage(RegionaalOnderdeel, Page):
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

    objects = PageManager.from_queryset(ProductQuerySet)()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("product_type"), FieldPanel("publicatiedatum")]),
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
    def werkplaats_slug(self):
        return self.werkplaats.slug if self.werkplaats_id else None

    @property
    def herkomst(self):
        return str(self.herkomst_naam)

    @property
    def auteursnamen(self):
        return [auteur.weergavenaam for auteur in self.auteurs.select_related("lector")]

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

        The score (shared themes + shared tags) is counted over the link tables alone, one
        row per link, and only the best few products are loaded: joining products to both
        link tables at once and grouping by every product column took over 100 ms with
        20,000 products.
        """
        andere = ProductPage.objects.overzicht().exclude(pk=self.pk)
        if self.werkplaats_id:
            andere = andere.exclude(werkplaats_id=self.werkplaats_id)
        else:
            andere = andere.exclude(werkplaats__isnull=True)
        links, params = [], []
        if thema_ids:
            links.append(
                f"SELECT productpage_id AS pid FROM {ProductPage.themas.through._meta.db_table} "
                f"WHERE landelijkthemapage_id IN ({', '.join(['%s'] * len(thema_ids))})"
            )
            params += list(thema_ids)
        if tag_ids:
            links.append(
                f"SELECT content_object_id AS pid FROM {ProductTag._meta.db_table} "
                f"WHERE tag_id IN ({', '.join(['%s'] * len(tag_ids))})"
            )
            params += list(tag_ids)
        if not links:
            return []
        kandidaten, kandidaat_params = andere.order_by().values("pk").query.sql_with_params()
        sql = (
            f"SELECT s.pid, s.score FROM (SELECT l.pid, COUNT(*) AS score FROM "
            f"({' UNION ALL '.join(links)}) l GROUP BY l.pid) s "
            f"JOIN {ProductPage._meta.db_table} p ON p.page_ptr_id = s.pid "
            f"WHERE s.pid IN ({kandidaten}) "
            f"ORDER BY s.score DESC, p.publicatiedatum DESC, s.pid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *kandidaat_params, aantal])
            scores = dict(cursor.fetchall())
        producten = andere.in_bulk(list(scores))
        resultaat = []
        for pk, score in scores.items():
            producten[pk].score = score
            resultaat.append(producten[pk])
        return resultaat

    def structured_data(self, url, auteurs, trefwoorden):
        data = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "headline": self.title,
            "description": self.samenvatting,
            "datePublished": self.publicatiedatum.isoformat(),
            "genre": str(self.get_product_type_display()),
            "inLanguage": "nl",
            "url": url,
            "author": [
                {"@type": "Person" if apa_is_persoon(a) else "Organization", "name": a.weergavenaam}
                for a in auteurs
            ],
            "publisher": {"@type": "Organization", "name": str(self.herkomst_naam)},
            "keywords": [tag.name for tag in trefwoorden],
        }
        if self.document_id:
            data["encoding"] = {"@type": "MediaObject", "contentUrl": self.document.url}
        return data

    def get_context(self, request, *args, **kwargs):
        from kennisbank.citatie import apa_referentie

        context = super().get_context(request, *args, **kwargs)
        auteurs = list(self.auteurs.select_related("lector"))
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
            verwante_producten=self.verwante_producten(thema_ids, tag_ids),
            jsonld=jsonld(self.structured_data(url, auteurs, trefwoorden)),
        )
        return context


class ProductAuteur(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="auteurs")
    lector = models.ForeignKey(
        "werkplaatsen.Lector",
        verbose_name=_("lector"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies een lector uit de lijst, of vul hieronder een naam in."),
    )
    naam = models.CharField(
        _("naam"),
        max_length=150,
        blank=True,
        help_text=_("Voor auteurs die niet in de lijst staan: naam of organisatie."),
    )

    panels = [FieldPanel("lector"), FieldPanel("naam")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def clean(self):
        if not self.lector_id and not self.naam:
            raise ValidationError(_("Kies een lector of vul een naam in."))

    def __str__(self):
        return self.naam or str(self.lector)

    @property
    def weergavenaam(self):
        return self.lector.naam if self.lector_id else self.naam


class KennisbankPage(Page):
    """All published products of all Werkplaatsen and the Associatie."""

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

    def get_context(self, request, *args, **kwargs):
        from kennisbank.facetten import SORTERINGEN, Kennisbankfilter

        context = super().get_context(request, *args, **kwargs)
        kennisbankfilter = Kennisbankfilter(request.GET)
        facetten = kennisbankfilter.facetten()
        paginator = Paginator(kennisbankfilter.resultaten(), PRODUCTEN_PER_PAGINA)
        try:
            producten = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            producten = paginator.page(1)
        except EmptyPage as exc:
            raise Http404(_("Deze pagina van de kennisbank bestaat niet.")) from exc
        context.update(
            producten=producten,
            filter=kennisbankfilter,
            facetten=facetten,
            chips=kennisbankfilter.chips(facetten),
            sorteringen=[
                (waarde, label)
                for waarde, label in SORTERINGEN.items()
                if waarde != "relevantie" or kennisbankfilter.q
            ],
        )
        return context
