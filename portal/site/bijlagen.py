"""Documents and images follow the privacy of the pages that use them.

A document or image file is served to a request when something that uses it (according to
Wagtail's reference index: page fields, rich text links and StreamField blocks) is visible:

- a page that is live, not expired, has no unpublished ancestor, and whose view restrictions
  (its own and its ancestors': login, password, groups) all accept the request, or
- an object that is not a page (a snippet such as a Persoon's photo): those have no privacy.

Besides, an editor who may choose the file in the admin (the ``choose`` permission on its
collection) always gets it, so that previews of drafts show their images and documents.

The index holds what a page's database row says: its live content, or for a page that was
never published its draft. A file that only a newer draft of a live page uses is therefore not
public until that draft is published, and a file that nothing uses (just uploaded) is not
published content: both are served to editors only.

A file that anonymous visitors may see is answered with ``Cache-Control: public`` (for a short
while: a page can become private later); one that only this visitor may see with ``private,
no-store``; every refusal is the site's 404 page, also ``private, no-store``, whatever the kind
of restriction, so that a refusal says nothing about what exists.

Documents go through Wagtail's serve view under /documenten/ (``serve_view``; the hook in
portal/site/wagtail_hooks.py refuses, ``document`` here adds the cache header). Image files,
originals and renditions, go through ``media`` under MEDIA_URL in every environment: it looks
the file name up in the database, so it serves nothing else (no documents, no other files, no
path outside the storage).
"""

import contextlib
import posixpath
from enum import Enum

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found
from wagtail.documents.views import serve
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry

# Seconds a shared cache may keep a public file: how long a page made private later may still
# show its files from such a cache.
OPENBAAR_MAX_AGE = 10 * 60
# Content types by extension, fixed rather than guessed from the server's mime.types.
AFBEELDINGSTYPEN = {
    "gif": "image/gif",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "avif": "image/avif",
}


class Toegang(Enum):
    OPENBAAR = "openbaar"  # anonymous visitors may see it: publicly cacheable
    PERSOONLIJK = "persoonlijk"  # only this request may see it


def toegang(bestand, request):
    """How the document or image ``bestand`` may be served to ``request``; None: not at all."""
    paginas = _gebruik(bestand)
    if paginas is None:
        return Toegang.OPENBAAR
    openbaar, beperkt = _zichtbaarheid(paginas)
    if openbaar:
        return Toegang.OPENBAAR
    if any(all(r.accept_request(request) for r in beperkingen) for beperkingen in beperkt):
        return Toegang.PERSOONLIJK
    if request.user.is_authenticated and _mag_kiezen(request.user, bestand):
        return Toegang.PERSOONLIJK
    return None


def _gebruik(bestand):
    """The ids of the pages that use ``bestand``, or None when a non-page object uses it."""
    pagina_type = ContentType.objects.get_for_model(Page).pk
    paginas = set()
    for soort, object_id in ReferenceIndex.get_references_to(bestand).values_list(
        "base_content_type_id", "object_id"
    ):
        if soort != pagina_type:
            return None
        paginas.add(int(object_id))
    return paginas


