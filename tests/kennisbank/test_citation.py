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
        datum_bij_benadering=False,
        product_type="factsheet",
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


@pytest.mark.parametrize(
    ("product_type", "bij_benadering", "datum"),
    [
        ("column", False, "(2017, 2 juli)"),
        ("podcast", False, "(2017, 2 juli)"),
        ("rapport", False, "(2017)"),
        ("column", True, "(2017)"),
        ("rapport", True, "(2017)"),
    ],
)
def test_reference_dates_columns_to_the_day_and_approximate_dates_to_the_year(
    product_type, bij_benadering, datum
):
    product = SimpleNamespace(
        werkplaats_id=None,
        publicatiedatum=datetime.date(2017, 7, 2),
        datum_bij_benadering=bij_benadering,
        product_type=product_type,
        auteursnamen=["Guido Walraven"],
        title="Wat is goede ondersteuning en zorg?",
    )
    assert apa_referentie(product, "https://x/") == (
        f"Walraven, G. {datum}. Wat is goede ondersteuning en zorg? "
        "Werkplaatsen Sociaal Domein. https://x/"
    )
