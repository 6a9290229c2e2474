"""Reading and loading CBS's list of gemeenten (werkplaatsen/plaatsen.py) at its edges: the
files CBS and spreadsheets write (a byte order mark, semicolons, line breaks inside a quoted
field, a comma file with semicolons in a column name) and an update of a gemeente that changed."""

import pytest

from werkplaatsen.models import Gemeente, Provincie
from werkplaatsen.plaatsen import laad_gemeenten, lees_gemeenten

KOP = ["GemeentecodeGM", "Gemeentenaam", "Provincienaam"]


def schrijf(tmp_path, regels, scheiding=",", **opties):
    bestand = tmp_path / "gemeenten.csv"
    tekst = "\r\n".join(scheiding.join(regel) for regel in regels) + "\r\n"
    bestand.write_text(tekst, newline="", **opties)
    return bestand


def test_a_csv_with_a_byte_order_mark_is_read_as_utf8(tmp_path):
    """Excel and CBS's export write UTF-8 with a byte order mark before the first column."""
    rijen = [KOP, ["GM1900", "Súdwest-Fryslân", "Fryslân"]]
    bestand = schrijf(tmp_path, rijen, ";", encoding="utf-8-sig")
    assert bestand.read_bytes().startswith(b"\xef\xbb\xbf")
    assert lees_gemeenten(bestand) == [("GM1900", "Súdwest-Fryslân", Provincie.FRYSLAN)]


def test_a_line_break_inside_a_quoted_name_is_kept_as_written(tmp_path):
    bestand = tmp_path / "gemeenten.csv"
    bestand.write_bytes(
        b'GemeentecodeGM,Gemeentenaam,Provincienaam\r\nGM0014,"Groningen\r\n(stad)",Groningen\r\n'
    )
    assert lees_gemeenten(bestand) == [("GM0014", "Groningen\r\n(stad)", Provincie.GRONINGEN)]


@pytest.mark.parametrize("scheiding", [",", ";"])
def test_the_separator_is_the_one_the_header_uses_most(tmp_path, scheiding):
    """A comma file may name a column with semicolons in it (quoted), as many as its commas."""
    extra = '"Opmerking; bron; datum; versie"' if scheiding == "," else "Opmerking"
    rijen = [[*KOP, extra], ["GM0014", "Groningen", "Groningen", "x"]]
    bestand = schrijf(tmp_path, rijen, scheiding, encoding="utf-8")
    kop = bestand.read_text(encoding="utf-8").splitlines()[0]
    if scheiding == ",":
        assert kop.count(";") == kop.count(",") == 3
    assert lees_gemeenten(bestand) == [("GM0014", "Groningen", Provincie.GRONINGEN)]


@pytest.mark.django_db
def test_a_gemeente_whose_name_or_province_changed_is_updated():
    rijen = lees_gemeenten()
    code, naam, provincie = rijen[0]
    andere = next(p for p in Provincie.values if p != provincie)
    gewijzigd = [(code, f"{naam} (nieuw)", andere), *rijen[1:]]
    assert laad_gemeenten(Gemeente, gewijzigd) == (0, 1, [])
    gemeente = Gemeente.objects.get(cbs_code=code)
    assert (gemeente.naam, gemeente.provincie) == (f"{naam} (nieuw)", andere)
    assert Gemeente.objects.count() == len(rijen)
    assert laad_gemeenten(Gemeente, rijen[1:]) == (0, 0, [code])
    assert Gemeente.objects.filter(cbs_code=code).exists()


@pytest.mark.parametrize(
    "rij",
    [
        ["GM14", "Groningen", "Groningen"],  # not a CBS code
        ["", "Groningen", "Groningen"],
        ["GM0014", "", "Groningen"],
        ["GM0014", "  ", "Groningen"],
        ["GM0014", "Groningen", "Atlantis"],
        ["GM0014", "Groningen", ""],
        ["GM0034", "Almere", "Flevoland"],  # the code of the row before
    ],
)
def test_every_bad_row_is_refused_with_its_line(tmp_path, rij):
    rijen = [KOP, ["GM0034", "Almere", "Flevoland"], rij]
    bestand = schrijf(tmp_path, rijen, encoding="utf-8")
    with pytest.raises(ValueError, match="regel 3: ongeldige of dubbele rij"):
        lees_gemeenten(bestand)
