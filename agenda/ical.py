"""The events calendar as an iCalendar (RFC 5545) feed."""

import datetime
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone

from agenda.filters import Agendafilter
from agenda.models import EvenementPage, EvenementSoort
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


TZID = "Europe/Amsterdam"
# RFC 5545 wants a VTIMEZONE for every TZID used; the EU rules since 1996.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]
AMSTERDAM = ZoneInfo(TZID)


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _tijden(evenement):
    """DTSTART and DTEND: dates for a whole-day event (the end exclusive), else local times."""
    if evenement.hele_dag:
        eerste = evenement.start.astimezone(AMSTERDAM).date()
        laatste = (evenement.eind or evenement.start).astimezone(AMSTERDAM).date()
        einde = max(laatste, eerste) + datetime.timedelta(days=1)
        return [
            f"DTSTART;VALUE=DATE:{eerste:%Y%m%d}",
            f"DTEND;VALUE=DATE:{einde:%Y%m%d}",
        ]
    eind = evenement.eind or evenement.start + datetime.timedelta(hours=2)
    return [
        f"DTSTART;TZID={TZID}:{evenement.start.astimezone(AMSTERDAM):%Y%m%dT%H%M%S}",
        f"DTEND;TZID={TZID}:{eind.astimezone(AMSTERDAM):%Y%m%dT%H%M%S}",
    ]


def vevent(evenement, base_url, stamp):
    regels = [
        "BEGIN:VEVENT",
        f"UID:evenement-{evenement.pk}@werkplaatsensociaaldomein.nl",
        f"DTSTAMP:{_utc(stamp)}",
        *_tijden(evenement),
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
    """Every public event that the agenda lists with the same filters, past ones included."""
    base_url = site_url()
    stamp = timezone.now()
    agendafilter = Agendafilter(request.GET, EvenementSoort.choices)
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Agenda Werkplaatsen Sociaal Domein",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    evenementen = agendafilter.toepassen(EvenementPage.objects.overzicht()).order_by("start", "pk")
    for evenement in evenementen:
        regels += vevent(evenement, base_url, stamp)
    regels.append("END:VCALENDAR")
    body = "\r\n".join(_fold(regel) for regel in regels) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda-werkplaatsen-sociaal-domein.ics"'
    return response


def evenement_ics(evenement):
    """One event as an iCalendar file, e.g. for the attachment of a confirmation mail."""
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
        *vevent(evenement, site_url(), timezone.now()),
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(regel) for regel in regels) + "\r\n"
