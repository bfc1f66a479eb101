"""Which word changes are editorial: what the diff knows about English words.

A changed word is a *typo fixed* only when the old token is not an English word and
the new one is, and the two are near spellings (``Statment`` → ``Statement``). A
real word replaced by another real word is a change of meaning, however alike the
two look (``lawful`` → ``unlawful``, ``may`` → ``must``, ``form`` → ``from``). Case,
spacing, punctuation and a known British/American variant (``organisation`` →
``organization``) are editorial too.

Some words are never editorial whatever the dictionary says (:data:`PROTECTED`):
negations, modal verbs, quantifiers, numbers, months and durations; and changed
emails, URLs and phone numbers (:func:`entities`). :data:`LOADED_PAIRS` and
:data:`LOADED_PREFIXES` document the look-alike pairs that change a promise's
meaning or scope; the tests replace words with them and expect ``review`` or higher.

The English word list is pyspellchecker's frequency dictionary (160,000 words, from
OpenSubtitles and SCOWL word lists), decompressed once and only when a pair of
look-alike words needs it, and searched as text (a few milliseconds a word) rather
than parsed whole (0.14 s): a diff stays fast.
"""
from __future__ import annotations

import re
from functools import cache

NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "neither", "nothing", "nobody", "nowhere",
                       "cannot", "without", "unless", "except", "excluding"})
MODALS = frozenset({"may", "might", "must", "shall", "should", "will", "would", "can", "could",
                    "need", "ought", "required", "require", "requires", "obliged", "entitled", "permitted",
                    "allowed", "mandatory", "optional", "voluntary", "only"})
QUANTIFIERS = frozenset({"all", "any", "each", "every", "some", "most", "many", "few", "several", "both",
                         "either", "more", "less", "fewer", "least", "at", "always", "sometimes", "often",
                         "usually", "generally", "immediately", "promptly", "within", "after", "before",
                         "until", "up", "minimum", "maximum", "including", "include", "includes",
                         "necessary", "unnecessary", "strictly", "reasonable", "necessarily"})
NUMBER_WORDS = frozenset({"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                          "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
                          "sixty", "hundred", "thousand", "first", "second", "third", "once", "twice",
                          "half", "double"})
DURATIONS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "hour",
                       "hours", "minute", "minutes", "working", "business", "calendar", "annually",
                       "daily", "weekly", "monthly", "yearly", "permanently", "temporarily", "indefinitely"})
MONTHS = frozenset({"january", "february", "march", "april", "june", "july", "august", "september",
                    "october", "november", "december"})
#: words whose change is never editorial, whatever the dictionary says
PROTECTED = NEGATIONS | MODALS | QUANTIFIERS | NUMBER_WORDS | DURATIONS | MONTHS

#: look-alike words that mean something else (either way round): a promise changed in kind
#: or in scope. Documentation and test data: any real word replaced by another real word
#: is already substantive; these are the pairs a reviewer should never see called a typo.
LOADED_PAIRS: tuple[tuple[str, str], ...] = (
    ("may", "must"), ("may", "will"), ("may", "shall"), ("will", "would"), ("shall", "should"),
    ("can", "cannot"), ("and", "or"), ("all", "any"), ("any", "some"), ("each", "some"),
    ("including", "excluding"), ("include", "exclude"), ("with", "without"), ("before", "after"),
    ("within", "after"), ("lawful", "unlawful"), ("legal", "illegal"), ("necessary", "unnecessary"),
    ("authorized", "unauthorized"), ("limited", "unlimited"), ("explicit", "implicit"),
    ("express", "implied"), ("consent", "dissent"), ("inform", "reform"), ("form", "from"),
    ("affect", "effect"), ("accept", "except"), ("adapt", "adopt"), ("sell", "tell"), ("sold", "told"),
    ("share", "shore"), ("right", "rights"), ("party", "parties"), ("data", "date"),
    ("personal", "personnel"), ("public", "publish"), ("delete", "deplete"), ("disclose", "enclose"),
    ("collect", "correct"), ("minor", "minors"), ("child", "children"), ("guardian", "guarantee"),
    ("contract", "contact"), ("access", "assess"), ("prior", "prier"), ("never", "ever"),
    ("no", "now"), ("not", "now"), ("know", "now"),
)
#: prefixes that turn a word into its opposite or narrow it (``lawful`` → ``unlawful``)
LOADED_PREFIXES: tuple[str, ...] = ("un", "in", "im", "il", "ir", "non", "dis", "mis", "anti", "de",
                                    "counter", "de-", "non-", "re", "pre", "post", "sub", "over", "under")

