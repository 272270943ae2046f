"""Login throttling on the Wagtail admin sign-in (django-axes), by account and by address.

Sign-ins go through the real /admin/login/ view, with addresses given as REMOTE_ADDR (or
X-Forwarded-For from a trusted proxy), and the locks are lifted with axes' own commands.
"""

import html
import re
import socket

import pytest
from django.core.management import call_command

from operations.login_throttle import REFUSED_MESSAGE

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ATTACKER, EDITOR_HOME, ELSEWHERE = "203.0.113.66", "198.51.100.20", "198.51.100.30"


@pytest.fixture
def eddie(django_user_model):
    user = django_user_model.objects.create_user("eddie", "eddie@mindthegap.example", "right-pw")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


@pytest.fixture
def rita(django_user_model):
    user = django_user_model.objects.create_superuser("rita", "rita@mindthegap.example", "pw-2")
    return user


def sign_in(client, username, password, address, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def refusal(response):
    """The error the sign-in page shows, as text."""
    text = html.unescape(response.content.decode())
    found = re.search(r"We could not sign you in[^<]*", text)
    return found.group(0).strip() if found else None


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_twenty_five_wrong_passwords_lock_the_account(client, eddie):
    statuses = [sign_in(client, "eddie", f"guess-{n}", ATTACKER).status_code for n in range(25)]
    # The sign-in page again, with the refusal; the tenth failure (AXES_FAILURE_LIMIT) pauses.
    assert statuses[:9] == [200] * 9
    assert set(statuses[9:]) == {429}

    # The right password, from the editor's own connection: still refused while paused, with
    # the words a non-existent account gets.
    locked = sign_in(client, "eddie", "right-pw", EDITOR_HOME)
    assert locked.status_code == 429
    assert not signed_in(client)
    nobody = sign_in(client, "no-such-person", "whatever", ELSEWHERE)
    assert nobody.status_code == 200
    assert refusal(locked) == refusal(nobody) == str(REFUSED_MESSAGE)

    # An admin lifts the pause (for the account and for the address).
    call_command("axes_reset_username", "eddie")
    call_command("axes_reset_ip", ATTACKER)
    response = sign_in(client, "eddie", "right-pw", EDITOR_HOME)
    assert response.status_code == 302
    assert signed_in(client)


def test_an_address_trying_many_accounts_is_paused(client, eddie, rita):
    for n in range(10):
        sign_in(client, f"user-{n}", "guess", ATTACKER)
    # Any account, even with its right password, from that address.
    assert sign_in(client, "rita", "pw-2", ATTACKER).status_code == 429
    assert not signed_in(client)
    # Another address is not affected.
    assert sign_in(client, "rita", "pw-2", ELSEWHERE).status_code == 302
    call_command("axes_reset")
    client.logout()
    assert sign_in(client, "eddie", "right-pw", ATTACKER).status_code == 302


def test_addresses_come_from_the_trusted_proxy_rule(client, eddie, rita, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    for n in range(10):
        client.post(
            LOGIN,
            {"username": f"user-{n}", "password": "guess"},
            HTTP_X_FORWARDED_FOR=ATTACKER,
            **proxy,
        )
    blocked = client.post(
        LOGIN, {"username": "rita", "password": "pw-2"}, HTTP_X_FORWARDED_FOR=ATTACKER, **proxy
    )
    assert blocked.status_code == 429
    # Another visitor behind the same proxy signs in: the proxy's address is not what counts.
    other = client.post(
        LOGIN, {"username": "rita", "password": "pw-2"}, HTTP_X_FORWARDED_FOR=ELSEWHERE, **proxy
    )
    assert other.status_code == 302


def test_throttling_holds_with_the_shared_cache_down(client, eddie, settings):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", 8199)) != 0
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
    backend = {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": options}
    settings.CACHES = {
        "default": {**backend, "LOCATION": "redis://127.0.0.1:8199/0"},
        "renditions": {**backend, "LOCATION": "redis://127.0.0.1:8199/0", "KEY_PREFIX": "r"},
    }
    for n in range(9):
        assert sign_in(client, "eddie", f"guess-{n}", ATTACKER).status_code == 200
    assert sign_in(client, "eddie", "guess-9", ATTACKER).status_code == 429
    assert sign_in(client, "eddie", "right-pw", EDITOR_HOME).status_code == 429
    call_command("axes_reset_username", "eddie")
    assert sign_in(client, "eddie", "right-pw", EDITOR_HOME).status_code == 302


def test_a_good_sign_in_resets_the_count(client, eddie):
    for n in range(9):
        sign_in(client, "eddie", f"guess-{n}", ATTACKER)
    assert sign_in(client, "eddie", "right-pw", ATTACKER).status_code == 302
    client.logout()
    for n in range(9):
        assert sign_in(client, "eddie", f"again-{n}", ATTACKER).status_code == 200
    assert sign_in(client, "eddie", "right-pw", ATTACKER).status_code == 302


def test_force_login_is_unaffected(client, eddie):
    for n in range(12):
        sign_in(client, "eddie", f"guess-{n}", ATTACKER)
    client.force_login(eddie)
    assert signed_in(client)
