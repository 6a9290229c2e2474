import datetime
from types import SimpleNamespace

import pytest

from kennisbank.citatie import apa_auteur, apa_auteurs, apa_referentie


@pytest.mark.parametrize(
    "naam,apa",
    [
        ("Toby Witte", "Witte, T."),
        ("Suzan van der Pas", "van der Pas, S."),
        ("Marja Jager-Vreugdenhil", "Jager-Vreugdenhil, M."),
        ("Movisie", "Movisie"),
        ("Hogeschool van Arnhem Nijmegen", "Hogeschool van Arnhem Nijmegen"),
        ("Ruben de Cuyper", "de Cuyper, R."),
    ],
)
def test_apa_author(naam, apa):
    assert apa_auteur(naam) == apa


def test_apa_author_list():
    assert apa_auteurs(["Toby Witte", "Guido Walraven"]) == "Witte, T., & Walraven, G."
    assert apa_auteurs(["A B", "C D", "E F"]) == "B, A., D, C., & F, E."


def test_reference_without_authors_names_the_werkplaats_once():
    product = SimpleNamespace(
        werkplaats_id=1,
        werkplaats=SimpleNamespace(title="Twente"),
        publicatiedatum=datetime.date(2025, 1, 15),
        auteursnamen=[],
        title="Factsheet",
    )
    assert apa_referentie(product, "https://x/") == (
        "Werkplaats Sociaal Domein Twente. (2025). Factsheet. https://x/"
    )
    product.auteursnamen = ["Margriet Braun"]
    assert apa_referentie(product, "https://x/") == (
        "Braun, M. (2025). Factsheet. Werkplaats Sociaal Domein Twente. https://x/"
    )
