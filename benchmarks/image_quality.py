"""Encoder settings measured against a quality floor, per kind of image: printed, not asserted.

    .venv/bin/python benchmarks/image_quality.py                # the floor, per kind
    .venv/bin/python benchmarks/image_quality.py --renditions   # bytes per rendition

For flat-colour illustrations (the demo's own artwork, drawn at its delivered size) and
photographs (Wagtail's test photos), each source is resized to a rendition width with Pillow's
Lanczos filter; that resized image is the reference. Each candidate setting encodes it, decodes
it and scores it with SSIMULACRA 2 (the `ssimulacra2` package; 90 is "very high quality", 80
"high", 70 "medium" in its author's scale) against the reference at the same size. For each kind
and format it prints the bytes and score of every setting, and the smallest setting whose
*worst* score over the kind's images reaches the floor: those are the settings
illustrations/encoding.py uses.
"""

import io
import os
import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")

FLOOR = 80
WIDTH = 560  # a typical rendition: a card at 1x, a phone hero is 800
PHOTOS = Path(sys.prefix) / "lib/python3.11/site-packages/wagtail/images/tests/image_files"

SETTINGS = {
    "avif": [
        {"quality": q, "subsampling": sub} for sub in ("4:2:0", "4:4:4") for q in (60, 75, 90)
    ],
    "webp": [{"quality": q} for q in (78, 90)] + [{"lossless": True}],
}


def flat_sources():
    from collection.demo import artwork

    # Styles differ (dots, strands, bars...): one of each, at the demo's delivered size.
    seen, sources = set(), []
    for art in artwork.ARTWORKS:
        if art.style in seen or art.size[0] < WIDTH or len(seen) >= 3:
            continue
        seen.add(art.style)
        sources.append((art.key, Image.open(io.BytesIO(artwork.draw_png(art))).convert("RGB")))
    return sources


def photo_sources():
    return [
        (path.stem, Image.open(path).convert("RGB"))
        for path in sorted(PHOTOS.glob("landscape_*.jpg"))[:2]
    ]


def resized(image, width):
    if image.width <= width:
        return image
    return image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)


def encode(image, fmt, options):
    buffer = io.BytesIO()
    if fmt == "avif":
        image.save(buffer, "AVIF", speed=8, **options)
    else:
        image.save(buffer, "WEBP", method=4, **options)
    return buffer.getvalue()


def score(reference, encoded, workdir):
    from ssimulacra2 import compute_ssimulacra2

    ref_path, dist_path = workdir / "ref.png", workdir / "dist.png"
    reference.save(ref_path)
    Image.open(io.BytesIO(encoded)).convert("RGB").save(dist_path)
    return compute_ssimulacra2(str(ref_path), str(dist_path))


def label(fmt, options):
    return fmt + " " + " ".join(f"{k}={v}" for k, v in options.items())


def main():
    import django

    django.setup()
    kinds = {"flat illustration": flat_sources(), "photograph": photo_sources()}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for kind, sources in kinds.items():
            references = [(name, resized(image, WIDTH)) for name, image in sources]
            names = ", ".join(f"{n} {r.width}x{r.height}" for n, r in references)
            print(f"\n## {kind}: {names} (floor {FLOOR})")
            for fmt, options_list in SETTINGS.items():
                chosen = None
                for options in options_list:
                    results = [
                        (len(data), score(reference, data, workdir))
                        for _name, reference in references
                        for data in [encode(reference, fmt, options)]
                    ]
                    worst = min(s for _b, s in results)
                    mean_bytes = sum(b for b, _s in results) / len(results)
                    name = label(fmt, options)
                    print(f"{name:<40} {mean_bytes:>9.0f} B mean  worst {worst:6.1f}")
                    if worst >= FLOOR and (chosen is None or mean_bytes < chosen[1]):
                        chosen = (options, mean_bytes, worst)
                if chosen:
                    print(
                        f"-> {kind}, {fmt}: {label(fmt, chosen[0])}: "
                        f"{chosen[1]:.0f} B, worst {chosen[2]:.1f}"
                    )
                else:
                    print(f"-> {kind}, {fmt}: nothing reaches {FLOOR}")


# What the site used before settings per kind: one quality for every image, 4:2:0 AVIF.
BEFORE = {"avif": {"quality": 60, "subsampling": "4:2:0"}, "webp": {"quality": 78}}


def rendition_bytes():
    """Bytes and score per rendition width of a demo illustration, before and after."""
    import django

    django.setup()
    from dataclasses import replace

    from collection.demo import artwork
    from illustrations.encoding import ENCODING, image_kind

    art = next(art for art in artwork.ARTWORKS if art.key == "gap-in-the-grid")
    source = Image.open(io.BytesIO(artwork.draw_png(replace(art, size=(2400, 1500)))))
    source = source.convert("RGB")
    kind = image_kind(source)  # as the site does: the original's kind, for every width
    print(f"\n## bytes per rendition: gap-in-the-grid drawn 2400x1500 (read as {kind})")
    print(f"{'width':>6} {'format':<5} {'before B':>9} {'score':>6} {'after B':>9} {'score':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for width in (464, 800, 1392):
            reference = resized(source, width)
            for fmt in ("avif", "webp"):
                row = []
                for options in (BEFORE[fmt], ENCODING[kind][fmt]):
                    data = encode(reference, fmt, options)
                    row += [len(data), score(reference, data, Path(tmp))]
                print(f"{width:>6} {fmt:<5} {row[0]:>9} {row[1]:>6.1f} {row[2]:>9} {row[3]:>6.1f}")


if __name__ == "__main__":
    if "--renditions" in sys.argv:
        rendition_bytes()
    else:
        main()
