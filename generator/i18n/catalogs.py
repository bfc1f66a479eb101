"""gettext catalogs: where they live, how they are read, extracted and merged.

Three domains per locale, under ``<locales>/<locale>/LC_MESSAGES/``:

- ``statement.po`` (content): one entry per visible text of the statement,
  ``msgctxt`` = the node's permanent id (``def.party.term`` for a defined term,
  ``title`` for the document title), ``msgid`` = its English. The catalog
  tracks the English of the *newest* version of the policy; each version's
  status is computed by comparing its own English with the catalog
  (:mod:`generator.i18n.status`).
- ``messages.po`` (interface): the strings that templates mark with ``_()``.
- ``vocabulary.po`` (vocabulary): one entry per fact code of
  :mod:`generator.vocabulary`, ``msgctxt`` = the code (``pd:EmailAddress``,
  ``CN``, ``email``), ``msgid`` = its English label; what merchant notices and
  the diff's human texts show for a fact (:func:`generator.i18n.localized_label`).

Templates ``<locales>/<domain>.pot`` are written by :func:`extract`. Content
entries are merged by permanent id, not by Babel's ``Catalog.update``: that
matches a changed msgid to the *most similar* English of any entry (difflib),
which can hand one clause another clause's translation. Here (and for the
vocabulary, keyed by code the same way) an entry whose
English changed keeps its translation, is flagged ``fuzzy`` and keeps the
English it was translated from as ``#| msgid`` — what ``msgmerge`` does with
``msgctxt`` — so a translator sees exactly what changed. The interface domain,
which has no ids, is merged with Babel's ``Catalog.update``.

Catalogs are read with Babel's ``read_po`` (its compile statistics overcount);
``.mo`` files are never written: interface strings compile in memory.
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SourceError, SourceErrors, UsageError
from ..resources import locales_dir, package_dir, site_project_dir, templates_dir
from .locales import BABEL_IDS, SOURCE_LOCALE, SUPPORTED

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

    from ..model import Version
    from ..source.loader import Source

LOCALES_DIR = locales_dir()
CONTENT_DOMAIN = "statement"
INTERFACE_DOMAIN = "messages"
VOCABULARY_DOMAIN = "vocabulary"
#: the domains merged by id (``msgctxt``), not by Babel's similarity matching
ID_KEYED_DOMAINS: tuple[str, ...] = (CONTENT_DOMAIN, VOCABULARY_DOMAIN)
#: where ``extract`` looks for interface strings: (name in the repository, its folder,
#: glob, Babel extraction method); locations are written as ``<name>/<file>``
INTERFACE_SOURCES: tuple[tuple[str, Callable[[], Path], str, str], ...] = (
    ("templates", templates_dir, "**.j2", "jinja2.ext:babel_extract"),
    ("site", site_project_dir, "**.html", "jinja2.ext:babel_extract"),
    ("site", site_project_dir, "**.js", "javascript"),
    # the names of fact kinds (declared on their classes) and the sentences of findings
    ("generator", package_dir, "model/facts.py", "python"),
    ("generator", package_dir, "classify/levels.py", "python"),
    ("generator", package_dir, "report/words.py", "python"),
)
TRANSLATED_LOCALES: tuple[str, ...] = tuple(l for l in SUPPORTED if l != SOURCE_LOCALE)
LANGUAGE_NAMES = {"zh-Hans": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)"}
PROJECT = "allvalue-notices"
WIDTH = 76
NOTICE = ("Translated by the allvalue-notices project (policy as code).\n"
          "# This is not AllValue's own published text; the English governs.")


def locales_path(locales_dir: str | Path | None) -> Path:
    return Path(locales_dir) if locales_dir is not None else LOCALES_DIR


def po_path(locales_dir: str | Path | None, locale: str, domain: str) -> Path:
    return locales_path(locales_dir) / locale / "LC_MESSAGES" / f"{domain}.po"


def pot_path(locales_dir: str | Path | None, domain: str) -> Path:
    return locales_path(locales_dir) / f"{domain}.pot"


def content_entries(version: Version) -> list[tuple[str, str]]:
    """(id, English) for every text the renderer shows, in document order.

    From the model's one walk of the statement (:meth:`Version.nodes`), the walk the
    renderer numbers and lays out: the document title, then each node's title and
    text, and each defined term as ``<definition id>.term``.
    """
    st = version.statement
    seen: dict[str, str] = {"title": st.title}
    for node in version.nodes():
        if node.kind == "definition":
            seen.setdefault(node.id, node.obj.text)
            seen.setdefault(node.id + ".term", node.obj.term)
            continue
        for text in (node.own("title"), node.own("text")):
            if text:
                seen.setdefault(node.id, text)
    return list(seen.items())


def read_catalog(path: Path) -> Catalog:
    """The catalog at ``path`` (cached until the file changes); PO syntax errors
    become :class:`SourceErrors` at ``path:line``."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such catalog (run `notices i18n update`)") from None
    return _read_catalog(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=32)
