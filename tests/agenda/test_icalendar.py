"""The events calendar (/agenda.ics), parsed with a standard iCalendar parser."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from agenda.models import EvenementPage
from tests.support.tree import build_tree, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    start = timezone.now() + datetime.timedelta(days=30)
    publish(
        tree["agenda"],
        EvenementPage(
            title="Symposium; met komma, en puntkomma",
            slug="symposium",
            soort="symposium",
            start=start,
            eind=start + datetime.timedelta(hours=6),
            samenvatting="Een lange beschrijving " * 10,
            locatie="Utrecht",
        ),
    )
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
