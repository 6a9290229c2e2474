from werkplaatsen.models import regionale_paginatypen


def herkomst_bijwerken_na_verplaatsen(sender, instance, **kwargs):
    """A moved subtree may now belong to another Werkplaats or leeratelier."""
    for model in regionale_paginatypen():
        for page in model.objects.descendant_of(instance, inclusive=True):
            before = (page.werkplaats_id, page.leeratelier_id)
            page.bepaal_herkomst()
            if (page.werkplaats_id, page.leeratelier_id) != before:
                model.objects.filter(pk=page.pk).update(
                    werkplaats_id=page.werkplaats_id, leeratelier_id=page.leeratelier_id
                )
