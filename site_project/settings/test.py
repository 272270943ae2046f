"""Settings for the test suite: fast hashing, in-memory mail, media in a temporary folder.

The temporary folders this module makes are removed when the test process ends, so a run
leaves nothing of its media or submissions behind in the system temp folder.
"""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import env


def _temporary_folder(prefix):
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env("TEST_MEDIA_ROOT", default="") or _temporary_folder("mtg-test-media-")
STORAGES["submissions"]["OPTIONS"]["location"] = _temporary_folder(  # noqa: F405
    "mtg-test-submissions-"
)
FILE_UPLOAD_TEMP_DIR = tempfile.mkdtemp(prefix="mtg-test-upload-spool-")
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True  # the /media/ view with HTTP Range (operations/media_files.py) is tested
