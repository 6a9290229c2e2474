"""Snowball's Dutch stemmer for search on SQLite (see dutch_search.py)."""

import re
from functools import lru_cache

import snowballstemmer

# Word characters as FTS5's unicode61 tokenizer sees them: letters and digits.
WOORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


def stem(tekst):
    """The words of ``tekst``, lower case and stemmed, separated by spaces."""
    woorden = WOORD.findall(tekst.lower())
    return " ".join(_stemmer().stemWords(woorden))
