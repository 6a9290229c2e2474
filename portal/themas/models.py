"""The landelijke thema's: the national themes every regional product, speerpunt,
leeratelier and themagroep links to. The lowest domain layer: the apps above add what they
hold to a thema's page through portal.basis.contributions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.basis.blocks import RICHTEXT_FEATURES
from portal.basis.contributions import ContributedContextMixin
from portal.basis.openbaar import BewaardeBeperkingen, openbaar


class ThemaIndexPage(BewaardeBeperkingen, ContributedContextMixin, Page):
    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_("Korte tekst boven het overzicht van de landelijke thema's."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["themas.LandelijkThemaPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht landelijke thema's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themas"] = openbaar(LandelijkThemaPage.objects.child_of(self)).order_by("path")
        return context


class LandelijkThemaPage(BewaardeBeperkingen, ContributedContextMixin, Page):
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
    parent_page_types = ["themas.ThemaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("landelijk thema")
        verbose_name_plural = _("landelijke thema's")
