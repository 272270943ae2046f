"""The demo stories: every format, every body block, content notes where a story needs one.

Each story is a dict of StoryPage fields plus `themes` (theme slugs), `hero` (artwork key),
`credits` ((contributor key, role) pairs, in order) and `body` (built with body.py). The people
are fictional; the research in the references is real.
"""

from datetime import date

from .body import (
    embed,
    external_video,
    heading,
    illustration,
    key_facts,
    paragraph,
    podcast_episode,
    pull_quote,
    references,
    uploaded_video,
)

POPEJOY_2016 = (
    "Popejoy AB, Fullerton SM. Genomics is failing on diversity. Nature 538, 161-164 (2016).",
    "10.1038/538161a",
    "",
)
MARTIN_2019 = (
    "Martin AR, Kanai M, Kamatani Y, Okada Y, Neale BM, Daly MJ. Clinical use of current "
    "polygenic risk scores may exacerbate health disparities. Nature Genetics 51, 584-591 (2019).",
    "10.1038/s41588-019-0379-x",
    "",
)
SIRUGO_2019 = (
    "Sirugo G, Williams SM, Tishkoff SA. The missing diversity in human genetic studies. "
    "Cell 177(1), 26-31 (2019).",
    "10.1016/j.cell.2019.02.048",
    "",
)
FATUMO_2022 = (
    "Fatumo S, Chikowore T, Choudhury A, et al. A roadmap to increase diversity in genomic "
    "studies. Nature Medicine 28, 243-250 (2022).",
    "10.1038/s41591-021-01672-4",
    "",
)
CARE_2020 = (
    "Carroll SR, Garba I, Figueroa-Rodriguez OL, et al. The CARE Principles for Indigenous Data "
    "Governance. Data Science Journal 19, 43 (2020).",
    "10.5334/dsj-2020-043",
    "",
)
FAIR_2016 = (
    "Wilkinson MD, Dumontier M, Aalbersberg IJ, et al. The FAIR Guiding Principles for "
    "scientific data management and stewardship. Scientific Data 3, 160018 (2016).",
    "10.1038/sdata.2016.18",
    "",
)
HAVASUPAI_2010 = (
    "Mello MM, Wolf LE. The Havasupai Indian tribe case: lessons for research involving stored "
    "biologic samples. New England Journal of Medicine 363, 204-207 (2010).",
    "10.1056/NEJMp1005203",
    "",
)
DYNAMIC_CONSENT_2015 = (
    "Kaye J, Whitley EA, Lund D, Morrison M, Teare H, Melham K. Dynamic consent: a patient "
    "interface for twenty-first century research networks. European Journal of Human Genetics "
    "23, 141-146 (2015).",
    "10.1038/ejhg.2014.71",
    "",
)
FRY_2017 = (
    "Fry A, Littlejohns TJ, Sudlow C, et al. Comparison of sociodemographic and health-related "
    "characteristics of UK Biobank participants with those of the general population. "
    "American Journal of Epidemiology 186(9), 1026-1034 (2017).",
    "10.1093/aje/kwx246",
    "",
)
GWAS_MONITOR = (
    "Mills MC, Rahal C. The GWAS Diversity Monitor tracks diversity by disease in real time. "
    "Nature Genetics 52, 242-243 (2020).",
    "10.1038/s41588-020-0580-y",
    "https://gwasdiversitymonitor.com",
)

