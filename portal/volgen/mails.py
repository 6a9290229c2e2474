"""The mails: each with an HTML and a plain-text part, and (to subscribers) the RFC 8058
one-click unsubscribe headers and a link to manage every subscription of the address."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.rich_text import expand_db_html

from portal.basis.site_url import volledige_url
from portal.volgen import tokens
from portal.volgen.platte_tekst import absolute_links, platte_tekst


def bevestig_url(attendering, frequentie):
    token = tokens.bevestigingstoken(attendering, frequentie)
    return volledige_url(reverse("volgen:bevestigen", args=[token]))


def afmeld_url(attendering):
    return volledige_url(reverse("volgen:afmelden", args=[tokens.afmeldtoken(attendering)]))


def beheer_url(email):
    return volledige_url(reverse("volgen:beheren", args=[tokens.beheertoken(email)]))


def bericht(naar, onderwerp, sjabloon, context, attendering=None):
    """A mail from the templates volgen/mail/<sjabloon>.html and .txt. With ``attendering``:
    the unsubscribe headers and links for that subscription."""
    context = {**context, "site_url": volledige_url("/"), "onderwerp": onderwerp}
    headers = {}
    if attendering is not None:
        context["afmeld_url"] = afmeld_url(attendering)
        context["beheer_url"] = beheer_url(attendering.email)
        headers = {
            "List-Unsubscribe": f"<{context['afmeld_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        }
    mail = EmailMultiAlternatives(
        subject=onderwerp,
        body=render_to_string(f"volgen/mail/{sjabloon}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[naar],
        headers=headers,
    )
    mail.attach_alternative(render_to_string(f"volgen/mail/{sjabloon}.html", context), "text/html")
    return mail


def bewaartermijnen():
    """How long a confirmation link works and an unconfirmed sign-up is kept, for the texts."""
    return {
        "geldig_uren": int(settings.VOLGEN_BEVESTIGING_GELDIG.total_seconds() // 3600),
        "bewaardagen": settings.VOLGEN_ONBEVESTIGD_BEWAREN.days,
    }


def bevestigingsmail(attendering, frequentie):
    return bericht(
        attendering.email,
        _("Bevestig uw aanmelding"),
        "bevestigen",
        {
            "attendering": attendering,
            "frequentie": frequentie,
            "bevestig_url": bevestig_url(attendering, frequentie),
            **bewaartermijnen(),
        },
    )


def overzichtsmail(attendering, producten, selectie_url):
    onderwerp = ngettext(
        "Nieuw in de kennisbank: %(aantal)d product",
        "Nieuw in de kennisbank: %(aantal)d producten",
        len(producten),
    ) % {"aantal": len(producten)}
    return bericht(
        attendering.email,
        onderwerp,
        "overzicht",
        {
            "attendering": attendering,
            "producten": [(p, volledige_url(p.url)) for p in producten],
            "selectie_url": selectie_url,
        },
        attendering=attendering,
    )


def nieuwsbriefmail(pagina, naar, attendering=None, test=False):
    """The newsletter ``pagina`` as a mail to ``naar``; ``test``: marked as a test in its
    subject, without unsubscribe headers (the address need not be subscribed)."""
    inhoud = absolute_links(expand_db_html(pagina.body))
    onderwerp = pagina.title
    if test:
        onderwerp = _("[Test] %(titel)s") % {"titel": pagina.title}
    context = {
        "pagina": pagina,
        "inhoud": inhoud,
        "inhoud_tekst": platte_tekst(inhoud),
        "archief_url": volledige_url(pagina.url) if pagina.live and pagina.url else None,
        "test": test,
    }
    return bericht(naar, onderwerp, "nieuwsbrief", context, attendering=attendering)


def mail_voorbeeld(pagina, request, modus):
    """Wagtail's preview of a newsletter as the mail's HTML (``mail``) or text (``tekst``)."""
    email = getattr(request.user, "email", "") or "voorbeeld@example.org"
    mail = nieuwsbriefmail(pagina, email, test=True)
    if modus == "tekst":
        return HttpResponse(mail.body, content_type="text/plain; charset=utf-8")
    html, _mimetype = mail.alternatives[0]
    return HttpResponse(html)
