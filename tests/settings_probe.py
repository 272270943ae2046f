"""Settings as a deployment's environment makes them: settings are read once per process, so
the real settings module is imported in a subprocess with that environment."""

import os
import subprocess
import sys


def settings_in_subprocess(extra_env, expression):
    """Import the test settings as `s` with `extra_env` added to the environment and print
    `json.dumps(<expression>)`; returns the finished process (its stdout holds the JSON)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_project.settings.test", **extra_env}
    script = (
        "import json; from site_project.settings import test as s; "
        f"print(json.dumps({expression}, default=str))"
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
