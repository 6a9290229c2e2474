"""APA 7 reference of a product, for visitors to copy."""

from django.utils.dateformat import format as datumformaat

TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la"}


def apa_auteur(naam):
    """'Suzan van der Pas' -> 'van der Pas, S.'.

    A one-word name, or one with more than one surname word besides the particles
    ('Hogeschool van Arnhem Nijmegen'), is taken to be an organisation and stays as is.
    """
    delen = naam.split()
    if len(delen) < 2:
        return naam
    voornaam, rest = delen[0], delen[1:]
    if len([deel for deel in rest if deel.lower() not in TUSSENVOEGSELS]) != 1:
        return naam
    initialen = "-".join(f"{deel[0]}." for deel in voornaam.split("-") if deel)
    return f"{' '.join(rest)}, {initialen}"


def apa_auteurs(namen):
    namen = [apa_auteur(naam) for naam in namen]
    if not namen:
        return ""
    if len(namen) == 1:
        return namen[0]
    return ", ".join(namen[:-1]) + ", & " + namen[-1]


# Types that APA 7 dates to the day (blog posts, videos, podcast episodes): "(2017, 2 juli)".
OP_DE_DAG = {"column", "video", "podcast"}


def apa_datum(product):
    """The date part of the reference: the year, or year and day for the types above; only the
    year when the exact date is not known (``datum_bij_benadering``)."""
    datum = product.publicatiedatum
    if product.datum_bij_benadering or product.product_type not in OP_DE_DAG:
        return str(datum.year)
    return f"{datum.year}, {datumformaat(datum, 'j F')}"


def met_punt(tekst):
    """A title ends with a full stop, unless it ends with one already, or with ? or !."""
    return tekst if tekst.endswith((".", "?", "!")) else f"{tekst}."


def apa_referentie(product, url):
    uitgever = "Werkplaatsen Sociaal Domein"
    if product.werkplaats_id:
        uitgever = f"Werkplaats Sociaal Domein {product.werkplaats.title}"
    jaar = apa_datum(product)
    auteurs = apa_auteurs(product.auteursnamen)
    if not auteurs or auteurs == uitgever:
        # A group author that is also the publisher is named once (APA 7, 9.25).
        return f"{uitgever}. ({jaar}). {met_punt(product.title)} {url}"
    return f"{auteurs} ({jaar}). {met_punt(product.title)} {uitgever}. {url}"