#: British → American spellings of the same word, as rewrite rules on the British form
#: (``organisations`` → ``organizations``, ``behavioural`` → ``behavioral``, ``centre`` → ``center``)
_AMERICAN: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"([a-z]{2,})is(e|ed|es|ing|ation|ations|er|ers|able)$", r"\1iz\2"),
    (r"([a-z]{2,})ys(e|ed|es|ing|er|ers)$", r"\1yz\2"),
    (r"([a-z]{2,})our(s|ed|ing|al|ally|ite|ites|able|ful|less)?$", r"\1or\2"),
    (r"([a-z]{3,})tre(s)?$", r"\1ter\2"),
    (r"([a-z]{2,}[aeiou])ll(ed|ing|er|ers)$", r"\1l\2"),
    (r"([a-z]{2,})ogue(s)?$", r"\1og\2"),
))
#: variants no rewrite rule covers without also excusing real typos (``absence`` / ``absense``)
_VARIANT_WORDS = frozenset({("programme", "program"), ("cheque", "check"), ("grey", "gray"),
                            ("enquiry", "inquiry"), ("enquiries", "inquiries"), ("e-mail", "email"),
                            ("whilst", "while"), ("amongst", "among"), ("licence", "license"),
                            ("defence", "defense"), ("offence", "offense"), ("judgement", "judgment"),
                            ("acknowledgement", "acknowledgment"), ("ageing", "aging")})
#: privacy terms the frequency dictionary lacks, in their American spelling
EXTRA_WORDS = frozenset({"anonymize", "anonymized", "anonymizes", "anonymizing", "anonymization",
                         "pseudonymize", "pseudonymized", "pseudonymization", "deidentify", "de-identify",
                         "de-identified", "de-identification", "desensitize", "desensitized"})

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')]+[^\s<>\"').,;:!?]", re.I)
_PHONE = re.compile(r"\+?\(?\d[\d()\s.-]{6,}\d")
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH = "(" + "|".join(_MONTHS) + ")"
#: "August 25,2023" (as the statement writes it), "August 25, 2023", "25 August 2023"
_DATES = (re.compile(_MONTH + r"\s+(\d{1,2})\s*,?\s*(\d{4})\b", re.I),
          re.compile(r"\b(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})\b", re.I))


#: a company's name: capitalised words ending in a legal form ("Qima Investment Ltd.")
_ORGANISATION = re.compile(
    r"\b(?:(?:[A-Z][\w&'.-]*|\([A-Z][\w ]*\)),?\s+){1,6}(?:Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|GmbH|PLC|plc|"
    r"S\.A\.|B\.V\.|AG|Pte\.?\s+Ltd\.?|Co\.,?\s+Ltd\.?)(?!\w)")


def organisations(text: str) -> set[str]:
    """The companies ``text`` names by their legal form, spacing normalised."""
    return {re.sub(r"\s+", " ", m.group(0)).rstrip(".") for m in _ORGANISATION.finditer(text or "")}


#: a legal form written out or abbreviated: "Limited" is "Ltd.", "Corporation" is "Corp."
_LEGAL_FORMS = ((re.compile(r"\blimited\b"), "ltd"), (re.compile(r"\bcorporation\b"), "corp"),
                (re.compile(r"\bincorporated\b"), "inc"), (re.compile(r"\bcompany\b"), "co"),
                (re.compile(r"\bprivate\b"), "pte"))


def organisation_key(name: str) -> str:
    """A company's name as compared for whether it names another company: case, punctuation,
    spacing and how its legal form is written aside ("Qima Investment Limited" is "Qima
    Investment Ltd.")."""
    key = name.lower()
    for pattern, short in _LEGAL_FORMS:
        key = pattern.sub(short, key)
    return " ".join(re.sub(r"[^\w&']+", " ", key).split())


