from django import forms
from django.utils.translation import gettext_lazy as _

from portal.volgen.models import Frequentie


class AanmeldFormulier(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        },
    )
    frequentie = forms.ChoiceField(
        label=_("Hoe vaak wilt u een e-mail?"),
        choices=Frequentie.choices,
        initial=Frequentie.WEKELIJKS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe vaak u een e-mail wilt.")},
    )
    selectie = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args, nieuwsbrief=False, **kwargs):
        super().__init__(*args, **kwargs)
        if nieuwsbrief:
            del self.fields["frequentie"]
            del self.fields["selectie"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
