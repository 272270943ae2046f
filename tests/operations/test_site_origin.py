"""The public origin from SITE_URL: parsed strictly, applied to the default Site on release, and
`check --deploy` refusing a Site (or an origin) that only this machine can reach."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from wagtail.models import Site

from operations.origin import is_loopback_host, parse_origin

ORIGIN = "https://mindthegap.example"


@pytest.mark.parametrize(
    ("value", "scheme", "hostname", "port", "url"),
    [
        ("https://mindthegap.example", "https", "mindthegap.example", 443, ORIGIN),
        ("https://MindTheGap.example/", "https", "mindthegap.example", 443, ORIGIN),
        (
            "http://mindthegap.example",
            "http",
            "mindthegap.example",
            80,
            "http://mindthegap.example",
        ),
        ("https://stories.example:8443", "https", "stories.example", 8443, None),
        ("http://[2001:db8::1]:8080", "http", "2001:db8::1", 8080, "http://[2001:db8::1]:8080"),
    ],
)
def test_an_origin_gives_scheme_host_and_port(value, scheme, hostname, port, url):
    origin = parse_origin(value)
    assert (origin.scheme, origin.hostname, origin.port) == (scheme, hostname, port)
    assert origin.url == (url or value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "mindthegap.example",
        "ftp://mindthegap.example",
        "https://mindthegap.example/stories/",
        "https://user:pw@mindthegap.example",
        "https://mindthegap.example:99999",
        "https://mindthegap.example/?a=1",
    ],
)
def test_anything_but_an_origin_is_refused_with_a_message(value):
    with pytest.raises(ValueError, match="origin|port"):
        parse_origin(value)


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST",
        "preview.localhost",
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "[::1]",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "localhost.",
        "",
    ],
)
def test_loopback_hosts(host):
    assert is_loopback_host(host)


@pytest.mark.parametrize(
    "host", ["mindthegap.example", "localhost.example", "10.0.0.5", "2001:db8::1", "128.0.0.1"]
)
def test_public_hosts(host):
    assert not is_loopback_host(host)


def deploy_check():
    """Only this project's deploy check: the test settings would fail Django's own ones."""
    call_command("check", deploy=True, tags=["site_origin"], fail_level="WARNING", verbosity=0)


@pytest.fixture
def public_origin(settings):
    settings.SITE_ORIGIN = parse_origin(ORIGIN)
    settings.SITE_URL = ORIGIN
    return settings.SITE_ORIGIN


@pytest.mark.django_db
def test_check_fails_with_a_loopback_site_and_passes_after_the_release_command(
    site_tree, public_origin
):
    site = Site.objects.get(is_default_site=True)
    for host in ("localhost", "127.0.0.1", "preview.localhost", "::1"):
        site.hostname = host
        site.save()
        with pytest.raises(SystemCheckError, match="operations.E003"):
            deploy_check()

    call_command("apply_site_url", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port, site.is_default_site) == ("mindthegap.example", 443, True)
    assert site.root_page_id == site_tree["home"].pk
    deploy_check()

    # Idempotent: a second run changes nothing.
    before = Site.objects.values().get(pk=site.pk)
    call_command("apply_site_url", verbosity=0)
    assert Site.objects.values().get(pk=site.pk) == before


@pytest.mark.django_db
def test_check_fails_when_the_site_disagrees_with_the_origin(site_tree, public_origin, settings):
    call_command("apply_site_url", verbosity=0)
    settings.SITE_ORIGIN = parse_origin("https://mindthegap.example:8443")
    with pytest.raises(SystemCheckError, match="operations.E004"):
        deploy_check()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("origin", "code"), [(None, "operations.E001"), ("http://127.0.0.1:8000", "operations.E002")]
)
def test_check_fails_without_a_public_origin(site_tree, settings, origin, code):
    settings.SITE_ORIGIN = parse_origin(origin) if origin else None
    with pytest.raises(SystemCheckError, match=code):
        deploy_check()


@pytest.mark.django_db
def test_an_empty_database_is_judged_by_the_configuration(public_origin):
    Site.objects.all().delete()
    deploy_check()  # only an Info: the release command will create the Site


@pytest.mark.django_db
def test_release_command_refuses_a_loopback_origin_and_changes_nothing(site_tree, settings):
    settings.SITE_ORIGIN = parse_origin("http://localhost:8000")
    with pytest.raises(CommandError, match="only this machine"):
        call_command("apply_site_url", verbosity=0)
    assert Site.objects.get(is_default_site=True).port == 80
    settings.SITE_ORIGIN = None
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("apply_site_url", verbosity=0)


@pytest.mark.django_db
def test_release_command_makes_a_default_site_when_there_is_none(site_tree, public_origin):
    Site.objects.all().delete()
    call_command("apply_site_url", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == (
        "mindthegap.example",
        443,
        site_tree["home"].pk,
    )


@pytest.mark.django_db
def test_loading_the_demo_on_a_server_keeps_the_public_origin(public_origin):
    """The demo loader used to put the Site back on localhost:80 on every run."""
    from collection.demo.pages import Demo, build_site

    build_site(Demo())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("mindthegap.example", 443)
    deploy_check()
