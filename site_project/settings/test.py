"""Settings for the test suite: fast hashing, in-memory mail, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=tempfile.mkdtemp(prefix="mtg-test-media-"))
STORAGES["submissions"]["OPTIONS"]["location"] = tempfile.mkdtemp(  # noqa: F405
    prefix="mtg-test-submissions-"
)
FILE_UPLOAD_TEMP_DIR = tempfile.mkdtemp(prefix="mtg-test-upload-spool-")
WAGTAILADMIN_BASE_URL = "http://testserver"
