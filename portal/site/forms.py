import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm


class AfbeeldingFormulier(BaseImageForm):
    """Every image needs an alt text (Wagtail's `description`) before it is saved.

    The multiple-upload step posts only the file; the alt text is asked for in the edit
    form that follows it, so the field is required whenever the form posts it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields.get("description")
        if veld is None:
            return
        veld.label = _("Alt-tekst (beschrijving)")
        veld.help_text = _(
            "Beschrijf in één zin wat er op de afbeelding te zien is, voor wie haar niet kan "
            "zien. Verplicht."
        )
        veld.required = not self.is_bound or self.add_prefix("description") in self.data
        veld.error_messages["required"] = _("Vul een alt-tekst in: beschrijf de afbeelding.")


class DocumentFormulier(BaseDocumentForm):
    """Documents: only the allowed file types, and no file over WAGTAILDOCS_MAX_UPLOAD_SIZE.

    Wagtail builds every document form of the admin from this base (setting
    WAGTAILDOCS_DOCUMENT_FORM_BASE): the add and edit (replace file) views and the upload
    step of the multiple uploader, which posts the file through the same form. The size is
    checked by Wagtail's own file field (made with the form class at each request, so it reads
    the setting as it is then); its messages are replaced here by Dutch ones, which the
    multiple uploader also shows before a too large file is sent. An invalid file is
    never stored: the form is invalid, and on edit the old file stays.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields.get("file")
        if veld is None:  # the multiple uploader's metadata form has no file field
            return
        maximum = filesizeformat(self.max_upload_size) if self.max_upload_size else None
        veld.help_text = (
            _("Toegestaan: %(soorten)s; maximaal %(maximum)s.")
            % {"soorten": self.soorten(), "maximum": maximum}
            if maximum
            else _("Toegestaan: %(soorten)s.") % {"soorten": self.soorten()}
        )
        # Placeholders as in Wagtail's WagtailDocumentField, which fills them in.
        veld.error_messages["file_too_large"] = _(
            "Dit bestand is te groot (%(file_size)s). Een document mag maximaal "
            "%(max_filesize)s zijn."
        )
        if maximum:
            veld.error_messages["file_too_large_unknown_size"] = _(
                "Dit bestand is te groot. Een document mag maximaal %(max_filesize)s zijn."
            ) % {"max_filesize": maximum}

    @property
    def max_upload_size(self):
        return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)

    @staticmethod
    def extensies():
        return [ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]

    def soorten(self):
        return ", ".join(ext.upper() for ext in self.extensies())

    def clean_file(self):
        bestand = self.cleaned_data.get("file")
        if not isinstance(bestand, UploadedFile):
            return bestand  # no new file posted: an edit that keeps the current file
        extensie = os.path.splitext(bestand.name)[1][1:].lower()
        if self.extensies() and extensie not in self.extensies():
            melding = (
                _(
                    "Bestanden van het type ‘%(extensie)s’ worden niet geaccepteerd. "
                    "Toegestaan: %(soorten)s."
                )
                if extensie
                else _(
                    "De bestandsnaam heeft geen extensie, dus het type is onbekend. "
                    "Toegestaan: %(soorten)s."
                )
            )
            raise ValidationError(
                melding % {"extensie": extensie, "soorten": self.soorten()},
                code="invalid_extension",
            )
        return bestand

    def add_error(self, field, error):
        # Wagtail's Document.clean() checks the extension of the instance's file. When the
        # posted file was refused already, that is the old file or none at all, and the
        # second message ("extension '' is not allowed") only confuses.
        if (
            field is None
            and self._errors
            and "file" in self._errors
            and hasattr(error, "error_dict")
        ):
            overig = {naam: fouten for naam, fouten in error.error_dict.items() if naam != "file"}
            if not overig:
                return
            error = ValidationError(overig)
        super().add_error(field, error)