def _read_catalog(path: str, mtime_ns: int, size: int) -> Catalog:
    from babel.messages.pofile import PoFileError, read_po

    with open(path, "rb") as f:
        try:
            catalog = read_po(f, abort_invalid=True)
        except PoFileError as e:
            raise SourceErrors([SourceError(path, getattr(e, "lineno", None), None, str(e))]) from None
    for m in [*catalog, *catalog.obsolete.values()]:
        _previous_from_comments(m)
    return catalog


# Babel's read_po keeps ``#| msgid`` lines as user comments ("| msgid ..."), and its
# write_po re-wraps a long previous msgid as prose, breaking the quoted strings. The
# previous msgid is read and written here instead, in the form msgmerge uses.
def _previous_from_comments(message: Message) -> None:
    from babel.messages.pofile import unescape

    lines = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
    if not lines:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    fields: dict[str, str] = {}
    key = None
    for line in lines:
        if not line.startswith('"'):
            key, _, line = line.partition(" ")
            fields[key] = ""
        if key is not None:
            fields[key] += unescape(line.strip())
    if "msgid" in fields:
        message.previous_id = [fields["msgid"]] + ([fields["msgid_plural"]] if "msgid_plural" in fields else [])


def _previous_lines(message: Message, width: int) -> str:
    from babel.messages.pofile import normalize

    out = []
    for key, text in zip(("msgid", "msgid_plural"), message.previous_id):
        out += [f"#| {line}" for line in f"{key} {normalize(text, width=width - 3)}".splitlines()]
    return "".join(line + "\n" for line in out)


def by_context(catalog: Catalog) -> dict[str, Message]:
    """Content entries by permanent id (obsolete entries excluded)."""
    return {m.context: m for m in catalog if m.id and m.context}


# -- writing ----------------------------------------------------------------------------
def _epoch(default: dt.date | None = None) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else ``default`` (midnight UTC): output stays reproducible."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc)
    day = default or dt.date(2023, 8, 25)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def new_catalog(locale: str | None, domain: str, when: dt.datetime) -> Catalog:
    from babel.messages.catalog import Catalog

    what = {CONTENT_DOMAIN: "content of the AllValue Privacy Statement",
            VOCABULARY_DOMAIN: "labels of the fact vocabulary (generator/vocabulary.py)",
            }.get(domain, "interface strings of the AllValue notices")
    if locale is None:
        header = f"# Translation template: {what}.\n# Generated by `notices i18n extract`; do not edit.\n#"
    else:
        header = (f"# {LANGUAGE_NAMES.get(locale, locale)} translation: {what}.\n"
                  f"# {NOTICE}\n#")
    return Catalog(
        locale=BABEL_IDS[locale].rsplit("_", 1)[0] if locale else None, domain=domain,
        header_comment=header, project=PROJECT, version="1.0", creation_date=when,
        revision_date=when, last_translator=f"{PROJECT} translators",
        language_team=f"{LANGUAGE_NAMES.get(locale, locale)} ({PROJECT})" if locale else f"{PROJECT}",
        msgid_bugs_address=f"{PROJECT} issue tracker",
        charset="utf-8", fuzzy=False,
    )


def write_catalog(path: Path, catalog: Catalog) -> None:
    """Write a PO/POT file atomically, keeping previous msgids and obsolete entries."""
    from babel.messages.pofile import write_po

    from ..files import atomic_write

    from babel.messages.pofile import normalize

    buf = io.BytesIO()
    write_po(buf, catalog, width=WIDTH, include_previous=False, ignore_obsolete=False)
    text = buf.getvalue().decode("utf-8")
    for m in catalog:
        if m.id and m.previous_id:
            head = (f"msgctxt {normalize(m.context, width=WIDTH)}\n" if m.context else "") \
                + f"msgid {normalize(m.id if isinstance(m.id, str) else m.id[0], width=WIDTH)}\n"
            at = text.find("\n" + head) + 1
            if at:
                text = text[:at] + _previous_lines(m, WIDTH) + text[at:]
    atomic_write(path, text.encode("utf-8"))


# -- extract ----------------------------------------------------------------------------
def extract_content(source: Source) -> Catalog:
    """The content template: the newest version of every policy."""
    newest = [p.versions[-1] for p in source.policies.values()]
    catalog = new_catalog(None, CONTENT_DOMAIN, _epoch(max(v.updated_on for v in newest)))
    for version in newest:
        for node_id, english in content_entries(version):
            catalog.add(english, context=node_id,
                        auto_comments=[f"{version.policy} {version.version}"])
    return catalog


