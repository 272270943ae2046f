"""Benchmark of the task queue: prints the figures that benchmarks/RESULTS.md records.

    .venv/bin/python benchmarks/queue_bench.py [--images 6]

Runs against the real Redis (BENCH_REDIS_URL, default db 4, flushed first), real `rqworker`
processes and a throwaway SQLite database (BENCH_DATABASE_URL to use PostgreSQL instead). It
measures, through the admin's own views (Django's test client, in this process):

1. an Illustrator's 1,600 px upload and a focal-point save, answered with the renditions left
   to the worker (RQ backend) and, for comparison, made in the request (immediate backend, the
   old production default);
2. renditions per minute made by one worker, and by two workers side by side;
3. the time from a story's publish (a Reviewer approving it in the editorial workflow) until its
   notification email reaches an SMTP server (a small one in this process), with one worker
   running.
"""

import argparse
import io
import os
import random
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="mtg-queue-bench-"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
SMTP_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8260"))
ENV = {
    "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3"),
    "TEST_MEDIA_ROOT": str(WORK / "media"),
    "TEST_SUBMISSIONS_ROOT": str(WORK / "submissions"),
    "TASKS_BACKEND": "operations.tasks_backend.OutboxRQBackend",
    "RQ_REDIS_URL": REDIS_URL,
    "EMAIL_BACKEND": "operations.mail.QueuedEmailBackend",
    "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": str(SMTP_PORT),
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))

RECEIVED = []  # (time.monotonic(), raw message) per message the SMTP server accepted


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept mail from smtplib: records each message's arrival time."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 bench ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith("EHLO") or command.startswith("HELO"):
                self.reply("250 bench")
            elif command.startswith("DATA"):
                self.reply("354 go ahead")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                RECEIVED.append((time.monotonic(), data))
                self.reply("250 queued")
            elif command.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


