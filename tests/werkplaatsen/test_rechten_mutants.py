"""The regional editors' rights (werkplaatsen/rechten.py) at their edges, through the real
Wagtail admin; found by mutation testing (scripts/mutation.sh rechten): what the role matrix in
tests/site/test_roles.py left open.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.permissions import policy_registry

from portal.site.rollen import richt_rollen_in
from tests.support.role_tree import VasteMediaMap, bouw_rollenboom, gebruiker
from werkplaatsen.models import Persoon
from werkplaatsen.rechten import collectie_van, groep_van, is_landelijk, werkplaatsen_van

pytestmark = pytest.mark.slow


def bewerk_url(lector):
    return reverse("wagtailsnippets_werkplaatsen_persoon:edit", args=[lector.pk])


class RechtenRandenTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def test_a_superuser_edits_and_deletes_every_person(self):
        self.client.force_login(self.tree["superuser"])
        for sleutel in ["lector_noord", "lector_zuyd", "lector_associatie"]:
            with self.subTest(lector=sleutel):
                lector = self.tree[sleutel]
                self.assertEqual(self.client.get(bewerk_url(lector)).status_code, 200)
                url = reverse("wagtailsnippets_werkplaatsen_persoon:delete", args=[lector.pk])
                self.client.post(url)
                self.assertFalse(Persoon.objects.filter(pk=lector.pk).exists())

    def test_without_the_lector_permission_a_regional_editor_cannot_change_own_people(self):
        """Beheer may take the permission away from a region's group in the admin."""
        groep = self.tree["groep_noord"]
        groep.permissions.remove(Permission.objects.get(codename="change_persoon"))
        self.client.force_login(self.tree["noord_redacteur"])
        geweigerd = self.client.get(bewerk_url(self.tree["lector_noord"]))
        self.assertRedirects(geweigerd, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        # The list (still open: the group may add and delete) offers no edit link either.
        lijst = self.client.get(reverse("wagtailsnippets_werkplaatsen_persoon:list"))
        self.assertContains(lijst, "Lector Noord")
        self.assertNotContains(lijst, bewerk_url(self.tree["lector_noord"]))

    def test_a_stray_page_permission_of_the_associatie_in_a_region_changes_nothing(self):
        """Should Beheer give the Associatie's group a right in a region by hand, the region
        keeps its own group and the Associatie's editors get no regional dashboard."""
        noord = self.tree["noord"]
        GroupPagePermission.objects.create(
            group=self.tree["groep_associatie"],
            page=noord,
            permission=Permission.objects.get(codename="add_page"),
        )
        self.assertEqual(groep_van(noord), self.tree["groep_noord"])
        self.client.force_login(self.tree["associatie_redacteur"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(response, "Jouw Werkplaats")
        self.client.force_login(self.tree["noord_redacteur"])
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), "Jouw Werkplaats: Noord")

    def test_only_wagtails_own_add_page_permission_makes_a_regional_editor(self):
        """A permission of another app that happens to be called add_page gives no region."""
        anders = Permission.objects.create(
            codename="add_page",
            name="Pagina toevoegen (andere app)",
            content_type=ContentType.objects.get_for_model(Persoon),
        )
        groep = Group.objects.create(name="Andere app")
        GroupPagePermission.objects.create(group=groep, page=self.tree["zuyd"], permission=anders)
        self.assertEqual(list(werkplaatsen_van(gebruiker("andere", groep.name))), [])

    def test_an_editor_of_two_werkplaatsen_gets_them_in_alphabetical_order(self):
        zuyd = self.tree["zuyd"]
        zuyd.title = "Amstelland"
        zuyd.save_revision().publish()
        richt_rollen_in()  # renames the group to "Redactie Amstelland"
        redacteur = gebruiker("twee", groep_van(zuyd).name, self.tree["groep_noord"].name)
        self.assertEqual([w.title for w in werkplaatsen_van(redacteur)], ["Amstelland", "Noord"])
        self.client.force_login(redacteur)
        tekst = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertLess(
            tekst.index("Jouw Werkplaats: Amstelland"), tekst.index("Jouw Werkplaats: Noord")
        )


class RechtenBronTests(VasteMediaMap, TestCase):
    """Which rights make an editor, a group and an upload collection, asked of the functions
    themselves: found by the mutation run with a database per process."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def test_only_wagtails_own_right_to_add_pages_makes_a_werkplaats_group(self):
        zuyd, groep = self.tree["zuyd"], self.tree["groep_zuyd"]
        wijzigen = Group.objects.create(name="Alleen wijzigen")
        GroupPagePermission.objects.create(
            group=wijzigen, page=zuyd, permission=Permission.objects.get(codename="change_page")
        )
        anders = Permission.objects.create(
            codename="add_page",
            name="Pagina toevoegen (andere app)",
            content_type=ContentType.objects.get_for_model(Persoon),
        )
        GroupPagePermission.objects.create(group=wijzigen, page=zuyd, permission=anders)
        self.assertEqual(list(werkplaatsen_van(gebruiker("wijziger", wijzigen.name))), [])
        GroupPagePermission.objects.filter(
            group=groep,
            permission__codename="add_page",
            permission__content_type__app_label="wagtailcore",
        ).delete()
        self.assertIsNone(groep_van(zuyd))  # its other rights, and the stray ones, make none

    def test_a_group_uploads_to_the_collection_where_it_may_add_images(self):
        root = Collection.get_first_root_node()
        eerst, daarna = root.add_child(name="Aaa kiezen"), root.add_child(name="Zzz toevoegen")
        groep = Group.objects.create(name="Uploaders")
        for collectie, codename in [
            (eerst, "choose_image"),
            (root, "add_image"),
            (daarna, "add_image"),
        ]:
            GroupCollectionPermission.objects.create(
                group=groep,
                collection=collectie,
                permission=Permission.objects.get(codename=codename),
            )
        self.assertEqual(collectie_van(groep), daarna)

    def test_national_work_is_for_active_associatie_editors_and_superusers(self):
        redacteur = self.tree["associatie_redacteur"]
        self.assertTrue(is_landelijk(redacteur))
        self.assertFalse(is_landelijk(AnonymousUser()))
        self.assertFalse(is_landelijk(self.tree["noord_redacteur"]))
        superuser = self.tree["superuser"]
        superuser.groups.clear()
        self.assertTrue(is_landelijk(superuser))
        redacteur.is_active = False
        self.assertFalse(is_landelijk(redacteur))
        self.assertFalse(
            policy_registry.get_by_type(Persoon).user_has_permission_for_instance(
                redacteur, "change", self.tree["lector_associatie"]
            )
        )

    def test_a_users_roles_are_looked_up_once_per_request(self):
        redacteur = type(self.tree["noord_redacteur"]).objects.get(
            pk=self.tree["noord_redacteur"].pk
        )
        is_landelijk(redacteur)
        werkplaatsen_van(redacteur)
        with self.assertNumQueries(0):
            self.assertFalse(is_landelijk(redacteur))
            werkplaatsen_van(redacteur)


class PersoonPolicyTests(VasteMediaMap, TestCase):
    """The people a user may act on as a list (the registered policy's
    ``instances_user_has_any_permission_for``), against what the admin lets them do."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def lijst(self, rol, acties):
        policy = policy_registry.get_by_type(Persoon)
        return set(policy.instances_user_has_any_permission_for(self.tree[rol], acties))

    def test_the_list_is_who_the_edit_view_lets_the_user_change(self):
        for rol in ["noord_redacteur", "associatie_redacteur", "beheerder", "superuser"]:
            self.client.force_login(self.tree[rol])
            mag = {
                p
                for p in Persoon.objects.all()
                if self.client.get(bewerk_url(p)).status_code == 200
            }
            with self.subTest(rol=rol):
                self.assertEqual(self.lijst(rol, ["change"]), mag)
                self.assertEqual(self.lijst(rol, ["change", "delete"]), mag)

    def test_adding_people_is_not_narrowed_per_person(self):
        alle = set(Persoon.objects.all())
        self.assertEqual(self.lijst("noord_redacteur", ["add"]), alle)
        self.assertEqual(self.lijst("noord_redacteur", ["add", "change"]), alle)
        self.assertEqual(self.lijst("beheerder", ["add", "change"]), set())

    def test_an_inactive_user_may_act_on_nobody(self):
        redacteur = self.tree["associatie_redacteur"]
        redacteur.is_active = False
        redacteur.save()
        self.assertEqual(self.lijst("associatie_redacteur", ["change"]), set())
