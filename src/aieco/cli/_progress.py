"""A one-line progress bar on standard error (internal)."""

from __future__ import annotations

import sys
import time

__all__ = ["PROGRESS_BYTES", "Progress"]

#: ``aieco extract`` of one text shows a bar (on a terminal) from this size on.
PROGRESS_BYTES = 1_000_000


class Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second.

    ``files``, when given, is the number of files the bytes come in (``aieco extract``
    over many files); the bar then counts them too. Nothing is drawn unless ``show``.
    """

    def __init__(self, total_bytes: int, show: bool, *, files: int | None = None) -> None:
        self.total_bytes, self.show, self.total_files = total_bytes, show, files
        self.files = self.bytes = 0
        self.started = self.drawn = time.monotonic()
        self.visible = False

    def advance(self, files: int, nbytes: int) -> None:
        """Count ``files`` more files and ``nbytes`` more bytes as done; redraw when it is time."""
        self.files += files
        self.bytes += nbytes
        now = time.monotonic()
        if self.total_files is not None:
            finished = self.files == self.total_files
        else:
            finished = self.bytes >= self.total_bytes
        if self.show and (now - self.drawn >= 0.1 or finished):
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        share = min(self.bytes / self.total_bytes, 1.0) if self.total_bytes else 1.0
        width = 24
        bar = "█" * int(share * width) + "·" * (width - int(share * width))
        rate = self.bytes / max(now - self.started, 1e-9)
        left = max(self.total_bytes - self.bytes, 0) / rate if rate > 0 else 0.0
        files = (
            f"{self.files:,}/{self.total_files:,} files  " if self.total_files is not None else ""
        )
        sys.stderr.write(
            f"\r{bar} {share:4.0%}  {files}"
            f"{self.bytes / 1e6:,.1f}/{self.total_bytes / 1e6:,.1f} MB  "
            f"{rate / 1e6:,.1f} MB/s  {int(left) // 60}:{int(left) % 60:02d} left "
        )
        sys.stderr.flush()
        self.visible = True

    def done(self) -> None:
        """Erase the bar (before other output on the terminal, and at the end)."""
        if self.show and self.visible:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.visible = False
