"""HTML of a mail made fit for mail clients: absolute links, and a plain-text version."""

import re
from html.parser import HTMLParser

from portal.basis.site_url import volledige_url

BLOKKEN = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table"}


def absolute_links(html):
    """Site-relative href and src attributes made absolute (mail has no base URL)."""
    return re.sub(
        r'(\s(?:href|src)=")(/[^"/][^"]*|/)"',
        lambda m: f'{m.group(1)}{volledige_url(m.group(2))}"',
        html,
    )


class _Tekst(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.delen = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOKKEN:
            self.delen.append("\n\n")
        elif tag == "br":
            self.delen.append("\n")
        elif tag == "li":
            self.delen.append("\n- ")
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith("#"):
                self.delen.append(f" ({href})")
        elif tag in BLOKKEN:
            self.delen.append("\n\n")

    def handle_data(self, data):
        self.delen.append(re.sub(r"\s+", " ", data))


def platte_tekst(html):
    """The text of ``html``, blocks separated by blank lines and links written out."""
    parser = _Tekst()
    parser.feed(html)
    parser.close()
    tekst = "".join(parser.delen)
    tekst = re.sub(r"[ \t]*\n[ \t]*", "\n", tekst)
    return re.sub(r"\n{3,}", "\n\n", tekst).strip()
