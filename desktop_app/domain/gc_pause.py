"""The one place the cycle collector is paused (a speed measure, not a rule of the domain; it
lives here because every floor, from the importers to the grid models, may import domain/).

Reading a large workbook, saving its rows and building the lists behind a large grid each make
hundreds of thousands of small objects, none of them garbage cycles. The collector, set off by
the allocation counts, would rescan them again and again: a fifth of the time of reading a
20,000-row log, a sixth of saving it, hundreds of milliseconds for a 100,000-row grid (measured).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector off while the block runs, and back on afterwards only if it was on
    before (so that pauses nest)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
