"""setup_roles and what Wagtail's migrations bring: the groups Editors and Moderators with
rights on the whole tree, and the English workflow "Moderators approval"."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.site.rollen import (
    BEHEER_GROEP,
    BEOORDELING_TAAK,
    BEOORDELING_WORKFLOW,
    STANDAARD_TAAK_NL,
    STANDAARD_WORKFLOW_NL,
    WAGTAIL_STANDAARD_WORKFLOW,
    WAGTAIL_STANDAARDGROEPEN,
    richt_rollen_in,
)
from tests.support.tree import build_tree
from werkplaatsen.rechten import ASSOCIATIE_GROEP, REDACTIE_PREFIX

pytestmark = pytest.mark.django_db


def wagtail_standaard():
    """What Wagtail's migrations make (made again here: a flushed test database lacks it)."""
    root = Page.get_first_root_node()
    collectie = Collection.get_first_root_node()
    for naam, codenames in (
        ("Editors", ["add_page", "change_page"]),
        ("Moderators", ["add_page", "change_page", "publish_page", "lock_page"]),
    ):
        groep, _ = Group.objects.get_or_create(name=naam)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groep,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        GroupCollectionPermission.objects.get_or_create(
            group=groep,
            collection=collectie,
            permission=Permission.objects.get(codename="add_image"),
        )
    workflow, _ = Workflow.objects.get_or_create(name=WAGTAIL_STANDAARD_WORKFLOW)
    taak = GroupApprovalTask.objects.filter(name=WAGTAIL_STANDAARD_WORKFLOW).first()
    if taak is None:
        taak = GroupApprovalTask.objects.create(name=WAGTAIL_STANDAARD_WORKFLOW)
    taak.groups.add(Group.objects.get(name="Moderators"))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=taak, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})


def eigen_groep(naam):
    return naam in (BEHEER_GROEP, ASSOCIATIE_GROEP) or naam.startswith(REDACTIE_PREFIX)


@pytest.fixture
def tree():
    tree = build_tree()
    wagtail_standaard()
    return tree


def test_only_the_projects_own_groups_have_page_rights(tree):
    richt_rollen_in()
    groepen = Group.objects.filter(page_permissions__isnull=False).distinct()
    assert groepen.exists()
    assert [g.name for g in groepen if not eigen_groep(g.name)] == []
    assert not Group.objects.filter(name__in=WAGTAIL_STANDAARDGROEPEN).exists()


def test_a_default_group_with_members_stays_without_rights(tree):
    moderators = Group.objects.get(name="Moderators")
    get_user_model().objects.create_user("oud-lid").groups.add(moderators)
    verslag = richt_rollen_in()
    assert Group.objects.filter(pk=moderators.pk).exists()
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not GroupCollectionPermission.objects.filter(group=moderators).exists()
    assert any("'Moderators'" in regel and "nog leden" in regel for regel in verslag.regels)
    assert not Group.objects.filter(name="Editors").exists()


def test_every_workflow_and_task_has_a_dutch_name(tree):
    richt_rollen_in()
    assert set(Workflow.objects.values_list("name", flat=True)) == {
        BEOORDELING_WORKFLOW,
        STANDAARD_WORKFLOW_NL,
    }
    assert set(Task.objects.values_list("name", flat=True)) == {BEOORDELING_TAAK, STANDAARD_TAAK_NL}
    standaard = Workflow.objects.get(name=STANDAARD_WORKFLOW_NL)
    assert not standaard.active and not WorkflowPage.objects.filter(workflow=standaard).exists()
    assert not Task.objects.get(name=STANDAARD_TAAK_NL).active
    assert Workflow.objects.get(name=BEOORDELING_WORKFLOW).active


def test_a_second_run_changes_nothing(tree):
    richt_rollen_in()
    assert richt_rollen_in().wijzigingen == 0
