"""A classified diff for people and machines: text, Markdown, HTML, JSON, in any locale.

- :mod:`.words` — findings and fact changes in words (English is one catalog among three);
- :mod:`.render` — text, Markdown and HTML (``templates/report/``);
- :mod:`.jsonreport` — the JSON form and its schema.
"""
from .jsonreport import SCHEMA_VERSION as SCHEMA_VERSION
from .jsonreport import report_to_json as report_to_json
from .render import FORMATS as FORMATS
from .render import render_redline_fragment as render_redline_fragment
from .render import render_report as render_report
from .words import ENGLISH as ENGLISH
from .words import Words as Words
from .words import fact_change_text as fact_change_text
from .words import finding_text as finding_text
