from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ProgrammaOnderdeelBlock(blocks.StructBlock):
    begintijd = blocks.TimeBlock(label=_("begintijd"))
    eindtijd = blocks.TimeBlock(label=_("eindtijd"), required=False)
    titel = blocks.CharBlock(label=_("titel"), max_length=200)
    sprekers = blocks.ListBlock(
        SnippetChooserBlock("werkplaatsen.Persoon"),
        label=_("sprekers (lectoren)"),
        required=False,
        help_text=_("Sprekers die in het portaal staan (personen)."),
    )
    overige_sprekers = blocks.CharBlock(
        label=_("overige sprekers"),
        required=False,
        help_text=_("Namen van sprekers die niet in het portaal staan, komma-gescheiden."),
    )
    zaal = blocks.CharBlock(label=_("zaal"), required=False, max_length=100)
    toelichting = blocks.TextBlock(label=_("toelichting"), required=False)

    class Meta:
        icon = "time"
        label = _("programmaonderdeel")
        template = "components/blocks/programmaonderdeel.html"


class ProgrammaBlock(blocks.StreamBlock):
    onderdeel = ProgrammaOnderdeelBlock()

    class Meta:
        label = _("programma")