def _zichtbaarheid(pagina_ids):
    """(whether an anonymous visitor sees one of the pages, and for each page that is live but
    restricted, the view restrictions it takes to see it). Two queries however many pages, a
    third (and a fourth for groups) when there are view restrictions."""
    nu = timezone.now()
    paden = list(
        Page.objects.filter(pk__in=pagina_ids, live=True, expired=False)
        .exclude(expire_at__lte=nu)
        .values_list("path", flat=True)
    )
    if not paden:
        return False, []
    stap = Page.steplen
    voorouders = {pad[:eind] for pad in paden for eind in range(2 * stap, len(pad), stap)}
    verborgen, met_beperking = set(), []
    for pad, zichtbaar, beperkt in (
        Page.objects.filter(path__in=voorouders.union(paden))
        .annotate(
            zichtbaar=Q(live=True) & (Q(expire_at=None) | Q(expire_at__gt=nu)),
            beperkt=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))),
        )
        .filter(Q(zichtbaar=False) | Q(beperkt=True))
        .values_list("path", "zichtbaar", "beperkt")
    ):
        if not zichtbaar and pad in voorouders:
            verborgen.add(pad)
        if beperkt:
            met_beperking.append(pad)
    beperkingen = []
    if met_beperking:
        beperkingen = list(
            PageViewRestriction.objects.filter(page__path__in=met_beperking)
            .select_related("page")
            .prefetch_related("groups")
        )
    beperkt = []
    for pad in paden:
        if any(pad.startswith(v) for v in verborgen):
            continue
        eigen = [b for b in beperkingen if pad.startswith(b.page.path)]
        if not eigen:
            return True, []
        beperkt.append(eigen)
    return False, beperkt


def _mag_kiezen(user, bestand):
    return policy_registry.get_by_type(type(bestand)).user_has_permission_for_instance(
        user, "choose", bestand
    )


def met_cachebeleid(response, soort):
    if soort is Toegang.OPENBAAR:
        patch_cache_control(response, public=True, max_age=OPENBAAR_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def niet_gevonden(request):
    """The site's 404 page, never kept by a shared cache (the visitor may log in next)."""
    return met_cachebeleid(page_not_found(request, None), Toegang.PERSOONLIJK)


# --- Documents ------------------------------------------------------------------------------


def voor_document(document, request):
    """The ``before_serve_document`` hook: refuses, or notes how the response may be cached."""
    soort = toegang(document, request)
    if soort is None:
        return niet_gevonden(request)
    if soort is Toegang.OPENBAAR and document.collection.get_view_restrictions().exists():
        # A password or login on the collection itself (Wagtail checks it after this hook).
        soort = Toegang.PERSOONLIJK
    request.bijlage_toegang = soort
    return None


def document(request, document_id, document_filename):
    """Wagtail's serve view, with a cache header that follows ``voor_document``."""
    response = serve.serve(request, document_id, document_filename)
    return met_cachebeleid(response, getattr(request, "bijlage_toegang", Toegang.PERSOONLIJK))


# --- Images ---------------------------------------------------------------------------------


def _afbeelding_bij(pad):
    """The Image whose original or rendition is stored under ``pad``; None for anything else."""
    map_, naam = posixpath.split(pad)
    Image = get_image_model()
    if map_ == "original_images":
        return Image.objects.filter(file=pad).first()
    if map_ == "images":
        return Image.objects.filter(renditions__file=pad).first()
    return None


def veilig_pad(pad):
    """``pad`` if it names a file inside the media folder in the usual form, else None."""
    delen = pad.split("/")
    if (
        "\\" in pad
        or any(deel in ("", ".", "..") for deel in delen)
        or posixpath.normpath(pad) != pad
        or pad.rpartition(".")[2].lower() not in AFBEELDINGSTYPEN
    ):
        return None
    return pad


@require_safe
def media(request, pad):
    """An image file from MEDIA_URL, for whoever may see a page or object that uses it."""
    pad = veilig_pad(pad)
    afbeelding = _afbeelding_bij(pad) if pad else None
    soort = toegang(afbeelding, request) if afbeelding else None
    if soort is None:
        return niet_gevonden(request)
    opslag = afbeelding.file.storage
    try:
        bestand = opslag.open(pad, "rb")
    except FileNotFoundError:
        return niet_gevonden(request)
    extensie = pad.rpartition(".")[2].lower()
    response = FileResponse(bestand, content_type=AFBEELDINGSTYPEN[extensie])
    with contextlib.suppress(NotImplementedError):
        response["Last-Modified"] = http_date(opslag.get_modified_time(pad).timestamp())
    return met_cachebeleid(response, soort)
