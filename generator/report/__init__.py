"""A classified diff for people and machines: text, Markdown, HTML, JSON, in any locale."""
from .jsonreport import report_to_json as report_to_json
from .render import FORMATS as FORMATS
from .render import render_redline_fragment as render_redline_fragment
from .render import render_report as render_report
