vcl 4.1;
# Varnish in front of the portal (scripts/varnish.sh starts it; README, "Scale-out").
#
# The app decides what is cacheable: only a GET/HEAD response that carries X-Afhankelijk (the
# page cache's dependency tags, portal/site/paginacache/) is kept, for up to an hour. Wagtail
# and the page cache invalidate it (portal/site/paginacache/voorkant.py), from 127.0.0.1 only:
#   BAN   with "X-Afhankelijk: <tag> <tag> ...": every object whose tags include one of them
#         (the tag "site", which every object carries, bans everything);
#   PURGE of a URL (Wagtail's HTTPBackend): that path with every query string.
# Browsers still get the app's own Cache-Control (no-cache with an ETag).
# scripts/varnish.sh replaces the backend's port below.

import std;

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl invalideren {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ invalideren) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN" || req.http.X-Afhankelijk) {
            if (req.http.X-Afhankelijk !~ "^[A-Za-z0-9:_-]+( [A-Za-z0-9:_-]+)*$") {
                return (synth(400, "Bad tags"));
            }
            # Lurker-friendly (obj.* only); tags end at a space or at either end.
            if (!std.ban("obj.http.X-Afhankelijk ~ (^|\s)(" +
                    regsuball(req.http.X-Afhankelijk, " ", "|") + ")(\s|$)")) {
                return (synth(400, std.ban_error()));
            }
            return (synth(200, "Banned"));
        }
        std.ban("obj.http.X-Pad == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization ||
            req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=" ||
            req.url ~ "^/(admin|django-admin|documenten)(/|$)") {
        return (pass);
    }
    # Other cookies do not stop caching: the app ignores them too (a response that depends on
    # them says so with Vary, which Varnish honours).
    return (hash);
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_response {
    if (beresp.http.X-Afhankelijk && beresp.status == 200 && !beresp.http.Set-Cookie &&
            bereq.method == "GET") {
        set beresp.http.X-Pad = regsub(bereq.url, "\?.*$", "");
        set beresp.ttl = 1h;
        set beresp.grace = 10s;
        return (deliver);  # not the built-in rules: they would not keep Cache-Control: no-cache
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 60s;
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    unset resp.http.X-Pad;
}
