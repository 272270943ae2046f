"""The test settings leave nothing behind in the system temp folder."""

import os
import subprocess
import sys
from pathlib import Path


def test_a_test_process_removes_its_media_and_submissions_folders():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.MEDIA_ROOT); print(settings.STORAGES['submissions']['OPTIONS']['location'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_project.settings.test"}
    env.pop("TEST_MEDIA_ROOT", None)
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(out) == 2
    for folder in out:
        assert "mtg-test-" in folder
        assert not Path(folder).exists()
