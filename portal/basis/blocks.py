"""Content blocks shared by the rich pages of every app (products, agenda's, events)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class KopBlock(blocks.StructBlock):
    tekst = blocks.CharBlock(label=_("Tekst"), max_length=200)
    niveau = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        help_text=_("Gebruik Kop 2 voor hoofdstukken en Kop 3/4 daarbinnen."),
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "components/blocks/kop.html"


class CitaatBlock(blocks.StructBlock):
    citaat = blocks.TextBlock(label=_("Citaat"))
    bron = blocks.CharBlock(label=_("Bron"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "components/blocks/citaat.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    titel = blocks.CharBlock(
        label=_("Linktekst"),
        required=False,
        help_text=_("Laat leeg om de titel van het document te gebruiken."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document.html"


class LinkBlock(blocks.StructBlock):
    tekst = blocks.CharBlock(label=_("Linktekst"), help_text=_("Beschrijf waar de link heen gaat."))
    url = blocks.URLBlock(label=_("Adres (URL)"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "components/blocks/link.html"


class InhoudBlock(blocks.StreamBlock):
    kop = KopBlock()
    tekst = blocks.RichTextBlock(
        label=_("Tekst"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
    )
    afbeelding = ImageBlock(label=_("Afbeelding"))
    citaat = CitaatBlock()
    document = DocumentBlock()
    link = LinkBlock()

    class Meta:
        label = _("Inhoud")


# The rich-text features every editor gets in short texts (intros, descriptions).
RICHTEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
