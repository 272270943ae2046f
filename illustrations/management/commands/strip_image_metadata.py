"""`python manage.py strip_image_metadata`: remove location and device metadata from the
originals already in the library (uploaded before uploads were cleaned), and remake their
renditions.

New uploads are cleaned as they are stored (illustrations/clean_images.py), and renditions never
carry metadata whatever the original holds, so this only matters for the public originals under
/media/original_images/. Safe to run again: an image with nothing to remove is left alone.
`--dry-run` lists what would change.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from illustrations.clean_images import clean_file_field


class Command(BaseCommand):
    help = "Strip GPS, camera and other private metadata from the stored original images."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these image ids.")
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")

    def handle(self, *args, ids=(), dry_run=False, **options):
        images = get_image_model().objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        cleaned = skipped = 0
        for image in images.iterator():
            try:
                changed = clean_file_field(image, "file", dry_run=dry_run)
            except (ValidationError, SourceImageIOError, OSError) as error:
                skipped += 1
                self.stderr.write(f"Image {image.pk} ({image.title}): not changed: {error}")
                continue
            if not changed:
                continue
            cleaned += 1
            self.stdout.write(f"Image {image.pk} ({image.title}): metadata removed")
            if not dry_run:
                image.finish_file_replacement()
                image.save(update_fields=["file", "file_size", "file_hash", "width", "height"])
        verb = "Would clean" if dry_run else "Cleaned"
        self.stdout.write(f"{verb} {cleaned} image{'s' * (cleaned != 1)}; {skipped} skipped.")
