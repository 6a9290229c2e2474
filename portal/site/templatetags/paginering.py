"""The page numbers a pagination shows (templates/components/pagination.html)."""

from django import template

register = template.Library()


@register.simple_tag
def paginavenster(pagina, breedte=2):
    """The numbers to link for a Paginator page: the first, the last and `breedte` pages either
    side of the current one, with None for each gap ("…").

    Works out only those numbers, so a listing of thousands of pages costs no more than one of
    ten (looping over `paginator.page_range` in the template cost a few ms per 250 pages).
    """
    nummer, laatste = pagina.number, pagina.paginator.num_pages
    laag, hoog = nummer - breedte, nummer + breedte
    kandidaten = sorted(n for n in {1, laatste, *range(laag - 1, hoog + 2)} if 1 <= n <= laatste)
    return [n if n in (1, laatste) or laag <= n <= hoog else None for n in kandidaten]
