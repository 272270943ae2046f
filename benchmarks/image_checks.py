"""How long the shared image check and the metadata stripping take, printed, not asserted.

    .venv/bin/python benchmarks/image_checks.py

For each hostile file (tests/image_samples.py) the time `read_image_header` takes to refuse it
and the peak memory Python allocated meanwhile; then, for a 12-megapixel phone photo, the
lossless metadata strip beside a Pillow decode-and-re-encode of the same file.
"""

import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from PIL import Image  # noqa: E402

from illustrations.clean_images import clean_image_bytes  # noqa: E402
from illustrations.image_checks import read_image_header  # noqa: E402
from tests import image_samples as samples  # noqa: E402


def timed(function, *args, repeat=20):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            function(*args)
        except ValidationError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main():
    hostile = {
        "PNG 30000x30000 (real 109 KB bomb)": samples.png_bomb_30000(),
        "PNG header 2147483647x1": samples.png_claiming(2147483647, 1),
        "WebP VP8X header 16383x16383": samples.webp_claiming(16383, 16383),
        "GIF header 65535x65535": samples.gif_claiming(65535, 65535),
        "JPEG header 65000x65000": samples.jpeg_claiming(65000, 65000),
        "AVIF ispe 30000x30000": samples.avif_claiming(30000, 30000),
        "truncated PNG": samples.truncated("PNG"),
        "truncated JPEG": samples.truncated("JPEG"),
    }
    print(f"{'file':40} {'bytes':>9} {'refused in':>11} {'peak alloc':>11}")
    for label, data in hostile.items():
        seconds = timed(lambda d=data: read_image_header(io.BytesIO(d)))
        tracemalloc.start()
        try:
            read_image_header(io.BytesIO(data))
        except ValidationError:
            pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{label:40} {len(data):>9,} {seconds * 1000:>9.2f}ms {peak / 1024:>9.0f}KB")

    # Noise: the worst case for the strip, which scans the compressed data for markers.
    noise = Image.merge("RGB", [Image.effect_noise((4000, 3000), 60 + 10 * i) for i in range(3)])

    def phone_photo(orientation):
        buffer = io.BytesIO()
        exif = samples.revealing_exif(orientation=orientation)
        noise.save(buffer, "JPEG", quality=90, exif=exif, xmp=samples.XMP)
        return buffer.getvalue()

    upright, photo = phone_photo(1), phone_photo(6)

    def reencode(data):
        with Image.open(io.BytesIO(data)) as image:
            image.save(io.BytesIO(), "JPEG", quality=90)

    print()
    print(f"12 MP phone photo with GPS, camera and XMP ({len(upright) / 1e6:.1f} MB):")
    lossless = timed(clean_image_bytes, upright, repeat=5)
    print(f"  lossless strip (orientation 1)        {lossless * 1000:8.1f} ms")
    turned = timed(clean_image_bytes, photo, repeat=3)
    print(f"  strip + turn (orientation 6)          {turned * 1000:8.1f} ms")
    full = timed(reencode, upright, repeat=3)
    print(f"  Pillow decode + re-encode, for scale  {full * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
