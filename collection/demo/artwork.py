"""Original abstract artwork for the demo, drawn with Pillow from a fixed seed.

Each style draws something its alt text can describe truthfully (a grid of dots with a gap, a
ladder with missing rungs...). The same seed always draws the same picture, so the demo is
reproducible, and a picture is only drawn when its library image does not exist yet.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

# Tests set this below 1 to draw (and render) tiny pictures quickly.
SCALE = 1.0

# Named palettes: (background, [colours]). Alt texts refer to these names.
PALETTES = {
    "ochre-teal": ("#f4ecdf", ["#c9822b", "#1f6f78", "#2d3142"]),
    "plum-coral": ("#fbf3ee", ["#6b2d5c", "#e8735a", "#f2b880"]),
    "forest-gold": ("#eef2e6", ["#2f5d3a", "#d4a017", "#7a9e7e"]),
    "night-sky": ("#1d2340", ["#f6d56b", "#7fb7be", "#e8e3d3"]),
    "clay-blue": ("#f3ebe4", ["#a4493d", "#335c81", "#e0c097"]),
    "sea-sand": ("#fdf8ee", ["#0f5257", "#9bc1bc", "#ed6a5a"]),
}


@dataclass(frozen=True)
class Artwork:
    """What to draw, and what to store with it in the image library."""

    key: str
    title: str
    style: str
    palette: str
    seed: int
    description: str
    caption: str = ""
    illustrator: str = ""  # a contributor key (collection/demo/text.py CONTRIBUTORS)
    illustrator_name: str = ""  # or a name, for artists without a page
    licence: str = "commissioned"
    # As an illustrator delivers it: wide enough for the 1200x630 social card and a sharp
    # hero on a 1.5x laptop screen (Wagtail never enlarges).
    size: tuple[int, int] = (1600, 1000)
    is_decorative: bool = False


def _dot_grid(draw, rng, width, height, colours):
    """Rows of dots; a rectangle of missing dots leaves a visible gap."""
    step = max(3, width // 24)
    radius = max(1, step // 3)
    gap_left, gap_right = width * 0.45, width * 0.75
    gap_top, gap_bottom = height * 0.3, height * 0.7
    for row, y in enumerate(range(step // 2, height, step)):
        for x in range(step // 2, width, step):
            if gap_left < x < gap_right and gap_top < y < gap_bottom:
                continue
            colour = colours[(row + rng.randrange(3)) % 2]
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def _ladder(draw, rng, width, height, colours):
    """Two wavy strands joined by rungs, like a DNA ladder, with some rungs missing."""
    amplitude = height * 0.28
    middle = height / 2
    points_a, points_b = [], []
    for x in range(0, width + 1, 6):
        phase = x / width * math.pi * 4
        points_a.append((x, middle + amplitude * math.sin(phase)))
        points_b.append((x, middle - amplitude * math.sin(phase)))
    for x in range(20, width, 28):
        if rng.random() < 0.3:  # a missing rung
            continue
        phase = x / width * math.pi * 4
        top, bottom = middle - amplitude * math.sin(phase), middle + amplitude * math.sin(phase)
        draw.line((x, top, x, bottom), fill=colours[2], width=5)
    draw.line(points_a, fill=colours[0], width=14, joint="curve")
    draw.line(points_b, fill=colours[1], width=14, joint="curve")


def _bands(draw, rng, width, height, colours):
    """Horizontal bands of uneven height; one band is broken by an empty stretch."""
    y = 0
    index = 0
    broken = 3  # always the fourth band, so it is always the first colour: alt texts say so
    while y < height:
        band = rng.randrange(height // 14, height // 6)
        colour = colours[index % len(colours)]
        if index == broken:
            draw.rectangle((0, y, width * 0.3, y + band), fill=colour)
            draw.rectangle((width * 0.62, y, width, y + band), fill=colour)
        else:
            draw.rectangle((0, y, width, y + band), fill=colour)
        y += band + rng.randrange(8, 30)
        index += 1


def _arcs(draw, rng, width, height, colours):
    """Concentric arcs spreading from the lower left corner."""
    for index, radius in enumerate(range(int(height * 1.25), 40, -int(height / 9))):
        box = (-radius, height - radius, radius, height + radius)
        draw.pieslice(box, 270, 360, fill=colours[index % len(colours)])
    # A small circle stands apart in the upper right: the one left out.
    size = height // 8
    x, y = width * 0.82, height * 0.2
    draw.ellipse((x - size, y - size, x + size, y + size), fill=colours[0])


def _tiles(draw, rng, width, height, colours):
    """A mosaic of squares; a scattered few are only outlined, left empty."""
    step = max(4, width // 16)
    inset = max(1, step // 16)
    for y in range(0, height, step):
        for x in range(0, width, step):
            box = (x + inset, y + inset, x + step - inset, y + step - inset)
            if rng.random() < 0.18:
                draw.rectangle(box, outline=colours[2], width=4)
            else:
                draw.rectangle(box, fill=colours[rng.randrange(2)])


def _rings(draw, rng, width, height, colours):
    """Concentric rings, off-centre, like a thumbprint."""
    cx, cy = width * (0.45 + rng.random() * 0.1), height * (0.45 + rng.random() * 0.1)
    max_radius = int(min(width, height) * 0.46)
    for index, radius in enumerate(range(max_radius, 10, -max(8, max_radius // 9))):
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=colours[index % len(colours)],
        )


STYLES = {
    "dot-grid": _dot_grid,
    "ladder": _ladder,
    "bands": _bands,
    "arcs": _arcs,
    "tiles": _tiles,
    "rings": _rings,
}


def draw_png(artwork: Artwork) -> bytes:
    """Draw the artwork and return it as PNG bytes (flat colour compresses well as PNG)."""
    background, colours = PALETTES[artwork.palette]
    width, height = (max(16, round(side * SCALE)) for side in artwork.size)
    picture = Image.new("RGB", (width, height), background)
    STYLES[artwork.style](
        ImageDraw.Draw(picture), random.Random(artwork.seed), width, height, colours
    )
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


# Every picture in the demo library. Titles are stable: they are how a re-run finds the image.
ARTWORKS = [
    # Story heroes and inline illustrations
    Artwork(
        key="gap-in-the-grid",
        title="Gap in the grid",
        style="dot-grid",
        palette="ochre-teal",
        seed=1,
        description="Rows of ochre and teal dots on a cream background. A rectangle of dots "
        "right of centre is missing, leaving an empty gap in the pattern.",
        caption="Who is counted, and who is left out.",
        illustrator="ama",
    ),
    Artwork(
        key="ladder-missing-rungs",
        title="Ladder with missing rungs",
        style="ladder",
        palette="plum-coral",
        seed=2,
        description="Two wavy strands, one plum and one coral, twist around each other like a "
        "DNA ladder, joined by thin peach rungs. Here and there a rung is missing.",
        caption="A genome reference built from a few people has gaps for everyone else.",
        illustrator="meilin",
    ),
    Artwork(
        key="broken-band",
        title="The broken band",
        style="bands",
        palette="forest-gold",
        seed=3,
        description="Horizontal stripes of dark green, gold and sage on a pale background. "
        "One dark green stripe is broken in the middle by an empty stretch.",
        caption="A record with a field nobody filled in.",
        illustrator="ama",
    ),
    Artwork(
        key="one-apart",
        title="One apart",
        style="arcs",
        palette="night-sky",
        seed=4,
        description="Bands of yellow, pale blue and cream spread in arcs from the lower left "
        "corner of a dark blue night sky. A single yellow circle sits apart in the upper right.",
        caption="The one who was never asked.",
        illustrator="meilin",
    ),
    Artwork(
        key="empty-tiles",
        title="Empty tiles",
        style="tiles",
        palette="clay-blue",
        seed=5,
        description="A mosaic of brick-red and blue squares. Scattered squares are left empty, "
        "only outlined in sand.",
        caption="Samples in a freezer, stories left out.",
        illustrator="ama",
    ),
    Artwork(
        key="thumbprint",
        title="Thumbprint",
        style="rings",
        palette="sea-sand",
        seed=6,
        description="Concentric rings of dark teal, pale green and coral on a cream background, "
        "like a thumbprint.",
        caption="Every sample comes from someone.",
        illustrator="meilin",
    ),
    Artwork(
        key="plum-gap",
        title="Plum and coral gap",
        style="dot-grid",
        palette="plum-coral",
        seed=7,
        description="Rows of plum and coral dots on a pale pink background, with a rectangle "
        "of empty space right of centre where dots are missing.",
        illustrator="ama",
        caption="Most of the map is drawn; the gap is where nobody went to ask.",
    ),
    Artwork(
        key="green-ladder",
        title="Green ladder",
        style="ladder",
        palette="forest-gold",
        seed=8,
        description="Two wavy strands, dark green and gold, twist like a DNA ladder joined by "
        "sage rungs, with a few rungs missing.",
        illustrator="meilin",
        caption="A reference with rungs missing still works, until you need the missing rung.",
    ),
    Artwork(
        key="night-bands",
        title="Night bands",
        style="bands",
        palette="night-sky",
        seed=9,
        description="Stripes of yellow, pale blue and cream across a dark blue background. One "
        "yellow stripe is broken by an empty stretch in the middle.",
        illustrator="ama",
        caption="A conversation with a gap in it.",
    ),
    Artwork(
        key="clay-arcs",
        title="Clay arcs",
        style="arcs",
        palette="clay-blue",
        seed=10,
        description="Arcs of brick red, blue and sand spread from the lower left corner of a "
        "pale background. A small brick-red circle sits apart in the upper right.",
        illustrator="meilin",
        caption="Decades of research spreading outwards, and one community left apart.",
    ),
    Artwork(
        key="sea-tiles",
        title="Sea tiles",
        style="tiles",
        palette="sea-sand",
        seed=11,
        description="A mosaic of dark teal and pale green squares. A scattering of squares is "
        "left empty, outlined in coral.",
        illustrator_name="Tomás Ibarra",
        licence="cc-by",
        caption="Guest artwork by Tomás Ibarra, shared under CC BY 4.0.",
    ),
    Artwork(
        key="ochre-rings",
        title="Ochre rings",
        style="rings",
        palette="ochre-teal",
        seed=12,
        description="Concentric rings of ochre, teal and charcoal on a cream background.",
        illustrator="ama",
        caption="A gift for the children.",
    ),
    Artwork(
        key="forest-gap",
        title="Forest gap",
        style="dot-grid",
        palette="forest-gold",
        seed=13,
        description="Rows of dark green and gold dots on a pale background, broken by a "
        "rectangle of empty space right of centre.",
        illustrator="meilin",
        caption="Findable, accessible, reusable: and whose?",
    ),
    Artwork(
        key="night-ladder",
        title="Night ladder",
        style="ladder",
        palette="night-sky",
        seed=14,
        description="Two wavy strands, yellow and pale blue, twist like a DNA ladder across a "
        "dark blue background, joined by cream rungs with some missing.",
        illustrator="ama",
        caption="Who holds the key to the data?",
    ),
    Artwork(
        key="pattern-divider",
        title="Ochre tile pattern (decorative)",
        style="tiles",
        palette="ochre-teal",
        seed=15,
        description="",
        is_decorative=True,
        size=(1000, 250),
        illustrator="ama",
    ),
    # Series covers
    Artwork(
        key="cover-missing-map",
        title="Cover: Missing from the Map",
        style="arcs",
        palette="forest-gold",
        seed=21,
        description="Arcs of dark green, gold and sage spread from the lower left corner; a "
        "small dark green circle sits apart in the upper right.",
        illustrator="meilin",
        caption="Missing from the Map: a series on who genetic studies leave out.",
    ),
    Artwork(
        key="cover-whose-samples",
        title="Cover: Whose Samples?",
        style="tiles",
        palette="plum-coral",
        seed=22,
        description="A mosaic of plum and coral squares with scattered empty squares outlined "
        "in peach.",
        illustrator="ama",
        caption="Whose Samples?: a series on consent and biobanks.",
    ),
    Artwork(
        key="cover-our-terms",
        title="Cover: Our Data, Our Terms",
        style="bands",
        palette="sea-sand",
        seed=23,
        description="Stripes of dark teal, pale green and coral on a cream background. One dark "
        "teal stripe is broken by an empty stretch in the middle.",
        illustrator="meilin",
        caption="Our Data, Our Terms: a series on Indigenous data sovereignty.",
    ),
]

# Contributors' portraits: abstract marks they chose instead of a photograph.
PORTRAIT_PALETTES = {
    "leila": ("plum-coral", "plum, coral and peach"),
    "priya": ("ochre-teal", "ochre, teal and charcoal"),
    "joseph": ("clay-blue", "brick red, blue and sand"),
    "aroha": ("forest-gold", "dark green, gold and sage"),
    "sian": ("sea-sand", "dark teal, pale green and coral"),
    "ama": ("night-sky", "yellow, pale blue and cream on dark blue"),
    "meilin": ("plum-coral", "plum, coral and peach"),
    "daniel": ("forest-gold", "dark green, gold and sage"),
}


def portrait_artwork(key, name):
    palette, colours = PORTRAIT_PALETTES[key]
    return Artwork(
        key=f"portrait-{key}",
        title=f"Portrait mark: {name}",
        style="rings",
        palette=palette,
        seed=100 + sorted(PORTRAIT_PALETTES).index(key),
        description=f"Concentric rings in {colours}: the abstract mark {name} chose to "
        "represent them instead of a photograph.",
        caption=f"{name}'s mark.",
        illustrator="meilin" if key in {"ama", "leila", "priya", "joseph"} else "ama",
        size=(480, 480),
    )
