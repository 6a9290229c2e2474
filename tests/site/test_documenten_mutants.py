"""The upload rules of portal/site/forms.py at their edges: the Dutch field texts an editor
reads, a site without a size limit or without a list of types, and the alt text of an
image that the multiple uploader asks for in its second step."""

import re

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import ErrorDict
from django.urls import reverse
from lxml import html as lxml_html
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.site.test_documents import bestand, fouten, grootte_nl, toevoegen
from tests.site.test_images import png

pytestmark = pytest.mark.django_db

Document = get_document_model()
SOORTEN = "PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT"


def veld(response, naam):
    """The rendered field ``naam`` of the form on the page: (label, help text, element)."""
    doc = lxml_html.fromstring(response.content)
    element = doc.get_element_by_id(f"id_{naam}")
    (label,) = doc.xpath(f"//label[@for='{element.get('id')}']")
    hulp = doc.xpath(f"//*[@id='{element.get('id')}-helptext']")
    return label.text_content().strip(), hulp[0].text_content().strip() if hulp else "", element


def test_the_alt_text_field_is_explained_in_dutch_and_required(admin_client):
    label, hulp, element = veld(admin_client.get(reverse("wagtailimages:add")), "description")
    assert label.startswith("Alt-tekst (beschrijving)")
    assert hulp == (
        "Beschrijf in één zin wat er op de afbeelding te zien is, voor wie haar niet kan "
        "zien. Verplicht."
    )
    assert element.get("required") is not None


def test_the_multiple_uploader_asks_the_alt_text_in_its_second_step(admin_client):
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()})
    afbeelding = get_image_model().objects.get()
    assert response.json()["success"] is True
    prefix = f"image-{afbeelding.pk}"
    url = reverse("wagtailimages:edit_multiple", args=[afbeelding.pk])
    data = {f"{prefix}-title": "Foto", f"{prefix}-collection": afbeelding.collection_id}
    response = admin_client.post(url, {**data, f"{prefix}-description": ""})
    assert response.json()["success"] is False
    meldingen = re.findall(r'class="error-message">\s*(.*?)\s*</p>', response.json()["form"])
    assert meldingen == ["Vul een alt-tekst in: beschrijf de afbeelding."]
    response = admin_client.post(url, {**data, f"{prefix}-description": "Een blauw vlak"})
    assert response.json()["success"] is True
    assert get_image_model().objects.get().description == "Een blauw vlak"


def test_without_a_size_limit_the_form_names_only_the_types(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = None
    _label, hulp, _element = veld(admin_client.get(reverse("wagtaildocs:add")), "file")
    assert hulp == f"Toegestaan: {SOORTEN}."
    groot = bestand("groot.pdf", grootte=3 * 1024 * 1024)
    response = toevoegen(admin_client, Collection.get_first_root_node(), groot)
    assert response.status_code == 302
    assert Document.objects.get().file_size == 3 * 1024 * 1024


def test_with_a_limit_the_form_names_the_types_and_the_limit(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
    _label, hulp, _element = veld(admin_client.get(reverse("wagtaildocs:add")), "file")
    assert hulp == f"Toegestaan: {SOORTEN}; maximaal {grootte_nl(2 * 1024 * 1024)}."


def test_without_a_list_of_types_any_extension_is_accepted(admin_client, settings):
    settings.WAGTAILDOCS_EXTENSIONS = None
    response = toevoegen(admin_client, Collection.get_first_root_node(), bestand("data.xyz"))
    assert response.status_code == 302, fouten(response)
    assert Document.objects.get().filename == "data.xyz"


def test_a_refused_type_carries_its_error_code(admin_client):
    response = toevoegen(admin_client, Collection.get_first_root_node(), bestand("script.exe"))
    assert response.context["form"].has_error("file", "invalid_extension")
    assert not Document.objects.exists()


def test_a_file_without_an_extension_and_an_oversized_file_get_the_whole_message(
    admin_client, settings
):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    collectie = Collection.get_first_root_node()
    response = toevoegen(admin_client, collectie, bestand("rapport"))
    assert fouten(response) == (
        f"De bestandsnaam heeft geen extensie, dus het type is onbekend. Toegestaan: {SOORTEN}."
    )
    response = toevoegen(admin_client, collectie, bestand("rapport.pdf", grootte=2000))
    assert fouten(response) == (
        f"Dit bestand is te groot ({grootte_nl(2000)}). Een document mag maximaal "
        f"{grootte_nl(1000)} zijn."
    )
    assert not Document.objects.exists()


# add_error: the second message about the file that Wagtail's Document.clean() adds after the
# form refused the upload is dropped, and nothing else.


def formulier(*fouten):
    """A document form of the admin as after cleaning, with these fields already in error."""
    form = get_document_form(Document)(user=None)
    form.cleaned_data = {}
    form._errors = ErrorDict({naam: form.error_class([f"{naam} fout"]) for naam in fouten})
    return form


def test_after_a_refused_file_only_the_models_other_errors_are_added():
    form = formulier("file")
    form.add_error(None, ValidationError({"file": ["Extensie ''"], "title": ["Titel fout"]}))
    assert form.errors == {"file": ["file fout"], "title": ["Titel fout"]}


def test_after_a_refused_file_a_second_message_about_it_alone_is_dropped():
    form = formulier("file")
    form.add_error(None, ValidationError({"file": ["Extensie ''"]}))
    assert form.errors == {"file": ["file fout"]}


@pytest.mark.parametrize("fouten", [(), ("title",)])
def test_without_a_refused_file_the_models_errors_all_count(fouten):
    form = formulier(*fouten)
    form.add_error(None, ValidationError({"file": ["Extensie ''"], "title": ["Titel fout"]}))
    assert form.errors["file"] == ["Extensie ''"]
    assert form.errors["title"] == [*(["title fout"] if fouten else []), "Titel fout"]


@pytest.mark.parametrize("fouten", [(), ("file",)])
def test_an_error_of_the_whole_form_and_of_a_field_are_added_as_they_are(fouten):
    form = formulier(*fouten)
    form.add_error(None, ValidationError("Iets klopt niet"))
    form.add_error("title", ValidationError("Titel fout"))
    assert form.errors[NON_FIELD_ERRORS] == ["Iets klopt niet"]
    assert form.errors["title"] == ["Titel fout"]


def test_without_the_setting_of_types_any_extension_is_accepted(admin_client, settings):
    del settings.WAGTAILDOCS_EXTENSIONS
    response = toevoegen(admin_client, Collection.get_first_root_node(), bestand("data.xyz"))
    assert response.status_code == 302, fouten(response)
    assert Document.objects.get().filename == "data.xyz"
