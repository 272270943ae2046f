"""Local development: debug on, a throwaway secret, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-mind-the-gap")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Mail is queued as in production and "delivered" to the console.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
