"""Connections to an unreachable Redis give up at once during a pause."""

from unittest import mock

import pytest
from redis import ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError

from portal.site.redisverbinding import PauzerendePool
from tests.support.servers import vrije_poort


def test_after_a_failed_connection_redis_is_not_tried_again_during_the_pause(settings):
    settings.REDIS_PAUZE = 30
    pool = PauzerendePool.from_url(f"redis://127.0.0.1:{vrije_poort()}/0")
    with pytest.raises(RedisConnectionError):
        pool.get_connection()
    assert pool.pauze_tot > 0
    with mock.patch.object(ConnectionPool, "get_connection") as echt:
        for _ in range(3):
            with pytest.raises(RedisConnectionError):
                pool.get_connection()
        assert echt.call_count == 0  # refused without trying

    pool.pauze_tot = 0  # the pause is over: tried again
    with mock.patch.object(
        ConnectionPool, "get_connection", side_effect=RedisConnectionError("weg")
    ) as echt:
        with pytest.raises(RedisConnectionError):
            pool.get_connection()
        assert echt.call_count == 1


def test_the_pool_serves_a_reachable_redis_as_usual(settings):
    pool = PauzerendePool.from_url("redis://127.0.0.1:6379/15")
    try:
        verbinding = pool.get_connection()
    except RedisConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    verbinding.send_command("PING")
    assert verbinding.read_response() in (b"PONG", "PONG", True)
    pool.release(verbinding)
    assert pool.pauze_tot == 0.0
