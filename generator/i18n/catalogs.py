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

Catalogs are read with Babel's ``read_po`` (its compile statistics overcount), after
:func:`check_po` has checked them line by line as the source is checked: Babel reads an
unterminated string, a stray line or a ``msgstr`` without ``msgid`` without a word (and
renders truncated text), so every such problem is an error at ``path:line:col``. A catalog
must be UTF-8 and at most :data:`MAX_CATALOG_BYTES`. ``.mo`` files are never written:
interface strings compile in memory.
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SourceError, SourceErrors, UsageError
from ..resources import locales_dir, package_dir, site_project_dir, templates_dir
from ..source import cache
from ..source.inputs import cannot_read, character_name, decode, read_bytes
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
    # each rule's citation and plain-language reason (the redline's "Why" column)
    ("generator", package_dir, "classify/rules/*.py", "python"),
    ("generator", package_dir, "report/words.py", "python"),
    # the compliance lint: requirement titles and elements, and the report's sentences
    ("generator", package_dir, "lint/requirements/*.py", "python"),
    ("generator", package_dir, "report/lint.py", "python"),
)
TRANSLATED_LOCALES: tuple[str, ...] = tuple(l for l in SUPPORTED if l != SOURCE_LOCALE)
LANGUAGE_NAMES = {"zh-Hans": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)"}
PROJECT = "allvalue-notices"
WIDTH = 76
NOTICE = ("Translated by the allvalue-notices project (policy as code).\n"
          "# This is not AllValue's own published text; the English governs.")


#: A catalog larger than this is refused before it is read (statement.po is ~100 KB).
MAX_CATALOG_BYTES = 10 * 1024 * 1024


def locales_path(locales_dir: str | Path | None) -> Path:
    return Path(locales_dir) if locales_dir is not None else LOCALES_DIR


def check_locales_dir(locales_dir: str | Path | None) -> None:
    """A catalogs directory named by the user (``--locales DIR``) must be one: a missing
    folder is an error naming it, never "every clause missing"."""
    if locales_dir is None:
        return
    path = Path(locales_dir)
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except FileNotFoundError:
        raise UsageError(f"{path}: locales directory not found (--locales DIR)") from None
    except OSError as e:
        raise cannot_read(path, e) from None
    if not is_dir:
        raise UsageError(f"{path}: not a directory (--locales DIR)")


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


def read_catalog(path: str | Path) -> Catalog:
    """The catalog at ``path`` (cached until the file changes); a catalog that does not
    check (:func:`check_po`) or cannot be read becomes :class:`SourceErrors` at ``path:line:col``."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError as e:
        if os.path.lexists(path):  # a broken link
            raise cannot_read(path, e) from None
        raise UsageError(f"{path}: no such catalog (run `notices i18n update`)") from None
    except OSError as e:
        raise cannot_read(path, e) from None
    # the file's identity, not only its name: a relative name means another file elsewhere
    return _read_catalog(str(path), os.path.abspath(path),
                         (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size))


def read_catalog_if_present(path: str | Path) -> Catalog | None:
    """The catalog at ``path``, or None when there is nothing there at all (a locale not
    translated yet); any other problem is an error, as for :func:`read_catalog`."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:  # not a directory on the way, permission...
        raise cannot_read(path, e) from None
    return read_catalog(path)


@lru_cache(maxsize=32)
def _read_catalog(path: str, absolute: str, identity: tuple) -> Catalog:
    from babel.messages.catalog import Catalog

    text = decode(path, read_bytes(path, MAX_CATALOG_BYTES))
    unique_context = Path(path).stem in ID_KEYED_DOMAINS
    # a catalog that checked and parsed before, from the same text, is read back
    return cache.remember(cache.entry_key("catalog", str(unique_context), text), Catalog,
                          lambda: _parse_catalog(path, text, unique_context))


def _parse_catalog(path: str, text: str, unique_context: bool) -> Catalog:
    """A catalog's text, checked line by line, then parsed by Babel; SourceErrors otherwise."""
    from babel.messages.pofile import PoFileError, read_po

    lines = text.split("\n")
    errors = check_po(path, lines, unique_context=unique_context)
    if errors:
        raise SourceErrors(errors)
    try:
        catalog = read_po(lines, abort_invalid=True)
    except PoFileError as e:  # check_po refuses what Babel refuses; this is a safety net
        line = getattr(e, "lineno", None)
        raise SourceErrors([SourceError(path, None if line is None else line + 1, None, str(e))]) from None
    except Exception as e:  # a header field Babel cannot use (Language, Plural-Forms...)
        line = _bad_header_line(lines)
        raise SourceErrors([SourceError(path, line, None if line is None else 1,
                                        f"the catalog header cannot be read: {e}")]) from None
    for m in [*catalog, *catalog.obsolete.values()]:
        _previous_from_comments(m)
    return catalog