STORIES = [
    {
        "slug": "why-genomic-data-comes-from-a-fraction-of-the-world",
        "title": "Why most genomic data comes from a fraction of the world",
        "summary": "Four in five people in genetic studies have European ancestry. Priya Raman "
        "explains how that happened, and why it matters to everyone else.",
        "format": "article",
        "first_published": date(2024, 3, 12),
        "themes": ["genomic-diversity", "data-gaps"],
        "hero": "gap-in-the-grid",
        "credits": [("priya", "author"), ("ama", "illustrator")],
        "body": [
            paragraph(
                "<p>When a doctor reads a genetic test, they compare your DNA with what "
                "researchers have learned from thousands of other people. The trouble is who "
                "those people were. In 2016, about <b>81%</b> of the participants in "
                "genome-wide association studies, the large studies that link genetic variants "
                "to disease, had European ancestry. In 2009 it was 96%.</p>"
            ),
            key_facts(
                [
                    "In 2009, 96% of participants in genome-wide association studies had "
                    "European ancestry (Popejoy and Fullerton, 2016).",
                    "By 2016 that share had fallen to 81%, mostly through more studies in "
                    "East Asia (Popejoy and Fullerton, 2016).",
                    "People of African ancestry, who carry the most genetic diversity of any "
                    "group, were about 2% of participants (Sirugo et al., 2019).",
                ]
            ),
            heading("How the map got drawn this way"),
            paragraph(
                "<p>None of this was a plan. Big studies grew where the money, the hospitals "
                "and the freezers already were. Recruiting through the clinics closest to a "
                "university is cheaper than building trust somewhere new, and each study made "
                "the next one easier in the same place. Over twenty years, convenience hardened "
                "into a map with large blank areas.</p>"
            ),
            illustration("gap-in-the-grid", width="wide"),
            paragraph(
                "<p>A blank area is not neutral. A variant that is common and harmless in West "
                "Africa may be rare in Europe, and a report built on European data can flag it "
                "as suspicious. People of African, South Asian and Indigenous ancestry are more "
                "likely to be told their result is a <i>variant of uncertain significance</i>: "
                "the test worked, but the reference could not say what it meant.</p>"
            ),
            pull_quote(
                "We did not set out to build a European reference. We built one because we "
                "kept going back to the same freezers.",
                "Dr Priya Raman, statistical geneticist",
            ),
            heading("Filling it in"),
            paragraph(
                "<p>Newer studies in Africa, South Asia and Latin America are changing the "
                "numbers, but more samples are only half of it. The studies that work best are "
                "the ones where communities shape the questions, the consent and what happens "
                "to the data afterwards. The rest of this series asks what that looks like.</p>"
            ),
            embed(
                "https://gwasdiversitymonitor.com",
                "GWAS Diversity Monitor: the ancestry of genetic study participants, updated daily",
                poster_key="forest-gap",
            ),
            references([POPEJOY_2016, SIRUGO_2019, GWAS_MONITOR, FATUMO_2022]),
        ],
    },
    {
        "slug": "the-risk-score-that-did-not-fit",
        "title": "The risk score that did not fit",
        "summary": "Joseph Okafor's heart report came back 'low risk', with a footnote saying "
        "the score was less accurate for people like him.",
        "format": "personal-story",
        "first_published": date(2024, 5, 2),
        "themes": ["genomic-diversity", "data-gaps"],
        "hero": "ladder-missing-rungs",
        "credits": [("joseph", "interviewee"), ("leila", "author"), ("meilin", "illustrator")],
        "body": [
            paragraph(
                "<p><i>Joseph Okafor told this story to Leila Haddad. It has been edited for "
                "length.</i></p>"
            ),
            paragraph(
                "<p>My dad had his first heart attack at fifty-two. So when the clinic offered "
                "me a genetic risk report, I said yes straight away. I wanted a number. I "
                "wanted to know whether to worry.</p>"
            ),
            paragraph(
                "<p>The report said low risk, in a green box. Under the green box there was a "
                "line in small grey type: <i>this score has been validated mainly in people of "
                "European ancestry and may be less accurate for others</i>. I read it three "
                "times. Less accurate how? Lower, higher? Nobody could tell me.</p>"
            ),
            pull_quote(
                "A green box with a grey footnote is not an answer. It is a question they "
                "handed back to me.",
                "Joseph Okafor",
            ),
            paragraph(
                "<p>Later I learned that risk scores like mine can be several times less "
                "accurate for people of African ancestry, because the studies they come from "
                "had so few of us in them. I am not angry at the doctor. I am angry that the "
                "footnote was the most honest thing in the report.</p>"
            ),
            heading("What I would ask for"),
            paragraph(
                "<ul><li>Tell people, in plain words, how well a test works for them before "
                "they take it.</li><li>Fund the studies that would make the footnote "
                "unnecessary.</li><li>Ask patient groups like ours to help recruit, and pay us "
                "for our time.</li></ul>"
            ),
            references([MARTIN_2019], heading_text="Further reading"),
        ],
    },
    {
        "slug": "drawing-the-missing",
        "title": "Drawing the missing",
        "summary": "How do you draw someone who is not in the data? Illustrator Mei Lin Tan on "
        "gaps, ladders and the people behind every dot.",
        "format": "illustrated-essay",
        "first_published": date(2024, 7, 19),
        "themes": ["genomic-diversity", "data-gaps", "community-led-research"],
        "hero": "one-apart",
        "credits": [("meilin", "author"), ("meilin", "illustrator"), ("ama", "illustrator")],
        "body": [
            paragraph(
                "<p>When the editors asked me to illustrate this series, I tried to draw "
                "people first. Every version looked like a stock photo of diversity: smiling "
                "faces in a row. But the story is not about who is there. It is about who is "
                "not. So I started drawing the gaps.</p>"
            ),
            illustration("one-apart", width="full"),
            paragraph(
                "<p>The arcs are the studies that already exist, growing outwards from the "
                "place they began. The circle in the corner is everyone they have not reached "
                "yet. It is not small because it matters less. It is small because it is far "
                "away from where the money started.</p>"
            ),
            illustration("pattern-divider", width="full", decorative=True),
            heading("Ladders"),
            illustration(
                "green-ladder",
                caption="The ladder again, in the colours of the Missing from the Map series.",
                width="text",
            ),
            paragraph(
                "<p>A DNA ladder is the first thing anyone draws for genetics, so I drew it "
                "with rungs missing. A reference genome built from a handful of people is a "
                "ladder you can still climb, until you reach the place where your rung should "
                "be.</p>"
            ),
            illustration("plum-gap", width="wide"),
            paragraph(
                "<p>The dot grid came last. Each dot is a person who said yes to a study. The "
                "empty rectangle is not empty because those people said no. Mostly, nobody "
                "asked them.</p>"
            ),
            pull_quote(
                "I stopped drawing faces and started drawing absences. They were more honest.",
                "Mei Lin Tan",
            ),
        ],
    },
    {
        "slug": "the-field-nobody-filled-in",
        "title": "The field nobody filled in",
        "summary": "Missing ethnicity and sex data in health records hides inequalities in "
        "plain sight. Here is how the gaps are made, and how to close them.",
        "format": "article",
        "first_published": date(2025, 1, 15),
        "themes": ["data-gaps"],
        "hero": "broken-band",
        "credits": [("leila", "author"), ("priya", "researcher")],
        "body": [
            paragraph(
                "<p>Not every data gap is a missing person. Some are missing facts about people "
                "who are already in the system: an ethnicity field left at <i>not stated</i>, a "
                "trial that recruited women but never reported results by sex, a postcode "
                "recorded for some patients and not others.</p>"
            ),
            paragraph(
                "<p>Each gap is small on its own. Added up, they make it impossible to ask the "
                "questions that matter. If you cannot tell who is waiting longest for a "
                "diagnosis, you cannot show that anyone is, and a problem nobody can measure is "
                "a problem nobody has to fix.</p>"
            ),
            heading("How the gaps are made"),
            paragraph(
                "<p>Most missing fields are not anyone's fault. Forms are long, receptionists "
                "are busy, and patients are rarely told why the question is asked. Some people "
                "decline because they have good reasons not to trust what the answer will be "
                "used for. Those reasons are data too.</p>"
            ),
            key_facts(
                [
                    "Explain why a question is asked, at the moment it is asked.",
                    "Report how much of each field is missing, not only the answers.",
                    "Break results down by sex and ethnicity, or say why you cannot.",
                    "Ask the people most often missing how they would like to be counted.",
                ],
                heading_text="Four things any study can do this year",
                style="callout",
            ),
            illustration("broken-band", width="wide"),
            paragraph(
                "<p>None of these needs new technology. They need someone to decide that the "
                "empty field is worth a sentence in the methods section.</p>"
            ),
        ],
    },
    {
        "slug": "what-did-i-agree-to",
        "title": "What did I agree to?",
        "summary": "Siân Lewis signed a biobank consent form in 2008. Fifteen years later she "
        "went looking for what her sample had been used for.",
        "format": "article",
        "first_published": date(2024, 9, 10),
        "themes": ["consent", "biobanks"],
        "hero": "empty-tiles",
        "credits": [("sian", "author"), ("ama", "illustrator")],
        "body": [
            paragraph(
                "<p>I gave blood and urine to a biobank on a wet Tuesday in 2008. I was "
                "forty-one. The nurse was kind, the form was four pages long, and I signed it "
                "on a clipboard balanced on my knee. I remember feeling proud.</p>"
            ),
            paragraph(
                "<p>What I had agreed to was <b>broad consent</b>: my sample and my health "
                "records could be used for any health research the biobank approved, for as "
                "long as the biobank existed. That is how most large biobanks work, and there "
                "are good reasons for it. Nobody in 2008 could list the studies that would be "
                "possible in 2023.</p>"
            ),
            heading("Looking for my sample"),
            paragraph(
                "<p>It turns out you cannot look up your own sample. You can read the list of "
                "approved projects, hundreds of them, and guess. I found studies on dementia, "
                "on air pollution, on the genetics of sleep. I was glad about most of them. "
                "One, by a company I had never heard of, I was not sure about at all.</p>"
            ),
            pull_quote(
                "I was not asking for a veto. I was asking to be told.",
                "Siân Lewis",
            ),
            heading("Dynamic consent"),
            paragraph(
                "<p>Some researchers have proposed <i>dynamic consent</i>: an online "
                "space where participants see how their data is used, change their choices "
                "over time, and hear about results. It costs more than a clipboard. It also "
                "treats people as partners rather than a resource, and the studies that have "
                "tried it report participants staying involved for longer.</p>"
            ),
            references([DYNAMIC_CONSENT_2015, FRY_2017]),
        ],
    },
    {
        "slug": "consent-without-words",
        "title": "Consent, explained without words",
        "summary": "A short animation about what happens when a study fills its gaps by asking "
        "people, rather than by taking from them.",
        "format": "video",
        "first_published": date(2025, 3, 4),
        "themes": ["consent"],
        "hero": "thumbprint",
        "credits": [("daniel", "author"), ("ama", "illustrator")],
        "body": [
            paragraph(
                "<p>We made this animation for waiting rooms, where sound is often off and "
                "attention is short. It has no words: a gap in a grid of dots fills in, one "
                "dot at a time, as each person is asked. The captions describe the music; the "
                "transcript describes what happens on screen.</p>"
            ),
            uploaded_video("consent-animation"),
            heading("Why no words?"),
            paragraph(
                "<p>Clinics serve people who speak dozens of languages. An animation without "
                "words works in every one of them, and it leaves space for the conversation "
                "that should follow: what is this study, what will it do with my sample, and "
                "can I change my mind?</p>"
            ),
        ],
    },
    {
        "slug": "who-gave-consent-podcast",
        "title": "Podcast: Who gave consent?",
        "summary": "Leila Haddad talks to Joseph Okafor and Siân Lewis about signing forms, "
        "reading the small print and what a good consent conversation sounds like.",
        "format": "podcast",
        "first_published": date(2025, 5, 20),
        "themes": ["consent", "biobanks"],
        "hero": "night-bands",
        "credits": [("leila", "host"), ("joseph", "interviewee"), ("sian", "interviewee")],
        "body": [
            podcast_episode(
                "episode-who-gave-consent",
                episode_title="Episode 1: Who gave consent?",
                show_notes=(
                    "<p>Joseph and Siân have both signed consent forms for research. They "
                    "compare notes: what they were told, what they wish they had asked, and "
                    "what a good consent conversation sounds like. With Leila Haddad.</p>"
                ),
            ),
            paragraph(
                "<p>The full transcript is under the player. Siân writes more about finding "
                'her sample in <a href="/stories/what-did-i-agree-to/">What did I agree '
                "to?</a></p>"
            ),
        ],
    },
    {
        "slug": "samples-taken-stories-left-out",
        "title": "Samples taken, stories left out",
        "summary": "From Henrietta Lacks to the Havasupai, research has taken from people "
        "without asking. The damage to trust is measured in decades.",
        "format": "article",
        "first_published": date(2025, 7, 8),
        "themes": ["history-and-harm", "consent", "biobanks"],
        "hero": "clay-arcs",
        "content_note": "This story discusses racism in medical research and samples taken "
        "and used without consent.",
        "credits": [("leila", "author"), ("meilin", "illustrator")],
        "body": [
            paragraph(
                "<p>In 1951, doctors at Johns Hopkins Hospital took cells from a tumour in the "
                "cervix of Henrietta Lacks, a Black woman being treated for cancer. She was not "
                "asked. Her cells, known as HeLa, became one of the most used tools in "
                "medicine. Her family did not learn of them for more than twenty years.</p>"
            ),
            paragraph(
                "<p>In 2013, after her genome was published without the family's knowledge, "
                "the US National Institutes of Health agreed that two family members would sit "
                "on the committee deciding who may use the genome data. It took sixty-two years "
                "for the Lacks family to be asked.</p>"
            ),
            heading("The Havasupai case"),
            paragraph(
                "<p>In the 1990s, members of the Havasupai Tribe in Arizona gave blood for "
                "research into diabetes, which affects many in their community. Researchers "
                "later used the samples for studies on schizophrenia, inbreeding and the "
                "tribe's migration, subjects the tribe had not agreed to and some of which "
                "contradicted its own history. In 2010 the university settled: it paid "
                "41 tribal members, apologised and returned the samples.</p>"
            ),
            pull_quote(
                "When people say communities are hard to reach, I ask: who made them that way?",
                "Joseph Okafor, community advocate",
            ),
            paragraph(
                "<p>These cases are not ancient history to the people they happened to, or to "
                "their neighbours. They are the reason a recruitment letter can read as a "
                "threat. Trust cannot be asked for; it has to be earned, and it starts with "
                "telling people the truth about the past.</p>"
            ),
            references([HAVASUPAI_2010]),
        ],
    },
    {
        "slug": "a-biobank-with-a-community-board",
        "title": "A biobank with a community board",
        "summary": "What changes when participants sit on the committee that decides who may "
        "use their samples? Siân Lewis reports from her own panel.",
        "format": "article",
        "first_published": date(2025, 9, 23),
        "themes": ["biobanks", "community-led-research", "consent"],
        "hero": "sea-tiles",
        "credits": [("sian", "author"), ("priya", "researcher")],
        "body": [
            paragraph(
                "<p>Our panel has twelve members: participants, carers, two teenagers and a "
                "retired bus driver who reads every application twice. We meet every month "
                "with the biobank's access committee, and we can send any application back "
                "with questions.</p>"
            ),
            key_facts(
                [
                    "Twelve participant members, paid for their time.",
                    "Every access application gets a plain-language summary.",
                    "The panel can ask questions and send applications back.",
                    "Decisions and the panel's reasons are published every quarter.",
                ],
                heading_text="How the panel works",
            ),
            paragraph(
                "<p>The researchers worried we would slow everything down. In our first year "
                "we sent back nine applications out of about two hundred. Most came back "
                "better: a clearer summary, a promise to share results with participants, a "
                "commercial partner named instead of hidden.</p>"
            ),
            pull_quote(
                "The panel asks the question I should have asked myself: would the people in "
                "this freezer recognise what we are doing?",
                "Dr Priya Raman, who sits on the access committee",
            ),
            illustration("sea-tiles", width="text"),
        ],
    },
    {
        "slug": "care-before-fair",
        "title": "CARE before FAIR: principles for Indigenous data",
        "summary": "Open data should be findable and reusable. Aroha Ngata explains why "
        "Indigenous data also needs collective benefit, authority, responsibility and ethics.",
        "format": "article",
        "first_published": date(2025, 10, 30),
        "themes": ["indigenous-data-sovereignty", "community-led-research"],
        "hero": "forest-gap",
        "credits": [("aroha", "author"), ("meilin", "illustrator")],
        "body": [
            paragraph(
                "<p>Scientists love the FAIR principles: data should be Findable, Accessible, "
                "Interoperable and Reusable. They have made research faster and more honest. "
                "They also say nothing about who the data belongs to, or who decides what it "
                "is used for.</p>"
            ),
            paragraph(
                "<p>For Indigenous peoples that silence matters. Data about our communities, "
                "our lands and our bodies has been collected by others for a long time, often "
                "to describe us as a problem. Making that data easier to reuse, without asking "
                "us, repeats the harm more efficiently.</p>"
            ),
            heading("The CARE principles"),
            key_facts(
                [
                    "Collective benefit: data ecosystems should let Indigenous peoples benefit.",
                    "Authority to control: Indigenous peoples' rights and interests in their "
                    "data must be recognised, and their authority to control it.",
                    "Responsibility: those working with the data share how it supports "
                    "Indigenous self-determination.",
                    "Ethics: Indigenous peoples' rights and wellbeing come first at every stage.",
                ],
                heading_text="CARE, in one line each",
            ),
            paragraph(
                "<p>CARE is not a rival to FAIR. The Global Indigenous Data Alliance asks for "
                "both: data that is FAIR <i>and</i> CARE. In practice that means a tribe or "
                "iwi can say yes to a study on its own terms, see what is done with the data, "
                "and say no to the next use.</p>"
            ),
            pull_quote("Be FAIR and CARE.", "The Global Indigenous Data Alliance's call"),
            references([CARE_2020, FAIR_2016]),
        ],
    },
    {
        "slug": "who-holds-the-key",
        "title": "Who holds the key?",
        "summary": "A short film about a community data agreement: who can open the database, "
        "who decides, and what happens when a researcher asks for more.",
        "format": "video",
        "first_published": date(2026, 1, 14),
        "themes": ["indigenous-data-sovereignty", "community-led-research"],
        "hero": "night-ladder",
        "credits": [("daniel", "author"), ("aroha", "interviewee")],
        "body": [
            paragraph(
                "<p>Daniel Reyes filmed this conversation with Aroha Ngata for a data "
                "governance workshop. The film is hosted on YouTube; it loads only if you "
                "choose to play it.</p>"
            ),
            external_video(
                "https://www.youtube.com/watch?v=Qm7dGvXk2pA",
                "Who holds the key? A conversation about community data agreements",
                "night-ladder",
                "<p><b>Daniel:</b> Who can open this database today?</p>"
                "<p><b>Aroha:</b> Three people, and none of them work for the university. "
                "The agreement says any new use comes back to the community board first.</p>"
                "<p><b>Daniel:</b> What happens when a researcher asks for more?</p>"
                "<p><b>Aroha:</b> They come and ask in person. Sometimes we say yes. Sometimes "
                "we say not yet, and tell them what would change our minds.</p>",
            ),
            paragraph(
                "<p>The agreement Aroha describes is built on the CARE principles. It names "
                "the community as the data's guardian and the university as its steward, and "
                "it can be ended by the community with six months' notice.</p>"
            ),
        ],
    },
    {
        "slug": "my-grandmothers-blood",
        "title": "My grandmother's blood",
        "summary": "Aroha Ngata's grandmother gave blood for a study on rheumatic fever. Decades "
        "later it turned up somewhere else.",
        "format": "personal-story",
        "first_published": date(2026, 3, 3),
        "themes": ["indigenous-data-sovereignty", "history-and-harm", "consent"],
        "hero": "ochre-rings",
        "content_note": "This story describes research on samples used without consent, and "
        "the grief it caused a family.",
        "credits": [("aroha", "community-contributor"), ("meilin", "illustrator")],
        "body": [
            paragraph(
                "<p>My grandmother gave blood in 1987. A team from the city came to our marae "
                "to study rheumatic fever, which was killing our children. She told me she "
                "gave blood because she wanted the children to live.</p>"
            ),
            paragraph(
                "<p>Thirty years later I was reading a paper for my own research and "
                "recognised the name of the study in the methods section. The samples had been "
                "shared with another group overseas and used to study ancestry and migration. "
                "My grandmother had died by then. Nobody had asked her, and nobody could.</p>"
            ),
            pull_quote(
                "Her blood was a gift for the children. It was treated as a resource for anyone.",
                "Aroha Ngata",
            ),
            heading("What we asked for"),
            paragraph(
                "<p>We wrote to the university. It took two years, but the samples that were "
                "left came home, and the university now asks the community before any new use "
                "of samples from our region. It does not undo anything. It means my "
                "grandchildren might be asked properly.</p>"
            ),
            illustration("ochre-rings", width="text"),
        ],
    },
    {
        "slug": "asking-different-questions-podcast",
        "title": "Podcast: Asking different questions",
        "summary": "What changes when the research questions come from the community? Leila "
        "Haddad and Daniel Reyes talk to Aroha Ngata and Joseph Okafor.",
        "format": "podcast",
        "first_published": date(2026, 5, 27),
        "themes": ["community-led-research", "indigenous-data-sovereignty"],
        "hero": "green-ladder",
        "credits": [
            ("leila", "host"),
            ("daniel", "host"),
            ("aroha", "interviewee"),
            ("joseph", "interviewee"),
        ],
        "body": [
            podcast_episode(
                "episode-asking-different-questions",
                episode_title="Episode 2: Asking different questions",
                show_notes=(
                    "<p>Aroha Ngata and Joseph Okafor on community-led research: who sets the "
                    "questions, who holds the data, and who gets paid. Aroha's article "
                    '<a href="/stories/care-before-fair/">CARE before FAIR</a> explains the '
                    "principles she mentions.</p>"
                ),
            ),
            paragraph(
                "<p>You can also listen to the episode on Spotify. It loads only if you "
                "choose to play it there.</p>"
            ),
            # No poster: the hero above already shows this artwork, with its caption.
            embed(
                "https://open.spotify.com/episode/6lPqXb3nRz0ZkT8vWc1MmY",
                "Mind The Gap, episode 2: Asking different questions",
            ),
        ],
    },
    {
        "slug": "the-statistics-we-inherited",
        "title": "The statistics we inherited",
        "summary": "Correlation, regression and significance tests were shaped by men who "
        "believed in eugenics. Priya Raman on what that history means for data today.",
        "format": "article",
        "first_published": date(2026, 8, 18),
        "themes": ["history-and-harm", "genomic-diversity"],
        "hero": "plum-gap",
        "content_note": "This story discusses eugenics and scientific racism.",
        "credits": [("priya", "author")],
        "body": [
            paragraph(
                "<p>Every statistician learns Galton's regression to the mean and Pearson's "
                "correlation coefficient in their first year. Fewer learn why Francis Galton, "
                "who coined the word <i>eugenics</i> in 1883, wanted to measure heredity in "
                "the first place: to argue that some people should have more children and "
                "others fewer.</p>"
            ),
            paragraph(
                "<p>Karl Pearson and Ronald Fisher, who built much of modern statistics, were "
                "also committed eugenicists. In 2020 University College London removed their "
                "names and Galton's from a lecture theatre and buildings, after an inquiry "
                "into the university's history of eugenics.</p>"
            ),
            heading("Tools and the hands that made them"),
            paragraph(
                "<p>The maths is not racist. A correlation coefficient does not know who "
                "computed it. But the habits around the maths came from somewhere: treating "
                "ancestry groups as fixed categories, comparing everyone with a European "
                "reference, reading difference as deficit. Those habits are still in our "
                "methods sections.</p>"
            ),
            pull_quote(
                "We do not have to throw the tools away. We do have to know whose hands "
                "shaped them.",
                "Dr Priya Raman",
            ),
            paragraph(
                "<p>Knowing the history is a practical skill. It helps you notice when a "
                "study's default group is European, when a race variable stands in for things "
                "that were never measured, and when the people being studied would recognise "
                "themselves in the results.</p>"
            ),
            references(
                [
                    (
                        "UCL. Inquiry into the History of Eugenics at UCL: final report (2020).",
                        "",
                        "https://www.ucl.ac.uk/provost/inquiry-history-eugenics-ucl",
                    ),
                    POPEJOY_2016,
                ],
                heading_text="Further reading",
            ),
        ],
    },
]
