"""Machine-readable exports of a version's facts: W3C DPV JSON-LD, Google Play Data safety
CSV, and the facts as JSON with their schema (``notices export``)."""
from .coverage import UnmappedFactKind as UnmappedFactKind
from .dpv import dpv_document as dpv_document, dpv_jsonld as dpv_jsonld
from .json_facts import export_schema as export_schema, facts_document as facts_document
from .json_facts import facts_json as facts_json
from .formats import FORMATS as FORMATS, export as export
from .play import play_csv as play_csv, play_rows as play_rows
