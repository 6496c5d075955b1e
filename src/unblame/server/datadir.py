"""The data folder, private to the account that runs unblame.

It holds the SQLite database (sessions included), the task queue and the
generated secret key. The folder is made 0700 and each file 0600 when
created; SQLite gives the -wal and -shm files it makes the database file's
mode. Installations from before this get fixed at start, saying so in the log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

logger = logging.getLogger(__name__)

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def create(data_dir: Path) -> Path:
    """Make the folder if it is missing, private from the start."""
    data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    return data_dir


def create_private_file(path: Path) -> Path:
    """Make an empty file readable by its owner only, unless it exists.

    Created with its mode in one step, so it is never readable by others even briefly;
    an empty file is also a valid empty SQLite database.
    """
    create(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    return path


def tighten(data_dir: Path) -> list[Path]:
    """Take group and other permissions off the folder and the files directly in it.

    Returns what was changed, each with a warning in the log; a file that is
    not ours to change is logged and left.
    """
    if not data_dir.is_dir():
        return []
    changed = []
    targets = [(data_dir, PRIVATE_DIR)]
    targets += [(path, PRIVATE_FILE) for path in sorted(data_dir.iterdir()) if _is_file(path)]
    for path, private in targets:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077 == 0:
            continue
        try:
            path.chmod(mode & private)
        except OSError as error:
            logger.warning("could not make %s private (mode %o): %s", path, mode, error)
            continue
        logger.warning("made %s private: mode %o, was %o", path, mode & private, mode)
        changed.append(path)
    return changed


def _is_file(path: Path) -> bool:
    # Symlinks are left alone: chmod would change whatever they point at.
    return path.is_file() and not path.is_symlink()
