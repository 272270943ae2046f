"""Uploads spool into the project's private folder, and what dead requests left is removed."""

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import pre_save

from operations import upload_spool
from submissions.models import StorySubmission, SubmissionFile

SPOOL = Path(settings.FILE_UPLOAD_TEMP_DIR)


@pytest.fixture
def empty_spool():
    upload_spool.ensure_spool_dir()
    for child in SPOOL.iterdir():
        child.unlink()
    yield SPOOL
    for child in SPOOL.iterdir():
        child.unlink()


def spooled():
    return sorted(p.name for p in SPOOL.glob(upload_spool.SPOOL_PATTERN))


def leave_file(name, age_seconds, size=1024):
    path = SPOOL / name
    path.write_bytes(b"\0" * size)
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_the_spool_is_the_projects_private_folder():
    assert SPOOL.resolve() != Path(tempfile.gettempdir()).resolve()
    upload_spool.ensure_spool_dir()
    assert stat.S_IMODE(SPOOL.stat().st_mode) == 0o700


def test_the_folder_is_made_private_on_start(tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "spool")
    upload_spool.prepare_spool()
    assert stat.S_IMODE((tmp_path / "spool").stat().st_mode) == 0o700


@pytest.mark.django_db
def test_a_large_upload_is_spooled_there_while_the_request_reads_it(client, site_tree, empty_spool):
    from tests import factories
    from tests.submissions.test_form import PDF_BYTES

    page = factories.ShareYourStoryPageFactory(parent=site_tree["home"])
    big_pdf = PDF_BYTES + b"%" + b"x" * (settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1024 * 1024)
    seen = {}

    def look_in_the_spool(sender, instance, **kwargs):
        # While the visitor's request is running (the submission is about to be stored), the
        # file it sent is in our folder.
        seen["spooled"] = spooled()

    pre_save.connect(look_in_the_spool, sender=StorySubmission, dispatch_uid="spool-probe")
    try:
        from django.core.files.uploadedfile import SimpleUploadedFile

        from submissions.forms import make_stamp

        data = {
            "name": "Ama",
            "email": "ama@example.org",
            "credit_preference": "name",
            "story_title": "A long recording's notes",
            "story_text": "Attached.",
            "preferred_format": "written",
            "consent_publish": "on",
            "started": make_stamp(time.time() - 60),
            "files": [SimpleUploadedFile("notes.pdf", big_pdf, "application/pdf")],
        }
        response = client.post(page.url, data)
    finally:
        pre_save.disconnect(sender=StorySubmission, dispatch_uid="spool-probe")
    assert response.status_code == 302
    assert SubmissionFile.objects.get().size == len(big_pdf)
    assert len(seen["spooled"]) == 1 and seen["spooled"][0].endswith(".upload.pdf")
    # And once the request is over, Django has removed it.
    assert spooled() == []


def test_a_file_older_than_the_request_timeout_is_removed_a_fresh_one_kept(empty_spool):
    stale = leave_file("tmpab12cd.upload.mp3", settings.UPLOAD_SPOOL_STALE_SECONDS + 5)
    fresh = leave_file("tmpef34gh.upload.pdf", 10)
    other = leave_file("not-an-upload.txt", 10 * 86400)
    assert upload_spool.remove_stale_files() == 1
    assert not stale.exists()
    assert fresh.exists()
    assert other.exists()  # only what Django spools is touched


def test_the_stale_limit_follows_the_request_timeout():
    assert settings.UPLOAD_SPOOL_STALE_SECONDS > 120  # gunicorn's timeout, plus a margin


def test_start_up_removes_what_a_dead_worker_left(empty_spool):
    stale = leave_file("tmp0dead.upload.jpg", settings.UPLOAD_SPOOL_STALE_SECONDS + 60)
    upload_spool.prepare_spool()
    assert not stale.exists()


@pytest.mark.django_db
def test_the_scheduler_removes_stale_uploads_each_pass(empty_spool, clear_caches):
    stale = leave_file("tmp1dead.upload.wav", settings.UPLOAD_SPOOL_STALE_SECONDS + 60)
    fresh = leave_file("tmp2live.upload.wav", 1)
    call_command("run_scheduler", "--once")
    assert not stale.exists()
    assert fresh.exists()
