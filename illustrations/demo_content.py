"""Demo-content step for illustrations: a few commissions at different stages, with the demo
artwork delivered against them. Found by `collection.demo.load()` by module name and run after
the collection's own steps, so the illustrators' pages, the artwork and the stories exist.

Idempotent: a commission is found by its title; a due date is set only when the commission is
created (it is relative to the day the demo was first loaded), everything else is brought back
to what is written here.
"""

import datetime

from django.utils import timezone

from .models import Commission

# (title, illustrator key, "story:<slug>" or "series:<slug>", status, days until due, brief,
#  artwork keys delivered against it)
COMMISSIONS = [
    (
        "Cover: Missing from the map",
        "meilin",
        "series:missing-from-the-map",
        Commission.Status.PUBLISHED,
        -40,
        "A cover for the series about who is left out of genomic datasets: a map with "
        "places missing, in the series palette.",
        ["cover-missing-map"],
    ),
    (
        "Cover: Whose samples?",
        "ama",
        "series:whose-samples",
        Commission.Status.DELIVERED,
        -10,
        "A cover for the consent series. No hands or needles; think of something given and "
        "something kept.",
        ["cover-whose-samples"],
    ),
    (
        "Hero: Why genomic data comes from a fraction of the world",
        "ama",
        "story:why-genomic-data-comes-from-a-fraction-of-the-world",
        Commission.Status.PUBLISHED,
        -60,
        "The opening illustration: a grid of people with a visible gap.",
        ["gap-in-the-grid"],
    ),
    (
        "Portraits for the podcast team",
        "meilin",
        "",
        Commission.Status.SKETCH,
        3,
        "Illustrated portraits of the two podcast hosts, for their contributor pages and the "
        "podcast artwork. Sketches first, please.",
        [],
    ),
    (
        "Spot illustrations for the data glossary",
        "ama",
        "",
        Commission.Status.BRIEFED,
        -2,
        "Six small spot illustrations (cohort, consent, biobank, ancestry, sample, "
        "reference genome) in one consistent style.",
        [],
    ),
]


def _target(demo, reference):
    if not reference:
        return None
    kind, slug = reference.split(":", 1)
    return (demo.stories if kind == "story" else demo.series).get(slug)


def load(demo):
    today = timezone.localdate()
    for title, illustrator_key, target, status, due_in_days, brief, artwork_keys in COMMISSIONS:
        illustrator = demo.contributors.get(illustrator_key)
        if illustrator is None:
            continue  # the collection's demo no longer has this person
        for_page = _target(demo, target)
        wanted = {
            "brief": brief,
            "illustrator_id": illustrator.pk,
            "for_page_id": for_page.pk if for_page else None,
            "status": status,
        }
        commission = Commission.objects.filter(title=title).first()
        if commission is None:
            commission = Commission.objects.create(
                title=title, due_date=today + datetime.timedelta(days=due_in_days), **wanted
            )
            outcome = "created"
        else:
            changed = [name for name, value in wanted.items() if getattr(commission, name) != value]
            for name in changed:
                setattr(commission, name, wanted[name])
            if changed:
                commission.save(update_fields=[name.removesuffix("_id") for name in changed])
            outcome = "updated" if changed else "unchanged"
        for key in artwork_keys:
            image = demo.images.get(key)
            if image is not None and image.commission_id != commission.pk:
                image.commission = commission
                image.save(update_fields=["commission"])
                outcome = "updated" if outcome == "unchanged" else outcome
        demo.record("commissions", commission, outcome)
