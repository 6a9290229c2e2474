"""A small page tree for tests that need pages but not the full demo content."""

import contextlib
import datetime
import io

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from agenda.models import AgendaIndexPage, EvenementPage
from kennisbank.models import KennisbankPage, ProductPage
from portal.site.models import HomePage
from portal.themas.models import LandelijkThemaPage, ThemaIndexPage
from werkplaatsen.models import AssociatiePage, WerkplaatsIndexPage, WerkplaatsPage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def roots():
    """The tree and collection roots that Wagtail's migrations create.

    A transactional test (`django_db(transaction=True)`) flushes every table afterwards,
    migration data included, so a later test may find them gone.
    """
    Locale.objects.get_or_create(language_code="nl")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    return root


def build_tree():
    root = roots()
    home = publish(root, HomePage(title="Home", slug="home-test", lead="Het kennisportaal."))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    index = publish(home, WerkplaatsIndexPage(title="Werkplaatsen", slug="werkplaatsen"))
    noord = publish(
        index, WerkplaatsPage(title="Noord", slug="noord", korte_naam="Noord", intro="x")
    )
    zuyd = publish(index, WerkplaatsPage(title="Zuyd", slug="zuyd", korte_naam="Zuyd", intro="x"))
    associatie = publish(home, AssociatiePage(title="Associatie", slug="associatie", intro="x"))
    kennisbank = publish(home, KennisbankPage(title="Kennisbank", slug="kennisbank"))
    themas = publish(home, ThemaIndexPage(title="Thema's", slug="themas"))
    armoede = publish(
        themas,
        LandelijkThemaPage(
            title="Armoede", slug="armoede", korte_beschrijving="x", beschrijving="<p>x</p>"
        ),
    )
    agenda = publish(home, AgendaIndexPage(title="Agenda", slug="agenda"))
    return {
        "home": home,
        "index": index,
        "noord": noord,
        "zuyd": zuyd,
        "associatie": associatie,
        "kennisbank": kennisbank,
        "armoede": armoede,
        "agenda": agenda,
    }


def add_product(parent, title, day=1, **fields):
    fields.setdefault("product_type", "rapport")
    fields.setdefault("samenvatting", f"Samenvatting van {title}.")
    fields.setdefault("externe_link", "https://example.org/")
    product = ProductPage(
        title=title,
        publicatiedatum=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
        **fields,
    )
    return publish(parent, product)


@contextlib.contextmanager
def demo_inhoud(django_db_blocker, media):
    """The full demo content, for a module-scoped fixture: loaded in a transaction that is
    rolled back when the block ends, with uploads in `media`."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def add_symposium(tree):
    """A coming symposium in the national agenda, with a long summary and awkward punctuation."""
    start = timezone.now() + datetime.timedelta(days=30)
    return publish(
        tree["agenda"],
        EvenementPage(
            title="Symposium; met komma, en puntkomma",
            slug="symposium",
            soort="symposium",
            start=start,
            eind=start + datetime.timedelta(hours=6),
            samenvatting="Een lange beschrijving " * 10,
            locatie="Utrecht",
        ),
    )


def build_open_data_tree():
    """The tree of the open-data tests: three products in three places (one with a thema) and
    the symposium."""
    tree = build_tree()
    armoede = add_product(tree["noord"], "Armoede in de wijk", day=1)
    armoede.themas.add(tree["armoede"])
    armoede.save_revision().publish()
    add_product(tree["zuyd"], "Jongerenwerk in Zuyd", day=3)
    add_product(tree["associatie"], "Landelijk werkprogramma", day=5)
    add_symposium(tree)
    return tree
