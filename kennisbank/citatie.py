"""APA 7 reference of a product, for visitors to copy."""

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


def apa_referentie(product, url):
    uitgever = "Werkplaatsen Sociaal Domein"
    if product.werkplaats_id:
        uitgever = f"Werkplaats Sociaal Domein {product.werkplaats.title}"
    jaar = product.publicatiedatum.year
    auteurs = apa_auteurs(product.auteursnamen)
    if not auteurs or auteurs == uitgever:
        # A group author that is also the publisher is named once (APA 7, 9.25).
        return f"{uitgever}. ({jaar}). {product.title}. {url}"
    return f"{auteurs} ({jaar}). {product.title}. {uitgever}. {url}"
