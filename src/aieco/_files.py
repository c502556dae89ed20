"""Writing a file whole or not at all (internal): `write_atomically`.

The text goes to a temporary file next to the target, which is then renamed over it, so a
reader never sees half a file. The rules, documented in docs/queries.md ("Export"):

* **Temporary files are named so they are obviously safe to delete**:
  ``.NAME.PID.RANDOM.aieco-tmp`` next to ``NAME``. A failure or Ctrl-C removes it at once; a
  process killed outright (SIGKILL, a power cut) cannot, so the next write to the same path
  removes every such file whose process (PID) no longer runs on this machine.
* **A symbolic link is written through**: the file it points to is replaced and the link stays
  a link (a dangling link gets its target created).
* **Errors name the target path**, never the temporary name: a missing folder, no permission,
  a full disk (``OSError`` with ``ENOSPC``), and text that cannot be encoded as UTF-8 (a
  ValueError naming the path and the position, raised before anything is written).
* The file gets the permissions ``open(path, "w")`` would give it: 0o666 less the umask for a
  new file, the old file's mode when it replaces one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path

__all__ = ["SUFFIX", "write_atomically"]

#: The suffix of every temporary file aieco writes.
SUFFIX = ".aieco-tmp"


def write_atomically(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` (through a symlink), whole or not at all.

    Returns ``path`` as given.

    Raises:
        OSError: naming ``path`` when it cannot be written.
        ValueError: naming ``path`` when ``text`` cannot be encoded as UTF-8.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{path}: cannot write {exc.object[exc.start : exc.end]!r} at position {exc.start} "
            f"as UTF-8 ({exc.reason}); nothing was written"
        ) from None
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    _remove_stale(real)
    handle, temporary = _create_temporary(real, path)
    try:
        try:
            _write_all(handle, data)
        finally:
            os.close(handle)
        temporary.replace(real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError) and exc.filename in (None, str(temporary)):
            if exc.errno is None:
                raise type(exc)(f"{path}: {exc}") from None
            raise type(exc)(exc.errno, exc.strerror, str(path)) from None
        raise
    return path


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _create_temporary(target: Path, shown: Path) -> tuple[int, Path]:
    """A new file next to ``target`` to write into, opened for writing, with its path.

    Created with mode 0o666 so that the process umask (and a folder's default ACL) applies, as
    with ``open(target, "w")``; when ``target`` exists, its mode is copied. An error (a missing
    folder, no permission) names ``shown`` (the path the caller gave), never the temporary.
    """
    try:
        info = target.stat()
    except OSError:
        mode = None
    else:
        mode = stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{SUFFIX}"
        temporary = target.with_name(name)
        try:
            handle = os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(shown)) from None
        if mode is not None:
            try:
                os.chmod(handle if os.chmod in os.supports_fd else temporary, mode)
            except BaseException:
                os.close(handle)
                temporary.unlink(missing_ok=True)
                raise
        return handle, temporary
    raise FileExistsError(errno.EEXIST, "no free temporary name next to the file", str(shown))


def _remove_stale(target: Path) -> None:
    """Remove the temporary files of earlier writes to ``target`` whose process is gone."""
    pattern = re.compile(
        rf"\.{re.escape(target.name)}\.(\d+)\.[0-9a-f]{{8}}{re.escape(SUFFIX)}", re.ASCII
    )
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return  # the write itself will report the folder
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is not None and not _running(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (when unsure: yes)."""
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError, ValueError):
        return True
    return True
