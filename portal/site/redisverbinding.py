"""Connections to Redis that give up at once while Redis is known to be unreachable."""

import time

from django.conf import settings
from redis import ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError


class PauzerendePool(ConnectionPool):
    """After Redis could not be reached, every request for a connection fails at once for
    REDIS_PAUZE seconds: a Redis host that does not answer then costs one socket timeout per
    pause, not one per cache call (Wagtail makes several per page). Used by both caches
    (django-redis CONNECTION_POOL_CLASS), which treat the error as a miss."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pauze_tot = 0.0

    def get_connection(self, *args, **kwargs):
        if time.monotonic() < self.pauze_tot:
            raise RedisConnectionError("Redis was onbereikbaar; even niet opnieuw geprobeerd.")
        try:
            return super().get_connection(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError):
            self.pauze_tot = time.monotonic() + getattr(settings, "REDIS_PAUZE", 5)
            raise
