"""Nobody widens their rights through the admin's user, group, site and workflow screens.

For every group that ``setup_roles`` creates, a member tries every action that could widen
rights, through the real admin views with the form data the admin itself renders. A refused
action must be answered with a refusal (a 403, a redirect with an error message, or the form
again with an error) and leave every security-relevant row in the database exactly as it
was. Which actions are allowed follows from the rule in portal/site/gebruikersbeheer.py: Beheer
manages the accounts of regional editors and of its peers, and grants groups only the
permissions it holds; everything else is refused to everyone but superusers.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client, TestCase
from django.urls import NoReverseMatch, reverse
from wagtail.admin.forms.collections import BaseGroupCollectionMemberPermissionFormSet
from wagtail.contrib.settings.forms import SitePermissionForm
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.forms import GroupForm, PagePermissionsForm
from wagtail.users.views.groups import get_permission_panel_classes

from portal.site.rollen import BEHEER_GROEP
from tests.support.role_tree import WACHTWOORD, VasteMediaMap, bouw_rollenboom, gebruiker
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.rechten import ASSOCIATIE_GROEP, groep_van

# Built on the role tree (setup_roles, one user per role): seconds per class.
pytestmark = pytest.mark.slow

NIEUW_WACHTWOORD = "Een-heel-ander-wachtwoord-2026"
FORMULIER = "w-editor-form"


def momentopname():
    """Every row that decides who may do what."""
    user = get_user_model()
    return {
        "gebruikers": list(
            user.objects.order_by("pk").values_list(
                "pk", "username", "email", "is_superuser", "is_staff", "is_active", "password"
            )
        ),
        "lidmaatschappen": sorted(user.groups.through.objects.values_list("user_id", "group_id")),
        "eigen rechten": sorted(
            user.user_permissions.through.objects.values_list("user_id", "permission_id")
        ),
        "groepen": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "groepsrechten": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "paginarechten": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collectierechten": sorted(
            GroupCollectionPermission.objects.values_list(
                "group_id", "collection_id", "permission_id"
            )
        ),
        "siterechten": sorted(
            GroupSitePermission.objects.values_list("group_id", "site_id", "permission_id")
        ),
        "collecties": list(Collection.objects.order_by("pk").values_list("pk", "path", "name")),
        "workflows": list(Workflow.objects.order_by("pk").values_list("pk", "name", "active")),
        "taken": list(Task.objects.order_by("pk").values_list("pk", "name", "active")),
        "taakgroepen": sorted(
            GroupApprovalTask.groups.through.objects.values_list("groupapprovaltask_id", "group_id")
        ),
        "workflowtaken": sorted(
            WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")
        ),
        "workflowpaginas": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "sites": list(
            Site.objects.order_by("pk").values_list(
                "pk", "hostname", "port", "site_name", "root_page_id", "is_default_site"
            )
        ),
    }


def formulierdata(url, door):
    """What the admin's form at ``url`` posts unchanged, as rendered for ``door``."""
    client = Client()
    client.force_login(door)
    response = client.get(url)
    assert response.status_code == 200, (url, response)
    html = response.content.decode()
    data = querydict_from_html(html, form_id=FORMULIER)
    # querydict_from_html skips ticked checkboxes without a value, as Django renders them.
    for vinkje in WagtailTestUtils.get_soup(html).find(id=FORMULIER).find_all(type="checkbox"):
        aangevinkt = vinkje.has_attr("checked") and not vinkje.has_attr("disabled")
        if aangevinkt and not vinkje.has_attr("value"):
            data.appendlist(vinkje["name"], "on")
    return data


def paneel_voeg_toe(data, prefix, doelveld, doel, waarde):
    """Add a permission on a page or collection to a permission formset: to the row of that
    page or collection if there is one, else to a new row."""
    rijen = int(data[f"{prefix}-TOTAL_FORMS"])
    for rij in range(rijen):
        if data.get(f"{prefix}-{rij}-{doelveld}") == str(doel):
            data.appendlist(f"{prefix}-{rij}-permissions", str(waarde))
            return
    data[f"{prefix}-TOTAL_FORMS"] = str(rijen + 1)
    data[f"{prefix}-{rijen}-{doelveld}"] = str(doel)
    data.setlist(f"{prefix}-{rijen}-permissions", [str(waarde)])


