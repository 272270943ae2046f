"""Real RQ workers: renditions made by a worker, a worker killed mid-task whose job another
worker finishes, and a task that keeps failing: retried with backoff, then listed for admins
with a retry button."""

import os
import signal
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django_tasks_rq.backend import Job
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

from illustrations.renditions import all_site_specs
from tests import factories
from tests.illustrations.conftest import image_bytes
from tests.queue.conftest import outbox_tasks, rq_queue, wait_for
from tests.queue.tasks import always_fails, slow_mark

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def children_of(pid):
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def test_an_upload_queues_its_renditions_and_a_worker_makes_them(queue_settings, run_worker):
    image = factories.IllustrationFactory(
        file=ContentFile(image_bytes(500, 300), name="queued.png")
    )
    # Committed: the upload answered with the job queued and no rendition made yet.
    assert rq_queue("renditions").count == 1
    assert image.renditions.count() == 0
    run_worker()
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(all_site_specs(image))


def test_a_job_whose_worker_is_killed_mid_task_is_finished_by_another(
    queue_settings, start_worker, run_worker, tmp_path
):
    # Retried at once: the dead worker's scheduler lock would hold a backed-off retry until the
    # lock expires (the backoff itself is the next test's subject).
    queue_settings.TASKS = outbox_tasks(intervals=[0])
    result = slow_mark.enqueue(str(tmp_path), 8)
    worker = start_worker()
    started_file = tmp_path / "started"
    assert wait_for(
        lambda: started_file.exists() and started_file.read_text() == "x", timeout=120
    ), "never started"
    # The machine dies: worker and work horse (which RQ puts in a process group of its own)
    # killed at once, nothing cleaned up.
    for pid in [*children_of(worker.pid), worker.pid]:
        os.kill(pid, signal.SIGKILL)
    worker.wait(timeout=10)
    queue = rq_queue()
    started = StartedJobRegistry(queue=queue, job_class=Job)
    assert result.id in started.get_job_ids(cleanup=False)
    assert not (tmp_path / "finished").exists()

    # The dead worker's heartbeat lapses (job_monitoring_interval + 60 s); RQ's registry cleanup,
    # which every worker and the scheduler's pass run (operations.schedule), then finds the job
    # abandoned and puts it back on the queue (it has a retry left). The lapse is passed as a
    # timestamp rather than waited for.
    started.cleanup(timestamp=time.time() + 120)
    assert result.id in queue.job_ids
    run_worker()
    assert (tmp_path / "finished").read_text() == "x"
    assert (tmp_path / "started").read_text() == "xx"  # begun twice, finished once
    assert slow_mark.get_result(result.id).status == "SUCCESSFUL"


def test_a_failing_task_is_retried_with_backoff_then_listed_and_retried_by_an_admin(
    queue_settings, run_worker, admin_client, client, django_user_model
):
    result = always_fails.enqueue()
    queue = rq_queue()
    before = datetime.now().astimezone()
    run_worker()
    # Failed once: scheduled to run again after the backoff interval, not yet "failed".
    scheduled = ScheduledJobRegistry(queue=queue)
    assert result.id in scheduled.get_job_ids()
    retry_at = scheduled.get_scheduled_time(result.id)
    assert retry_at >= before + timedelta(seconds=1) - timedelta(milliseconds=500)
    assert FailedJobRegistry(queue=queue).count == 0

    time.sleep(1.2)
    run_worker()  # the worker's scheduler moves the due retry to the queue; it fails again
    failed = FailedJobRegistry(queue=queue)
    assert failed.get_job_ids() == [result.id]
    assert queue.fetch_job(result.id).retries_left == 0  # its one retry was used

    page = admin_client.get("/admin/failed-tasks/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "tests.queue.tasks.always_fails" in html
    assert "the object store is down" in html

    # Someone without the permission sees nothing and cannot retry.
    editor = django_user_model.objects.create_user(username="ed", password="pw", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/failed-tasks/").status_code in (302, 403)
    retry_url = f"/admin/failed-tasks/default/{result.id}/retry/"
    assert client.post(retry_url).status_code in (302, 403)
    assert failed.get_job_ids() == [result.id]

    response = admin_client.post(retry_url)
    assert response.status_code == 302
    assert failed.get_job_ids() == []
    assert result.id in queue.job_ids
