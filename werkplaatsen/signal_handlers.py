from django.dispatch import receiver
from wagtail.signals import post_page_move

from werkplaatsen.models import RegionaalOnderdeel


def regionale_paginamodellen():
    from agenda.models import EvenementPage
    from kennisbank.models import ProductPage

    return [ProductPage, EvenementPage]


@receiver(post_page_move)
def herkomst_bijwerken_na_verplaatsen(sender, instance, **kwargs):
    """A moved subtree may now belong to another Werkplaats or leeratelier."""
    for model in regionale_paginamodellen():
        assert issubclass(model, RegionaalOnderdeel)
        for page in model.objects.descendant_of(instance, inclusive=True):
            before = (page.werkplaats_id, page.leeratelier_id)
            page.bepaal_herkomst()
            if (page.werkplaats_id, page.leeratelier_id) != before:
                model.objects.filter(pk=page.pk).update(
                    werkplaats_id=page.werkplaats_id, leeratelier_id=page.leeratelier_id
                )
