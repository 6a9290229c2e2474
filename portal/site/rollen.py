"""Roles in the Wagtail admin, derived from the page tree.

Three kinds of people work in the admin:

* ``Redactie <Werkplaats>``, one group per WerkplaatsPage: add, change, publish, lock and
  unlock on that page and everything below it (kennisagenda's, leerateliers, products,
  events); images and documents in the Werkplaats's own collection; choosing (linking to)
  every image and document through "choose" on the root collection. No ``bulk_delete``:
  pages are deleted one at a time, children first. Lectoren: a global snippet permission,
  narrowed per person by :class:`PersoonPermissionPolicy` to the people the Werkplaats
  manages (``Persoon.beheerd_door``).
* ``Redactie Associatie``: the home page (through model permissions, see below), every
  national section (each child of the home page except the Werkplaatsen overview: the
  Associatie page with national products and the werkprogramma, kennisbank, thema's,
  themagroepen, agenda with the symposium, information pages), all lectoren, its own
  collection, the workflows, and moderation of the regions that are under review.
* ``Beheer``: users, groups, the site settings and sending the newsletter; no content.

Registrations for events (``agenda.Aanmelding``, read and export only): Beheer and the
Associatie see those of every event, a Werkplaats's editors those of their own events
(``agenda/rechten.py``).

Wagtail's own migrations add the groups ``Editors`` and ``Moderators``, with rights on every
page and collection, and the workflow and task "Moderators approval". Rights on the whole tree
would undo the regional roles, so setup_roles deletes those groups (or, when people are still
in them, takes their page and collection rights away), and gives the workflow and task Dutch
names and switches them off: the Associatie's review workflow replaces them.

The Associatie and the regional subtrees. Wagtail page permissions always flow down the
tree, so a permission on the home page would also be a permission on all 16 regions. The
Associatie therefore gets no permission on the home page or on the Werkplaatsen overview:
the home page itself is edited and published through the model permissions
``portal.change_homepage`` and ``portal.publish_homepage``, which
:class:`HomePagePermissionTester` applies to that single page. Regions publish their own
pages. When the Associatie assigns a workflow to a region (Instellingen > Workflows, on the
WerkplaatsPage or on the overview for all regions), the right to publish in that region
moves from the region to the Associatie: the region's editors can only submit, and the
Associatie's moderators approve (publish) or reject. Outside a running moderation the
Associatie cannot edit regional pages. :func:`werk_paginarechten_bij` keeps this in step
on every change of a workflow assignment.

Everything here is idempotent: :func:`richt_rollen_in` (``manage.py setup_roles``) creates
what is missing, brings names and permissions in line and removes permissions that a
managed group should no longer have.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.site.models import HomePage
from werkplaatsen.models import WerkplaatsIndexPage, WerkplaatsPage
from werkplaatsen.rechten import (
    ASSOCIATIE_GROEP,
    REDACTIE_PREFIX,
    collectie_van,
    groep_van,
    onder_beoordeling,
)

BEHEER_GROEP = "Beheer"
ASSOCIATIE_COLLECTIE = "Associatie"
BEOORDELING_WORKFLOW = "Beoordeling door de Associatie"
BEOORDELING_TAAK = "Goedkeuring door de Associatie"
# Created by Wagtail's own migrations and assigned to the root page: it would put every
# region under review, while regions publish their own pages by default. Its workflow and task
# get a Dutch name and are switched off.
WAGTAIL_STANDAARD_WORKFLOW = "Moderators approval"
STANDAARD_WORKFLOW_NL = "Standaardworkflow van Wagtail (uitgeschakeld)"
STANDAARD_TAAK_NL = "Goedkeuring door moderatoren (uitgeschakeld)"
# Groups made by Wagtail's migrations, with rights on the whole page tree and every collection.
WAGTAIL_STANDAARDGROEPEN = ("Editors", "Moderators")

PAGINARECHTEN_ZONDER_PUBLICEREN = ("add_page", "change_page", "lock_page", "unlock_page")
PAGINARECHTEN = (*PAGINARECHTEN_ZONDER_PUBLICEREN, "publish_page")
EIGEN_MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
ANDERMANS_MEDIA = ("wagtailimages.choose_image", "wagtaildocs.choose_document")

REGIO_MODELRECHTEN = (
    "wagtailadmin.access_admin",
    "werkplaatsen.add_persoon",
    "werkplaatsen.change_persoon",
    "werkplaatsen.delete_persoon",
    # Narrowed to the events of the group's own Werkplaats by agenda/rechten.py.
    "agenda.view_aanmelding",
)
# Registrations for every event, national ones included (agenda/rechten.py).
ALLE_AANMELDINGEN = ("agenda.view_aanmelding", "agenda.view_alle_aanmeldingen")
ASSOCIATIE_MODELRECHTEN = (
    *REGIO_MODELRECHTEN,
    "agenda.view_alle_aanmeldingen",
    "portal.change_homepage",
    "portal.publish_homepage",
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "volgen.verstuur_nieuwsbrief",
    # No add_task/change_task: a task names the groups that approve and so publish; setup_roles
    # makes the one task the Associatie needs (BEOORDELING_TAAK).
)
BEHEER_MODELRECHTEN = (
    "wagtailadmin.access_admin",
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
    "portal.change_siteinstellingen",
    *ALLE_AANMELDINGEN,
    "volgen.verstuur_nieuwsbrief",
)


# --- Setting up groups, collections and permissions --------------------------------------------


@dataclass
class Verslag:
    """What a run changed, in Dutch, for the operator."""

    regels: list = field(default_factory=list)
    wijzigingen: int = 0

    def meld(self, regel, wijziging=True):
        self.regels.append(regel)
        if wijziging:
            self.wijzigingen += 1


_rechten = {}


def recht(label):
    """The Permission for "app_label.codename" (looked up once per run)."""
    if label not in _rechten:
        app_label, codename = label.split(".")
        _rechten[label] = Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
    return _rechten[label]


def paginarecht(codename):
    return recht(f"wagtailcore.{codename}")


def gewenste_regiorechten(werkplaats):
    """(page id, codename) pairs for the editors of one Werkplaats."""
    codenames = PAGINARECHTEN_ZONDER_PUBLICEREN
    if not onder_beoordeling(werkplaats):
        codenames = PAGINARECHTEN
    return {(werkplaats.pk, codename) for codename in codenames}


def gewenste_associatierechten():
    """(page id, codename) pairs for the Associatie, from the tree and the workflows."""
    gewenst = set()
    for home in HomePage.objects.all():
        for sectie in home.get_children():
            klasse = sectie.specific_class
            if klasse is not None and issubclass(klasse, WerkplaatsIndexPage):
                continue
            gewenst |= {(sectie.pk, codename) for codename in PAGINARECHTEN}
    werkplaatsen = list(WerkplaatsPage.objects.all())
    for werkplaats in werkplaatsen:
        if onder_beoordeling(werkplaats):
            gewenst.add((werkplaats.pk, "publish_page"))
    # A workflow on a page inside a region: the Associatie must be able to publish what it
    # approves there.
    for toewijzing in WorkflowPage.objects.filter(workflow__active=True).select_related("page"):
        pagina = toewijzing.page
        if any(pagina.is_descendant_of(werkplaats) for werkplaats in werkplaatsen):
            gewenst.add((pagina.pk, "publish_page"))
    return gewenst


def zet_paginarechten(groep, gewenst, verslag):
    bestaand = {
        (pagina_id, codename): pk
        for pk, pagina_id, codename in GroupPagePermission.objects.filter(group=groep).values_list(
            "pk", "page_id", "permission__codename"
        )
    }
    weg = [pk for sleutel, pk in bestaand.items() if sleutel not in gewenst]
    erbij = sorted(gewenst - set(bestaand))
    if weg:
        GroupPagePermission.objects.filter(pk__in=weg).delete()
    for pagina_id, codename in erbij:
        GroupPagePermission.objects.create(
            group=groep, page_id=pagina_id, permission=paginarecht(codename)
        )
    if weg or erbij:
        verslag.meld(
            f"  {groep.name}: paginarechten bijgewerkt ({len(erbij)} erbij, {len(weg)} eraf)."
        )


def zet_collectierechten(groep, gewenst, verslag):
    """``gewenst``: (collection id, permission id) pairs."""
    bestaand = {
        (collectie_id, permissie_id): pk
        for pk, collectie_id, permissie_id in GroupCollectionPermission.objects.filter(
            group=groep
        ).values_list("pk", "collection_id", "permission_id")
    }
    weg = [pk for sleutel, pk in bestaand.items() if sleutel not in gewenst]
    erbij = sorted(gewenst - set(bestaand))
    if weg:
        GroupCollectionPermission.objects.filter(pk__in=weg).delete()
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=groep, collection_id=c, permission_id=p) for c, p in erbij
    )
    if weg or erbij:
        verslag.meld(
            f"  {groep.name}: rechten op collecties bijgewerkt "
            f"({len(erbij)} erbij, {len(weg)} eraf)."
        )


def zet_modelrechten(groep, labels, verslag):
    gewenst = {recht(label) for label in labels}
    bestaand = set(groep.permissions.all())
    if gewenst != bestaand:
        groep.permissions.set(gewenst)
        verslag.meld(
            f"  {groep.name}: algemene rechten bijgewerkt "
            f"({len(gewenst - bestaand)} erbij, {len(bestaand - gewenst)} eraf)."
        )


def mediarechten(eigen_collectie):
    root = Collection.get_first_root_node()
    gewenst = {(eigen_collectie.pk, recht(label).pk) for label in EIGEN_MEDIA}
    gewenst |= {(root.pk, recht(label).pk) for label in ANDERMANS_MEDIA}
    return gewenst


def zorg_voor_collectie(naam, huidige, verslag):
    """The collection ``huidige`` renamed to ``naam``, or a top-level one with that name."""
    root = Collection.get_first_root_node()
    if huidige is None:
        huidige = root.get_children().filter(name=naam).first()
        if huidige is None:
            huidige = root.add_child(name=naam)
            verslag.meld(f"Collectie '{naam}' aangemaakt.")
    elif huidige.name != naam:
        verslag.meld(f"Collectie '{huidige.name}' hernoemd naar '{naam}'.")
        huidige.name = naam
        huidige.save(update_fields=["name"])
    return huidige


def groepsnaam(werkplaats):
    return f"{REDACTIE_PREFIX}{werkplaats.title}"


def zorg_voor_regiogroep(werkplaats, verslag):
    groep = groep_van(werkplaats)
    naam = groepsnaam(werkplaats)
    bezet = Group.objects.filter(name=naam).exclude(pk=groep.pk if groep else None).first()
    if bezet is not None and (bezet.name == ASSOCIATIE_GROEP or bezet.page_permissions.exists()):
        # Two Werkplaatsen with the same title, or a title that clashes with another role.
        naam = f"{naam} ({werkplaats.slug})"
        bezet = Group.objects.filter(name=naam).exclude(pk=groep.pk if groep else None).first()
    if groep is None:
        if bezet is not None:
            groep = bezet
            verslag.meld(f"Groep '{naam}' gekoppeld aan Werkplaats '{werkplaats.title}'.")
        else:
            groep = Group.objects.create(name=naam)
            verslag.meld(f"Groep '{naam}' aangemaakt.")
    elif groep.name != naam:
        if bezet is None:
            verslag.meld(f"Groep '{groep.name}' hernoemd naar '{naam}'.")
            groep.name = naam
            groep.save(update_fields=["name"])
        else:
            verslag.meld(
                f"Let op: groep '{groep.name}' kan niet '{naam}' heten, die naam is bezet.",
                wijziging=False,
            )
    return groep


def zorg_voor_beoordeling(associatie, verslag):
    """The review workflow the Associatie can assign to regions; assigned to nothing here."""
    taak = GroupApprovalTask.objects.filter(name=BEOORDELING_TAAK).order_by("pk").first()
    if taak is None:
        taak = GroupApprovalTask.objects.create(name=BEOORDELING_TAAK)
        verslag.meld(f"Taak '{BEOORDELING_TAAK}' aangemaakt.")
    if not taak.groups.filter(pk=associatie.pk).exists():
        taak.groups.add(associatie)
        verslag.meld(f"  {ASSOCIATIE_GROEP} beoordeelt in taak '{BEOORDELING_TAAK}'.")
    workflow = Workflow.objects.filter(name=BEOORDELING_WORKFLOW).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=BEOORDELING_WORKFLOW, active=True)
        verslag.meld(
            f"Workflow '{BEOORDELING_WORKFLOW}' aangemaakt; de Associatie koppelt hem in het "
            "beheer (Instellingen > Workflows) aan de Werkplaats die ze wil beoordelen."
        )
    if not WorkflowTask.objects.filter(workflow=workflow, task=taak).exists():
        WorkflowTask.objects.create(workflow=workflow, task=taak, sort_order=0)
    standaard = WorkflowPage.objects.filter(
        page__depth=1, workflow__name__in=(WAGTAIL_STANDAARD_WORKFLOW, STANDAARD_WORKFLOW_NL)
    )
    if standaard.exists():
        standaard.delete()
        verslag.meld(
            f"Standaardworkflow '{WAGTAIL_STANDAARD_WORKFLOW}' losgekoppeld van de hoofdpagina: "
            "regio's publiceren zelf, tenzij de Associatie beoordeling aanzet."
        )
    return workflow


def schakel_standaardworkflow_uit(verslag):
    """Wagtail's "Moderators approval": a Dutch name, and off (assigned to nothing)."""
    for workflow in Workflow.objects.filter(name=WAGTAIL_STANDAARD_WORKFLOW):
        workflow.name = STANDAARD_WORKFLOW_NL
        workflow.save(update_fields=["name"])
        verslag.meld(f"Workflow '{WAGTAIL_STANDAARD_WORKFLOW}' hernoemd naar '{workflow.name}'.")
    for workflow in Workflow.objects.filter(name=STANDAARD_WORKFLOW_NL, active=True):
        workflow.deactivate()
        verslag.meld(f"Workflow '{workflow.name}' uitgeschakeld.")
    for taak in Task.objects.filter(name=WAGTAIL_STANDAARD_WORKFLOW):
        taak.name = STANDAARD_TAAK_NL
        taak.save(update_fields=["name"])
        verslag.meld(f"Taak '{WAGTAIL_STANDAARD_WORKFLOW}' hernoemd naar '{taak.name}'.")
    for taak in Task.objects.filter(name=STANDAARD_TAAK_NL, active=True):
        taak.deactivate()
        verslag.meld(f"Taak '{taak.name}' uitgeschakeld.")


