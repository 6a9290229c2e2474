"""The client's address of a request, for login throttling and rate limits."""

from django.conf import settings


def client_ip(request):
    """The visitor's address, for login throttling and the sign-up limits of portal/volgen.

    Behind TRUSTED_PROXY_COUNT reverse proxies, each appending the address it received the
    request from to X-Forwarded-For, the client is that many entries from the right; anything
    further left can be forged by the client. Without proxies: the socket's address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
