"""The words of the demo site: home page, indexes, themes, contributors and series.

Stories live in stories.py. All people here are fictional; the research cited is real.
"""

HOME = {
    "title": "Mind The Gap",
    "introduction": (
        "<p>Mind The Gap is a growing collection of stories about <b>who is missing from health "
        "data</b>, and what happens when they are. Researchers, writers, illustrators and the "
        "communities most affected tell them together: in articles, podcasts, videos, "
        "illustrated essays and personal stories.</p>"
    ),
    "share_invitation": (
        "Have you given a sample, refused one, or never been asked? We would like to hear from you."
    ),
    "search_description": (
        "Stories, podcasts and videos about health data equity: consent, biobanks, genomic "
        "diversity and Indigenous data sovereignty."
    ),
}

INDEXES = {
    "stories": {
        "title": "Stories",
        "introduction": (
            "<p>Every story in the collection, newest first: articles, podcasts, videos, "
            "illustrated essays and personal stories.</p>"
        ),
    },
    "series": {
        "title": "Series",
        "introduction": (
            "<p>Some questions need more than one story. Each series follows one of them, "
            "in order.</p>"
        ),
    },
    "contributors": {
        "title": "Contributors",
        "introduction": (
            "<p>The people who write, research, draw and speak in the collection. Many of "
            "them are not professional writers: they are the people the data is about.</p>"
        ),
    },
}

# (slug, name, description)
THEMES = [
    (
        "genomic-diversity",
        "Genomic diversity",
        "Who is in the genetic studies that shape medicine, and who is not.",
    ),
    (
        "consent",
        "Consent",
        "What people agree to when they give a sample or their records, and what they are told.",
    ),
    (
        "biobanks",
        "Biobanks",
        "The freezers and databases that keep samples and data for research for decades.",
    ),
    (
        "indigenous-data-sovereignty",
        "Indigenous data sovereignty",
        "The right of Indigenous peoples to govern data about their communities, lands and bodies.",
    ),
    (
        "data-gaps",
        "Data gaps",
        "Missing fields, missing people and the decisions made without them.",
    ),
    (
        "community-led-research",
        "Community-led research",
        "Research where the questions, and the rules, come from the people being studied.",
    ),
    (
        "history-and-harm",
        "History and harm",
        "The racism, eugenics and broken promises that still shape trust in research.",
    ),
]

# key -> page fields. The page title is the person's name; slugs are stable for re-runs.
CONTRIBUTORS = {
    "leila": {
        "title": "Leila Haddad",
        "slug": "leila-haddad",
        "roles": ["author", "host"],
        "short_bio": (
            "<p>Leila Haddad is a science writer who has reported on health research for ten "
            "years. She edits Mind The Gap and hosts its podcast.</p>"
        ),
        "links": [("Website", "https://leilahaddad.example.org")],
    },
    "priya": {
        "title": "Dr Priya Raman",
        "slug": "priya-raman",
        "roles": ["researcher", "author"],
        "short_bio": (
            "<p>Priya Raman is a statistical geneticist. She studies how well genetic risk "
            "scores work for people whose ancestors are not European, and spent five years "
            "building a cohort study with community partners in Leicester.</p>"
        ),
        "links": [("University profile", "https://research.example.ac.uk/people/p-raman")],
    },
    "joseph": {
        "title": "Joseph Okafor",
        "slug": "joseph-okafor",
        "roles": ["community-contributor", "interviewee"],
        "short_bio": (
            "<p>Joseph Okafor lives with sickle cell disease and chairs a patient group in "
            "south London that advises researchers on consent and recruitment.</p>"
        ),
        "links": [],
    },
    "aroha": {
        "title": "Aroha Ngata",
        "slug": "aroha-ngata",
        "roles": ["researcher", "author", "interviewee"],
        "short_bio": (
            "<p>Aroha Ngata is a Māori researcher working on Indigenous data governance. She "
            "helps tribal and community organisations write the rules under which researchers "
            "may use their data.</p>"
        ),
        "links": [("Mastodon", "https://mastodon.example/@arohangata")],
    },
    "sian": {
        "title": "Siân Lewis",
        "slug": "sian-lewis",
        "roles": ["community-contributor", "author"],
        "short_bio": (
            "<p>Siân Lewis runs a participant panel for a biobank in Wales. Before that she "
            "was a care worker for twenty years, and a biobank participant herself.</p>"
        ),
        "links": [],
    },
    "ama": {
        "title": "Ama Mensah",
        "slug": "ama-mensah",
        "roles": ["illustrator"],
        "short_bio": (
            "<p>Ama Mensah is an illustrator and pattern designer based in Accra and "
            "Manchester. Her work for the collection uses grids and gaps to show who the data "
            "leaves out.</p>"
        ),
        "links": [("Portfolio", "https://amamensah.example.com")],
    },
    "meilin": {
        "title": "Mei Lin Tan",
        "slug": "mei-lin-tan",
        "roles": ["illustrator", "author"],
        "short_bio": (
            "<p>Mei Lin Tan draws science for people who were never asked if they wanted to "
            "read about it. She wrote and drew the illustrated essay <i>Drawing the "
            "missing</i>.</p>"
        ),
        "links": [("Portfolio", "https://meilintan.example.net")],
    },
    "daniel": {
        "title": "Daniel Reyes",
        "slug": "daniel-reyes",
        "roles": ["author", "host"],
        "short_bio": (
            "<p>Daniel Reyes is a video journalist. He makes the collection's short films and "
            "co-hosts the podcast.</p>"
        ),
        "links": [],
    },
}

# Series: their stories in reading order (by story slug, see stories.py).
SERIES = [
    {
        "slug": "missing-from-the-map",
        "title": "Missing from the Map",
        "cover": "cover-missing-map",
        "introduction": (
            "<p>Most of what medicine knows about genes comes from people of European "
            "ancestry. This series asks what that means for everyone else, and what it would "
            "take to fill the map in.</p>"
        ),
        "stories": [
            "why-genomic-data-comes-from-a-fraction-of-the-world",
            "the-risk-score-that-did-not-fit",
            "drawing-the-missing",
            "the-field-nobody-filled-in",
        ],
    },
    {
        "slug": "whose-samples",
        "title": "Whose Samples?",
        "cover": "cover-whose-samples",
        "introduction": (
            "<p>Biobanks keep blood, tissue and records for decades. This series follows the "
            "people behind the samples: what they were told, what they agreed to, and what "
            "they would ask for now.</p>"
        ),
        "stories": [
            "what-did-i-agree-to",
            "consent-without-words",
            "who-gave-consent-podcast",
            "samples-taken-stories-left-out",
            "a-biobank-with-a-community-board",
        ],
    },
    {
        "slug": "our-data-our-terms",
        "title": "Our Data, Our Terms",
        "cover": "cover-our-terms",
        "introduction": (
            "<p>Indigenous peoples and communities are writing their own rules for research. "
            "This series hears from the people doing it.</p>"
        ),
        "stories": [
            "care-before-fair",
            "who-holds-the-key",
            "my-grandmothers-blood",
            "asking-different-questions-podcast",
        ],
    },
]