def ruim_standaardgroepen_op(verslag):
    """Wagtail's Editors and Moderators: deleted when empty, else without page and media rights."""
    for groep in Group.objects.filter(name__in=WAGTAIL_STANDAARDGROEPEN):
        if not groep.user_set.exists():
            naam = groep.name
            groep.delete()
            verslag.meld(f"Standaardgroep '{naam}' van Wagtail verwijderd (had geen leden).")
            continue
        zet_paginarechten(groep, set(), verslag)
        zet_collectierechten(groep, set(), verslag)
        verslag.meld(
            f"Let op: standaardgroep '{groep.name}' van Wagtail heeft nog leden; zet hen in de "
            "groepen hierboven. De groep heeft geen rechten op pagina's en media meer.",
            wijziging=False,
        )


def richt_rollen_in(verslag=None):
    """Create or update all groups, collections and permissions; returns the Verslag."""
    verslag = verslag or Verslag()
    _rechten.clear()
    with transaction.atomic():
        beheer, nieuw = Group.objects.get_or_create(name=BEHEER_GROEP)
        if nieuw:
            verslag.meld(f"Groep '{BEHEER_GROEP}' aangemaakt.")
        zet_modelrechten(beheer, BEHEER_MODELRECHTEN, verslag)
        zet_paginarechten(beheer, set(), verslag)
        zet_collectierechten(beheer, set(), verslag)

        associatie, nieuw = Group.objects.get_or_create(name=ASSOCIATIE_GROEP)
        if nieuw:
            verslag.meld(f"Groep '{ASSOCIATIE_GROEP}' aangemaakt.")
        # The review workflow first: it decides who publishes in each region.
        zorg_voor_beoordeling(associatie, verslag)
        schakel_standaardworkflow_uit(verslag)
        ruim_standaardgroepen_op(verslag)
        collectie = zorg_voor_collectie(ASSOCIATIE_COLLECTIE, collectie_van(associatie), verslag)
        zet_modelrechten(associatie, ASSOCIATIE_MODELRECHTEN, verslag)
        zet_collectierechten(associatie, mediarechten(collectie), verslag)

        regiogroepen = set()
        werkplaatsen = list(WerkplaatsPage.objects.order_by("path"))
        for werkplaats in werkplaatsen:
            groep = zorg_voor_regiogroep(werkplaats, verslag)
            regiogroepen.add(groep.pk)
            collectie = zorg_voor_collectie(werkplaats.title, collectie_van(groep), verslag)
            zet_modelrechten(groep, REGIO_MODELRECHTEN, verslag)
            zet_paginarechten(groep, gewenste_regiorechten(werkplaats), verslag)
            zet_collectierechten(groep, mediarechten(collectie), verslag)
        zet_paginarechten(associatie, gewenste_associatierechten(), verslag)

        for groep in Group.objects.filter(name__startswith=REDACTIE_PREFIX).exclude(
            pk__in=regiogroepen | {associatie.pk}
        ):
            verslag.meld(
                f"Let op: groep '{groep.name}' hoort bij geen Werkplaats (meer); "
                "verwijder of hernoem hem in het beheer.",
                wijziging=False,
            )
        beheerd = regiogroepen | {associatie.pk, beheer.pk}
        for groep in (
            Group.objects.filter(page_permissions__page__depth=1).exclude(pk__in=beheerd).distinct()
        ):
            verslag.meld(
                f"Let op: groep '{groep.name}' heeft rechten op alle pagina's van de site; "
                "zet redacteuren in de groepen hierboven, niet in deze groep.",
                wijziging=False,
            )
    verslag.meld(
        f"{len(werkplaatsen)} Werkplaatsen, elk met een eigen redactie en collectie.",
        wijziging=False,
    )
    return verslag


