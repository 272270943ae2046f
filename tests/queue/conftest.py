"""The real queue: RQ on the Redis of TEST_REDIS_URL, real `rqworker` processes in burst mode.

`queue_settings` switches this process to the outbox backend on that Redis (short retry
intervals so a test can watch the backoff), and `run_worker` starts a worker in a subprocess
with the same settings, on the test database (the committed data of a transactional test).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
# Ports of this suite (8250-8299): a port with nothing listening stands for "Redis is down".
CLOSED_PORT = 8251
RETRY_INTERVALS = [1]


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def rq_queues(url):
    return {name: {"URL": url, "DEFAULT_TIMEOUT": 600} for name in settings.TASK_QUEUES}


def outbox_tasks(intervals=RETRY_INTERVALS):
    return {
        "default": {
            "BACKEND": "operations.tasks_backend.OutboxRQBackend",
            "QUEUES": settings.TASK_QUEUES,
            "OPTIONS": {
                "RETRY": {"MAX": len(intervals), "INTERVALS": intervals},
                "JOB_TIMEOUT": 120,
                "FAILURE_TTL": -1,
            },
        }
    }


@pytest.fixture
def queue_settings(settings, redis_url, clear_caches):
    # clear_caches: a form post must not meet the rate-limit counts earlier tests left behind.
    settings.RQ_QUEUES = rq_queues(redis_url)
    settings.TASKS = outbox_tasks()
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    return settings


@pytest.fixture
def redis_down(settings):
    """Redis unreachable: RQ pointed at a port where nothing listens."""
    settings.RQ_QUEUES = rq_queues(f"redis://127.0.0.1:{CLOSED_PORT}/0?socket_connect_timeout=1")
    return settings


def worker_env(redis_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": database_url(),
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "TEST_SUBMISSIONS_ROOT": str(settings.STORAGES["submissions"]["OPTIONS"]["location"]),
        "TASKS_BACKEND": "operations.tasks_backend.OutboxRQBackend",
        "TASK_RETRY_INTERVALS": ",".join(str(s) for s in RETRY_INTERVALS),
        "RQ_REDIS_URL": redis_url,
        "EMAIL_BACKEND": "operations.mail.QueuedEmailBackend",
        **{key: str(value) for key, value in extra.items()},
    }


def worker_command(burst=True):
    command = [sys.executable, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job"]
    command += ["--with-scheduler", "--worker-ttl", "30"]
    if burst:
        command.append("--burst")
    return [*command, "default", "renditions"]


@pytest.fixture
def run_worker(redis_url):
    """Run one burst worker to the end (all queued work done); returns its output."""

    def run(timeout=180, **env):
        result = subprocess.run(
            worker_command(),
            cwd=ROOT,
            env=worker_env(redis_url, **env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout + result.stderr

    return run


@pytest.fixture
def start_worker(redis_url):
    """Start a worker in its own process group (so it can be killed with its work horse)."""
    started = []

    def start(burst=False, **env):
        process = subprocess.Popen(
            worker_command(burst=burst),
            cwd=ROOT,
            env=worker_env(redis_url, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def wait_for(condition, timeout=60, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def rq_queue(name="default"):
    import django_rq
    from django_tasks_rq.backend import Job

    return django_rq.get_queue(name, job_class=Job)


@pytest.fixture
def story_form(site_tree, django_user_model):
    """The share-your-story page, an editor to notify, and a valid post for it."""
    from django.contrib.auth.models import Group

    from submissions.forms import make_stamp
    from tests import factories

    page = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    editor = django_user_model.objects.create_user(
        username="eddie", email="eddie@mindthegap.example", password="pw"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    theme = factories.ThemeFactory(name="Consent", slug="consent")
    data = {
        "name": "Ama Owusu",
        "email": "ama@example.org",
        "credit_preference": "name",
        "story_title": "The study that forgot us",
        "story_text": "We were asked for our blood.\n\nNobody told us what came of it.",
        "preferred_format": "written",
        "themes": [str(theme.pk)],
        "consent_contact": "on",
        "consent_publish": "on",
        "consent_edit": "on",
        "website": "",
        "started": make_stamp(time.time() - 60),
    }
    return page, data
