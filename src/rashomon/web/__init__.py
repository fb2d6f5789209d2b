"""The web app and REST API (extra ``web``): ``rashomon serve``.

Read in request order: :mod:`~rashomon.web.settings` (options), :mod:`~rashomon.web.app` (the app),
:mod:`~rashomon.web.security` and :mod:`~rashomon.web.problems` (guards and the one error shape),
:mod:`~rashomon.web.api` and :mod:`~rashomon.web.pages` (thin handlers) over :mod:`~rashomon.web.queries`
(the read side), :mod:`~rashomon.web.dossier_view` and :mod:`~rashomon.web.highlight` (the dossier page),
:mod:`~rashomon.web.submit` (posted articles), :mod:`~rashomon.web.server` (uvicorn).
Nothing here is imported by the rest of the package, so the core installs without FastAPI.
"""