def extract_interface() -> Catalog:
    """The interface template: strings marked ``_()`` in templates (and the site)."""
    from babel.messages.extract import extract_from_dir

    catalog = new_catalog(None, INTERFACE_DOMAIN, _epoch())
    for name, folder, pattern, method in INTERFACE_SOURCES:
        options = {pattern: {"extensions": "jinja2.ext.i18n"}} if "jinja2" in method else {}
        for filename, lineno, message, comments, context in extract_from_dir(
                folder(), [(pattern, method)], options, comment_tags=("Translators:",),
                strip_comment_tags=True):
            catalog.add(message, locations=[(f"{name}/{filename}", lineno)], auto_comments=comments,
                        context=context)
    return catalog


def extract_vocabulary() -> Catalog:
    """The vocabulary template: every code of :mod:`generator.vocabulary` (msgctxt) and its English."""
    from ..model import vocabulary

    catalog = new_catalog(None, VOCABULARY_DOMAIN, _epoch())
    for code, english, kinds in vocabulary.entries():
        catalog.add(english, context=code, auto_comments=["; ".join(kinds)])
    return catalog


def extract(source: Source, locales_dir: str | Path | None = None) -> dict[str, int]:
    """Write ``statement.pot``, ``messages.pot`` and ``vocabulary.pot``; returns message counts by domain."""
    out = {}
    for domain, catalog in ((CONTENT_DOMAIN, extract_content(source)),
                            (INTERFACE_DOMAIN, extract_interface()),
                            (VOCABULARY_DOMAIN, extract_vocabulary())):
        write_catalog(pot_path(locales_dir, domain), catalog)
        out[domain] = len(catalog)
    return out


# -- update -----------------------------------------------------------------------------
@dataclass
class MergeResult:
    locale: str
    domain: str
    unchanged: int = 0
    changed: list[str] | None = None
    new: list[str] | None = None
    obsolete: list[str] | None = None


def merge_content(old: Catalog, template: Catalog,
                  domain: str = CONTENT_DOMAIN) -> tuple[Catalog, MergeResult]:
    """Merge by permanent id (a clause id; a code in the vocabulary): a changed English
    keeps its translation, fuzzy, with ``#| msgid``."""
    from babel.messages.catalog import Message

    previous = by_context(old)
    # an entry made obsolete by an earlier update keeps its translation if its id returns
    revived = {m.context: m for m in old.obsolete.values() if m.id and m.context and m.context not in previous}
    result = MergeResult("", domain, changed=[], new=[], obsolete=[])
    merged = _copy_header(old)
    for t in template:
        if not t.id:
            continue
        o = previous.pop(t.context, None) or revived.get(t.context)
        m = Message(t.id, "", auto_comments=t.auto_comments, context=t.context)
        if o is not None:
            m.string, m.user_comments = o.string, list(o.user_comments)
            m.flags = set(o.flags)
            if o.id == t.id:
                m.previous_id = list(o.previous_id)
                result.unchanged += 1
            elif o.string:
                # keep the English the translation was made from, however many edits ago
                m.previous_id = list(o.previous_id) if "fuzzy" in o.flags and o.previous_id else [o.id]
                m.flags.add("fuzzy")
                result.changed.append(t.context)
            else:
                result.new.append(t.context)
        else:
            result.new.append(t.context)
        merged[m.id] = m  # Catalog.__setitem__ keys by (id, context)
    for ctx, o in previous.items():
        merged.obsolete[(o.id, ctx)] = o
        result.obsolete.append(ctx)
    return merged, result


def _copy_header(old: Catalog) -> Catalog:
    merged = copy.copy(old)
    merged._messages = type(old._messages)()
    merged.obsolete = type(old.obsolete)()
    return merged


def update(source: Source, locales_dir: str | Path | None = None,
           locales: tuple[str, ...] = TRANSLATED_LOCALES) -> list[MergeResult]:
    """Extract the templates, then merge them into every locale's catalogs."""
    extract(source, locales_dir)
    templates = {d: read_catalog(pot_path(locales_dir, d))
                 for d in (CONTENT_DOMAIN, INTERFACE_DOMAIN, VOCABULARY_DOMAIN)}
    results = []
    for locale in locales:
        for domain, template in templates.items():
            path = po_path(locales_dir, locale, domain)
            old = copy.deepcopy(read_catalog(path)) if path.exists() \
                else new_catalog(locale, domain, template.creation_date)
            if domain in ID_KEYED_DOMAINS:
                merged, result = merge_content(old, template, domain)
            else:
                before = {m.id: m.string for m in old if m.id}
                old.update(template, update_creation_date=True)
                merged = old
                added = [m for m in old if m.id and m.id not in before]
                result = MergeResult(
                    locale, domain, changed=[m.id for m in added if m.previous_id],
                    new=[m.id for m in added if not m.previous_id],
                    obsolete=[k if isinstance(k, str) else k[0] for k in old.obsolete])
                result.unchanged = len([m for m in old if m.id]) - len(added)
            merged.creation_date = template.creation_date
            result.locale = locale
            write_catalog(path, merged)
            results.append(result)
    return results
