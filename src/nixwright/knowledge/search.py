"""Ranked full-text search over options and packages (SQLite FTS5 + a small re-ranking).

FTS5's bm25 finds candidates; the re-ranking puts names that contain the query's words above
descriptions that do, prefers results covering more of the words, and for service-like queries
(plain words, no dotted path) puts a module's ``enable`` option first.
"""

from __future__ import annotations

import math
import re
import sqlite3
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "i",
        "in",
        "into",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "some",
        "that",
        "the",
        "this",
        "to",
        "want",
        "we",
        "with",
    ]
)
_CANDIDATES = 150  # rows matching every word handed to the re-ranking (bm25 order cuts the rest)
_ENOUGH = 20  # rows matching every word that make the any-word query unnecessary
_COMMON = 2000  # a word in more rows than this does not narrow a search


_OPTIONS_SQL = (
    "SELECT o.id, o.path, o.description, f.score FROM"
    " (SELECT rowid, bm25(options_fts, 10.0, 1.0) AS score FROM options_fts WHERE options_fts MATCH ?"
    "  ORDER BY score LIMIT ?) f JOIN options o ON o.id = f.rowid"
)
_PACKAGES_SQL = (
    "SELECT p.id, p.attr_path, p.pname, p.description, p.broken, f.score, coalesce(r.refs, 0) FROM"
    " (SELECT rowid, bm25(packages_fts, 8.0, 8.0, 1.0) AS score FROM packages_fts"
    "  WHERE packages_fts MATCH ? ORDER BY score LIMIT ?) f JOIN packages p ON p.id = f.rowid"
    " LEFT JOIN package_refs r ON r.attr_path = p.attr_path"
)


def record_common_terms(db: sqlite3.Connection) -> None:
    """At build time: the index terms (Porter stems) found in more than ``_COMMON`` rows."""
    for table in ("options", "packages"):
        db.execute(f"CREATE VIRTUAL TABLE temp.{table}_vocab USING fts5vocab(main, '{table}_fts', 'row')")
        db.execute(
            f"INSERT INTO common_terms SELECT '{table}', term, doc FROM temp.{table}_vocab WHERE doc > ?",  # noqa: S608
            (_COMMON,),
        )
        db.execute(f"DROP TABLE temp.{table}_vocab")


def load_common_terms(db: sqlite3.Connection) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {"options": set(), "packages": set()}
    for table, term in db.execute("SELECT tbl, term FROM common_terms"):
        found.setdefault(table, set()).add(term)
    return {k: frozenset(v) for k, v in found.items()}


def query_words(query: str) -> list[str]:
    words = [w for w in _WORD.findall(query.lower()) if w not in _STOP]
    return list(dict.fromkeys(words))


def fts_query(words: list[str], joiner: str = " OR ", prefix: bool = True) -> str:
    # Prefix terms find "adguard" in "adguardhome"; very short words must match whole.
    return joiner.join(f'"{w}"*' if prefix and len(w) >= 3 else f'"{w}"' for w in words)


def _selective(words: list[str], common: frozenset[str]) -> list[str]:
    """The words that narrow the search: very common ones ("python", "services") are left to the
    re-ranking, since matching them costs a scan of a large part of the index."""
    return [w for w in words if not _is_common(w, common)]


def _is_common(word: str, common: frozenset[str]) -> bool:
    # The index holds Porter stems: prefixes of the word (``services`` -> ``servic``), or with
    # ``i`` for a final ``y`` (``library`` -> ``librari``); a stem is at most 3 letters shorter.
    variants = (word, word[:-1] + "i") if word.endswith("y") else (word,)
    if len(word) <= 4:  # short words are their own stem, at most without a plural s
        return word in common or word.removesuffix("s") in common
    shortest = max(4, len(word) - 3)
    return any(v[:n] in common for v in variants for n in range(shortest, len(v) + 1))


def _enable_query(words: list[str]) -> str:
    """Options whose name holds one of the words and ``enable``: the modules a query may mean."""
    return f"name : ({fts_query(words)}) AND name : enable"


