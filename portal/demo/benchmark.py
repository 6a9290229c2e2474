"""The key pages that the benchmark (scripts/benchmark.sh) and the query-count tests measure."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from kennisbank.models import KennisbankPage, ProductPage
from portal.demo.bulkinhoud import bulkproducten
from portal.themas.models import LandelijkThemaPage, ThemaIndexPage
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.rechten import groep_van

REDACTEUR = "benchmark-redactie"
BEHEER_ZOEKTERM = "mantelzorg"


def sleutelpaginas():
    """[(name, path)] of the key pages.

    Chosen from the content so that they exist, and show results, with any number of bulk
    products: the first Werkplaats and landelijk thema in tree order, the first bulk product
    with an image, and kennisbank filters taken from that product.
    """
    werkplaats = WerkplaatsPage.objects.live().order_by("path").first()
    thema = LandelijkThemaPage.objects.live().order_by("path").first()
    kennisbank = KennisbankPage.objects.live().first().url
    # A product with an image: the lists it appears in then always load image renditions.
    product = bulkproducten().live().filter(afbeelding__isnull=False).order_by("slug").first()
    eigen_thema = product.themas.order_by("path").first()
    drie = {
        "thema": eigen_thema.slug,
        "type": product.product_type,
        "jaar": product.publicatiedatum.year,
    }
    return [
        ("home", "/"),
        ("werkplaats", werkplaats.url),
        ("product", product.url),
        ("kennisbank", kennisbank),
        ("kennisbank-1-filter", f"{kennisbank}?{urlencode({'thema': eigen_thema.slug})}"),
        ("kennisbank-3-filters", f"{kennisbank}?{urlencode(drie)}"),
        ("kennisbank-q", f"{kennisbank}?{urlencode({'q': 'werkzame elementen'})}"),
        ("themas", ThemaIndexPage.objects.live().first().url),
        ("thema", thema.url),
        # Words of the bulk products only: the search page takes one query per page type
        # among its results, so a term that also finds other page types counts differently.
        ("zoeken", f"{reverse('zoeken')}?{urlencode({'q': 'werkzame elementen'})}"),
        ("feed", reverse("feed_producten")),
        ("feed-werkplaats", reverse("feed_werkplaats", args=[werkplaats.slug])),
        ("feed-thema", reverse("feed_thema", args=[thema.slug])),
        ("feed-thema-atom", reverse("feed_thema_atom", args=[thema.slug])),
    ]


def productpaden(aantal, even):
    """Paths of `aantal` bulk products, by primary key: even ones (published during the
    benchmark's load) or odd ones (measured while the even ones change)."""
    producten = bulkproducten().live().order_by("pk")
    return [p.url for p in producten if (p.pk % 2 == 0) == even][:aantal]


def benchmark_redacteur():
    """(user, Werkplaats): a regional editor of the Werkplaats with the most child pages, made
    (``benchmark-redactie``) or put back in that Werkplaats's editors' group."""
    werkplaats = WerkplaatsPage.objects.order_by("-numchild", "path").first()
    user, _ = get_user_model().objects.get_or_create(
        username=REDACTEUR, defaults={"email": f"{REDACTEUR}@example.org"}
    )
    user.groups.set([groep_van(werkplaats)])
    return user, werkplaats


def beheerpaginas(werkplaats):
    """[(name, path)] of the admin views a regional editor of ``werkplaats`` uses most."""
    product = ProductPage.objects.child_of(werkplaats).order_by("path").first()
    producten = {
        "content_type": ContentType.objects.get_for_model(ProductPage).pk,
        "ordering": "title",
        "p": 2,
    }
    verkenner = reverse("wagtailadmin_explore", args=[werkplaats.pk])
    zoek = urlencode({"q": BEHEER_ZOEKTERM})
    return [
        ("dashboard", reverse("wagtailadmin_home")),
        ("explorer", verkenner),
        ("explorer-products", f"{verkenner}?{urlencode(producten)}"),
        ("edit-product", reverse("wagtailadmin_pages:edit", args=[product.pk])),
        ("chooser-browse", reverse("wagtailadmin_choose_page_child", args=[werkplaats.pk])),
        ("chooser-search", f"{reverse('wagtailadmin_choose_page_search')}?{zoek}"),
        ("admin-search", f"{reverse('wagtailadmin_pages:search')}?{zoek}"),
    ]