def werk_paginarechten_bij(verslag=None):
    """Bring the page permissions of existing groups in line with the tree and workflows.

    Runs on every change of a workflow assignment, so that switching review on or off in
    the admin takes effect at once. It creates nothing; ``setup_roles`` does that.
    """
    verslag = verslag or Verslag()
    _rechten.clear()
    with transaction.atomic():
        for werkplaats in WerkplaatsPage.objects.all():
            groep = groep_van(werkplaats)
            if groep is not None:
                zet_paginarechten(groep, gewenste_regiorechten(werkplaats), verslag)
        associatie = Group.objects.filter(name=ASSOCIATIE_GROEP).first()
        if associatie is not None:
            zet_paginarechten(associatie, gewenste_associatierechten(), verslag)
    return verslag


def _na_workflowwijziging(sender, **kwargs):
    if not kwargs.get("raw"):
        werk_paginarechten_bij()


def verbind_signalen():
    """Keep publishing rights in step with workflow assignments (from SiteConfig.ready)."""
    post_save.connect(_na_workflowwijziging, sender=WorkflowPage, dispatch_uid="rollen-wfp-save")
    post_delete.connect(_na_workflowwijziging, sender=WorkflowPage, dispatch_uid="rollen-wfp-del")
    post_save.connect(_na_workflowwijziging, sender=Workflow, dispatch_uid="rollen-workflow")
