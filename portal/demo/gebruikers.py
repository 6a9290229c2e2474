"""Demo users, one per role, for development only."""

import secrets

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


def maak_demo_gebruikers(stdout, gebruikers=DEMO_GEBRUIKERS):
    """One demo user per role, for development only; prints a generated password.

    Run after :func:`richt_rollen_in`. A user that already exists keeps its password and
    is only put (back) in its group. Returns {username: password} for new users.
    """
    if not settings.DEBUG:
        stdout.write(str(_("Demogebruikers worden alleen aangemaakt als DEBUG aan staat.")))
        return {}
    model = get_user_model()
    wachtwoorden = {}
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
    return wachtwoorden
