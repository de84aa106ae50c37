"""Capability level a document supports for one indicator, from the level cues in the rules.

Levels are cumulative: level N needs every cue of levels 2..N. The kind of the
indicator sets the starting point (an enacted policy starts at 2, a draft
never passes 1); cues that depend on other documents in the folder (a current
review, a policy revised after it) are answered by a `FolderContext`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.judge.matching import Prepared, find
from pipeline.rules import Common, Framework, Indicator, LevelCue

MAX_LEVEL = 5
# Articles and the headings between them: "Paragraf 3 Sistem Penghubung Layanan" opens the Pasal after it.
_SECTION = re.compile(r"(?<![0-9a-z])(?:pasal \d+|bab [ivxlc]+|bagian ke\w+|paragraf \d+)(?![0-9a-z])")


class FolderContext(Protocol):
    def review_year(self, indicator: int) -> int | None:
        """Year of the newest current review/evaluation covering the indicator, if any."""

    def revised_after(self, indicator: int, year: int) -> bool:
        """Whether a valid policy/document for the indicator was set after that year."""

    def planned(self, indicator: int) -> bool:
        """Whether the folder's Peta Rencana SPBE plans this indicator's programme."""


@dataclass(frozen=True)
class LevelFinding:
    indicator: int
    level: int
    reason: str  # Bahasa Indonesia: why this level
    next_missing: str = ""  # Bahasa Indonesia: what the next level lacks ("" at level 5)
    missing_items: tuple[str, ...] = field(default=())  # the all_of phrases not found


def cue_for(indicator: Indicator, level: int, framework: Framework) -> LevelCue | None:
    if level in indicator.levels:
        return indicator.levels[level]
    if indicator.kind == "service":
        return framework.service_levels.get(level)
    return None


def scope_text(indicator: Indicator, doc: Prepared, threshold: float) -> str:
    """Where to look for level cues: the whole document when it is about the subject,
    else the articles (Pasal/BAB) that mention the subject and the one after each."""
    full = doc.full
    if any(find(p, doc.title, threshold) for p in indicator.phrases):
        return full
    bounds = [m.start() for m in _SECTION.finditer(full)]
    if len(bounds) < 2:
        return full
    starts = [0, *bounds]
    sections = [full[a:b] for a, b in zip(starts, [*starts[1:], len(full)])]
    chosen: set[int] = set()
    for number, section in enumerate(sections):
        if any(find(p, section, threshold) for p in indicator.phrases):
            chosen.update({number, number + 1})
    if not chosen:
        return full
    return " ".join(sections[n] for n in sorted(chosen) if n < len(sections))


def _base_level(indicator: Indicator, doc_type: str, signed: bool | None, common: Common) -> tuple[int, str]:
    if indicator.kind == "policy":
        if doc_type not in common.regulation_types:
            return 1, "dokumen pendukung penyusunan kebijakan (bukan kebijakan yang ditetapkan)"
        if signed is False:
            return 1, "kebijakan masih rancangan (belum ditetapkan)"
        return 2, "kebijakan telah ditetapkan"
    if indicator.kind == "document":
        if signed is False:
            return 1, "dokumen masih rancangan"
        if doc_type in common.activity_types:
            return 1, "dokumen pendukung penyusunan (notulen/laporan/daftar hadir)"
        return 2, "dokumen telah tersedia/ditetapkan"
    return 1, "kegiatan/layanan terdokumentasi"


def _stated(phrase: str, scope: str, doc: Prepared, threshold: float, negations: tuple[str, ...]) -> bool:
    """The phrase is in scope and at least one sentence states it without a negation or a plan."""
    if not find(phrase, scope, threshold):
        return False
    holding = [s for s in doc.sentences if find(phrase, s, threshold)]
    if not holding:
        return True  # sentence split lost it (e.g. OCR); do not punish
    return any(not any(find(n, s, 100.0) for n in negations) for s in holding)


def _cue_met(
    cue: LevelCue, scope: str, doc: Prepared, threshold: float, negations: tuple[str, ...]
) -> tuple[bool, tuple[str, ...]]:
    missing = tuple(p for p in cue.all_of if not _stated(p, scope, doc, threshold, negations))
    if missing:
        return False, missing
    if cue.any_of:
        found = sum(1 for p in cue.any_of if _stated(p, scope, doc, threshold, negations))
        if found < max(1, cue.min_of):
            return False, ()
    return True, ()


@dataclass(frozen=True)
class LevelStep:
    """One target level's cue as the document's own text answers it; the folder parts
    (a current review, a later revision, a plan) are answered later by a `FolderContext`."""

    target: int
    label: str  # the scale's name of the level
    has_cue: bool
    met: bool  # by the document's text alone
    missing: tuple[str, ...] = ()
    needs_review: bool = False
    needs_revision: bool = False
    plannable: bool = False  # a practice's level 2 is also met when the Peta Rencana plans it
    why_missing: str = ""


@dataclass(frozen=True)
class LevelTrace:
    """What one document's text says about one indicator's levels: cacheable per content and rules."""

    indicator: int
    base: int
    base_reason: str
    cap: int
    steps: tuple[LevelStep, ...]
    cap_reason: str = ""  # Bahasa Indonesia: why the document can support no more than `cap`


def _cap(indicator: Indicator, base: int, doc_type: str, signed: bool | None, common: Common) -> tuple[int, str]:
    """The highest level this kind of document can evidence, and why (what the next level needs)."""
    if signed is False:
        return 1, "kebijakan/dokumen harus ditetapkan (bukan rancangan)"
    if indicator.kind in ("policy", "document") and base == 1:
        # supporting papers (drafting minutes, reports) never stand in for the policy or document itself
        return 1, "kebijakan/dokumen itu sendiri yang telah ditetapkan (bukan dokumen pendukung)"
    if indicator.kind == "service" and doc_type in common.regulation_types:
        # a regulation mandating an application shows the service exists, not what it can do
        return 1, "tangkapan layar/dokumentasi fitur layanan (peraturan saja tidak menunjukkan fitur)"
    if indicator.kind != "service" and doc_type in common.informal_types and signed is not True:
        # a practice's level 2 is its programme in the Peta Rencana: that plan is the formal document there
        return 2 if indicator.kind == "practice" else 1, (
            "dokumen yang terdokumentasi secara formal (ditandatangani/ditetapkan), "
            "sesuai Kriteria Bukti Dukung Pedoman MenPANRB 3/2024"
        )
    return MAX_LEVEL, ""


def level_trace(
    indicator: Indicator, doc: Prepared, doc_type: str, signed: bool | None, framework: Framework, common: Common
) -> LevelTrace:
    threshold = common.thresholds.match_score
    level, reason = _base_level(indicator, doc_type, signed, common)
    scope = scope_text(indicator, doc, threshold)
    scale = framework.scales.get(indicator.scale, {})
    cap, cap_reason = _cap(indicator, level, doc_type, signed, common)
    steps = []
    for target in range(level + 1, MAX_LEVEL + 1):
        cue = cue_for(indicator, target, framework)
        label = scale.get(target, "")
        if cue is None:
            steps.append(LevelStep(target, label, has_cue=False, met=target == 2))
            if target != 2:
                break
            continue
        met, missing = _cue_met(cue, scope, doc, threshold, common.negations)
        plannable = target == 2 and indicator.kind == "practice"
        steps.append(
            LevelStep(
                target,
                label,
                True,
                met,
                missing,
                cue.needs_review,
                cue.needs_revision,
                plannable,
                cue.missing or f"kriteria tingkat {target} ({label})",
            )
        )
        if (not met and not plannable) or target > cap:
            break  # no folder fact can lift a level the text does not reach
    return LevelTrace(indicator.no, level, reason, cap, tuple(steps), cap_reason)


def resolve_level(trace: LevelTrace, context: FolderContext) -> LevelFinding:
    """The level a document supports once the folder has answered the cues that depend on it."""
    level, reasons, cap, no = trace.base, [trace.base_reason], trace.cap, trace.indicator
    for step in trace.steps:
        if not step.has_cue:
            if step.target == 2:
                level, reasons = 2, [*reasons, "terdokumentasi"]
                continue
            return LevelFinding(no, min(level, cap), "; ".join(reasons), "")
        met, missing = step.met, step.missing
        if not met and step.plannable and context.planned(no):
            met, missing = True, ()
            reasons.append("program direncanakan dalam Peta Rencana SPBE")
        if met and step.needs_review:
            review = context.review_year(no)
            met = review is not None
            if met:
                reasons.append(f"telah direviu ({review})")
            if review is not None and step.needs_revision:
                met = context.revised_after(no, review)
        elif met and step.needs_revision:
            review = context.review_year(no)
            met = review is not None and context.revised_after(no, review)
        if not met or step.target > cap:
            why = (
                (trace.cap_reason or "kebijakan harus ditetapkan (bukan rancangan)")
                if step.target > cap
                else step.why_missing
            )
            return LevelFinding(no, min(level, cap), "; ".join(reasons), why, missing)
        level = step.target
        reasons.append(f"tingkat {step.target} ({step.label}) terpenuhi")
    return LevelFinding(no, min(level, cap), "; ".join(reasons), "")


def document_level(
    indicator: Indicator,
    doc: Prepared,
    doc_type: str,
    signed: bool | None,
    framework: Framework,
    common: Common,
    context: FolderContext,
) -> LevelFinding:
    return resolve_level(level_trace(indicator, doc, doc_type, signed, framework, common), context)
