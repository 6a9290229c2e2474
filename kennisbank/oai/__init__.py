"""OAI-PMH 2.0 for the kennisbank: HBO Kennisbank and the national research portals harvest
the public products here (``/oai/``). See README.md, "OAI-PMH"."""
