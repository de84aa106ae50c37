"""Child processes that end with the process that started them (Linux).

pytesseract starts `tesseract` with `subprocess.Popen`. If the process that
started it is killed (SIGKILL, the kernel's out-of-memory killer), the child
would read on, re-parented to init. The kernel can instead send the child a
signal when its parent dies: `prctl(PR_SET_PDEATHSIG)`, asked for by the child
between fork and exec (`preexec_fn`) and kept across exec.

The signal fires when the *thread* that forked the child ends, not only the
process. pytesseract waits for its child in the thread that started it, so
that thread always outlives the child; callers that start a child from a
short-lived thread and do not wait for it must not use this.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable
from functools import cache, wraps
from typing import Any

PR_SET_PDEATHSIG = 1


@cache
def _prctl() -> Callable[..., int] | None:
    """libc's prctl, resolved once in the parent (a forked child must not load libraries)."""
    if sys.platform != "linux":
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send `sig` to this process when its parent (thread) dies. False where
    the platform cannot."""
    prctl = _prctl()
    return prctl is not None and prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0


def ending_with_this_process(sig: int = signal.SIGKILL) -> Callable[[], None] | None:
    """A `preexec_fn` for `subprocess.Popen`: the child gets `sig` when this process dies, also
    when it died between fork and the prctl call. None where the platform cannot."""
    if _prctl() is None:
        return None
    parent = os.getpid()

    def setup() -> None:
        die_with_parent(sig)
        if os.getppid() != parent:  # the parent is gone already: the kernel will not tell us
            os.kill(os.getpid(), sig)

    return setup


def end_children_with_this_process(pytesseract_module: Any) -> None:
    """Every `tesseract` that pytesseract starts from now on ends when the process that started
    it dies. pytesseract builds its Popen arguments in `subprocess_args()`: add the hook there."""
    build = pytesseract_module.subprocess_args
    if getattr(build, "ends_with_parent", False) or _prctl() is None:
        return

    @wraps(build)
    def subprocess_args(*args, **kwargs) -> dict:
        return {**build(*args, **kwargs), "preexec_fn": ending_with_this_process()}

    subprocess_args.ends_with_parent = True  # type: ignore[attr-defined]
    pytesseract_module.subprocess_args = subprocess_args
