"""Keep the OAI-PMH tombstones right: connected in KennisbankConfig.ready().

A product leaves the public when it, or a page above it, is unpublished (by an editor or
when it expires), when it is deleted, when a view restriction covers it or when it moves below
a hidden page; it comes back when the reverse happens. Each handler brings the tombstones of
the affected subtree up to date (``repository.werk_bij``), in a fixed number of queries.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kennisbank.models import ProductPage
from kennisbank.oai import repository


def _subtree(instance, herstel=True):
    # Only a product, or a page with pages below it, can change what is public.
    klasse = instance.specific_class or type(instance)
    if issubclass(klasse, ProductPage) or instance.numchild:
        repository.werk_bij(instance.path, herstel=herstel)


def _published(instance, **kwargs):
    _subtree(instance)


def _unpublished(instance, **kwargs):
    _subtree(instance, herstel=False)


def _moved(instance, **kwargs):
    instance.refresh_from_db(fields=["path", "numchild"])
    _subtree(instance)


def _restriction(instance, raw=False, **kwargs):
    if not raw:
        repository.werk_bij(instance.page.path)


def _product_deleted(instance, **kwargs):
    repository.bij_verwijderen(instance)


def connect():
    page_published.connect(_published, dispatch_uid="oai_page_published")
    page_unpublished.connect(_unpublished, dispatch_uid="oai_page_unpublished")
    post_page_move.connect(_moved, dispatch_uid="oai_page_moved")
    post_save.connect(_restriction, sender=PageViewRestriction, dispatch_uid="oai_restriction")
    post_delete.connect(
        _restriction, sender=PageViewRestriction, dispatch_uid="oai_restriction_deleted"
    )
    pre_delete.connect(_product_deleted, sender=ProductPage, dispatch_uid="oai_product_deleted")
