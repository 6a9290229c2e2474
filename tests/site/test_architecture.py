"""docs/architecture.md says what the code does: its page tree is the models' tree rules, and
its layers are the import-linter contract in pyproject.toml."""

import re
import tomllib

from wagtail.models import Page

from tests.support.apps import BASE, project_page_models

DOC = BASE / "docs" / "architecture.md"


def codeblok_na(markering):
    """The first ``` block after the line that contains ``markering``."""
    tekst = DOC.read_text()
    na = tekst[tekst.index(markering) :]
    return re.search(r"```\n(.*?)```", na, re.S).group(1).splitlines()


def paren_uit_boom(regels):
    """(parent, child) names from a tree drawn with ├── └── │."""
    paren, stapel = set(), []
    for regel in regels:
        match = re.match(r"^([ │]*)(?:[├└]── )?(\w+)", regel)
        diepte = len(match.group(1)) // 4 + (1 if "── " in regel else 0)
        naam = match.group(2)
        del stapel[diepte:]
        if stapel:
            paren.add((stapel[-1], naam))
        stapel.append(naam)
    return paren


def paren_uit_modellen():
    naam = {Page: "Root"}
    paren = set()
    for ouder in [Page, *project_page_models()]:
        for kind in ouder.creatable_subpage_models():
            paren.add((naam.get(ouder, ouder.__name__), kind.__name__))
    return paren


def test_the_page_tree_in_the_docs_is_the_models_tree():
    assert paren_uit_boom(codeblok_na("page tree: checked by")) == paren_uit_modellen()


def test_the_tree_reader_reads_nesting():
    boom = ["Root", "└── A", "    ├── B", "    │   └── C", "    └── D"]
    assert paren_uit_boom(boom) == {("Root", "A"), ("A", "B"), ("B", "C"), ("A", "D")}


def test_the_layers_in_the_docs_are_the_contract():
    pyproject = tomllib.loads((BASE / "pyproject.toml").read_text())
    contracten = pyproject["tool"]["importlinter"]["contracts"]
    lagen = next(c["layers"] for c in contracten if c["type"] == "layers")
    assert codeblok_na("<!-- layers:") == lagen
