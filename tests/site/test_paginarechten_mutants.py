"""Rights on the home page alone (portal/site/paginarechten.py) at their edges, through the real
Wagtail admin; found by mutation testing (scripts/mutation.sh paginarechten): what the role
matrices left open.

Besides the Associatie (model permissions on the home page only), a site-wide editors' group
as Wagtail's own "Moderators" has: add, change, publish, lock and unlock on the home page's
tree, no bulk delete. Its tree rights must keep working.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from tests.support.role_tree import VasteMediaMap, bouw_rollenboom, gebruiker

pytestmark = pytest.mark.slow

BOOMRECHTEN = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


class HomepaginaRandenTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        groep = Group.objects.create(name="Webredactie")
        groep.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in BOOMRECHTEN:
            GroupPagePermission.objects.create(
                group=groep,
                page=cls.tree["home"],
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        cls.webredacteur = gebruiker("webredactie", "Webredactie")

    def home(self):
        return Page.objects.get(pk=self.tree["home"].pk)

    def test_the_associatie_locks_and_unlocks_the_home_page(self):
        self.client.force_login(self.tree["associatie_redacteur"])
        home = self.home()
        self.client.post(reverse("wagtailadmin_pages:lock", args=[home.pk]))
        self.assertTrue(self.home().locked)
        # Locked by someone else: unlocking needs the right to unlock.
        Page.objects.filter(pk=home.pk).update(locked_by=self.tree["superuser"])
        self.client.post(reverse("wagtailadmin_pages:unlock", args=[home.pk]))
        self.assertFalse(self.home().locked)

    def test_the_associatie_sets_no_privacy_on_the_home_page(self):
        self.client.force_login(self.tree["associatie_redacteur"])
        url = reverse("wagtailadmin_pages:set_privacy", args=[self.home().pk])
        geweigerd = self.client.get(url)
        self.assertRedirects(geweigerd, reverse("wagtailadmin_home"), fetch_redirect_response=False)

    def test_tree_rights_on_the_home_page_still_unpublish_and_set_privacy(self):
        self.client.force_login(self.webredacteur)
        home = self.home()
        url = reverse("wagtailadmin_pages:set_privacy", args=[home.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=[home.pk]))
        self.assertFalse(self.home().live)

    def test_the_home_page_right_adds_to_tree_rights_and_takes_none_away(self):
        self.webredacteur.user_permissions.add(Permission.objects.get(codename="change_homepage"))
        tester = self.home().permissions_for_user(
            type(self.webredacteur).objects.get(pk=self.webredacteur.pk)
        )
        self.assertTrue(tester.can_edit())
        self.assertTrue(tester.can_add_subpage())
        self.assertTrue(tester.can_publish())

    def test_tree_rights_without_bulk_delete_may_move_but_not_delete_the_home_page(self):
        self.client.force_login(self.webredacteur)
        home = self.home()
        self.assertFalse(home.is_leaf())
        verplaatsen = reverse("wagtailadmin_pages:move", args=[home.pk])
        self.assertEqual(self.client.get(verplaatsen).status_code, 200)
        self.client.post(reverse("wagtailadmin_pages:delete", args=[home.pk]))
        self.assertTrue(Page.objects.filter(pk=home.pk).exists())
        tester = self.tree["home"].permissions_for_user(self.webredacteur)
        self.assertFalse(tester.can_delete())
        self.assertTrue(tester.can_delete(ignore_bulk=True))
        self.assertTrue(tester.can_edit())
