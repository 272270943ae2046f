"""`python manage.py make_site_renditions`: make every rendition the site shows, for every image
(or the given ids), so no reader waits for one. Run it after changing the variants in
illustrations/renditions.py, or after loading images without a task worker running.

By default each image is queued on the task backend (TASKS); `--now` makes them in this process.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from illustrations.renditions import generate_site_renditions
from illustrations.tasks import generate_site_renditions_task


class Command(BaseCommand):
    help = "Make (or queue) the site's AVIF, WebP and JPEG/PNG renditions of every image."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these image ids.")
        parser.add_argument(
            "--now",
            action="store_true",
            help="Make the renditions here and now instead of queueing a task per image.",
        )

    def handle(self, *args, ids=(), now=False, **options):
        images = get_image_model().objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        count = 0
        for image in images.iterator():
            if now:
                generate_site_renditions(image)
            else:
                generate_site_renditions_task.enqueue(image.pk)
            count += 1
        verb = "Made" if now else "Queued"
        self.stdout.write(f"{verb} the site's renditions of {count} image{'s' * (count != 1)}.")
