"""Fields that editors fill in for each other and for visitors' trust: where content comes from
(a note only editors see) and whether it is a made-up example (a label visitors see).

A source note (*bronnotitie*) says where facts come from and what is uncertain about them, for
the editors who check or update the page. It is shown in the admin in the panel "Bron (alleen
voor redactie)" and nowhere on the site: no template, search index, API or feed uses it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

BRON_KOP = _("Bron (alleen voor redactie)")


def bronnotitie_veld():
    return models.TextField(
        _("bronnotitie"),
        blank=True,
        help_text=_(
            "Waar de gegevens vandaan komen en wat er onzeker aan is, voor collega-redacteuren. "
            "Wordt nooit op de site getoond."
        ),
    )


def voorbeeld_veld(help_text):
    return models.BooleanField(_("voorbeeld"), default=False, help_text=help_text)


def bron_panel(*velden):
    """The admin panel with the source note (and other fields only editors see)."""
    return MultiFieldPanel(
        [*(FieldPanel(veld) for veld in velden), FieldPanel("herkomst_notitie")],
        heading=BRON_KOP,
    )
