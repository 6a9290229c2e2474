"""A regional editor's admin at scale (issue 15, point 4; scripts/benchmark_admin.py times it).

The admin views of portal.demo.benchmark.beheerpaginas() take the same number of queries with
few and with many more products below the editor's Werkplaats: nothing is looked up per listed
page. The page permission policy returns exactly the pages Wagtail's own does, with one condition
per subtree instead of one per permission row (Wagtail issues 14593 and 6807).
"""

from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from portal.basis.secties import hoofdpaginas
from portal.demo import benchmark, bulkinhoud
from portal.site.paginarechten import PaginaPermissionPolicy
from tests.support.role_tree import add_event, bouw_rollenboom, gebruiker
from tests.support.tree import add_product, demo_inhoud

EERST, ERBIJ = 60, 480
# Wagtail's chooser lists 25 pages, its explorer 50: the Werkplaats's list must grow in between.
KIEZER_PAGINA = 25


@pytest.fixture(scope="module")
def inhoud(django_db_setup, django_db_blocker, tmp_path_factory):
    """Demo content and EERST bulk products, rolled back after the module."""
    media = tmp_path_factory.mktemp("media")
    with demo_inhoud(django_db_blocker, media):
        bulkinhoud.genereer(EERST, seed=1)
        yield media


def tellingen(client, werkplaats):
    """{view: queries} of the second request to each admin view, and the site-root look-ups."""
    resultaat = {}
    with mock.patch.object(
        Site, "get_site_root_paths", wraps=Site.get_site_root_paths
    ) as siteroots:
        for naam, pad in benchmark.beheerpaginas(werkplaats):
            assert client.get(pad).status_code == 200, pad
            siteroots.reset_mock()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(pad)
            assert response.status_code == 200, pad
            resultaat[naam] = len(queries)
            resultaat[f"{naam} site root paths"] = siteroots.call_count
    return resultaat


@pytest.mark.slow
@pytest.mark.django_db
def test_admin_query_counts_do_not_grow_with_the_content(inhoud, client, settings):
    settings.MEDIA_ROOT = inhoud
    user, werkplaats = benchmark.benchmark_redacteur()
    client.force_login(user)
    kinderen = werkplaats.get_children().count()
    assert kinderen < KIEZER_PAGINA
    eerst = tellingen(client, werkplaats)
    bulkinhoud.genereer(ERBIJ, seed=2)
    assert werkplaats.get_children().count() > KIEZER_PAGINA
    daarna = tellingen(client, werkplaats)
    # Wagtail's chooser search builds its own queryset after the hooks and looks up the parent of
    # each result (werkplaatsen/wagtail_hooks.py, met_ouders): at most one query per listed row.
    zoeken = "chooser-search"
    assert eerst[zoeken] <= daarna.pop(zoeken) <= eerst.pop(zoeken) + KIEZER_PAGINA
    assert eerst == daarna
    # Wagtail looked them up (in Redis, in production) once per listed page.
    assert max(n for naam, n in daarna.items() if naam.endswith("site root paths")) <= 3


@pytest.mark.slow
@pytest.mark.django_db
def test_admin_pages_do_not_build_the_public_menu(inhoud, client, settings):
    settings.MEDIA_ROOT = inhoud
    user, werkplaats = benchmark.benchmark_redacteur()
    client.force_login(user)
    with mock.patch("portal.site.context_processors.hoofdpaginas", wraps=hoofdpaginas) as menu:
        for _naam, pad in benchmark.beheerpaginas(werkplaats):
            assert client.get(pad).status_code == 200, pad
        assert menu.call_count == 0
        assert client.get(werkplaats.url).status_code == 200
        assert menu.call_count > 0


class PaginarechtenPerDeelboom(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = bouw_rollenboom()
        # Only "add" on Noord: such a user changes the pages they own there, and no others.
        alleen_toevoegen = Group.objects.create(name="Alleen toevoegen")
        GroupPagePermission.objects.create(
            group=alleen_toevoegen,
            page=tree["noord"],
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename="add_page"
            ),
        )
        cls.toevoeger = gebruiker("toevoeger", alleen_toevoegen.name)
        eigen = add_product(tree["noord"], "Eigen product", slug="eigen-product")
        Page.objects.filter(pk=eigen.pk).update(owner=cls.toevoeger)
        # Where the role matrix does not go (found by mutation testing): "change" on one
        # subtree and only "add" on another, with own pages inside and outside both; and
        # rights below two different parents, whose common ancestor is the home page.
        gemengd = cls.groep(
            "Gemengd", (tree["zeeland"], "change_page"), (tree["agenda"], "add_page")
        )
        cls.gemengd = gebruiker("gemengd", gemengd.name)
        eigen_evenement = add_event(tree["agenda"], "Eigen evenement", timezone.now())
        eigen_elders = add_product(tree["zuyd"], "Eigen product elders", slug="eigen-elders")
        Page.objects.filter(pk__in=[eigen_evenement.pk, eigen_elders.pk]).update(owner=cls.gemengd)
        verspreid = cls.groep(
            "Verspreid", (tree["noord"], "change_page"), (tree["themagroep"], "change_page")
        )
        cls.verspreid = gebruiker("verspreid", verspreid.name)

    @staticmethod
    def groep(naam, *rechten):
        groep = Group.objects.create(name=naam)
        for pagina, codename in rechten:
            GroupPagePermission.objects.create(
                group=groep,
                page=pagina,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        return groep

    def gebruikers(self):
        sleutels = [
            sleutel for sleutel in self.tree if sleutel.endswith(("redacteur", "beheerder"))
        ]
        assert len(sleutels) >= 4
        return [self.tree[sleutel] for sleutel in sleutels] + [
            self.tree["superuser"],
            self.toevoeger,
            self.gemengd,
            self.verspreid,
        ]

    def test_the_portal_policy_is_the_one_wagtail_uses(self):
        for model in {Page, *(type(pagina.specific) for pagina in Page.objects.all())}:
            self.assertIsInstance(policy_registry.get_by_type(model), PaginaPermissionPolicy)

    def test_the_same_pages_as_wagtails_policy(self):
        wagtail, portaal = PagePermissionPolicy(), PaginaPermissionPolicy()
        acties = [
            {"add"},
            {"change"},
            {"publish"},
            {"lock", "unlock"},
            PaginaPermissionPolicy.VERKENNEN,
        ]
        for user in self.gebruikers():
            for actie in acties:
                with self.subTest(user=user.username, acties=sorted(actie)):
                    self.assertEqual(
                        set(portaal.instances_user_has_any_permission_for(user, actie)),
                        set(wagtail.instances_user_has_any_permission_for(user, actie)),
                    )
            with self.subTest(user=user.username, acties="explorable"):
                verkenbaar = set(portaal.explorable_instances(user))
                self.assertEqual(verkenbaar, set(wagtail.explorable_instances(user)))
                rechten = GroupPagePermission.objects.filter(group__user=user).exists()
                self.assertEqual(bool(verkenbaar), rechten or user.is_superuser)

    def test_one_path_condition_per_subtree(self):
        noord = self.tree["noord_redacteur"]
        rijen = GroupPagePermission.objects.filter(group__user=noord).count()
        self.assertGreater(rijen, 2)
        for policy, aantal in [
            (PagePermissionPolicy(), rijen + 1),
            (PaginaPermissionPolicy(), 2),
        ]:
            with self.subTest(policy=type(policy).__name__):
                # The editor's subtree, and the common ancestor that bounds the ancestors.
                sql = str(policy.explorable_instances(noord).query)
                self.assertEqual(sql.count("LIKE"), aantal)
