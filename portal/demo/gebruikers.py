"""Demo users, one per role, for development only."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from portal.site.rollen import BEHEER_GROEP
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.rechten import ASSOCIATIE_GROEP, groep_van

# (username, first name, last name, group: a Werkplaats title or a role group)
DEMO_GEBRUIKERS = [
    ("redactie-noord-holland", "Noor", "Redacteur Noord-Holland", ("werkplaats", "Noord-Holland")),
    (
        "redactie-zuid-holland-zuid",
        "Zoë",
        "Redacteur Zuid-Holland Zuid",
        ("werkplaats", "Zuid-Holland Zuid"),
    ),
    ("redactie-associatie", "Anna", "Redacteur Associatie", ("groep", ASSOCIATIE_GROEP)),
    ("beheer", "Bas", "Beheerder", ("groep", BEHEER_GROEP)),
]


def lees_wachtwoorden(bestand):
    """{username: password} from a file written by `schrijf_wachtwoorden` (missing: empty)."""
    wachtwoorden = {}
    if bestand is None or not Path(bestand).exists():
        return wachtwoorden
    for regel in Path(bestand).read_text(encoding="utf-8").splitlines():
        delen = regel.split()
        if len(delen) >= 2 and not regel.startswith("#"):
            wachtwoorden[delen[0]] = delen[1]
    return wachtwoorden


def schrijf_wachtwoorden(bestand, rijen):
    """Write "username password group" lines, readable by the owner only (mode 600)."""
    pad = Path(bestand)
    pad.parent.mkdir(parents=True, exist_ok=True)
    regels = [
        "# Demo-accounts (alleen voor ontwikkeling): gebruikersnaam, wachtwoord, groep.",
        *(f"{naam}  {wachtwoord}  {groep}" for naam, wachtwoord, groep in rijen),
    ]
    descriptor = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as uit:
        uit.write("\n".join(regels) + "\n")
    pad.chmod(0o600)


def maak_demo_gebruikers(stdout, gebruikers=DEMO_GEBRUIKERS, wachtwoordbestand=None):
    """One demo user per role, for development only; prints a generated password.

    Run after :func:`richt_rollen_in`. A user that already exists keeps its password and
    is only put (back) in its group. Returns {username: password} for new users.

    With ``wachtwoordbestand`` (``scripts/start.sh``: var/demo-accounts.txt) every password is
    kept in that file (mode 600) instead of printed, and a user whose password is not (or no
    longer) the one in the file gets a new one: the file always has working passwords.
    """
    if not settings.DEBUG:
        stdout.write(str(_("Demogebruikers worden alleen aangemaakt als DEBUG aan staat.")))
        return {}
    model = get_user_model()
    wachtwoorden = {}
    bekend = lees_wachtwoorden(wachtwoordbestand)
    rijen = []
    for gebruikersnaam, voornaam, achternaam, (soort, naam) in gebruikers:
        if soort == "werkplaats":
            werkplaats = WerkplaatsPage.objects.filter(title=naam).first()
            groep = groep_van(werkplaats) if werkplaats else None
        else:
            groep = Group.objects.filter(name=naam).first()
        if groep is None:
            stdout.write(f"Demogebruiker {gebruikersnaam} overgeslagen: geen groep voor '{naam}'.")
            continue
        gebruiker, nieuw = model.objects.get_or_create(
            username=gebruikersnaam,
            defaults={
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{gebruikersnaam}@example.org",
            },
        )
        gebruiker.groups.add(groep)
        if wachtwoordbestand is not None:
            wachtwoord = bekend.get(gebruikersnaam)
            if wachtwoord is None or not gebruiker.check_password(wachtwoord):
                wachtwoord = secrets.token_urlsafe(12)
                gebruiker.set_password(wachtwoord)
                gebruiker.save()
                wachtwoorden[gebruikersnaam] = wachtwoord
            rijen.append((gebruikersnaam, wachtwoord, groep.name))
            continue
        if nieuw:
            wachtwoord = secrets.token_urlsafe(12)
            gebruiker.set_password(wachtwoord)
            gebruiker.save()
            wachtwoorden[gebruikersnaam] = wachtwoord
            stdout.write(f"Demogebruiker {gebruikersnaam} ({groep.name}): wachtwoord {wachtwoord}")
        else:
            stdout.write(
                f"Demogebruiker {gebruikersnaam} ({groep.name}) bestaat al; wachtwoord "
                f"ongewijzigd (nieuw wachtwoord: manage.py changepassword {gebruikersnaam})."
            )
    if wachtwoordbestand is not None:
        schrijf_wachtwoorden(wachtwoordbestand, rijen)
        namen = ", ".join(rij[0] for rij in rijen)
        stdout.write(f"Demogebruikers: {namen}; wachtwoorden in {wachtwoordbestand}.")
    return wachtwoorden
