"""A schematic map of the Netherlands as inline SVG: no tiles, no external requests.

Positions are projected from latitude/longitude with a plain equirectangular projection,
corrected for the latitude, which is accurate enough at this scale.
"""

import math
from dataclasses import dataclass

BREEDTE = 400
NOORD, ZUID, WEST, OOST = 53.65, 50.65, 3.2, 7.35
SCHAAL = BREEDTE / ((OOST - WEST) * math.cos(math.radians(52.2)))
HOOGTE = round((NOORD - ZUID) * SCHAAL)

# A simplified outline of the mainland (longitude, latitude), clockwise from Zeeuws-Vlaanderen.
OMTREK = [
    (3.37, 51.37),
    (3.58, 51.45),
    (3.44, 51.54),
    (3.69, 51.71),
    (3.98, 51.82),
    (4.12, 51.99),
    (4.29, 52.11),
    (4.44, 52.26),
    (4.57, 52.46),
    (4.62, 52.66),
    (4.72, 52.96),
    (5.05, 52.93),
    (5.40, 53.11),
    (5.56, 53.30),
    (5.95, 53.41),
    (6.35, 53.42),
    (6.85, 53.46),
    (7.20, 53.25),
    (7.21, 53.00),
    (7.05, 52.64),
    (7.06, 52.39),
    (6.98, 52.22),
    (6.70, 51.92),
    (6.15, 51.85),
    (5.95, 51.78),
    (6.22, 51.50),
    (6.09, 51.17),
    (5.90, 51.04),
    (6.02, 50.76),
    (5.69, 50.75),
    (5.64, 50.98),
    (5.82, 51.16),
    (5.23, 51.26),
    (4.80, 51.50),
    (4.43, 51.37),
    (4.24, 51.37),
    (3.90, 51.21),
    (3.52, 51.29),
]
# The Wadden islands, roughly, so the north reads as the Netherlands.
EILANDEN = [
    [(4.72, 53.00), (4.90, 53.19), (4.85, 52.99)],
    [(4.95, 53.25), (5.35, 53.40), (5.05, 53.28)],
    [(5.45, 53.42), (6.00, 53.47), (5.55, 53.45)],
    [(6.10, 53.47), (6.40, 53.51), (6.15, 53.49)],
]


def punt(lengtegraad, breedtegraad):
    x = (float(lengtegraad) - WEST) * SCHAAL * math.cos(math.radians(52.2))
    y = (NOORD - float(breedtegraad)) * SCHAAL
    return round(x, 1), round(y, 1)


def _pad(punten):
    coords = [punt(lon, lat) for lon, lat in punten]
    return "M" + " L".join(f"{x},{y}" for x, y in coords) + " Z"


@dataclass
class Markering:
    werkplaats: object
    x: float
    y: float
    label: str
    label_x: float = 0
    label_y: float = 0
    anker: str = "start"


LABEL_HOOGTE = 14
TEKEN_BREEDTE = 7.4  # average width of a 13px semibold character
# (dx, dy, text-anchor) of the label relative to its marker, in order of preference.
LABELPLEKKEN = [(10, 4, "start"), (-10, 4, "end"), (0, -10, "middle"), (0, 19, "middle")]


def _kader(markering, dx, dy, anker):
    breedte = len(markering.label) * TEKEN_BREEDTE
    links = markering.x + dx - {"start": 0, "end": breedte, "middle": breedte / 2}[anker]
    onder = markering.y + dy + 3
    return (links, onder - LABEL_HOOGTE, links + breedte, onder)


def _overlap(a, b):
    breedte = min(a[2], b[2]) - max(a[0], b[0])
    hoogte = min(a[3], b[3]) - max(a[1], b[1])
    return max(breedte, 0) * max(hoogte, 0)


def _plaats_labels(markeringen):
    """Greedy placement: each label where it covers the fewest labels and markers so far."""
    bezet = [(m.x - 7, m.y - 7, m.x + 7, m.y + 7) for m in markeringen]
    for markering in markeringen:

        def kosten(plek, markering=markering):
            kader = _kader(markering, *plek)
            buiten = kader[0] < -10 or kader[2] > BREEDTE + 10
            return sum(_overlap(kader, ander) for ander in bezet) + (10_000 if buiten else 0)

        dx, dy, anker = min(LABELPLEKKEN, key=kosten)
        markering.label_x, markering.label_y, markering.anker = (
            markering.x + dx,
            markering.y + dy,
            anker,
        )
        bezet.append(_kader(markering, dx, dy, anker))


def kaart(werkplaatsen):
    """Everything the map template needs; Werkplaatsen without a position are left off."""
    markeringen = []
    for werkplaats in werkplaatsen:
        if werkplaats.kaart_breedtegraad is None or werkplaats.kaart_lengtegraad is None:
            continue
        x, y = punt(werkplaats.kaart_lengtegraad, werkplaats.kaart_breedtegraad)
        label = werkplaats.korte_naam or werkplaats.title
        markeringen.append(Markering(werkplaats, x, y, label))
    _plaats_labels(sorted(markeringen, key=lambda m: m.x))
    return {
        "breedte": BREEDTE,
        "hoogte": HOOGTE,
        "omtrek": _pad(OMTREK),
        "eilanden": [_pad(eiland) for eiland in EILANDEN],
        "markeringen": markeringen,
    }
