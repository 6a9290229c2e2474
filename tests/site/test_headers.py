"""Security headers on public pages and a separate, same-origin policy for the admin."""

import pytest

from tests.support.tree import build_tree

pytestmark = pytest.mark.django_db


def csp(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
    )


def test_public_pages_have_a_strict_policy(client):
    build_tree()
    response = client.get("/werkplaatsen/")
    policy = csp(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"].startswith("'self'")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_admin_has_its_own_same_origin_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["frame-ancestors"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
