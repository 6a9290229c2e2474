"""The events calendar as an iCalendar (RFC 5545) feed."""

import datetime

from django.http import HttpResponse
from django.utils import timezone

from agenda.models import EvenementPage
from portal.basis.site_url import site_url

PRODID = "-//Associatie Werkplaatsen Sociaal Domein//Agenda//NL"


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode()
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
    parts.append(data)
    return b"\r\n ".join(parts).decode()


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(evenement, base_url, stamp):
    eind = evenement.eind or evenement.start + datetime.timedelta(hours=2)
    regels = [
        "BEGIN:VEVENT",
        f"UID:evenement-{evenement.pk}@werkplaatsensociaaldomein.nl",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(evenement.start)}",
        f"DTEND:{_utc(eind)}",
        f"SUMMARY:{_escape(evenement.title)}",
        f"DESCRIPTION:{_escape(evenement.samenvatting)}",
        f"URL:{base_url}{evenement.url}",
        f"CATEGORIES:{_escape(evenement.get_soort_display())}",
    ]
    if evenement.locatie:
        regels.append(f"LOCATION:{_escape(evenement.locatie)}")
    regels.append("END:VEVENT")
    return regels


def agenda_ics(request):
    base_url = site_url()
    stamp = timezone.now()
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Agenda Werkplaatsen Sociaal Domein",
    ]
    for evenement in EvenementPage.objects.overzicht().order_by("start"):
        regels += vevent(evenement, base_url, stamp)
    regels.append("END:VCALENDAR")
    body = "\r\n".join(_fold(regel) for regel in regels) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda-werkplaatsen-sociaal-domein.ics"'
    return response