def start_smtp():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", SMTP_PORT), SMTPHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def worker_command(burst=True):
    command = [sys.executable, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job"]
    command += ["--with-scheduler", "-v", "0"] + (["--burst"] if burst else [])
    return [*command, "default", "renditions"]


def run_workers(count):
    """Start `count` burst workers together; seconds until the last one has emptied the queue."""
    started = time.monotonic()
    processes = [
        subprocess.Popen(worker_command(), cwd=ROOT, env={**os.environ}) for _ in range(count)
    ]
    for process in processes:
        process.wait(timeout=3600)
    return time.monotonic() - started


def artwork_jpeg(width=1600, height=1067, seed=0):
    """A 1,600 px JPEG with texture (a flat image would encode unrealistically fast)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.effect_noise((width, height), 40).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(40, 400), y + rng.randrange(40, 300)), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def setup_django():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def illustrator_client():
    from django.contrib.auth.models import Group, User
    from django.test import Client

    user = User.objects.create_user("ines", "ines@mindthegap.example", "pw")
    user.groups.add(Group.objects.get(name="Illustrators"))
    client = Client()
    client.force_login(user)
    return client


def upload(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    collection = Collection.objects.get(name="Illustrations")
    data = {
        "title": name,
        "file": SimpleUploadedFile(f"{name}.jpg", content, content_type="image/jpeg"),
        "collection": collection.pk,
        "description": "Circles scattered over a grainy ground.",
        "illustrator_name": "Ines Okafor",
        "licence": "commissioned",
        "tags": "",
    }
    started = time.monotonic()
    response = client.post("/admin/images/add/", data)
    elapsed = time.monotonic() - started
    assert response.status_code == 302, response.content[:2000]
    return elapsed


def save_focal_point(client, image, x):
    data = {
        "title": image.title,
        "collection": image.collection_id,
        "description": image.description,
        "illustrator_name": image.illustrator_name,
        "licence": image.licence,
        "tags": "",
        "focal_point_x": x,
        "focal_point_y": 400,
        "focal_point_width": 200,
        "focal_point_height": 200,
    }
    started = time.monotonic()
    response = client.post(f"/admin/images/{image.pk}/", data)
    elapsed = time.monotonic() - started
    assert response.status_code == 302, response.content[:2000]
    return elapsed


def immediate():
    from django.test import override_settings

    from site_project.settings.base import TASKS

    return override_settings(
        TASKS={
            "default": {
                **TASKS["default"],
                "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            }
        }
    )


def bench_admin(client, images):
    from wagtail.images import get_image_model

    Image = get_image_model()
    results = {}
    with immediate():
        results["upload, renditions in the request"] = upload(
            client, "inline", artwork_jpeg(seed=1)
        )
        inline = Image.objects.get(title="inline")
        results["focal-point save, renditions in the request"] = save_focal_point(
            client, inline, 500
        )
    uploads = [upload(client, f"queued-{n}", artwork_jpeg(seed=10 + n)) for n in range(images)]
    results["upload, renditions queued (median)"] = sorted(uploads)[len(uploads) // 2]
    queued = Image.objects.get(title="queued-0")
    saves = [save_focal_point(client, queued, x) for x in (300, 700, 1100)]
    results["focal-point save, renditions queued (median of 3)"] = sorted(saves)[1]
    return results


def bench_workers(client, images):
    from wagtail.images import get_image_model

    from illustrations.tasks import generate_site_renditions_task

    rendition_model = get_image_model().get_rendition_model()
    figures = {}
    # The uploads above queued their renditions; one worker makes them all.
    before = rendition_model.objects.count()
    seconds = run_workers(1)
    made = rendition_model.objects.count() - before
    figures[1] = (made, seconds)
    # The same work again for two workers: drop the renditions and queue every image again.
    rendition_model.objects.filter(image__title__startswith="queued-").delete()
    for image in get_image_model().objects.filter(title__startswith="queued-"):
        generate_site_renditions_task.enqueue(image.pk)
    before = rendition_model.objects.count()
    seconds = run_workers(2)
    made = rendition_model.objects.count() - before
    figures[2] = (made, seconds)
    return figures


def bench_publish_to_mail(tries=3):
    from django.contrib.auth.models import Group, User
    from wagtail.models import Page

    from collection.models import StoryIndexPage, StoryPage
    from home.models import HomePage
    from submissions.signals import assign_editorial_workflow
    from tests.factories import StoryPageFactory

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="bench-home"))
    index = home.add_child(instance=StoryIndexPage(title="Stories", slug="stories"))
    assign_editorial_workflow(index)
    writer = User.objects.create_user("wanda", "wanda@mindthegap.example", "pw")
    writer.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create_user("rita", "rita@mindthegap.example", "pw")
    reviewer.groups.add(Group.objects.get(name="Reviewers"))

    worker = subprocess.Popen(worker_command(burst=False), cwd=ROOT, env={**os.environ})
    timings = []
    try:
        time.sleep(8)  # the worker's start-up
        for n in range(tries):
            story = StoryPageFactory(
                parent=index, title=f"Bench story {n}", slug=f"bench-story-{n}", live=False
            )
            story.save_revision(user=writer)
            workflow_state = story.get_workflow().start(story, writer)
            RECEIVED.clear()
            started = time.monotonic()
            workflow_state.current_task_state.approve(user=reviewer)
            publish_call = time.monotonic() - started
            deadline = started + 60
            while not RECEIVED and time.monotonic() < deadline:
                time.sleep(0.01)
            StoryPage.objects.get(pk=story.pk).live or sys.exit("the story was not published")
            arrived = RECEIVED[0][0] - started if RECEIVED else None
            timings.append((publish_call, arrived))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=6, help="1,600 px uploads to queue")
    parser.add_argument(
        "--mail-only", action="store_true", help="Only the publish-to-email measurement."
    )
    options = parser.parse_args()
    smtp = start_smtp()
    setup_django()
    client = illustrator_client()
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")
    if not options.mail_only:
        bench_renditions(client, options)
    for n, (publish_call, arrived) in enumerate(bench_publish_to_mail(), 1):
        mail = f"{arrived * 1000:.0f} ms" if arrived is not None else "no email within 60 s"
        print(
            f"publish {n}: approve-and-publish call {publish_call * 1000:.0f} ms; email left {mail}"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    smtp.shutdown()


def bench_renditions(client, options):
    from illustrations.renditions import all_site_specs

    for label, seconds in bench_admin(client, options.images).items():
        print(f"{label}: {seconds * 1000:.0f} ms")
    from wagtail.images import get_image_model

    specs = len(all_site_specs(get_image_model().objects.get(title="queued-0")))
    print(f"renditions per 1,600 px image: {specs}")
    for workers, (made, seconds) in bench_workers(client, options.images).items():
        print(
            f"{workers} worker(s): {made} renditions in {seconds:.1f} s "
            f"(start-up included) = {made / seconds * 60:.0f} renditions/min, "
            f"{made / seconds * 60 / workers:.0f} per worker"
        )


if __name__ == "__main__":
    main()
