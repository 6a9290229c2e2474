"""Review by the Associatie, scheduled publishing and revisions, through the real admin.

Regions publish their own pages. When the Associatie assigns the review workflow to a
region's WerkplaatsPage (Instellingen > Workflows), the region's editors can only submit;
an Associatie moderator approves or rejects with a comment, and the editor gets an email.
"""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Revision, Workflow, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from portal.site.rollen import BEOORDELING_WORKFLOW
from tests.support.apps import project_page_models
from tests.support.role_tree import (
    PAGINATYPEN,
    VasteMediaMap,
    bouw_rollenboom,
    formulierdata,
    tijd_op,
)
from werkplaatsen.rechten import onder_beoordeling

# Built on the role tree (setup_roles, one user per role): seconds per class.
pytestmark = pytest.mark.slow


def heeft_paginarecht(groep, pagina, codename):
    return GroupPagePermission.objects.filter(
        group=groep, page=pagina, permission__codename=codename
    ).exists()


class BeoordelingTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()
        cls.workflow = Workflow.objects.get(name=BEOORDELING_WORKFLOW)

    def als(self, sleutel):
        self.client.force_login(self.tree[sleutel])

    def beoordeling_aan(self, werkplaats):
        """The Associatie assigns the review workflow in the admin, as an editor would."""
        self.als("associatie_redacteur")
        url = reverse("wagtailadmin_workflows:edit", args=[self.workflow.pk])
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="w-editor-form")
        data["pages-0-page"] = str(werkplaats.pk)
        response = self.client.post(url, data)
        self.assertRedirects(response, reverse("wagtailadmin_workflows:index"))
        self.client.logout()

    def bewerk(self, sleutel, actie=None, **velden):
        pagina = self.tree[sleutel]
        data = formulierdata(pagina, self.tree["superuser"])
        data.update(velden)
        if actie:
            data[actie] = actie
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[pagina.pk]), data)

    def workflowactie(self, pagina, actie, **data):
        state = WorkflowState.objects.for_instance(pagina).get(
            status=WorkflowState.STATUS_IN_PROGRESS
        )
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[pagina.pk, actie, state.current_task_state.pk],
        )
        return self.client.post(url, data)

    def test_regions_publish_directly_by_default(self):
        self.assertFalse(onder_beoordeling(self.tree["noord"]))
        self.assertIsNone(Page.objects.get(pk=self.tree["noord_product"].pk).get_workflow())
        self.als("noord_redacteur")

        self.bewerk("noord_product", "action-publish", title="Direct gepubliceerd")

        self.assertEqual(
            Page.objects.get(pk=self.tree["noord_product"].pk).title, "Direct gepubliceerd"
        )

    def test_switching_review_on_and_off_moves_the_right_to_publish(self):
        noord, zuyd = self.tree["noord"], self.tree["zuyd"]
        regio, associatie = self.tree["groep_noord"], self.tree["groep_associatie"]

        self.beoordeling_aan(noord)

        self.assertTrue(onder_beoordeling(noord))
        self.assertFalse(heeft_paginarecht(regio, noord, "publish_page"))
        self.assertTrue(heeft_paginarecht(regio, noord, "change_page"))
        self.assertTrue(heeft_paginarecht(associatie, noord, "publish_page"))
        self.assertFalse(heeft_paginarecht(associatie, noord, "change_page"))
        self.assertTrue(heeft_paginarecht(self.tree["groep_zuyd"], zuyd, "publish_page"))
        self.assertFalse(heeft_paginarecht(associatie, zuyd, "publish_page"))

        self.als("associatie_redacteur")
        response = self.client.post(
            reverse("wagtailadmin_workflows:remove", args=[noord.pk, self.workflow.pk])
        )

        self.assertEqual(response.status_code, 302)
        self.assertFalse(onder_beoordeling(noord))
        self.assertTrue(heeft_paginarecht(regio, noord, "publish_page"))
        self.assertFalse(heeft_paginarecht(associatie, noord, "publish_page"))

    def test_assigning_in_code_or_disabling_the_workflow_also_moves_the_right(self):
        noord, regio = self.tree["noord"], self.tree["groep_noord"]

        self.workflow.workflow_pages.create(page=self.tree["index"])

        for werkplaats in ["noord", "zuyd", "zeeland"]:
            self.assertTrue(onder_beoordeling(self.tree[werkplaats]))
        self.assertFalse(heeft_paginarecht(regio, noord, "publish_page"))
        self.assertTrue(heeft_paginarecht(self.tree["groep_associatie"], noord, "publish_page"))

        self.workflow.deactivate()

        self.assertFalse(onder_beoordeling(noord))
        self.assertTrue(heeft_paginarecht(regio, noord, "publish_page"))
        self.assertFalse(heeft_paginarecht(self.tree["groep_associatie"], noord, "publish_page"))

    def test_setup_roles_keeps_review_as_it_is(self):
        self.beoordeling_aan(self.tree["noord"])

        call_command("setup_roles", stdout=io.StringIO())

        self.assertFalse(
            heeft_paginarecht(self.tree["groep_noord"], self.tree["noord"], "publish_page")
        )
        self.assertTrue(
            heeft_paginarecht(self.tree["groep_associatie"], self.tree["noord"], "publish_page")
        )

    def test_under_review_the_editor_cannot_publish_directly(self):
        self.beoordeling_aan(self.tree["noord"])
        self.als("noord_redacteur")
        product = self.tree["noord_product"]

        formulier = self.client.get(reverse("wagtailadmin_pages:edit", args=[product.pk]))
        response = self.bewerk("noord_product", "action-publish", title="Zonder beoordeling")

        self.assertNotContains(formulier, 'name="action-publish"')
        self.assertContains(formulier, 'name="action-submit"')
        self.assertEqual(response.status_code, 302)
        product.refresh_from_db()
        self.assertEqual(product.title, "Product noord")
        self.assertEqual(product.draft_title, "Zonder beoordeling")
        self.assertTrue(product.has_unpublished_changes)
        unpublish = self.client.post(reverse("wagtailadmin_pages:unpublish", args=[product.pk]))
        self.assertRedirects(unpublish, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertTrue(Page.objects.get(pk=product.pk).live)

    def test_submit_reject_with_comment_resubmit_and_approve(self):
        self.beoordeling_aan(self.tree["noord"])
        product = self.tree["noord_product"]
        redacteur = self.tree["noord_redacteur"]
        moderator = self.tree["associatie_redacteur"]
        mail.outbox.clear()

        # The editor submits.
        self.als("noord_redacteur")
        self.bewerk("noord_product", "action-submit", title="Ter beoordeling")
        self.assertTrue(Page.objects.get(pk=product.pk).workflow_in_progress)
        self.assertIn([moderator.email], [bericht.to for bericht in mail.outbox])
        self.assertEqual(Page.objects.get(pk=product.pk).title, "Product noord")

        # The moderator may open the page while it is under review, and rejects it.
        self.als("associatie_redacteur")
        self.assertEqual(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[product.pk])).status_code,
            200,
        )
        mail.outbox.clear()
        response = self.workflowactie(product, "reject", comment="Graag de bron vermelden.")
        self.assertEqual(response.status_code, 302)
        state = WorkflowState.objects.for_instance(product).latest("created_at")
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        [afwijzing] = [bericht for bericht in mail.outbox if bericht.to == [redacteur.email]]
        self.assertIn("Graag de bron vermelden.", afwijzing.body)
        self.assertFalse(Page.objects.get(pk=product.pk).title == "Ter beoordeling")

        # The editor changes the page and submits again; the moderator approves.
        self.als("noord_redacteur")
        self.bewerk("noord_product", "action-submit", title="Met bronvermelding")
        self.assertTrue(Page.objects.get(pk=product.pk).workflow_in_progress)
        self.als("associatie_redacteur")
        mail.outbox.clear()
        response = self.workflowactie(product, "approve", comment="Dank je.")

        self.assertEqual(response.status_code, 302)
        product.refresh_from_db()
        self.assertTrue(product.live)
        self.assertEqual(product.title, "Met bronvermelding")
        self.assertFalse(product.has_unpublished_changes)
        self.assertTrue([bericht for bericht in mail.outbox if bericht.to == [redacteur.email]])

    def test_the_editor_cannot_approve_their_own_submission(self):
        self.beoordeling_aan(self.tree["noord"])
        self.als("noord_redacteur")
        self.bewerk("noord_product", "action-submit", title="Ter beoordeling")

        response = self.workflowactie(self.tree["noord_product"], "approve")

        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(Page.objects.get(pk=self.tree["noord_product"].pk).title, "Product noord")

    def test_associatie_edits_regional_pages_only_while_moderating(self):
        self.beoordeling_aan(self.tree["noord"])
        self.als("associatie_redacteur")

        response = self.bewerk("noord_atelier", title="Door de Associatie")
        direct = self.bewerk("noord_atelier", "action-publish", title="Door de Associatie")

        for antwoord in (response, direct):
            self.assertRedirects(
                antwoord, reverse("wagtailadmin_home"), fetch_redirect_response=False
            )
        atelier = Page.objects.get(pk=self.tree["noord_atelier"].pk)
        self.assertEqual(atelier.draft_title, "Leeratelier noord")

    def test_other_regions_are_not_affected(self):
        self.beoordeling_aan(self.tree["noord"])
        self.als("zuyd_redacteur")

        self.bewerk("zuyd_product", "action-publish", title="Zuyd publiceert zelf")

        self.assertEqual(
            Page.objects.get(pk=self.tree["zuyd_product"].pk).title, "Zuyd publiceert zelf"
        )


