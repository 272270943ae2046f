"""Makes assets/consent-animation.mp4, the demo's short video. Run once by hand; not at load.

    .venv/bin/python -m collection.demo.make_video_asset   # needs ffmpeg (apt-get install ffmpeg)

An 8-second, 320x180 animation: a grid of dots with a gap, filled one dot at a time, over soft
chimes. The committed MP4 (H.264 + AAC, faststart) keeps `load_demo_content` free of ffmpeg.
"""

import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from .artwork import PALETTES

WIDTH, HEIGHT, FPS, SECONDS = 320, 180, 12, 8
OUTPUT = Path(__file__).resolve().parent / "assets" / "consent-animation.mp4"


def frames():
    background, colours = PALETTES["ochre-teal"]
    step, radius = 20, 6
    cells = [(x, y) for y in range(10, HEIGHT, step) for x in range(10, WIDTH, step)]
    gap = [(x, y) for x, y in cells if 140 < x < 250 and 50 < y < 130]
    total = FPS * SECONDS
    for index in range(total):
        # The gap fills between seconds 2 and 6, one dot at a time.
        progress = min(max((index / FPS - 2) / 4, 0), 1)
        filled = set(gap[: round(progress * len(gap))])
        picture = Image.new("RGB", (WIDTH, HEIGHT), background)
        draw = ImageDraw.Draw(picture)
        for row, (x, y) in enumerate(cells):
            if (x, y) in gap and (x, y) not in filled:
                continue
            colour = colours[2] if (x, y) in filled else colours[row % 2]
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
        yield picture


def main():
    with tempfile.TemporaryDirectory() as folder:
        for index, picture in enumerate(frames()):
            picture.save(Path(folder) / f"frame{index:03d}.png")
        chimes = (
            "sine=frequency=523:duration=8,volume=0.2[a];sine=frequency=659:duration=8,"
            "volume=0.15[b];[a][b]amix=inputs=2,afade=t=in:d=1,afade=t=out:st=6:d=2"
        )
        subprocess.run(
            [
                "ffmpeg", "-y", "-loglevel", "error",
                "-framerate", str(FPS), "-i", str(Path(folder) / "frame%03d.png"),
                "-f", "lavfi", "-i", chimes,
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "30", "-preset", "veryslow",
                "-c:a", "aac", "-b:a", "32k", "-ac", "1",
                "-shortest", "-movflags", "+faststart", str(OUTPUT),
            ],
            check=True,
        )  # fmt: skip
    print(f"Wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
