"""Demo content for the portal, built by ``manage.py load_demo_content``.

The data modules (werkplaatsen, themas, producten, evenementen, paginas) hold facts from the
public source texts in /work/shared/seeds as plain Python data, with texts written for the
portal. The building modules (bouwstenen, bestanden, bouw_structuur, bouw_inhoud) turn them
into pages, snippets, documents and images, and change nothing on a second run.
"""
