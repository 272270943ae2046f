"""Production settings with a realistic environment: deploy check clean, the pieces wired.

Settings are read once per process, so each case runs in a fresh interpreter.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
    "SECRET_KEY": "a-production-like-secret-key-of-more-than-fifty-characters-0123456789",
    "SITE_URL": "https://mindthegap.example",
    "ALLOWED_HOSTS": "mindthegap.example",
    "CSRF_TRUSTED_ORIGINS": "https://mindthegap.example",
    "DATABASE_URL": "postgres://mtg@db.internal:5432/mtg",
    "REDIS_URL": "redis://cache.internal:6379/0",
}


def run(args, **extra_env):
    # Nothing from the test process that a deployment would not have (browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses).
    skipped = ("AWS_", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "PAGE_CACHE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skipped)}
    env.update(PRODUCTION_ENV)
    env.update(extra_env)
    # A value of None leaves the variable out.
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def production_settings(**extra_env):
    """The production settings module as computed from the environment (no app loading)."""
    script = (
        "import json; from site_project.settings import production as s; "
        "print(json.dumps({name: getattr(s, name) for name in ("
        "'DEBUG', 'SITE_URL', 'ALLOWED_HOSTS', 'CSRF_TRUSTED_ORIGINS', 'WAGTAILADMIN_BASE_URL', "
        "'MIDDLEWARE', 'STORAGES', 'CACHES', 'PAGE_CACHE_SECONDS', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE', 'SECURE_REFERRER_POLICY', 'LOGGING', 'CONTENT_SECURITY_POLICY', "
        "'WAGTAILFRONTENDCACHE')}, default=str))"
    )
    result = run([sys.executable, "-c", script], **extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_deploy_check_is_clean_with_a_realistic_environment():
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    # The database (db.internal) is not reachable from here: the Site is not checked, the
    # configuration is, and an Info says so.
    assert "WARNINGS:" not in result.stderr and "ERRORS:" not in result.stderr
    assert "operations.I001" in result.stderr


def test_deploy_check_fails_without_a_public_origin():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SITE_URL=None,
    )
    assert result.returncode != 0
    assert "operations.E001" in result.stderr


def test_one_origin_gives_hosts_csrf_origins_and_admin_base_url():
    s = production_settings(
        SITE_URL="https://Stories.Example/",
        ALLOWED_HOSTS=None,
        CSRF_TRUSTED_ORIGINS=None,
        WAGTAILADMIN_BASE_URL=None,
    )
    assert s["SITE_URL"] == "https://stories.example"
    assert s["ALLOWED_HOSTS"] == ["stories.example"]
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://stories.example"]
    assert s["WAGTAILADMIN_BASE_URL"] == "https://stories.example"
    # The variables a deployment already sets still win.
    s = production_settings(SITE_URL="https://stories.example", WAGTAILADMIN_BASE_URL=None)
    assert s["ALLOWED_HOSTS"] == ["mindthegap.example"]
    # Before SITE_URL existed, WAGTAILADMIN_BASE_URL named the origin.
    s = production_settings(SITE_URL=None, WAGTAILADMIN_BASE_URL="https://old.example")
    assert s["SITE_URL"] == "https://old.example"


def test_a_malformed_site_url_stops_the_start_with_a_message():
    result = run([sys.executable, "manage.py", "check"], SITE_URL="mindthegap.example/stories")
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr and "origin" in result.stderr


def test_refuses_to_start_without_a_secret_key():
    result = run([sys.executable, "manage.py", "check"], SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_static_files_are_hashed_compressed_and_served_by_whitenoise():
    s = production_settings()
    assert s["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    middleware = s["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_https_settings_and_a_switch_for_a_redirecting_proxy():
    s = production_settings()
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_HSTS_SECONDS"] >= 31536000
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert production_settings(SECURE_SSL_REDIRECT="false")["SECURE_SSL_REDIRECT"] is False


def test_redis_cache_turns_on_the_page_cache_and_a_renditions_cache():
    s = production_settings()
    assert s["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert s["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/0"
    assert s["CACHES"]["renditions"]["KEY_PREFIX"] == "renditions"
    assert s["PAGE_CACHE_SECONDS"] == 300


def test_without_a_shared_cache_the_page_cache_stays_off():
    s = production_settings(REDIS_URL="")
    assert s["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    # Each worker would keep its own copy that a publish in another worker cannot clear.
    assert s["PAGE_CACHE_SECONDS"] == 0


def test_cdn_purge_is_configured_from_the_environment():
    assert production_settings()["WAGTAILFRONTENDCACHE"] == {}
    configured = production_settings(
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
    )["WAGTAILFRONTENDCACHE"]
    assert configured["cloudflare"]["ZONEID"] == "zone"
    assert configured["cloudfront"]["DISTRIBUTION_ID"] == "E123"
    assert configured["http"]["LOCATION"] == "http://varnish.internal:6081"


def test_logs_are_json_lines():
    script = (
        "import logging.config; from site_project.settings import production as s; "
        "logging.config.dictConfig(s.LOGGING); "
        "logging.getLogger('operations').warning('cache is %s', 'slow')"
    )
    result = run([sys.executable, "-c", script])
    assert result.returncode == 0, result.stderr
    line = json.loads((result.stderr or result.stdout).strip().splitlines()[-1])
    assert line["message"] == "cache is slow"
    assert line["level"] == "WARNING"
    assert line["logger"] == "operations"


def test_gunicorn_configuration_loads_with_the_application():
    result = run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", "gunicorn.conf.py"]
        + ["site_project.wsgi"]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_gunicorn_access_log_lines_are_json_with_the_request_fields():
    script = """
import datetime, io, json, logging, types
from gunicorn.config import Config
from operations.gunicorn_logging import JsonAccessLogger, LOGCONFIG
cfg = Config()
cfg.set("logconfig_dict", LOGCONFIG)
cfg.set("accesslog", "-")
logger = JsonAccessLogger(cfg)
stream = io.StringIO()
logger.access_log.handlers[0].stream = stream
response = types.SimpleNamespace(status="200 OK", sent=512, headers=[("X-Page-Cache", "hit")])
environ = {"REQUEST_METHOD": "GET", "PATH_INFO": '/stories/"quoted"/', "QUERY_STRING": "q=a",
           "REMOTE_ADDR": "10.0.0.1", "HTTP_USER_AGENT": 'Agent "x"'}
logger.access(response, None, environ, datetime.timedelta(milliseconds=12.5))
print(stream.getvalue().strip())
"""
    result = run([sys.executable, "-c", script])
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["logger"] == "gunicorn.access"
    assert line["path"] == '/stories/"quoted"/'
    assert line["status"] == 200
    assert line["duration_ms"] == 12.5
    assert line["page_cache"] == "hit"
    assert line["user_agent"] == 'Agent "x"'


def test_gunicorn_freezes_what_the_preloaded_application_made_before_forking():
    """gunicorn.conf.py's pre_fork moves the master's objects into the collector's permanent
    generation, so a worker's collections do not walk (or write to) what start-up made."""
    script = """
import gc, runpy
import django
django.setup()
config = runpy.run_path("gunicorn.conf.py")
assert gc.get_freeze_count() == 0
config["pre_fork"](None, None)
print(gc.get_freeze_count())
"""
    result = run([sys.executable, "-c", script])
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) > 10_000
