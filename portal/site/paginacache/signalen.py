"""What changes public content, and so bumps the page cache's generation or, for a product,
only its dependency tags (``portal.basis.afhankelijkheden``).

- pages: published, unpublished, moved, deleted, and saves of live pages other than Wagtail's
  own bookkeeping (a new draft revision, a lock); a product published, unpublished or saved
  live bumps its own tags; moves and deletions bump the generation, products included;
- snippets (lectoren, ...), site settings (footer, contact details), sites, images and
  documents (titles, alt texts, files), tags, and view restrictions of pages and collections.

Bulk operations that send no signals (``generate_bulk_content``) call ``verhoog_generatie``
themselves.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from kennisbank.models import ProductPage
from portal.basis.afhankelijkheden import product_afhankelijkheden, toon_product, verzamelt
from portal.site.paginacache.generatie import verhoog_afhankelijkheden, verhoog_generatie
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


def pagina_veranderd(pagina):
    if isinstance(pagina, ProductPage):
        verhoog_afhankelijkheden(product_afhankelijkheden(pagina))
    else:
        verhoog_generatie()


@receiver(page_published)
@receiver(page_unpublished)
def pagina_gewijzigd(sender, instance, **kwargs):
    pagina_veranderd(instance)


@receiver(post_page_move)
def pagina_verplaatst(sender, instance, **kwargs):
    verhoog_generatie()


@receiver(post_save)
def opgeslagen(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    if isinstance(instance, Page):
        if instance.live and not (update_fields and set(update_fields) <= BOEKHOUDING):
            pagina_veranderd(instance)
    elif verandert_inhoud(instance):
        verhoog_generatie()


@receiver(post_init)
def geladen(sender, instance, **kwargs):
    """A product loaded while a page renders: that page depends on it."""
    if not verzamelt():
        return
    if sender is ProductPage:
        toon_product(instance.pk)
    elif sender is Page and instance.__dict__.get("content_type_id") == _product_type_id():
        toon_product(instance.pk)  # e.g. a link to a product in rich text, a search result


def _product_type_id():
    return ContentType.objects.get_for_model(ProductPage).pk


@receiver(post_delete)
def verwijderd(sender, instance, **kwargs):
    if isinstance(instance, Page) or verandert_inhoud(instance):
        verhoog_generatie()
