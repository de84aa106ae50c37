"""Applications named in a document: a screenshot of SIMPEG evidences Layanan Kepegawaian (36).

Real evidence names the application far more often than the indicator (shared/reference/
applications.md). The applications, their aliases and indicators are data (rules/applications.yaml);
here is how a document is read for them:

* The application must be the document's SUBJECT: named in its title or in one of the first short
  lines of its first page (a screen's tab, address bar and logo; a manual's or report's cover). Not in
  headings further on: an application's name is an acronym, so every list item naming one ("a. SIMPEG;")
  and every menu of a screen looks like a heading. A name in passing ("Sinkronisasi SIPD" on the
  e-Budgeting screen, a list of applications in a report) is an integration or an inventory, read by the
  service level cues, not a subject.
* In a screenshot, report, manual, SOP or minutes (`use_types`) it links to its indicators, when the
  indicator can be evidenced by that type; the level comes from the indicator's level cues, never
  from the name. Sector services and weak evidence (`candidate_only`) are candidates only.
* In a regulation the name is not evidence of use: at most a candidate (topical, no level), from its
  title only, for the indicators a regulation can evidence at all.
* An application link stands for its indicator in place of a phrase link (it names the evidence more
  exactly); a phrase link is never turned into a candidate.
* Where a module decides the indicator (SIPD), a module word must stand where the name stands;
  without one, the indicators are candidates.

Every finding is explainable like a phrase match: rule "application:<name>", the alias found, score,
page and snippet. Candidates are matches without a level trace: the JSON export lists them in
`candidate_indicators`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from pipeline.judge.matching import HEADING_MAX_CHARS, Hit, Match, Prepared, contains, find, snippet
from pipeline.judge.normalize import Normalizer
from pipeline.rules import Application, ApplicationRules, Common, Framework

RULE_PREFIX = "application:"
OTHER_WEIGHT = 1.0  # the top of the first page (title: thresholds.title_weight)
# a kind of indicator a document of another type can still be topical for (a policy or a plan document
# is evidenced only by the regulation or document itself)
TOPICAL_KINDS = frozenset({"service", "practice", "audit"})
_ORDER = {"title": 0, "head": 1}
HEAD_SLACK = 16  # characters: the page and its first lines are normalised apart, so their lengths may differ


@dataclass(frozen=True)
class ApplicationFindings:
    """What the applications named in one document say about it."""

    links: tuple[Match, ...]  # evidence of use: a level follows from the indicator's level cues
    candidates: tuple[Match, ...]  # topical only: no level
    vetoed: frozenset[int]  # indicators an assessor does not accept for the document's application
    in_title: frozenset[int] = frozenset()  # indicators of the applications its title names ("Reviu SRIKANDI")
    names: tuple[str, ...] = ()  # normalised aliases of the applications it shows in use (`without_names`)


NOTHING = ApplicationFindings((), (), frozenset())


@dataclass(frozen=True)
class _Compiled:
    app: Application
    aliases: tuple[tuple[str, str], ...]  # (as written, normalised), without repeats
    modules: dict[int, tuple[str, ...]]  # indicator -> normalised module words


_compiled: dict[tuple[int, int], tuple[ApplicationRules, Normalizer, tuple[_Compiled, ...]]] = {}


def _compile(rules: ApplicationRules, normalize: Normalizer) -> tuple[_Compiled, ...]:
    """Aliases and module words in matching form, once per rules and normaliser (kept with them, so an
    id is never reused while cached)."""
    key = (id(rules), id(normalize))
    if key not in _compiled:
        if len(_compiled) >= 8:
            _compiled.pop(next(iter(_compiled)))
        apps = []
        for app in rules.applications:
            aliases: dict[str, str] = {}  # normalised -> the first spelling that gives it
            for written in app.aliases:
                aliases.setdefault(normalize(written), written)
            aliases.pop("", None)
            modules = {n: tuple(normalize(w) for w in words) for n, words in app.modules.items()}
            apps.append(_Compiled(app, tuple((w, n) for n, w in aliases.items()), modules))
        _compiled[key] = (rules, normalize, tuple(apps))
    return _compiled[key][2]


@dataclass(frozen=True)
class _Zone:
    """Where a document names its subject: its title and the first short lines of its first page."""

    head: str  # those lines, normalised ("" for a regulation: its top is its title block)
    head_chars: int  # how far into the normalised first page they reach

    def text(self, doc: Prepared) -> str:
        return f"{doc.title} | {self.head}"


def _zone(doc: Prepared, head_lines: int, normalize: Normalizer, regulation: bool) -> _Zone:
    first = doc.raw_pages[0] if doc.raw_pages else ""
    lines = [line for line in first.splitlines() if line.strip()][:head_lines]
    if regulation or not lines:
        return _Zone("", 0)
    reach = normalize("\n".join(lines))
    head = normalize("\n".join(line for line in lines if len(line.strip()) <= HEADING_MAX_CHARS))  # not a sentence
    return _Zone(head, len(reach))


def _subject_hit(aliases: Sequence[tuple[str, str]], doc: Prepared, zone: _Zone, threshold: float) -> Hit | None:
    """The best place where one of the aliases names the document's subject, or None. Only the title and
    the top of the first page are searched: a long document costs no more than a screenshot."""
    best: Hit | None = None
    page_one = doc.pages[0] if doc.pages else ""
    top = page_one[: zone.head_chars + HEAD_SLACK]
    for written, alias in aliases:
        found = [Hit(written, score, 0, 0.0, "title") for score, _ in find(alias, doc.title, threshold)[:1]]
        if zone.head and contains(alias, zone.head, threshold):  # on a short line, not inside a sentence
            found += [Hit(written, score, 1, at / len(page_one), "head") for score, at in find(alias, top, threshold)]
        for hit in found:
            if best is None or (_ORDER[hit.where], -hit.score) < (_ORDER[best.where], -best.score):
                best = hit
    return best


def _match(indicator: int, app: Application, hit: Hit, doc: Prepared, common: Common) -> Match:
    weight = common.thresholds.title_weight if hit.where == "title" else OTHER_WEIGHT
    if hit.where == "title":
        shown = doc.raw_title or doc.title
    else:
        shown = snippet(doc.raw_pages[hit.page - 1], hit.position)
    return Match(indicator, f"{RULE_PREFIX}{app.name}", hit.phrase, hit.score, weight, hit.page or 1, shown, hit.where)


def _modules(
    entry: _Compiled, indicators: Iterable[int], zone_text: str, threshold: float
) -> tuple[list[int], list[int]]:
    """(indicators picked, indicators left open): a module word where the name stands picks its indicator."""
    picked: list[int] = []
    open_: list[int] = []
    for no in indicators:
        words = entry.modules.get(no)
        if words is None or any(contains(w, zone_text, threshold) for w in words):
            picked.append(no)
        else:
            open_.append(no)
    if not any(no in entry.modules for no in picked):
        return [n for n in picked if n not in entry.modules], open_  # no module named: all of them open
    return picked, []


def find_applications(
    doc: Prepared,
    doc_type: str,
    framework: Framework,
    common: Common,
    rules: ApplicationRules,
    normalize: Normalizer,
) -> ApplicationFindings:
    """The links and candidates that the applications named as the document's subject make."""
    regulation = doc_type in common.regulation_types
    use = doc_type in rules.use_types
    if not (use or (regulation and rules.regulations == "candidate")):
        return NOTHING
    threshold = common.thresholds.match_score
    zone = _zone(doc, rules.head_lines, normalize, regulation)
    zone_text = zone.text(doc)
    links: dict[int, Match] = {}
    candidates: dict[int, Match] = {}
    vetoed: set[int] = set()
    in_title: set[int] = set()
    names: set[str] = set()
    known = {i.no for i in framework.indicators}
    for entry in _compile(rules, normalize):
        hit = _subject_hit(entry.aliases, doc, zone, threshold)
        if hit is None:
            continue
        app = entry.app
        picked, open_ = _modules(entry, [n for n in app.indicators_for(doc_type) if n in known], zone_text, threshold)
        for no in (*picked, *open_):
            indicator = framework.indicator(no)
            found = _match(no, app, hit, doc, common)
            evidences = doc_type in indicator.evidence_types
            if use and evidences and not app.candidate_only and no in picked:
                links.setdefault(no, found)
            elif (regulation and evidences) or (use and indicator.kind in TOPICAL_KINDS):
                candidates.setdefault(no, found)  # named, not evidence of use (regulation, sector, module open)
        if use:
            vetoed.update(app.not_for)
            names.update(n for _, n in entry.aliases)
        if hit.where == "title":
            in_title.update((*picked, *open_))
    return ApplicationFindings(
        tuple(m for n, m in links.items() if n not in vetoed),
        tuple(m for n, m in candidates.items() if n not in links and n not in vetoed),
        frozenset(vetoed),
        frozenset(in_title - vetoed),
        tuple(sorted(names, key=lambda n: (-len(n), n))),
    )


