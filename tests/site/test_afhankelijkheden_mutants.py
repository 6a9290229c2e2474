"""The bookkeeping of what a page depends on (portal/basis/afhankelijkheden.py), where the
page-cache tests do not reach: found by mutation testing."""

import time
from unittest import mock

import pytest
from django.db import connection, connections

from portal.basis import afhankelijkheden
from portal.basis.afhankelijkheden import (
    beginwaarde,
    gedeelde_cache,
    leeratelier_scope,
    product_afhankelijkheden,
    tag_sleutel,
    toon_product,
    versies,
    verzamel,
    werkplaats_scope,
)
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import LeeratelierPage

pytestmark = pytest.mark.django_db


def test_the_sql_watch_passes_every_argument_on_unchanged():
    """Another execute wrapper inside ours gets what Django gave: the statement, its
    parameters, ``many`` and the context with the connection and cursor."""
    gezien = []

    def binnen(execute, sql, params, many, context):
        gezien.append((sql, params, many, context))
        return execute(sql, params, many, context)

    with (
        verzamel() as verzameling,
        connection.execute_wrapper(binnen),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT %s FROM kennisbank_productpage", [1])
    (sql, params, many, context) = gezien[0]
    assert (sql, params, many) == ("SELECT %s FROM kennisbank_productpage", [1], False)
    assert context["connection"] is connections["default"] and "cursor" in context
    assert verzameling.producten_gelezen is True


def test_a_start_value_is_a_whole_number_that_redis_can_increment():
    waarde = beginwaarde()
    assert isinstance(waarde, int)
    assert abs(waarde - time.time_ns() // 1000) < 10_000_000  # microseconds, now


def test_a_version_key_without_a_value_gets_one_that_stays():
    sleutel = tag_sleutel("pagina:424242")
    gedeelde_cache().delete(sleutel)
    eerst = versies([sleutel])[sleutel]
    assert isinstance(eerst, int)
    assert gedeelde_cache().get(sleutel) == eerst
    assert versies([sleutel]) == {sleutel: eerst}
    later = time.time() + 10 * 365 * 24 * 3600  # version keys never expire
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=later):
        assert gedeelde_cache().get(sleutel) == eerst


def test_a_product_shown_outside_a_render_is_not_collected():
    toon_product(5)  # no collection running: nothing to do, and no error
    with verzamel() as verzameling:
        toon_product(None)
        toon_product(7)
    assert verzameling.paginas == {7}
    assert verzameling.tags() == {"pagina:7"}


def test_every_werkplaats_has_its_own_scope_and_the_associatie_one_too():
    scopes = {werkplaats_scope(pk) for pk in (3, 4, None)}
    assert len(scopes) == 3
    assert werkplaats_scope(None) == werkplaats_scope(0)  # no Werkplaats: the Associatie


def test_a_product_in_a_leeratelier_makes_that_leeratelier_stale():
    tree = build_tree()
    eerste, tweede = (
        publish(
            tree["noord"],
            LeeratelierPage(title=f"Atelier {n}", slug=f"atelier-{n}", intro="x", start_jaar=2020),
        )
        for n in (1, 2)
    )
    product = add_product(tweede, "Uit het tweede atelier")
    tags = product_afhankelijkheden(product)
    assert leeratelier_scope(tweede.pk) in tags
    assert leeratelier_scope(eerste.pk) not in tags
    assert afhankelijkheden.werkplaats_scope(tree["noord"].pk) in tags
    zonder = product_afhankelijkheden(add_product(tree["noord"], "Zonder atelier"))
    assert not any(tag.startswith("producten:leeratelier:") for tag in zonder)