def entities(text: str) -> tuple[list[str], ...]:
    """The emails, URLs, phone numbers, dates and numbers of ``text``, in order (compared
    exactly). A date written with a month's name is read as the day it names, so that
    "August 25,2023" and "August 25, 2023" are the same date, not the number 25,2023."""
    emails = _EMAIL.findall(text)
    rest = _EMAIL.sub(" ", text)
    urls = [u.lower().rstrip("/") for u in _URL.findall(rest)]
    rest = _URL.sub(" ", rest)
    phones = [re.sub(r"\D", "", p) for p in _PHONE.findall(rest)]
    rest = _PHONE.sub(" ", rest)
    dates = []
    for i, pattern in enumerate(_DATES):
        for m in pattern.finditer(rest):
            month, day, year = (m.group(1), m.group(2), m.group(3)) if i == 0 else (m.group(2), m.group(1), m.group(3))
            dates.append((m.start(), f"{year}-{_MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"))
        rest = pattern.sub(" ", rest)
    return [e.lower() for e in emails], urls, phones, [d for _, d in sorted(dates)], _NUMBER.findall(rest)


@cache
def _dictionary() -> bytes:
    """pyspellchecker's English frequency dictionary as JSON text: ``\n"word": count,`` lines.

    Decompressed once and kept in the validated-source cache (by the file's path, size and
    time): reading it back is ~2 ms, decompressing it ~30 ms of a ``notices diff``."""
    import gzip
    import os

    import spellchecker

    from ..source import cache as source_cache

    path = os.path.join(os.path.dirname(spellchecker.__file__), "resources", "en.json.gz")
    st = os.stat(path)

    def decompress() -> bytes:
        with open(path, "rb") as f:
            return gzip.decompress(f.read())

    key = source_cache.entry_key("dictionary", path, str(st.st_size), str(st.st_mtime_ns))
    return source_cache.remember(key, bytes, decompress)


@cache
def _in_dictionary(word: str) -> bool:
    return b'\n"' + word.encode("utf-8") + b'": ' in _dictionary()


def is_english_word(token: str) -> bool:
    """``token`` (or each part of a hyphenated token; a possessive ``'s`` aside) is an English word."""
    if token.lower() in EXTRA_WORDS:
        return True
    parts = [p for p in token.lower().strip("'-").split("-") if p]
    return bool(parts) and all(_in_dictionary(p) or p in EXTRA_WORDS or (p.endswith("'s") and _in_dictionary(p[:-2]))
                               for p in parts)


def american(word: str) -> str:
    """The American spelling of a British-spelled word (the word itself when no rule applies)."""
    word = word.lower()
    for pattern, replacement in _AMERICAN:
        word = pattern.sub(replacement, word)
    return word


def is_variant_spelling(a: str, b: str) -> bool:
    """The same word spelled the British and the American way (either way round): one is the
    other's American form, and that American form is a word (not a typo dressed as a variant)."""
    a, b = a.lower(), b.lower()
    if (a, b) in _VARIANT_WORDS or (b, a) in _VARIANT_WORDS:
        return True
    return a != b and ((american(a) == b and is_english_word(b)) or (american(b) == a and is_english_word(a)))


def is_loaded(a: str, b: str) -> bool:
    """A documented look-alike pair, or one word the other with a loaded prefix."""
    a, b = a.lower(), b.lower()
    if (a, b) in LOADED_PAIRS or (b, a) in LOADED_PAIRS:
        return True
    return any(x == p + y or x == p + "-" + y for p in LOADED_PREFIXES for x, y in ((a, b), (b, a)))


def is_typo_fix(old: str, new: str) -> bool:
    """``old`` is not a word, ``new`` is, and ``new`` is ``old`` spelled right."""
    import difflib

    a, b = old.lower().strip("'-"), new.lower().strip("'-")
    if a == b:
        return True
    if a in PROTECTED or b in PROTECTED or is_loaded(a, b):
        return False
    if any(ch.isdigit() for ch in a + b):
        return False
    if not (_edit_distance(a, b) <= 2 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.75):
        return False
    return not is_english_word(a) and is_english_word(b)


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
