import pytest

from kennisbank.citatie import apa_auteur, apa_auteurs


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
