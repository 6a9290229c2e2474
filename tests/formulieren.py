"""The values a browser would post for the forms on a page, as a starting point for a test."""

from bs4 import BeautifulSoup

NIET_GEPOST = {"submit", "button", "file", "image", "reset"}


def formulierwaarden(response):
    """Every named field of the page's forms with its current value (as a browser sends it)."""
    soup = BeautifulSoup(response.content, "html.parser")
    data = {}
    for veld in soup.select("form input[name]"):
        soort = veld.get("type", "text")
        niet_aangevinkt = soort in {"checkbox", "radio"} and not veld.has_attr("checked")
        if soort in NIET_GEPOST or niet_aangevinkt:
            continue
        data[veld["name"]] = veld.get("value", "on" if soort == "checkbox" else "")
    for veld in soup.select("form textarea[name]"):
        data[veld["name"]] = veld.get_text()
    for veld in soup.select("form select[name]"):
        gekozen = veld.select_one("option[selected]") or veld.select_one("option")
        data[veld["name"]] = gekozen.get("value", gekozen.get_text()) if gekozen else ""
    return data
