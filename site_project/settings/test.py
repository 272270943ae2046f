"""Settings for the test suite: fast hashing, in-memory mail, media in a temporary folder.

The temporary folders this module makes are removed when the test process ends, so a run
leaves nothing of its media, submissions, upload spool or SQLite database behind. A process a
test starts (an RQ worker) is handed the parent's folders through the environment and leaves
them alone.
"""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import env


def _temporary_folder(prefix, parent=None):
    path = tempfile.mkdtemp(prefix=prefix, dir=parent)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail straight to Django's test outbox; tests of the mail queue and RQ workers started by tests
# (tests/queue/) set these from the environment.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_DELIVERY_BACKEND", default="django.core.mail.backends.locmem.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST", default="127.0.0.1")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
MEDIA_ROOT = env("TEST_MEDIA_ROOT", default="") or _temporary_folder("mtg-test-media-")
STORAGES["submissions"]["OPTIONS"]["location"] = env(  # noqa: F405
    "TEST_SUBMISSIONS_ROOT", default=""
) or _temporary_folder("mtg-test-submissions-")
FILE_UPLOAD_TEMP_DIR = _temporary_folder("mtg-test-upload-spool-")
# An RQ worker started by a test (a separate process) must open the test database: SQLite's
# test database is therefore a file, not in memory (a RAM-backed folder where there is one).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    _shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": env("TEST_SQLITE_NAME", default="")
        or os.path.join(_temporary_folder("mtg-test-db-", _shm), "test.sqlite3")
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True  # the /media/ view with HTTP Range (operations/media_files.py) is tested
