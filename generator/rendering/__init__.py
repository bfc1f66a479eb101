"""Rendering: the numbered layout of a version, and the statement as Markdown, HTML or text.

- :mod:`.layout` — the statement as a flat stream of numbered tokens;
- :mod:`.numbering` — each locale's numbering scheme;
- :mod:`.markup` — escaping for every format, and the statement's one inline markup;
- :mod:`.statement` — the templates over the tokens (:func:`render`).
"""
from .statement import FORMATS as FORMATS
from .statement import format_date as format_date
from .statement import render as render
from .statement import render_localized as render_localized
from .statement import rendered_hash as rendered_hash
from .statement import rendered_hashes as rendered_hashes
