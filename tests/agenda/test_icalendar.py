"""The events calendar (/agenda.ics), parsed with a standard iCalendar parser."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import ical
from agenda.models import EvenementPage
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
    verwacht = [e.title for e in sorted([later, eerder, gelijk], key=lambda e: (e.start, e.pk))]
    _response, calendar = kalender(client, {"soort": "webinar"})
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == verwacht
    # Published again, the first of the two at the same time is stored after the other on
    # PostgreSQL (an update writes a new row version): the order still is that of the ids.
    later.save_revision().publish()
    _response, calendar = kalender(client, {"soort": "webinar"})
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == verwacht


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


def test_a_whole_day_event_over_several_days(tree, client):
    begin = datetime.datetime(2030, 9, 1, 0, 30, tzinfo=AMSTERDAM)  # UTC: still 31 August
    add_event(
        tree["agenda"],
        "Zomerschool",
        begin,
        eind=datetime.datetime(2030, 9, 3, 23, 30, tzinfo=AMSTERDAM),  # UTC: the 3rd, 21:30
        hele_dag=True,
        soort="leerkring",
        slug="zomerschool",
    )
    _response, calendar = kalender(client, {"soort": "leerkring"})
    (zomerschool,) = calendar.walk("VEVENT")
    assert zomerschool["DTSTART"].dt == datetime.date(2030, 9, 1)
    assert zomerschool["DTEND"].dt == datetime.date(2030, 9, 4)
    assert zomerschool["DTSTART"].params["VALUE"] == "DATE"


def test_uids_are_unique_and_stay_the_same(tree, client):
    for dag in range(3):
        add_event(
            tree["agenda"],
            f"Reeks {dag}",
            datetime.datetime(2030, 3, 1 + dag, 10, 0, tzinfo=AMSTERDAM),
            slug=f"reeks-{dag}",
        )
    _response, calendar = kalender(client)
    eerst = {str(v["SUMMARY"]): str(v["UID"]) for v in calendar.walk("VEVENT")}
    assert len(eerst) == EvenementPage.objects.overzicht().count() == 4
    assert len(set(eerst.values())) == len(eerst)
    evenement = EvenementPage.objects.get(slug="reeks-1")
    evenement.title = "Reeks 1, verschoven"
    evenement.start += datetime.timedelta(days=7)
    evenement.save_revision().publish()
    _response, calendar = kalender(client)
    daarna = {str(v["SUMMARY"]): str(v["UID"]) for v in calendar.walk("VEVENT")}
    assert daarna.pop("Reeks 1, verschoven") == eerst.pop("Reeks 1")
    assert daarna == eerst


def test_one_event_as_a_file_matches_its_entry_in_the_calendar(tree, client):
    evenement = EvenementPage.objects.get(slug="symposium")
    los = icalendar.Calendar.from_ical(ical.evenement_ics(evenement))
    assert str(los["METHOD"]) == "PUBLISH"
    assert str(los["VERSION"]) == "2.0"
    assert str(los["PRODID"]) == ical.PRODID
    assert str(los["CALSCALE"]) == "GREGORIAN"
    (zone,) = los.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    (vevent,) = los.walk("VEVENT")
    _response, calendar = kalender(client)
    (in_agenda,) = calendar.walk("VEVENT")
    for veld in ("UID", "SUMMARY", "DESCRIPTION", "URL", "LOCATION"):
        assert str(vevent[veld]) == str(in_agenda[veld]), veld
    for veld in ("DTSTART", "DTEND"):
        assert vevent[veld].dt == in_agenda[veld].dt, veld
    assert str(vevent["URL"]) == evenement.full_url
    assert abs(vevent["DTSTAMP"].dt - timezone.now()) < datetime.timedelta(minutes=1)


def test_text_is_escaped_as_rfc_5545_asks(tree, client):
    """Backslashes, semicolons and commas escaped in the raw text, not only readable by a
    lenient parser: a literal backslash-n stays text, a comma does not split CATEGORIES."""
    titel = "Pad C:\\nieuw; deel 1, 2"
    add_event(
        tree["agenda"],
        titel,
        datetime.datetime(2030, 4, 1, 10, 0, tzinfo=AMSTERDAM),
        soort="leerkring",
        samenvatting="Eerste regel\nTweede",
        slug="pad",
    )
    response, calendar = kalender(client, {"soort": "leerkring"})
    regels = response.content.decode().split("\r\n")
    assert "SUMMARY:Pad C:\\\\nieuw\\; deel 1\\, 2" in regels
    assert "DESCRIPTION:Eerste regel\\nTweede" in regels
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == titel


def namen(ics):
    """The property names of the unfolded content lines."""
    regels = ics.replace("\r\n ", "").split("\r\n")
    assert regels[-1] == ""  # every line ends with CRLF, the last one too
    return [re.split(r"[:;]", regel, maxsplit=1)[0] for regel in regels[:-1]]


def test_names_are_written_in_capitals(tree, client):
    """RFC 5545 reads names in any case, but writes them in capitals; not every client is
    lenient."""
    evenement = EvenementPage.objects.get(slug="symposium")
    response, _calendar = kalender(client)
    for ics in (response.content.decode(), ical.evenement_ics(evenement)):
        assert namen(ics)[0] == "BEGIN"
        assert namen(ics)[-1] == "END"
        assert all(naam == naam.upper() for naam in namen(ics)), namen(ics)
        assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") == 1
        assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
        assert ics.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")


def test_times_are_amsterdams_whatever_the_servers_time_zone(tree, client, settings):
    """The calendar names Europe/Amsterdam as its TZID, so its local times are Amsterdam's
    even on a server whose TIME_ZONE (and so the process's local time) is another."""
    settings.TIME_ZONE = "UTC"
    nacht = datetime.datetime(2030, 7, 1, 0, 30, tzinfo=AMSTERDAM)  # UTC: 30 June, 22:30
    add_event(tree["agenda"], "Nachtwebinar", nacht, soort="webinar", slug="nacht")
    add_event(
        tree["agenda"],
        "Tweedaagse",
        nacht + datetime.timedelta(days=1),
        eind=nacht + datetime.timedelta(days=2),
        hele_dag=True,
        soort="bijeenkomst",
        slug="tweedaagse",
    )
    _response, calendar = kalender(client, {"soort": "webinar"})
    (webinar,) = calendar.walk("VEVENT")
    assert webinar["DTSTART"].to_ical() == b"20300701T003000"
    assert webinar["DTEND"].to_ical() == b"20300701T023000"
    _response, calendar = kalender(client, {"soort": "bijeenkomst"})
    (tweedaagse,) = calendar.walk("VEVENT")
    assert tweedaagse["DTSTART"].dt == datetime.date(2030, 7, 2)
    assert tweedaagse["DTEND"].dt == datetime.date(2030, 7, 4)


def test_lines_are_folded_only_when_needed_and_as_late_as_possible(tree, client):
    """A line of exactly 75 octets stays whole; a longer one is cut at the last character
    that still fits, so no physical line could have held the next character."""
    precies = "x" * (75 - len("DESCRIPTION:"))
    add_event(
        tree["agenda"],
        "Precies",
        datetime.datetime(2030, 6, 1, 10, 0, tzinfo=AMSTERDAM),
        soort="leerkring",
        samenvatting=precies,
        slug="precies",
    )
    add_event(
        tree["agenda"],
        "Tweebytes",
        datetime.datetime(2030, 6, 2, 10, 0, tzinfo=AMSTERDAM),
        soort="leerkring",
        samenvatting="ë" * 100,
        slug="tweebytes",
    )
    add_event(
        tree["agenda"],
        "Eenbyte",
        datetime.datetime(2030, 6, 3, 10, 0, tzinfo=AMSTERDAM),
        soort="leerkring",
        samenvatting="y" * 100,
        slug="eenbyte",
    )
    response, calendar = kalender(client, {"soort": "leerkring"})
    regels = response.content.split(b"\r\n")
    assert f"DESCRIPTION:{precies}".encode() in regels
    for regel, volgende in zip(regels, regels[1:], strict=False):
        if volgende.startswith(b" "):
            eerste_teken = volgende[1:].decode()[0].encode()
            assert len(regel) + len(eerste_teken) > 75, (regel, volgende)
    beschrijvingen = sorted(str(v["DESCRIPTION"]) for v in calendar.walk("VEVENT"))
    assert beschrijvingen == sorted([precies, "ë" * 100, "y" * 100])
