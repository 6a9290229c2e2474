"""The events calendar (/agenda.ics), parsed with a standard iCalendar parser."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import ical
from portal.basis.site_url import site_url
from tests.support.role_tree import add_event
from tests.support.tree import add_symposium, build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    add_symposium(tree)
    return tree


def test_icalendar_feed_parses(tree, client):
    response = client.get("/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Symposium; met komma, en puntkomma"]
    assert str(events[0]["LOCATION"]) == "Utrecht"
    # The long description is folded over several lines and unfolds to the text as it was.
    assert b"\r\n " in response.content
    assert str(events[0]["DESCRIPTION"]) == "Een lange beschrijving " * 10


# Found by mutation testing (scripts/mutation.sh ical): what the feed test above left open.

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def kalender(client, params=None):
    response = client.get(reverse("agenda_ics"), params or {})
    assert response.status_code == 200
    return response, icalendar.Calendar.from_ical(response.content)


def test_the_calendar_header_and_download_name(tree, client):
    response, calendar = kalender(client)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["PRODID"]) == ical.PRODID
    assert str(calendar["X-WR-CALNAME"]) == "Agenda Werkplaatsen Sociaal Domein"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Amsterdam"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'inline; filename="agenda-werkplaatsen-sociaal-domein.ics"'
    )
    assert response.content.endswith(b"END:VCALENDAR\r\n")


def test_the_time_zone_has_the_rules_of_amsterdam(tree, client):
    """The VTIMEZONE, read back by the parser, gives Amsterdam's offsets and names all year."""
    _response, calendar = kalender(client)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    assert {c.name for c in zone.subcomponents} == {"DAYLIGHT", "STANDARD"}
    tz = zone.to_tz(lookup_tzid=False)
    moment = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    while moment.year < 2031:  # every six hours, so the transitions fall in between
        verwacht = moment.astimezone(AMSTERDAM)
        gelezen = moment.astimezone(tz)
        assert gelezen.utcoffset() == verwacht.utcoffset(), moment
        assert gelezen.tzname() == verwacht.tzname(), moment
        moment += datetime.timedelta(hours=6)


def test_an_event_in_full(tree, client):
    winter = datetime.datetime(2030, 1, 15, 9, 30, tzinfo=AMSTERDAM)
    evenement = add_event(
        tree["agenda"],
        "Winterschool",
        winter,
        eind=winter + datetime.timedelta(hours=3),
        soort="leerkring",
        samenvatting="Regels\\met; tekens, en\r\nregeleinden\nvan beide soorten",
        slug="winterschool",
    )
    voor = timezone.now().replace(microsecond=0)
    _response, calendar = kalender(client, {"soort": "leerkring"})
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"evenement-{evenement.pk}@werkplaatsensociaaldomein.nl"
    assert vevent["DTSTART"].dt == winter
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert vevent["DTSTART"].to_ical() == b"20300115T093000"  # local time, not UTC
    assert vevent["DTEND"].dt == winter + datetime.timedelta(hours=3)
    assert vevent["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert voor <= vevent["DTSTAMP"].dt <= timezone.now()
    assert str(vevent["DESCRIPTION"]) == ("Regels\\met; tekens, en\nregeleinden\nvan beide soorten")
    assert str(vevent["URL"]) == evenement.full_url
    assert vevent["URL"].to_ical().decode().startswith(site_url())
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["Leerkring"]
    assert str(vevent["LOCATION"]) == "Utrecht"


def test_an_event_without_end_or_place(tree, client):
    zomer = datetime.datetime(2030, 7, 1, 20, 0, tzinfo=AMSTERDAM)
    add_event(
        tree["agenda"],
        "Avondwebinar",
        zomer,
        soort="webinar",
        locatie="",
        online=True,
        slug="avond",
    )
    add_event(
        tree["agenda"],
        "Studiedag",
        datetime.datetime(2030, 7, 2, 23, 30, tzinfo=AMSTERDAM),  # UTC: still the 2nd
        hele_dag=True,
        soort="bijeenkomst",
        slug="studiedag",
    )
    _response, calendar = kalender(client, {"soort": "webinar"})
    (webinar,) = calendar.walk("VEVENT")
    assert webinar["DTSTART"].to_ical() == b"20300701T200000"
    assert webinar["DTEND"].dt == zomer + datetime.timedelta(hours=2)
    assert "LOCATION" not in webinar
    _response, calendar = kalender(client, {"soort": "bijeenkomst"})
    (studiedag,) = calendar.walk("VEVENT")
    assert studiedag["DTSTART"].dt == datetime.date(2030, 7, 2)
    assert studiedag["DTEND"].dt == datetime.date(2030, 7, 3)  # the end is exclusive


def test_events_come_in_order_of_start(tree, client):
    basis = datetime.datetime(2030, 5, 1, 12, 0, tzinfo=AMSTERDAM)
    later = add_event(tree["agenda"], "Later", basis, soort="webinar", slug="later")
    eerder = add_event(
        tree["agenda"], "Eerder", basis - datetime.timedelta(days=1), soort="webinar", slug="eerder"
    )
    gelijk = add_event(tree["agenda"], "Gelijk", basis, soort="webinar", slug="gelijk")
    _response, calendar = kalender(client, {"soort": "webinar"})
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == [
        e.title for e in sorted([later, eerder, gelijk], key=lambda e: (e.start, e.pk))
    ]


@pytest.mark.parametrize("voorvoegsel", ["", "x"])  # both parities of the byte offsets
def test_long_lines_are_folded_at_75_octets_between_characters(tree, client, voorvoegsel):
    tekst = voorvoegsel + "Ëën ïdeë voor één café " * 12
    add_event(
        tree["agenda"],
        "Lang",
        datetime.datetime(2030, 6, 1, 10, 0, tzinfo=AMSTERDAM),
        soort="leerkring",
        samenvatting=tekst,
        slug="lang",
    )
    response, calendar = kalender(client, {"soort": "leerkring"})
    regels = response.content.split(b"\r\n")
    assert max(len(regel) for regel in regels) == 75  # long lines are cut at 75 exactly
    for regel in regels:
        regel.decode()  # no line ends within a character
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["DESCRIPTION"]) == tekst