class GeplandPublicerenTests(VasteMediaMap, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = bouw_rollenboom()

    def test_every_page_type_is_covered(self):
        paginamodellen = set(project_page_models())
        self.assertEqual(
            {type(self.tree[sleutel].specific) for sleutel in PAGINATYPEN}, paginamodellen
        )

    def test_scheduled_publishing_for_every_page_type(self):
        nu = timezone.now().replace(second=0, microsecond=0)
        straks = nu + datetime.timedelta(hours=1)
        for sleutel, rol in PAGINATYPEN.items():
            with self.subTest(pagina=sleutel):
                pagina = self.tree[sleutel]
                oude_titel = Page.objects.get(pk=pagina.pk).title
                data = formulierdata(pagina, self.tree["superuser"])
                data["title"] = f"Gepland: {oude_titel}"
                data["go_live_at"] = timezone.localtime(straks).strftime("%Y-%m-%d %H:%M")
                data["action-publish"] = "action-publish"
                self.client.force_login(self.tree[rol])

                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[pagina.pk]), data
                )

                self.assertEqual(response.status_code, 302, response)
                pagina = Page.objects.get(pk=pagina.pk)
                self.assertEqual(pagina.title, oude_titel)
                gepland = Revision.page_revisions.filter(
                    object_id=str(pagina.pk), approved_go_live_at__isnull=False
                ).get()
                self.assertEqual(gepland.approved_go_live_at, straks)

        with tijd_op(straks + datetime.timedelta(minutes=5)):
            call_command("publish_scheduled", stdout=io.StringIO())

        for sleutel in PAGINATYPEN:
            with self.subTest(pagina=sleutel):
                pagina = Page.objects.get(pk=self.tree[sleutel].pk)
                self.assertTrue(pagina.title.startswith("Gepland: "), pagina.title)
                self.assertTrue(pagina.live)

    def test_revisions_for_every_page_type(self):
        for sleutel, rol in PAGINATYPEN.items():
            with self.subTest(pagina=sleutel):
                pagina = self.tree[sleutel]
                aantal = Revision.page_revisions.filter(object_id=str(pagina.pk)).count()
                data = formulierdata(pagina, self.tree["superuser"])
                data["title"] = "Concepttitel"
                self.client.force_login(self.tree[rol])

                self.client.post(reverse("wagtailadmin_pages:edit", args=[pagina.pk]), data)

                revisies = Revision.page_revisions.filter(object_id=str(pagina.pk))
                self.assertEqual(revisies.count(), aantal + 1)
                laatste = revisies.order_by("-created_at", "-pk").first()
                self.assertEqual(laatste.content["title"], "Concepttitel")
                geschiedenis = self.client.get(
                    reverse("wagtailadmin_pages:history", args=[pagina.pk])
                )
                self.assertEqual(geschiedenis.status_code, 200)
                vorige = revisies.order_by("created_at", "pk").first()
                bekijk = self.client.get(
                    reverse("wagtailadmin_pages:revisions_view", args=[pagina.pk, vorige.pk])
                )
                self.assertEqual(bekijk.status_code, 200)