def _candidates(
    db: sqlite3.Connection, sql: str, words: list[str], limit: int, prefix: bool = True
) -> list[Any]:
    """Rows matching every word (as prefixes); when those are few, also the best rows matching any
    whole word. Whole words keep the any-word query cheap; the re-ranking decides between both sets. When
    every word is common, ranking all their rows is slow and says little: take rows unranked.
    """
    if not words:
        return []
    rows = db.execute(sql, (fts_query(words, " AND ", prefix), max(_CANDIDATES, limit))).fetchall()
    if len(words) > 1 and len(rows) < max(limit, _ENOUGH):
        seen = {r[0] for r in rows}
        wide = db.execute(sql, (fts_query(words, prefix=False), 40)).fetchall()
        rows += [r for r in wide if r[0] not in seen]
    return rows


def _hits(words: list[str], text: str) -> int:
    return sum(1 for w in words if _has_word(w, text))


def _ranked_candidates(
    db: sqlite3.Connection, sql: str, words: list[str], limit: int, common: frozenset[str]
) -> list[Any]:
    """Candidates for the words that narrow the query, ranked; when every word is common, for all
    words, unranked."""
    narrowing = _selective(words, common)
    if not narrowing:
        sql = sql.replace(" ORDER BY score", "")
    return _candidates(db, sql, narrowing or words, limit, prefix=bool(narrowing))


def _word_score(words: list[str], name: str, text: str) -> tuple[float, int]:
    """Points for the words found in the name and in the text, and how many words either holds."""
    covered = sum(1 for w in words if _has_word(w, name) or _has_word(w, text))
    return 3.0 * _hits(words, name) + 1.0 * _hits(words, text) + 2.0 * covered, covered


def _has_word(word: str, text: str) -> bool:
    if len(word) >= 3:
        return word.removesuffix("s") in text
    return re.search(rf"(?<![a-z0-9]){re.escape(word)}", text) is not None


def search_options(
    db: sqlite3.Connection, query: str, limit: int = 20, common: frozenset[str] = frozenset()
) -> list[int]:
    """Option ids, best first. ``common``: index terms too frequent to narrow a query."""
    words = query_words(query)
    if not words:
        return []
    service_like = "." not in query
    rows = _ranked_candidates(db, _OPTIONS_SQL, words, limit, common)
    if service_like:
        seen = {r[0] for r in rows}
        rows += [
            r for r in db.execute(_OPTIONS_SQL, (_enable_query(words), 40)).fetchall() if r[0] not in seen
        ]
    scored = []
    for option_id, path, description, bm25 in rows:
        words_score, covered = _word_score(words, path.lower(), description.lower())
        score = words_score - 0.3 * bm25 - 0.15 * path.count(".")
        if covered == len(words):
            score += 2.0
        if service_like and path.endswith(".enable") and path.count(".") == 2 and 2 * covered >= len(words):
            score += 6.0
            if path.split(".")[1].lower() in words:  # the module's own name: "tailscale"
                score += 3.0
        scored.append((-score, path, option_id))
    scored.sort()
    return [option_id for _, _, option_id in scored[:limit]]


def search_packages(
    db: sqlite3.Connection,
    query: str,
    limit: int = 20,
    preferred: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> list[int]:
    """Package ids, best first. ``preferred``: sets a default name points at (``python312Packages``)."""
    words = query_words(query)
    if not words:
        return []
    rows = _ranked_candidates(db, _PACKAGES_SQL, words, limit, common)
    scored = []
    for package_id, attr, pname, description, broken, bm25, refs in rows:
        words_score, covered = _word_score(words, f"{attr} {pname}".lower(), description.lower())
        score = words_score - 0.1 * bm25
        if covered == len(words):
            score += 2.0
        if "." not in attr:  # applications live at the top level; sets hold libraries and plugins
            score += 5.0
        set_path, _, member = attr.rpartition(".")
        if pname.lower() in words or member.lower() in words:
            score += 3.0
        if set_path in preferred:
            score += 1.0
        score += min(5.0, 2.0 * math.log2(1 + refs))  # what the release's own modules use
        if broken:
            score -= 3.0
        scored.append((-score, attr, package_id))
    scored.sort()
    return [package_id for _, _, package_id in scored[:limit]]
