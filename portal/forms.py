from django.utils.translation import gettext_lazy as _
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
