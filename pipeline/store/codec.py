"""Records <-> the JSON columns that hold them."""

from __future__ import annotations

import json

from pipeline.model import Problem


def problems_to_json(problems: tuple[Problem, ...]) -> str:
    text = json.dumps(
        [{"code": p.code, "message": p.message, "detail": p.detail} for p in problems], ensure_ascii=False
    )
    # a detail may quote a file name that is not valid UTF-8; DuckDB stores UTF-8 only
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def problems_from_json(text: str | None) -> tuple[Problem, ...]:
    return tuple(Problem(**item) for item in json.loads(text or "[]"))