def without_names(doc: Prepared, names: Sequence[str]) -> Prepared:
    """The document without the names of the applications it shows in use, for reading level cues: an
    application's own name states none of its features. "Sistem Informasi Kearsipan Dinamis Terintegrasi"
    (SRIKANDI) is not integration, and a screenshot of SIPD is not "integrated with SIPD"; a report on
    e-Planning saying "terintegrasi dengan SIPD" keeps both words (SIPD is not its subject)."""
    if not names:
        return doc
    pattern = re.compile(r"(?<![0-9a-z])(?:" + "|".join(re.escape(n) for n in names) + r")(?![0-9a-z])")

    def masked(text: str) -> str:
        return " ".join(pattern.sub(" ", text).split())

    return replace(doc, pages=tuple(map(masked, doc.pages)), sentences=tuple(map(masked, doc.sentences)))


def merge(phrase_matches: Sequence[Match], found: ApplicationFindings) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    """(links, candidates) of a document. An application link stands for its indicator (it names the
    evidence more exactly than a phrase); phrase links keep the other indicators; candidates are the
    application's indicators that nothing links."""
    named = {m.indicator for m in found.links}
    links = [m for m in phrase_matches if m.indicator not in found.vetoed and m.indicator not in named]
    links += found.links
    linked = {m.indicator for m in links}
    ordered = tuple(sorted(links, key=lambda m: (-m.weight, m.indicator)))
    return ordered, tuple(sorted((m for m in found.candidates if m.indicator not in linked), key=lambda m: m.indicator))
