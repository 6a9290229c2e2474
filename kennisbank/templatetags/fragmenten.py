from django import template

from kennisbank.kaarten import kaart

register = template.Library()


@register.simple_tag(takes_context=True)
def productkaart(context, product, kopniveau=3, zonder_herkomst=False):
    """A product's card (components/product_card.html), rendered once per version of what it
    shows (kennisbank.kaarten). The URL comes from the page's request, so Wagtail finds the
    site's root paths on the request instead of in the cache, card after card."""
    url = product.get_url(request=context.get("request"))
    return kaart(product, url, kopniveau=kopniveau, zonder_herkomst=zonder_herkomst)


@register.simple_tag
def themamatrix(matrix, id):
    """The theme matrix (kennisbank.matrix.Themamatrix), rendered once per content version."""
    return matrix.als_html(id)


@register.simple_tag(takes_context=True)
def producten_per_werkplaats(context, blok):
    """A theme's or themagroep's products per Werkplaats
    (kennisbank.contributions.ProductenPerWerkplaats), rendered once per content version."""
    return blok.als_html(context.get("request"))