def _bad_header_line(lines: list[str]) -> int | None:
    """The line of the header field Babel fails on (each is read alone), else of the header."""
    from babel.messages.pofile import read_po

    start = next((i for i, line in enumerate(lines) if line.strip() == 'msgid ""'), None)
    if start is None or start + 1 >= len(lines) or not lines[start + 1].startswith("msgstr"):
        return None
    end = start + 2
    while end < len(lines) and lines[end].lstrip().startswith('"'):
        try:
            read_po(['msgid ""', 'msgstr ""', lines[end]], abort_invalid=True)
        except Exception:
            return end + 1
        end += 1
    return start + 2


# -- checking a PO file -------------------------------------------------------------------
_PO_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[[0-9]+\]|msgstr)(?=[\s\"]|$)")
_PO_WORD = re.compile(r"[^\s\"]+")
#: the escapes Babel reads (any other would be shown with its backslash)
_PO_ESCAPES = frozenset('\\"ntr')
# C0 controls but the tab, and DEL and the C1 controls
_PO_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_PO_CHARSET = re.compile(r"^Content-Type:.*?charset=([^\s;\\]+)", re.I)


_PO_GOOD_STRING = re.compile(r'"((?:[^"\\]|\\[\\"ntr])*)"\s*$')


def _po_string(line: str, start: int) -> tuple[str | None, int, str | None]:
    """Read the quoted string at ``line[start]``: (its raw content, the index after it, the
    problem) -- the problem and the index where it is when it does not read."""
    good = _PO_GOOD_STRING.match(line, start)
    if good:  # the common case, at C speed
        return good.group(1), len(line), None
    if start >= len(line) or line[start] != '"':
        return None, start, "expected a quoted string"
    i = start + 1
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            if i + 1 >= len(line):
                break
            if line[i + 1] not in _PO_ESCAPES:
                return None, i, (f"unknown escape '\\{line[i + 1]}' "
                                 "(use \\\\, \\\", \\n, \\t or \\r)")
            i += 2
            continue
        if ch == '"':
            rest = line[i + 1:]
            if rest.strip():
                return None, i + 1 + (len(rest) - len(rest.lstrip())), "unexpected text after the string"
            return line[start + 1:i], len(line), None
        i += 1
    return None, start, "unterminated string"


def check_po(path: str | Path, lines: list[str], unique_context: bool = False) -> list[SourceError]:
    """Every syntax problem of a PO file (its lines, without line breaks), at ``path:line:col``.

    The grammar gettext's ``msgfmt`` reads, as Babel writes it: comments (``#``), and
    entries of ``msgctxt``? ``msgid`` (``msgid_plural``)? ``msgstr`` (or ``msgstr[N]``),
    each a keyword and a quoted string, continued by quoted strings on the lines right
    after it; obsolete entries (``#~``) and previous msgids (``#|``) the same. Also
    refused: control characters, escapes Babel does not read, a second entry with the
    same msgctxt and msgid (with the same msgctxt alone when ``unique_context``: the
    domains keyed by id), and a header declaring a charset other than UTF-8.
    """
    errors: list[SourceError] = []
    state: str | None = None      # the last keyword of the entry being read
    entry_line = 0                # where the entry starts
    where: dict[str, int] = {}    # the line of each keyword of the entry
    parts: dict[str, str] = {}    # the raw string of each keyword of the entry
    seen: dict[tuple, int] = {}   # the key of each entry -> its line
    can_continue = False          # a string line here continues the last keyword's string
    obsolete = False

    def error(number: int, column: int, message: str) -> None:
        errors.append(SourceError(path, number, column, message))

    def finish() -> None:
        """The entry being read is over: it must have had its msgstr."""
        if state == "msgctxt":
            error(where["msgctxt"], 1, "msgctxt without a msgid after it")
        elif state in ("msgid", "msgid_plural"):
            error(where["msgid"], 1, "msgid without a msgstr after it")

    for number, raw in enumerate(lines, 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        bad = _PO_CONTROL.search(line)
        if bad:
            error(number, bad.start() + 1, f"{character_name(bad.group())} is not allowed in a catalog")
            can_continue = False
            continue
        body = line.lstrip()
        if not body:
            can_continue = False  # Babel never writes a string after a blank line
            continue
        column = len(line) - len(body)  # where ``body`` starts, 0-based
        previous = False  # a previous msgid (#|): checked, not part of the entry
        if body.startswith("#~") or body.startswith("#|"):
            previous = body.startswith("#|")
            rest = body[2:]
            if not previous and rest.lstrip().startswith("|"):  # #~| : obsolete and previous
                rest, previous, column = rest.lstrip()[1:], True, column + len(rest) - len(rest.lstrip()) + 1
            column += 2 + len(rest) - len(rest.lstrip())
            body = rest.lstrip()
            if not body.startswith('"') and not _PO_KEYWORD.match(body):
                can_continue = False  # "#~" alone, or a comment that starts like one
                continue
            obsolete = obsolete if previous else True
        elif body.startswith("#"):
            can_continue = False  # a comment
            continue
        else:
            obsolete = False
        keyword = _PO_KEYWORD.match(body)
        if keyword is None and not body.startswith('"'):
            word = _PO_WORD.match(body)
            error(number, column + 1, f"unknown keyword {word.group() if word else body[:1]!r}")
            can_continue = False
            continue
        at = 0 if keyword is None else len(body) - len(body[keyword.end():].lstrip())
        content, at, problem = _po_string(body, at)
        if problem:
            error(number, column + at + 1, problem)
        if keyword is None:  # a string continuing the last keyword's
            if not can_continue:
                error(number, column + 1, "a quoted string must follow a keyword or another string line")
            elif content is not None and not previous and state is not None:
                parts[state] = parts.get(state, "") + content
                charset = _PO_CHARSET.match(content)
                if (charset and state == "msgstr" and parts.get("msgid") == "" and "msgctxt" not in parts
                        and charset.group(1).lower() not in ("utf-8", "utf8")):
                    error(number, column + 1,
                          f"the catalog declares charset {charset.group(1)}; catalogs must be UTF-8")
            can_continue = can_continue and not problem
            continue
        can_continue = not problem
        if previous:
            continue
        kind = "msgstr[]" if keyword.group(1).startswith("msgstr[") else keyword.group(1)
        if kind == "msgctxt" or (kind == "msgid" and state != "msgctxt"):
            finish()  # a new entry
            entry_line, where, parts = number, {}, {}
        elif kind == "msgid_plural" and state != "msgid":
            error(number, column + 1, "msgid_plural without a msgid before it")
        elif kind in ("msgstr", "msgstr[]"):
            if state == "msgstr" or (state == "msgstr[]" and kind == "msgstr"):
                error(number, column + 1, "a second msgstr for the same msgid")
            elif state not in ("msgid", "msgid_plural", "msgstr[]"):
                error(number, column + 1, "msgstr without a msgid before it")
            elif state != "msgstr[]" and "msgid" in parts:
                context = parts.get("msgctxt")
                key = (obsolete, context) if unique_context and context is not None else \
                    (obsolete, context, parts["msgid"])
                if key in seen:
                    shown = f"msgctxt {context!r}" if context is not None else f"msgid {parts['msgid'][:40]!r}"
                    error(entry_line, 1, f"duplicate entry ({shown}, first on line {seen[key]})")
                else:
                    seen[key] = entry_line
        state = kind
        where.setdefault(kind, number)
        if content is not None:
            parts[kind] = content
    finish()
    return errors


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
    from babel.messages.pofile import normalize, write_po

    from ..errors import OutputError
    from ..files import atomic_write, in_words

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
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as e:  # a full disk, a read-only folder: path: what went wrong (exit 2)
        raise OutputError(in_words(e, path)) from None


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
    """Extract the templates, then merge them into every locale's catalogs (which must
    be in ``locales_dir``, when it is given: it is not created)."""
    check_locales_dir(locales_dir)
    domains = (CONTENT_DOMAIN, INTERFACE_DOMAIN, VOCABULARY_DOMAIN)
    # every catalog is read (and checked) before anything is written
    existing = {(locale, domain): read_catalog_if_present(po_path(locales_dir, locale, domain))
                for locale in locales for domain in domains}
    extract(source, locales_dir)
    templates = {d: read_catalog(pot_path(locales_dir, d)) for d in domains}
    results = []
    for locale in locales:
        for domain, template in templates.items():
            path = po_path(locales_dir, locale, domain)
            found = existing[(locale, domain)]
            old = copy.deepcopy(found) if found is not None \
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
