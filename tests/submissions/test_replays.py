"""One rendered form gives at most one submission: replays, double clicks and races.

The same stamp posted again shows the same confirmation and reference and stores nothing,
sends no second email and does not count against the rate limit. On PostgreSQL, two posts
racing each other are decided by the unique constraint, not a look-up before the insert.
"""

import re
import threading
import time

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.test import Client

from submissions.forms import make_stamp
from submissions.models import StorySubmission, SubmissionFile
from tests.factories import png_bytes


def reference_shown(client, response):
    assert response.status_code == 302, response.status_code
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    return re.search(r"MTG-[0-9A-Z]{4}-[0-9A-Z]{4}", thanks.content.decode()).group(0)


@pytest.mark.django_db
class TestReplays:
    def test_the_same_stamp_three_times_stores_one(self, client, share_page, form_data, editor):
        references = [reference_shown(client, client.post(share_page.url, form_data))]
        sent = len(mail.outbox)
        for _ in range(2):
            references.append(reference_shown(client, client.post(share_page.url, form_data)))
        assert StorySubmission.objects.count() == 1
        assert set(references) == {StorySubmission.objects.get().reference}
        assert len(mail.outbox) == sent  # no second confirmation or editor note

    def test_a_replay_with_files_stores_no_second_file(self, client, share_page, form_data):
        def with_file():
            return {**form_data, "files": [_png()]}

        first = reference_shown(client, client.post(share_page.url, with_file()))
        again = reference_shown(client, client.post(share_page.url, with_file()))
        assert first == again
        assert SubmissionFile.objects.count() == 1

    def test_a_replay_from_another_browser_is_the_same_form(self, share_page, form_data):
        first = reference_shown(Client(), Client().post(share_page.url, form_data))
        again = reference_shown(Client(), Client().post(share_page.url, form_data))
        assert first == again
        assert StorySubmission.objects.count() == 1

    def test_replays_do_not_use_up_the_rate_limit(self, client, share_page, form_data, settings):
        settings.SUBMISSIONS_RATE_LIMIT = "2/h"
        for _ in range(4):
            assert client.post(share_page.url, form_data).status_code == 302
        second_form = {**form_data, "started": make_stamp(time.time() - 60)}
        assert client.post(share_page.url, second_form).status_code == 302
        assert StorySubmission.objects.count() == 2

    def test_two_forms_give_two_submissions(self, client, share_page, form_data):
        one = reference_shown(client, client.post(share_page.url, form_data))
        other_form = {**form_data, "started": make_stamp(time.time() - 60)}
        two = reference_shown(client, client.post(share_page.url, other_form))
        assert one != two
        assert StorySubmission.objects.count() == 2

    def test_every_rendered_form_has_its_own_stamp(self, client, share_page):
        pages = [client.get(share_page.url).content.decode() for _ in range(3)]
        stamps = {re.search(r'name="started" value="([^"]+)"', html).group(1) for html in pages}
        assert len(stamps) == 3

    def test_an_invalid_post_then_a_corrected_one_stores_one(self, client, share_page, form_data):
        assert client.post(share_page.url, {**form_data, "email": "nope"}).status_code == 400
        reference_shown(client, client.post(share_page.url, form_data))
        reference_shown(client, client.post(share_page.url, form_data))
        assert StorySubmission.objects.count() == 1


def _png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("me.png", png_bytes(), "image/png")


def _post_in_thread(url, data, results, index, barrier=None):
    try:
        if barrier is not None:
            barrier.wait(timeout=10)
        results[index] = Client().post(url, data)
    finally:
        connections.close_all()


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers: SQLite's test database is one shared in-memory connection",
)


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
class TestRacesOnPostgreSQL:
    def test_identical_posts_at_the_same_moment_store_one(self, share_page, form_data, settings):
        settings.SUBMISSIONS_RATE_LIMIT = "100/h"  # the constraint is on trial, not the limit
        count = 6
        results = [None] * count
        barrier = threading.Barrier(count)
        threads = [
            threading.Thread(
                target=_post_in_thread, args=(share_page.url, form_data, results, i, barrier)
            )
            for i in range(count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert [r.status_code for r in results] == [302] * count
        assert StorySubmission.objects.count() == 1
        references = {reference_shown(Client(), r) for r in results}
        assert references == {StorySubmission.objects.get().reference}

    def test_a_repeat_that_passed_the_look_up_is_stopped_by_the_constraint(
        self, share_page, form_data
    ):
        """The first post's transaction is still open when the repeat arrives: the repeat's
        look-up cannot see it, its insert waits on the unique index, and once the first commits
        it answers with the first one's reference, having stored nothing."""
        from submissions.forms import stamp_token

        token = stamp_token(form_data["started"])
        first_inserted, let_first_commit = threading.Event(), threading.Event()
        first = {}

        def first_post():
            try:
                with transaction.atomic():
                    first["submission"] = StorySubmission.objects.create(
                        name="Ama Owusu",
                        email="ama@example.org",
                        credit_preference="name",
                        story_title="The study that forgot us",
                        story_text="We were asked for our blood.",
                        preferred_format="written",
                        consent_publish=True,
                        form_token=token,
                    )
                    first_inserted.set()
                    let_first_commit.wait(timeout=30)
            finally:
                connections.close_all()

        results = [None]
        holder = threading.Thread(target=first_post)
        holder.start()
        assert first_inserted.wait(timeout=10)
        repeat = threading.Thread(
            target=_post_in_thread, args=(share_page.url, form_data, results, 0)
        )
        repeat.start()
        # Wait until the repeat is blocked on the unique index, then let the first commit.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND query ILIKE %s",
                    ['%INSERT INTO "submissions_storysubmission"%'],
                )
                if cursor.fetchone()[0]:
                    break
            time.sleep(0.05)
        else:
            pytest.fail("the repeat never waited on the unique index")
        let_first_commit.set()
        holder.join(timeout=30)
        repeat.join(timeout=30)
        assert StorySubmission.objects.count() == 1
        assert reference_shown(Client(), results[0]) == first["submission"].reference
