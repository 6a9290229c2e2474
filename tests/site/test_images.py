"""Images need an alt text in the admin; SVG is not accepted."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def test_upload_without_alt_text_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Foto", "file": png(), "description": ""}
    )
    assert response.status_code == 200
    assert "Vul een alt-tekst in" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_upload_with_alt_text_is_saved(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Foto", "file": png(), "description": "Een blauw vlak"},
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().description == "Een blauw vlak"


def test_svg_is_not_accepted(admin_client):
    svg = SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "X", "file": svg, "description": "x"}
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_multiple_upload_still_accepts_the_file_first(admin_client):
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()})
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert get_image_model().objects.count() == 1