def heeft_al(groep, recht):
    soort, *rest = recht
    if soort == "model":
        return groep.permissions.filter(pk=rest[0]).exists()
    if soort == "pagina":
        pagina, perm = rest
        return GroupPagePermission.objects.filter(
            group=groep, page=pagina, permission=perm
        ).exists()
    if soort == "collectie":
        _prefix, collectie, perm = rest
        return GroupCollectionPermission.objects.filter(
            group=groep, collection=collectie, permission=perm
        ).exists()
    return GroupSitePermission.objects.filter(group=groep, site=rest[1]).exists()


def groepsrechten_in_het_beheer():
    """Every right the group editor offers, as (label, function that adds it to form data,
    permission label for has_perm or None for a page or collection right)."""
    rechten = []
    for perm in GroupForm().fields["permissions"].queryset:
        label = f"{perm.content_type.app_label}.{perm.codename}"
        rechten.append((label, ("model", perm.pk), label))
    root = Page.get_first_root_node()
    for perm in PagePermissionsForm().fields["permissions"].queryset:
        rechten.append(
            (f"pagina {perm.codename} op de hoofdpagina", ("pagina", root.pk, perm), None)
        )
    collectie = Collection.get_first_root_node()
    for paneel in get_permission_panel_classes():
        if issubclass(paneel, BaseGroupCollectionMemberPermissionFormSet):
            for perm in paneel.permission_queryset:
                rechten.append(
                    (
                        f"collectie {perm.codename} op de hoofdcollectie",
                        ("collectie", paneel.default_prefix, collectie.pk, perm.pk),
                        None,
                    )
                )
        elif issubclass(paneel, SitePermissionForm):
            model = paneel.settings_model
            label = f"{model._meta.app_label}.change_{model._meta.model_name}"
            site = Site.objects.get(is_default_site=True)
            prefix = f"{model._meta.app_label}_{model._meta.model_name}_site_permissions"
            rechten.append((f"{label} op de site", ("site", prefix, site.pk), label))
    return rechten


def voeg_recht_toe(data, recht):
    soort, *rest = recht
    if soort == "model":
        data.appendlist("permissions", str(rest[0]))
    elif soort == "pagina":
        pagina, perm = rest
        paneel_voeg_toe(data, "page_permissions", "page", pagina, perm.codename)
    elif soort == "collectie":
        prefix, collectie, perm = rest
        paneel_voeg_toe(data, prefix, "collection", collectie, perm)
    else:
        prefix, site = rest
        data.appendlist(f"{prefix}-sites", str(site))


class EscalatieMatrixTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        cls.superuser = cls.tree["superuser"]
        cls.beheer = Group.objects.get(name=BEHEER_GROEP)
        cls.associatie = Group.objects.get(name=ASSOCIATIE_GROEP)
        cls.regiogroepen = {groep_van(w).pk for w in WerkplaatsPage.objects.all()}
        # The groups of the project, and one member of each (the tree has one, or a new one).
        cls.groepen = list(Group.objects.order_by("name"))
        cls.leden = {}
        for groep in cls.groepen:
            lid = groep.user_set.order_by("pk").first()
            cls.leden[groep.pk] = lid or gebruiker(f"lid-{groep.pk}", groep.name)
        # A group a superuser made with every right there is: above everyone.
        cls.alles = Group.objects.create(name="Alles")
        cls.alles.permissions.set(Permission.objects.all())
        root = Page.get_first_root_node()
        for perm in PagePermissionsForm().fields["permissions"].queryset:
            GroupPagePermission.objects.create(group=cls.alles, page=root, permission=perm)
        # Accounts that only superusers may manage: a second superuser and a staff member.
        cls.tweede_superuser = get_user_model().objects.create_superuser(
            "admin2", "admin2@example.org", WACHTWOORD
        )
        cls.staflid = gebruiker("staf", cls.tree["groep_zuyd"].name, is_staff=True)
        cls.resultaten = []
        cls.formulieren = {}

    def formulier(self, url):
        """The form data a superuser gets at ``url``; each row starts from the same data."""
        if url not in self.formulieren:
            self.formulieren[url] = formulierdata(url, self.superuser)
        return self.formulieren[url].copy()

    # --- Users ---

    def nieuwe_gebruiker(self, groepen=(), **vlaggen):
        data = {
            "username": "nieuw-account",
            "email": "nieuw@example.org",
            "first_name": "Nieuw",
            "last_name": "Account",
            "password1": NIEUW_WACHTWOORD,
            "password2": NIEUW_WACHTWOORD,
            "groups": [str(groep.pk) for groep in groepen],
            **vlaggen,
        }
        response = self.client.post(reverse("wagtailusers_users:add"), data)
        nieuw = get_user_model().objects.filter(username="nieuw-account").first()
        return response, nieuw is not None

    def bewerk_gebruiker(self, user, wijzig):
        """Post the user's edit form as the admin renders it to a superuser, changed."""
        url = reverse("wagtailusers_users:edit", args=[user.pk])
        data = self.formulier(url)
        # The admin requires a name; without one the form would fail for another reason.
        data["first_name"] = data["first_name"] or "Voornaam"
        data["last_name"] = data["last_name"] or "Achternaam"
        wijzig(data)
        response = self.client.post(url, data)
        return response, get_user_model().objects.get(pk=user.pk)

    def wachtwoord_zetten(self, user):
        def wijzig(data):
            data["password1"] = data["password2"] = NIEUW_WACHTWOORD

        response, na = self.bewerk_gebruiker(user, wijzig)
        return response, na.check_password(NIEUW_WACHTWOORD)

    def deactiveren(self, user):
        response, na = self.bewerk_gebruiker(user, lambda data: data.pop("is_active", None))
        return response, not na.is_active

    def superuserstatus_afnemen(self, user):
        response, na = self.bewerk_gebruiker(user, lambda data: data.pop("is_superuser", None))
        return response, not na.is_superuser

    def superuser_maken(self, user):
        def wijzig(data):
            data["is_superuser"] = "on"

        response, na = self.bewerk_gebruiker(user, wijzig)
        return response, na.is_superuser

    def staf_maken(self, user):
        def wijzig(data):
            data["is_staff"] = "on"

        response, na = self.bewerk_gebruiker(user, wijzig)
        return response, na.is_staff

    def groep_geven(self, user, groep):
        response, na = self.bewerk_gebruiker(
            user, lambda data: data.appendlist("groups", str(groep.pk))
        )
        return response, na.groups.filter(pk=groep.pk).exists()

    def verwijderen(self, user):
        response = self.client.post(reverse("wagtailusers_users:delete", args=[user.pk]))
        return response, not get_user_model().objects.filter(pk=user.pk).exists()

    def bulkactie(self, actie, users, **data):
        meta = get_user_model()._meta
        url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, actie))
        query = "&".join(f"id={user.pk}" for user in users)
        return self.client.post(f"{url}?{query}", data)

    def bulk_deactiveren(self, user):
        response = self.bulkactie("set_active_state", [user], mark_as_active="False")
        return response, not get_user_model().objects.get(pk=user.pk).is_active

    def bulk_verwijderen(self, user):
        response = self.bulkactie("delete", [user])
        return response, not get_user_model().objects.filter(pk=user.pk).exists()

    def bulk_groep_geven(self, user, groep):
        response = self.bulkactie("assign_role", [user], role=str(groep.pk))
        return response, user.groups.filter(pk=groep.pk).exists()

    # --- Groups ---

    def groep_maken(self, recht):
        url = reverse("wagtailusers_groups:add")
        data = self.formulier(url)
        data["name"] = "Nieuwe groep"
        voeg_recht_toe(data, recht)
        response = self.client.post(url, data)
        return response, Group.objects.filter(name="Nieuwe groep").exists()

    def groep_verruimen(self, groep, recht):
        url = reverse("wagtailusers_groups:edit", args=[groep.pk])
        data = self.formulier(url)
        voor = momentopname()
        voeg_recht_toe(data, recht)
        response = self.client.post(url, data)
        return response, momentopname() != voor

    def groep_hernoemen(self, groep):
        url = reverse("wagtailusers_groups:edit", args=[groep.pk])
        data = self.formulier(url)
        data["name"] = "Andere naam"
        response = self.client.post(url, data)
        return response, Group.objects.filter(name="Andere naam").exists()

    def groep_verwijderen(self, groep):
        response = self.client.post(reverse("wagtailusers_groups:delete", args=[groep.pk]))
        return response, not Group.objects.filter(pk=groep.pk).exists()

    # --- Sites, workflows, Django's admin ---

    def site_toevoegen(self):
        data = {
            "hostname": "elders.example.org",
            "port": "80",
            "site_name": "Elders",
            "root_page": str(self.tree["noord"].pk),
        }
        response = self.client.post(reverse("wagtailsites:add"), data)
        return response, Site.objects.filter(hostname="elders.example.org").exists()

    def site_verleggen(self):
        site = Site.objects.get(is_default_site=True)
        url = reverse("wagtailsites:edit", args=[site.pk])
        data = self.formulier(url)
        data["root_page"] = str(self.tree["noord"].pk)
        response = self.client.post(url, data)
        site.refresh_from_db()
        return response, site.root_page_id == self.tree["noord"].pk

    def taak_maken(self, groep):
        url = reverse("wagtailadmin_workflows:add_task", args=("wagtailcore", "groupapprovaltask"))
        data = {"name": "Eigen goedkeuring", "groups": [str(groep.pk)]}
        response = self.client.post(url, data)
        return response, Task.objects.filter(name="Eigen goedkeuring").exists()

    def django_admin_gebruiker(self, user):
        url = reverse("admin:auth_user_change", args=[user.pk])
        data = {
            "username": user.username,
            "email": user.email,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "12:00:00",
        }
        response = self.client.post(url, data)
        return response, get_user_model().objects.get(pk=user.pk).is_superuser

    # --- The matrix ---

    def mag_toekennen(self, door, groep):
        """Derived from the roles: Beheer gives regional groups and its own to others."""
        return door.groups.filter(pk=self.beheer.pk).exists() and (
            groep.pk in self.regiogroepen or groep.pk == self.beheer.pk
        )

    def gevallen(self, lid):
        """(action, callable, allowed) for one member of a group."""
        zuyd = self.tree["zuyd_redacteur"]
        beheerd = [self.superuser, self.tweede_superuser, self.staflid]
        yield "superuser aanmaken", lambda: self.nieuwe_gebruiker(is_superuser="on"), False
        yield "staflid aanmaken", lambda: self.nieuwe_gebruiker(is_staff="on"), False
        for groep in [*self.groepen, self.alles]:
            yield (
                f"gebruiker aanmaken in {groep.name}",
                lambda groep=groep: self.nieuwe_gebruiker([groep]),
                self.mag_toekennen(lid, groep),
            )
            if not zuyd.groups.filter(pk=groep.pk).exists():
                yield (
                    f"redacteur Zuyd in {groep.name} zetten",
                    lambda groep=groep: self.groep_geven(zuyd, groep),
                    self.mag_toekennen(lid, groep),
                )
                yield (
                    f"redacteur Zuyd in bulk in {groep.name} zetten",
                    lambda groep=groep: self.bulk_groep_geven(zuyd, groep),
                    self.mag_toekennen(lid, groep),
                )
            if not lid.groups.filter(pk=groep.pk).exists():
                yield (
                    f"zichzelf in {groep.name} zetten",
                    lambda groep=groep: self.groep_geven(lid, groep),
                    False,
                )
                yield (
                    f"zichzelf in bulk in {groep.name} zetten",
                    lambda groep=groep: self.bulk_groep_geven(lid, groep),
                    False,
                )
        for doel in beheerd:
            naam = doel.username
            yield f"wachtwoord van {naam} zetten", lambda d=doel: self.wachtwoord_zetten(d), False
            yield f"{naam} deactiveren", lambda d=doel: self.deactiveren(d), False
            yield f"{naam} in bulk deactiveren", lambda d=doel: self.bulk_deactiveren(d), False
            yield f"{naam} verwijderen", lambda d=doel: self.verwijderen(d), False
            yield f"{naam} in bulk verwijderen", lambda d=doel: self.bulk_verwijderen(d), False
            yield (
                f"{naam} in {self.alles.name} zetten",
                lambda d=doel: self.groep_geven(d, self.alles),
                False,
            )
            if doel.is_superuser:
                yield (
                    f"superuserstatus van {naam} afnemen",
                    lambda d=doel: self.superuserstatus_afnemen(d),
                    False,
                )
        yield "redacteur Zuyd superuser maken", lambda: self.superuser_maken(zuyd), False
        yield "redacteur Zuyd staflid maken", lambda: self.staf_maken(zuyd), False
        yield "zichzelf superuser maken", lambda: self.superuser_maken(lid), False
        yield "zichzelf staflid maken", lambda: self.staf_maken(lid), False
        rechten = groepsrechten_in_het_beheer()
        if not (lid.has_perm("auth.add_group") or lid.has_perm("auth.change_group")):
            # The group screens are closed to them as a whole: one right of each kind.
            rechten = {recht[0]: (naam, recht, label) for naam, recht, label in rechten}.values()
        for naam, recht, label in rechten:
            houdt = label is not None and lid.has_perm(label)
            mag = lid.has_perm("auth.add_group") and houdt
            yield f"groep maken met {naam}", lambda r=recht: self.groep_maken(r), mag
            for groep in {*lid.groups.all(), self.tree["groep_noord"]}:
                if not houdt and not heeft_al(groep, recht):
                    yield (
                        f"{groep.name} verruimen met {naam}",
                        lambda g=groep, r=recht: self.groep_verruimen(g, r),
                        False,
                    )
        for groep in [self.associatie, self.tree["groep_noord"], self.alles]:
            yield f"{groep.name} hernoemen", lambda g=groep: self.groep_hernoemen(g), False
            yield f"{groep.name} verwijderen", lambda g=groep: self.groep_verwijderen(g), False
        yield "site toevoegen", self.site_toevoegen, False
        yield "site verleggen", self.site_verleggen, False
        yield (
            "goedkeuringstaak voor de eigen groep maken",
            lambda: self.taak_maken(lid.groups.first()),
            lid.has_perm("wagtailcore.add_task"),
        )
        yield "via Django's admin superuser worden", lambda: self.django_admin_gebruiker(lid), False

    def weigering(self, response):
        if response.status_code == 403:
            return "403"
        if response.status_code == 302:
            berichten = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
            if berichten:
                return f"doorverwezen met foutmelding: {berichten[0]}"
            if "/login/" in response.url:
                return "naar het inlogscherm"
            return None
        if response.status_code == 200 and response.context is not None:
            form = response.context.get("form")
            if form is not None and form.errors:
                return f"formulier met foutmelding: {form.errors.as_text()}"
        return None

    def voer_uit(self, lid, actie, uitvoeren, verwacht):
        self.client.force_login(lid)
        if verwacht:
            response, gelukt = uitvoeren()
            self.assertLess(response.status_code, 400, f"{actie} door {lid}")
            self.assertTrue(gelukt, f"{actie} door {lid} is niet gelukt: {response}")
            return "toegestaan"
        voor = momentopname()
        response, gelukt = uitvoeren()
        self.assertLess(response.status_code, 500, f"{actie} door {lid}")
        self.assertFalse(gelukt, f"{actie} door {lid} had geweigerd moeten worden")
        self.assertEqual(voor, momentopname(), f"{actie} door {lid} veranderde data")
        manier = self.weigering(response)
        self.assertIsNotNone(manier, f"{actie} door {lid}: geen weigering: {response}")
        return f"geweigerd ({manier})"

    def test_matrix(self):
        for groep in self.groepen:
            lid = self.leden[groep.pk]
            for actie, uitvoeren, verwacht in self.gevallen(lid):
                with self.subTest(groep=groep.name, actie=actie):
                    savepoint = transaction.savepoint_create()
                    try:
                        uitkomst = self.voer_uit(lid, actie, uitvoeren, verwacht)
                        self.resultaten.append((groep.name, actie, uitkomst))
                    finally:
                        transaction.savepoint_rollback(savepoint)
                        self.client.logout()
        self.assertTrue(any(u == "toegestaan" for _g, _a, u in self.resultaten))
        for groep, actie, uitkomst in self.resultaten:
            print(f"{groep:30} {actie:60} {uitkomst[:100]}")


