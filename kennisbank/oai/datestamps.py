"""OAI-PMH datestamps: UTC, to the second (``YYYY-MM-DDThh:mm:ssZ``); ``from`` and ``until``
may also be given as a day (``YYYY-MM-DD``)."""

import datetime
import re

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
_DAG = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECONDE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def format_datestamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(waarde):
    """(first moment, first moment after) of a datestamp, and its granularity ("dag" or
    "seconde"); ValueError when it is neither form."""
    if _DAG.fullmatch(waarde):
        dag = datetime.datetime.strptime(waarde, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
        return dag, dag + datetime.timedelta(days=1), "dag"
    if _SECONDE.fullmatch(waarde):
        moment = datetime.datetime.strptime(waarde, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.UTC
        )
        return moment, moment + datetime.timedelta(seconds=1), "seconde"
    raise ValueError(waarde)
