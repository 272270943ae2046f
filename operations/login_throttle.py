"""Login throttling (django-axes) for the Wagtail admin sign-in, and the one refusal message.

Axes counts failed sign-ins in the database (its database handler, so it keeps working while
the shared cache is down), per account name and per client address (the trusted-proxy rule of
submissions/client_ip.py, named in settings). After AXES_FAILURE_LIMIT failures either one is
paused for AXES_COOLOFF_TIME; each failure during the pause extends it.

Every refused sign-in shows the same words, whether the password was wrong, the account does
not exist, or the pause is on: the page never says which accounts exist. A pause answers 429
with the sign-in page and that message. Admins lift a pause with `manage.py axes_reset_username
<name>`, `axes_reset_ip <address>` or `axes_reset` (everything): docs/deployment.md.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm

REFUSED_MESSAGE = gettext_lazy(
    "We could not sign you in with that username and password. After several failed attempts, "
    "signing in is paused for a while for that account name and for your connection; if you "
    "need access sooner, ask an administrator to lift the pause."
)


class ThrottledLoginForm(LoginForm):
    """Wagtail's sign-in form with a refusal that reads the same for every reason."""

    error_messages = {**LoginForm.error_messages, "invalid_login": REFUSED_MESSAGE}


def lockout_response(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE: the sign-in page as Wagtail rendered it (with REFUSED_MESSAGE,
    since Axes made the authentication fail), answered 429."""
    if original_response is None or original_response.status_code >= 300:
        from django.http import HttpResponse

        return HttpResponse(REFUSED_MESSAGE, status=429, content_type="text/plain; charset=utf-8")
    original_response.status_code = 429
    return original_response
