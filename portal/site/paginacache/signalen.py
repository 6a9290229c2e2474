"""What changes public content, and so bumps the page cache's generation.

- pages: published, unpublished, moved, deleted, and saves of live pages other than Wagtail's
  own bookkeeping (a new draft revision, a lock);
- snippets (lectoren, ...), site settings (footer, contact details), sites, images and
  documents (titles, alt texts, files), tags, and view restrictions of pages and collections.

Bulk operations that send no signals (``generate_bulk_content``) call ``verhoog_generatie``
themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from portal.site.paginacache.generatie import verhoog_generatie
from werkplaatsen.models import RegionaalOnderdeel

# Fields Wagtail saves on its own without changing what visitors see.
BOEKHOUDING = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
        "numchild",
        # Derived from the tree by RegionaalOnderdeel on every save; a move bumps by itself.
        *RegionaalOnderdeel.HERKOMSTVELDEN,
    }
)
INHOUDSMODELLEN = (
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    AbstractImage,
    AbstractDocument,
    Tag,
    PageViewRestriction,
    CollectionViewRestriction,
)


def verandert_inhoud(instance):
    return isinstance(instance, INHOUDSMODELLEN) or type(instance) in get_snippet_models()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def pagina_gewijzigd(sender, instance, **kwargs):
    verhoog_generatie()


@receiver(post_save)
def opgeslagen(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    if isinstance(instance, Page):
        if instance.live and not (update_fields and set(update_fields) <= BOEKHOUDING):
            verhoog_generatie()
    elif verandert_inhoud(instance):
        verhoog_generatie()


@receiver(post_delete)
def verwijderd(sender, instance, **kwargs):
    if isinstance(instance, Page) or verandert_inhoud(instance):
        verhoog_generatie()