class GrenzenTests(VasteMediaMap, TestCase):
    """The allowed side of the boundary, and how a refusal looks."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        cls.beheerder = cls.tree["beheerder"]
        cls.superuser = cls.tree["superuser"]

    def test_beheer_creates_resets_and_deactivates_a_regional_editor(self):
        groep = self.tree["groep_noord"]
        self.client.force_login(self.beheerder)
        data = {
            "username": "nieuwe-redacteur",
            "email": "nieuw@werkplaats-noord.nl",
            "first_name": "Nieuwe",
            "last_name": "Redacteur",
            "password1": WACHTWOORD,
            "password2": WACHTWOORD,
            "groups": [str(groep.pk)],
        }

        response = self.client.post(reverse("wagtailusers_users:add"), data)

        self.assertRedirects(response, reverse("wagtailusers_users:index"))
        redacteur = get_user_model().objects.get(username="nieuwe-redacteur")
        self.assertEqual(list(redacteur.groups.all()), [groep])
        self.assertFalse(redacteur.is_superuser or redacteur.is_staff)

        url = reverse("wagtailusers_users:edit", args=[redacteur.pk])
        data = formulierdata(url, self.beheerder)
        data["password1"] = data["password2"] = NIEUW_WACHTWOORD
        self.assertRedirects(self.client.post(url, data), reverse("wagtailusers_users:index"))
        redacteur.refresh_from_db()
        self.assertTrue(redacteur.check_password(NIEUW_WACHTWOORD))

        data = formulierdata(url, self.beheerder)
        del data["is_active"]
        self.assertRedirects(self.client.post(url, data), reverse("wagtailusers_users:index"))
        redacteur.refresh_from_db()
        self.assertFalse(redacteur.is_active)

    def test_beheer_is_offered_only_the_groups_it_may_give(self):
        self.client.force_login(self.beheerder)

        response = self.client.get(reverse("wagtailusers_users:add"))

        aangeboden = {
            naam for _pk, naam in response.context["form"].fields["groups"].widget.choices
        }
        regio = {groep_van(w).name for w in WerkplaatsPage.objects.all()}
        self.assertEqual(aangeboden, regio | {BEHEER_GROEP})
        self.assertTrue(response.context["form"].fields["is_superuser"].disabled)

    def test_a_refusal_says_why_in_dutch(self):
        self.client.force_login(self.beheerder)
        url = reverse("wagtailusers_users:edit", args=[self.superuser.pk])

        response = self.client.get(url)

        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        [bericht] = get_messages(response.wsgi_request)
        self.assertIn("alleen een beheerder met volledige rechten (superuser)", str(bericht))

        groep = Group.objects.get(name=ASSOCIATIE_GROEP)
        data = {
            "username": "x",
            "email": "x@example.org",
            "first_name": "X",
            "last_name": "X",
            "password1": WACHTWOORD,
            "password2": WACHTWOORD,
            "groups": [str(groep.pk)],
        }
        response = self.client.post(reverse("wagtailusers_users:add"), data)
        self.assertContains(
            response, f"U kunt de groep ‘{ASSOCIATIE_GROEP}’ niet toekennen", status_code=200
        )

    def test_a_superuser_can_still_do_everything(self):
        self.client.force_login(self.superuser)
        tweede = get_user_model().objects.create_superuser(
            "admin2", "a2@example.org", WACHTWOORD, first_name="Twee", last_name="Beheer"
        )
        url = reverse("wagtailusers_users:edit", args=[tweede.pk])
        data = formulierdata(url, self.superuser)
        data["password1"] = data["password2"] = NIEUW_WACHTWOORD
        data.pop("is_superuser")
        self.assertRedirects(self.client.post(url, data), reverse("wagtailusers_users:index"))
        tweede.refresh_from_db()
        self.assertTrue(tweede.check_password(NIEUW_WACHTWOORD))
        self.assertFalse(tweede.is_superuser)

        data = {
            "username": "derde",
            "email": "derde@example.org",
            "first_name": "Derde",
            "last_name": "Beheerder",
            "password1": WACHTWOORD,
            "password2": WACHTWOORD,
            "is_superuser": "on",
            "groups": [str(Group.objects.get(name=ASSOCIATIE_GROEP).pk)],
        }
        self.client.post(reverse("wagtailusers_users:add"), data)
        self.assertTrue(get_user_model().objects.get(username="derde").is_superuser)

        url = reverse("wagtailusers_groups:add")
        data = formulierdata(url, self.superuser)
        data["name"] = "Alles"
        root = Page.get_first_root_node()
        paneel_voeg_toe(data, "page_permissions", "page", root.pk, "publish_page")
        self.client.post(url, data)
        groep = Group.objects.get(name="Alles")
        self.assertTrue(groep.page_permissions.filter(page=root).exists())

    def test_users_have_no_copy_view(self):
        # Wagtail's copy view saved into the copied account: a renamed superuser with a new
        # password.
        with self.assertRaises(NoReverseMatch):
            reverse("wagtailusers_users:copy", args=[self.superuser.pk])
        self.client.force_login(self.beheerder)
        voor = momentopname()

        url = f"{reverse('wagtailusers_users:index')}copy/{self.superuser.pk}/"
        response = self.client.post(url, {"username": "kopie", "password1": NIEUW_WACHTWOORD})

        self.assertEqual(response.status_code, 404)
        self.assertEqual(voor, momentopname())

    def test_django_admin_is_for_superusers_only(self):
        staflid = gebruiker("staf", BEHEER_GROEP, is_staff=True)
        self.client.force_login(staflid)
        response = self.client.get(reverse("admin:auth_user_changelist"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response.url)

        self.client.force_login(self.superuser)
        self.assertEqual(self.client.get(reverse("admin:auth_user_changelist")).status_code, 200)
