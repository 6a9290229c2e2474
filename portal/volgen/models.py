"""Subscriptions (alerts on a kennisbank selection, the newsletter) and the newsletter pages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.basis.blocks import RICHTEXT_FEATURES
from portal.basis.openbaar import BewaardeBeperkingen
from portal.volgen.mails import mail_voorbeeld


class Soort(models.TextChoices):
    SELECTIE = "selectie", _("Attendering op een selectie")
    NIEUWSBRIEF = "nieuwsbrief", _("Nieuwsbrief")


class Frequentie(models.TextChoices):
    DAGELIJKS = "dagelijks", _("Dagelijks")
    WEKELIJKS = "wekelijks", _("Wekelijks")


class AttenderingQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(bevestigd_op__isnull=False)

    def verlopen_onbevestigd(self, nu=None):
        grens = (nu or timezone.now()) - settings.VOLGEN_ONBEVESTIGD_BEWAREN
        return self.filter(bevestigd_op__isnull=True, aangemaakt_op__lt=grens)


class Attendering(models.Model):
    """One address following one kennisbank selection, or the newsletter.

    Created unconfirmed by the sign-up form; only the link in the confirmation mail sets
    ``bevestigd_op``. Nothing but that mail goes to an unconfirmed address, and an unconfirmed
    one is deleted after VOLGEN_ONBEVESTIGD_BEWAREN.
    """

    email = models.EmailField(_("e-mailadres"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    # The normalised query string of the kennisbank filter (Kennisbankfilter.querystring).
    selectie = models.CharField(_("selectie"), max_length=2000, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=500, blank=True)
    frequentie = models.CharField(
        _("frequentie"), max_length=20, choices=Frequentie.choices, blank=True
    )
    aangemaakt_op = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    # Products first published after this moment go into the next digest.
    verstuurd_tot = models.DateTimeField(_("verstuurd tot"), null=True, blank=True)

    objects = AttenderingQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendering")
        verbose_name_plural = _("attenderingen")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "soort", "selectie"], name="volgen_attendering_uniek"
            )
        ]

    def __str__(self):
        return f"{self.email}: {self.omschrijving or self.get_soort_display()}"


class NieuwsbriefIndexPage(BewaardeBeperkingen, Page):
    """The newsletter's home: sign-up and the archive of sent newsletters."""

    intro = RichTextField(
        _("introductie"),
        blank=True,
        features=RICHTEXT_FEATURES,
        help_text=_(
            "Korte tekst boven de aanmeldlink en het archief van verstuurde nieuwsbrieven."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["volgen.NieuwsbriefPage"]
    max_count = 1

    class Meta:
        verbose_name = _("nieuwsbriefoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["nieuwsbrieven"] = (
            NieuwsbriefPage.objects.child_of(self)
            .live()
            .public()
            .filter(verzending__voltooid_op__isnull=False)
            .order_by("-verzending__voltooid_op", "-pk")
        )
        return context


class NieuwsbriefPage(BewaardeBeperkingen, Page):
    """One newsletter: written and previewed (as a web page and as a mail) in the admin, sent
    once to the confirmed subscribers (portal/volgen/nieuwsbrief.py)."""

    intro = models.TextField(
        _("introductie"),
        blank=True,
        help_text=_("Een of twee zinnen bovenaan de e-mail en de webpagina."),
    )
    body = RichTextField(
        _("inhoud"),
        features=RICHTEXT_FEATURES,
        help_text=_(
            "De tekst van de nieuwsbrief. Bekijk hem als e-mail met 'Voorbeeld' en kies "
            "daar 'E-mail (HTML)' of 'E-mail (platte tekst)'."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["volgen.NieuwsbriefIndexPage"]
    subpage_types = []

    preview_modes = [
        ("", _("Webpagina")),
        ("mail", _("E-mail (HTML)")),
        ("tekst", _("E-mail (platte tekst)")),
    ]

    class Meta:
        verbose_name = _("nieuwsbrief")
        verbose_name_plural = _("nieuwsbrieven")
        permissions = [("verstuur_nieuwsbrief", _("Kan nieuwsbrieven versturen"))]

    def serve_preview(self, request, mode_name):
        if mode_name in ("mail", "tekst"):
            return mail_voorbeeld(self, request, mode_name)
        return super().serve_preview(request, mode_name)


class NieuwsbriefVerzending(models.Model):
    """The one sending of a newsletter; a second attempt finds it and mails nobody twice."""

    pagina = models.OneToOneField(
        NieuwsbriefPage, on_delete=models.CASCADE, related_name="verzending"
    )
    verstuurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    begonnen_op = models.DateTimeField(default=timezone.now)
    voltooid_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("verzending van een nieuwsbrief")
        verbose_name_plural = _("verzendingen van nieuwsbrieven")

    def __str__(self):
        return f"{self.pagina_id}: {self.begonnen_op:%Y-%m-%d %H:%M}"


class NieuwsbriefBezorging(models.Model):
    """One address a newsletter went to: a resumed sending skips it."""

    verzending = models.ForeignKey(
        NieuwsbriefVerzending, on_delete=models.CASCADE, related_name="bezorgingen"
    )
    email = models.EmailField()
    verstuurd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["verzending", "email"], name="volgen_bezorging_uniek")
        ]

    def __str__(self):
        return self.email
