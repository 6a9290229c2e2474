"""The events calendar (/agenda.ics), parsed with a standard iCalendar parser."""

import icalendar
import pytest

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
