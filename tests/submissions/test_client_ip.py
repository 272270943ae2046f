"""The client address used for rate limiting trusts X-Forwarded-For only from our proxies."""

import pytest
from django.test import RequestFactory

from submissions.client_ip import client_ip


def request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/share-your-story/", **extra)


def test_without_trusted_proxies_the_peer_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    "remote, forwarded, expected",
    [
        # Through our proxy: the address it appended.
        ("10.0.0.5", "198.51.100.1", "198.51.100.1"),
        # A client-written hop before it is ignored: the right-most untrusted hop wins.
        ("10.0.0.5", "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        # Two of our proxies in a row.
        ("10.0.0.5", "198.51.100.1, 10.0.0.9", "198.51.100.1"),
        # Straight to the app, not through a proxy: the header is not trusted.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # Garbage in the header: stop at our proxy.
        ("10.0.0.5", "not-an-ip", "10.0.0.5"),
        # IPv6 clients.
        ("10.0.0.5", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies(settings, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request(remote, forwarded)) == expected
