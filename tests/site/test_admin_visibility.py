"""What an editor sees of other regions in the admin, through the real Wagtail admin views.

Every Werkplaats gets a draft and a private page whose titles carry a marker unique to that
page. The editors of each Redactie group made by setup_roles, the Associatie, a superuser and
Beheer then open the page choosers (browse, search, the rich-text "link to page" chooser, the
multiple chooser's result), the bulk-action confirmations of every page bulk action, every
report of the admin's URLconf, the admin search, the explorer and the admin API. A marker may
appear only for national editors and for the editors of its own region, and it does appear
there (the positive control), so the check cannot pass by showing nothing.
"""

import datetime
import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLResolver
from django.utils import timezone
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import PageViewRestriction

from kennisbank.models import ProductPage
from tests.support.role_tree import bouw_rollenboom
from tests.support.tree import add_product
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.rechten import groep_van, is_landelijk

pytestmark = pytest.mark.slow

ZOEKWOORD = "Geheimpje"
# The parameters Draftail's "link to page" opens the chooser with.
RICH_TEXT_LINK = {
    "page_type": "wagtailcore.page",
    "allow_external_link": "true",
    "allow_email_link": "true",
    "allow_phone_link": "true",
    "allow_anchor_link": "true",
    "link_text": "tekst",
}


def merk(werkplaats_id, soort):
    return f"zqx{soort}{werkplaats_id}zqx"


def maak_geheime_paginas(werkplaats, door):
    """A draft that was never published and a live page behind a login, both locked."""
    concept = ProductPage(
        title=f"{ZOEKWOORD} concept {merk(werkplaats.pk, 'concept')}",
        slug=f"concept-{werkplaats.slug}",
        product_type="rapport",
        samenvatting="x",
        publicatiedatum=datetime.date(2024, 1, 1),
        externe_link="https://example.org/",
        live=False,
    )
    werkplaats.add_child(instance=concept)
    concept.save_revision(user=door)
    afgeschermd = add_product(
        werkplaats,
        f"{ZOEKWOORD} afgeschermd {merk(werkplaats.pk, 'prive')}",
        slug=f"afgeschermd-{werkplaats.slug}",
    )
    PageViewRestriction.objects.create(page=afgeschermd, restriction_type="login")
    for pagina in (concept, afgeschermd):
        pagina.locked, pagina.locked_by, pagina.locked_at = True, door, timezone.now()
        pagina.save(update_fields=["locked", "locked_by", "locked_at"])
    return [concept, afgeschermd]


def admin_urls(namespace=None):
    """(name, pattern) of every named URL (in ``namespace``), read from the URLconf."""

    def loop(resolver, ns):
        for patroon in resolver.url_patterns:
            if isinstance(patroon, URLResolver):
                yield from loop(patroon, f"{ns}{patroon.namespace}:" if patroon.namespace else ns)
            elif patroon.name and namespace in (None, ns[:-1]):
                yield f"{ns}{patroon.name}", patroon

    return list(loop(get_resolver(), ""))


PAGINA_ARGUMENTEN = {"page_id", "parent_page_id", "page_to_move_id", "pk"}
NIET_OPENEN = {"wagtailadmin_error_test", "wagtailadmin_logout"}


def paginaviews():
    """Admin views whose only arguments are page ids."""
    for naam, patroon in admin_urls():
        argumenten = set(patroon.pattern.regex.groupindex)
        gewenst = naam.startswith("wagtail") and naam not in NIET_OPENEN
        if gewenst and argumenten and argumenten <= PAGINA_ARGUMENTEN:
            yield naam, argumenten


