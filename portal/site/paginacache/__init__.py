"""Whole-page cache of anonymous GET responses, invalidated by a site-wide content generation.

See ``middleware.PaginaCacheMiddleware`` (what is cached), ``generatie`` (the generation number
in the shared cache) and ``signalen`` (what bumps it).
"""
