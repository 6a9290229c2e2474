"""The log filter that keeps a failing dependency from flooding the log."""

import logging
from unittest import mock

from portal.site.logboek import EensPerTijdvak


def record(bericht="Exception ignored", naam="portal.cache"):
    return logging.LogRecord(naam, logging.ERROR, __file__, 1, bericht, None, None)


def test_a_repeated_message_passes_once_per_period_and_counts_the_rest():
    filter_ = EensPerTijdvak(seconden=60)
    with mock.patch("portal.site.logboek.time.monotonic", return_value=1000.0):
        assert filter_.filter(record())
        assert not any(filter_.filter(record()) for _ in range(41))
        assert filter_.filter(record("Iets anders"))
        assert filter_.filter(record(naam="ander.logger"))
    with mock.patch("portal.site.logboek.time.monotonic", return_value=1061.0):
        volgende = record()
        assert filter_.filter(volgende)
    assert "41x niet gelogd" in volgende.getMessage()