class ZichtbaarheidInHetBeheer(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        User = get_user_model()
        cls.geheim = {}
        cls.redacteuren = {}
        for werkplaats in WerkplaatsPage.objects.order_by("path"):
            groep = groep_van(werkplaats)
            redacteur = User.objects.filter(groups=groep).order_by("pk").first()
            if redacteur is None:
                redacteur = User.objects.create_user(f"redactie-{werkplaats.slug}")
                redacteur.groups.add(groep)
            cls.redacteuren[werkplaats.pk] = redacteur
            cls.geheim[werkplaats.pk] = maak_geheime_paginas(werkplaats, redacteur)
        cls.kijkers = {
            **{f"redactie {r.username}": r for r in cls.redacteuren.values()},
            "associatie": cls.tree["associatie_redacteur"],
            "superuser": cls.tree["superuser"],
            "beheer": cls.tree["beheerder"],
        }

    def mag_zien(self, kijker, werkplaats_id):
        return is_landelijk(kijker) or self.redacteuren[werkplaats_id] == kijker

    def inhoud(self, url):
        response = self.client.get(url)
        self.assertLess(response.status_code, 500, url)
        return response.content.decode()

    def controleer(self, urls, positief=True):
        """For each viewer: a region's markers appear exactly where the viewer may see them.

        ``urls``: {url: ids of the Werkplaatsen whose pages it concerns}. With
        ``positief=False`` only their absence is checked (views that show a selection).
        """
        for naam, kijker in self.kijkers.items():
            self.client.force_login(kijker)
            for url, werkplaats_ids in urls.items():
                inhoud = self.inhoud(url)
                for werkplaats_id in werkplaats_ids:
                    zichtbaar = self.mag_zien(kijker, werkplaats_id)
                    for m in (merk(werkplaats_id, "concept"), merk(werkplaats_id, "prive")):
                        with self.subTest(kijker=naam, url=url, merk=m):
                            if not zichtbaar:
                                self.assertNotIn(m, inhoud)
                            elif positief:
                                self.assertIn(m, inhoud)

    def per_werkplaats(self, maak_urls):
        return {url: [w] for w in self.geheim for url in maak_urls(w)}

    def voor_alle(self, urls):
        return {url: list(self.geheim) for url in urls}

    def ids(self, werkplaats_id):
        return [p.pk for p in self.geheim[werkplaats_id]]

    def test_page_chooser_browse_and_rich_text_link(self):
        def urls(werkplaats_id):
            kinderen = reverse("wagtailadmin_choose_page_child", args=[werkplaats_id])
            return [
                kinderen,
                f"{kinderen}?{urlencode(RICH_TEXT_LINK)}",
                f"{kinderen}?page_type=kennisbank.productpage",
                f"{kinderen}?multiple=1",
            ]

        self.controleer(self.per_werkplaats(urls))

    def test_page_chooser_opened_on_a_hidden_page(self):
        def urls(werkplaats_id):
            return [
                reverse("wagtailadmin_choose_page_child", args=[pk])
                for pk in self.ids(werkplaats_id)
            ]

        # Each URL shows one of the two pages: only absence can be checked for both markers.
        self.controleer(self.per_werkplaats(urls), positief=False)
        self.client.force_login(self.tree["noord_redacteur"])
        vreemd = self.ids(self.tree["zuyd"].pk)[0]
        response = self.client.get(reverse("wagtailadmin_choose_page_child", args=[vreemd]))
        self.assertEqual(response.status_code, 404)

    def test_page_chooser_search(self):
        zoeken = reverse("wagtailadmin_choose_page_search")
        urls = [
            f"{zoeken}?q={ZOEKWOORD}",
            f"{zoeken}?q={ZOEKWOORD}&page_type=kennisbank.productpage",
            f"{zoeken}?{urlencode({**RICH_TEXT_LINK, 'q': ZOEKWOORD})}",
        ]
        self.controleer(self.voor_alle(urls))

    def test_multiple_chooser_result(self):
        gekozen = reverse("wagtailadmin_choose_page_chosen_multiple")
        self.controleer(
            self.per_werkplaats(
                lambda w: [f"{gekozen}?{urlencode({'id': self.ids(w)}, doseq=True)}"]
            )
        )

    def test_multiple_chooser_refuses_bad_ids(self):
        self.client.force_login(self.tree["noord_redacteur"])
        gekozen = reverse("wagtailadmin_choose_page_chosen_multiple")
        self.assertEqual(self.client.get(gekozen, {"id": "abc"}).status_code, 404)

    def test_public_pages_of_other_regions_can_still_be_chosen(self):
        self.client.force_login(self.tree["noord_redacteur"])
        product = self.tree["zuyd_product"]
        inhoud = self.inhoud(reverse("wagtailadmin_choose_page_child", args=[self.tree["zuyd"].pk]))
        self.assertIn(product.title, inhoud)
        gekozen = self.client.get(
            reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": product.pk}
        )
        resultaat = json.loads(gekozen.content)["result"]
        self.assertEqual([r["adminTitle"] for r in resultaat], [product.title])

    def test_bulk_action_confirmations(self):
        acties = list(bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page"))
        self.assertTrue(acties)

        def urls(werkplaats_id):
            ids = urlencode({"id": self.ids(werkplaats_id)}, doseq=True)
            for actie in acties:
                basis = reverse(
                    "wagtail_bulk_action", args=["wagtailcore", "page", actie.action_type]
                )
                yield f"{basis}?{ids}"
                yield f"{basis}?id=all&childOf={werkplaats_id}"

        self.controleer(self.per_werkplaats(urls))

    def test_reports(self):
        rapporten = [
            reverse(naam)
            for naam, patroon in admin_urls("wagtailadmin_reports")
            if not patroon.pattern.regex.groupindex
        ]
        self.assertTrue(rapporten)
        # Reports show a selection (the last edited page of each type, ...): absence only.
        self.controleer(self.voor_alle(rapporten), positief=False)
        # ... but they do name such pages to those who may see them.
        self.client.force_login(self.tree["superuser"])
        for naam in ("page_types_usage", "locked_pages", "site_history"):
            inhoud = self.inhoud(reverse(f"wagtailadmin_reports:{naam}"))
            with self.subTest(rapport=naam):
                self.assertIn("zqx", inhoud)

    def test_page_types_report_not_in_the_menu_of_regional_editors(self):
        rapport = reverse("wagtailadmin_reports:page_types_usage")
        self.client.force_login(self.tree["noord_redacteur"])
        self.assertNotIn(rapport, self.inhoud(reverse("wagtailadmin_home")))
        self.client.force_login(self.tree["associatie_redacteur"])
        self.assertIn(rapport, self.inhoud(reverse("wagtailadmin_home")))

    def test_every_admin_view_of_a_page(self):
        """One regional editor opens every page view on the other regions' hidden pages."""
        views = list(paginaviews())
        self.assertGreater(len(views), 20)
        eigen, kijker = next(iter(self.redacteuren.items()))
        self.client.force_login(kijker)
        for werkplaats_id in set(self.geheim) - {eigen}:
            for pagina, soort in zip(self.geheim[werkplaats_id], ("concept", "prive"), strict=True):
                for naam, argumenten in views:
                    url = reverse(naam, kwargs=dict.fromkeys(argumenten, pagina.pk))
                    with self.subTest(url=url):
                        self.assertNotIn(merk(werkplaats_id, soort), self.inhoud(url))
        # The control: the region's own editors do see the title, e.g. in the edit view.
        for werkplaats_id, redacteur in self.redacteuren.items():
            self.client.force_login(redacteur)
            for pagina, soort in zip(self.geheim[werkplaats_id], ("concept", "prive"), strict=True):
                inhoud = self.inhoud(reverse("wagtailadmin_pages:edit", args=[pagina.pk]))
                self.assertIn(merk(werkplaats_id, soort), inhoud)

    def test_admin_search_explorer_and_api(self):
        zoeken = reverse("wagtailadmin_pages:search")
        api = reverse("wagtailadmin_api:pages:listing")
        soort = reverse("wagtailadmin_pages:type_use", args=["kennisbank", "productpage"])
        urls = self.voor_alle(
            [
                f"{zoeken}?q={ZOEKWOORD}",
                f"{api}?search={ZOEKWOORD}",
                soort,
                f"{soort}?q={ZOEKWOORD}",
            ]
        )
        urls |= self.per_werkplaats(
            lambda w: [
                f"{reverse('wagtailadmin_explore', args=[w])}?q={ZOEKWOORD}&search_all=1",
                f"{api}?child_of={w}",
            ]
        )
        # The explorer and the admin's own search list the pages a user may work on.
        self.controleer(urls, positief=False)
