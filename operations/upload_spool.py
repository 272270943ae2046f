"""The private folder where uploads are spooled while a request reads them, and its cleanup.

Django writes an upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file
(`tmp*.upload.*`) while it reads the request, and deletes it when the request ends. A worker
killed mid-request (gunicorn's timeout, an out-of-memory kill, a deploy) never gets to: the
visitor's file stays behind. In the system temp folder that was beyond erasure and retention;
here FILE_UPLOAD_TEMP_DIR is a folder of our own, readable by the site's user only (0700), and
what a dead request left there is removed:

- on start (`prepare_spool`, from OperationsConfig.ready: every web worker, command and
  the scheduler), which also creates the folder, as Django needs it to exist;
- on a schedule (`remove_stale_files`, a pass of run_scheduler).

A file counts as stale once it has not changed for longer than a request may live
(UPLOAD_SPOOL_STALE_SECONDS, the gunicorn timeout plus a margin): a live upload is still being
written, and a finished one belongs to a request that gunicorn would have killed by then.
"""

import fnmatch
import logging
import os
import time
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

# Django's TemporaryUploadedFile names: tempfile's "tmp" prefix, ".upload" and the extension.
SPOOL_PATTERN = "tmp*.upload*"


def spool_dir():
    return Path(settings.FILE_UPLOAD_TEMP_DIR)


def ensure_spool_dir():
    path = spool_dir()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is masked by the umask, and an existing folder keeps its own: set it.
    os.chmod(path, 0o700)
    return path


def remove_stale_files(max_age=None, now=None):
    """Delete spooled uploads untouched for longer than max_age seconds; return how many."""
    max_age = settings.UPLOAD_SPOOL_STALE_SECONDS if max_age is None else max_age
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(spool_dir()))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if not fnmatch.fnmatch(entry.name, SPOOL_PATTERN):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime <= max_age:
                continue
            os.unlink(entry.path)
        except FileNotFoundError:
            continue  # its request ended meanwhile and Django removed it
        removed += 1
    if removed:
        # A count only: file names are random, but the contents are a visitor's.
        logger.warning("Removed %d upload(s) left in the spool by requests that died", removed)
    return removed


def prepare_spool():
    """On start: the folder exists, private, without what dead requests left."""
    try:
        ensure_spool_dir()
        remove_stale_files()
    except OSError as exc:
        logger.error("The upload spool %s is not usable (%s)", spool_dir(), type(exc).__name__)
