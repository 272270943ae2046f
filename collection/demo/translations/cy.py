"""Welsh (Cymraeg) translations of the demo pages and themes, keyed by the exact English segment
as wagtail-localize extracts it. Proper names stay as they are (translations.PROPER_NAMES); the
titles of papers and of works that exist only in English keep their English title."""

STRINGS = {
    # Home page
    "home": "hafan",
    "Stories, podcasts and videos about health data equity: consent, biobanks, genomic "
    "diversity and Indigenous data sovereignty.": "Straeon, podlediadau a fideos am degwch "
    "mewn data iechyd: cydsyniad, biobanciau, amrywiaeth genomig a sofraniaeth data brodorol.",
    "Mind The Gap is a growing collection of stories about <b>who is missing from health "
    "data</b>, and what happens when they are. Researchers, writers, illustrators and the "
    "communities most affected tell them together: in articles, podcasts, videos, illustrated "
    "essays and personal stories.": "Mae Mind The Gap yn gasgliad cynyddol o straeon am <b>bwy "
    "sydd ar goll o ddata iechyd</b>, a beth sy'n digwydd pan fyddan nhw ar goll. Mae "
    "ymchwilwyr, awduron, darlunwyr a'r cymunedau yr effeithir arnyn nhw fwyaf yn eu hadrodd "
    "gyda'i gilydd: mewn erthyglau, podlediadau, fideos, ysgrifau darluniadol a straeon "
    "personol.",
    "Have you given a sample, refused one, or never been asked? We would like to hear from "
    "you.": "Ydych chi wedi rhoi sampl, wedi gwrthod rhoi un, neu heb gael cais erioed? Hoffem "
    "glywed gennych chi.",
    # Indexes
    "Stories": "Straeon",
    "stories": "straeon",
    "Every story in the collection, newest first: articles, podcasts, videos, illustrated "
    "essays and personal stories.": "Pob stori yn y casgliad, y diweddaraf yn gyntaf: "
    "erthyglau, podlediadau, fideos, ysgrifau darluniadol a straeon personol.",
    "Series": "Cyfresi",
    "series": "cyfresi",
    "Some questions need more than one story. Each series follows one of them, in order.": (
        "Mae angen mwy nag un stori ar rai cwestiynau. Mae pob cyfres yn dilyn un ohonyn nhw, "
        "a'r straeon yn eu trefn."
    ),
    "Contributors": "Cyfranwyr",
    "contributors": "cyfranwyr",
    "The people who write, research, draw and speak in the collection. Many of them are not "
    "professional writers: they are the people the data is about.": "Y bobl sy'n ysgrifennu, "
    "yn ymchwilio, yn darlunio ac yn siarad yn y casgliad. Nid awduron proffesiynol yw llawer "
    "ohonyn nhw: nhw yw'r bobl y mae'r data'n sôn amdanyn nhw.",
    # Share your story
    "Share your story": "Rhannwch eich stori",
    "share-your-story": "rhannwch-eich-stori",
    "Send us your own story about health data: in words, sound or pictures.": (
        "Anfonwch eich stori eich hun am ddata iechyd atom: mewn geiriau, sain neu luniau."
    ),
    "Have you, your family or your community been left out of health research, or harmed by "
    "how data about you was used? We would like to hear from you, in your own words.": "Ydych "
    "chi, eich teulu neu'ch cymuned wedi cael eich gadael allan o ymchwil iechyd, neu wedi "
    "dioddef niwed oherwydd y ffordd y defnyddiwyd data amdanoch chi? Hoffem glywed gennych "
    "chi, yn eich geiriau eich hun.",
    "Tell it in your own way: a few paragraphs are enough.": (
        "Adroddwch hi yn eich ffordd eich hun: mae ychydig o baragraffau'n ddigon."
    ),
    "You can use a pseudonym, or ask us to publish it anonymously.": (
        "Gallwch ddefnyddio ffugenw, neu ofyn i ni ei chyhoeddi'n ddienw."
    ),
    "Please do not name other people without their agreement.": (
        "Peidiwch ag enwi pobl eraill heb eu caniatâd, os gwelwch yn dda."
    ),
    "We read every story and reply within four weeks. Nothing is published until our editors "
    "have reviewed it with you.": "Rydyn ni'n darllen pob stori ac yn ateb o fewn pedair "
    "wythnos. Ni chaiff dim ei gyhoeddi nes bod ein golygyddion wedi'i adolygu gyda chi.",
    "We use what you send only to consider, prepare and (if you agree) publish your story. Your "
    "email address is used to confirm your story and, if you agree, to contact you about it. "
    "Only our editors and reviewers can see your story and files; files are kept in private "
    "storage and never published without your agreement.": "Rydyn ni'n defnyddio'r hyn rydych "
    "chi'n ei anfon dim ond er mwyn ystyried eich stori, ei pharatoi ac (os ydych chi'n "
    "cytuno) ei chyhoeddi. Rydyn ni'n defnyddio eich cyfeiriad e-bost i gadarnhau eich stori "
    "ac, os ydych chi'n cytuno, i gysylltu â chi amdani. Dim ond ein golygyddion a'n "
    "hadolygwyr sy'n gallu gweld eich stori a'ch ffeiliau; caiff ffeiliau eu cadw mewn storfa "
    "breifat ac ni chânt eu cyhoeddi byth heb eich caniatâd.",
    "If we do not publish your story, we delete your details and files a year after our "
    "decision. You can ask us to delete them sooner at any time: reply to your confirmation "
    "email quoting your reference number.": "Os na fyddwn ni'n cyhoeddi eich stori, byddwn "
    "ni'n dileu eich manylion a'ch ffeiliau flwyddyn ar ôl ein penderfyniad. Gallwch ofyn i ni "
    "eu dileu'n gynt ar unrhyw adeg: atebwch eich e-bost cadarnhau gan nodi eich cyfeirnod.",
    "An editor will read your story within four weeks. If you agreed to be contacted, we may "
    "write with questions. Thank you for trusting us with it.": "Bydd golygydd yn darllen eich "
    "stori o fewn pedair wythnos. Os gwnaethoch chi gytuno i ni gysylltu â chi, efallai y "
    "byddwn ni'n ysgrifennu atoch gyda chwestiynau. Diolch i chi am ymddiried eich stori i ni.",
    # Series: Our Data, Our Terms
    "Our Data, Our Terms": "Ein Data, Ein Telerau",
    "our-data-our-terms": "ein-data-ein-telerau",
    "Indigenous peoples and communities are writing their own rules for research. This series "
    "hears from the people doing it.": "Mae pobloedd a chymunedau brodorol yn ysgrifennu eu "
    "rheolau eu hunain ar gyfer ymchwil. Yn y gyfres hon cawn glywed gan y bobl sy'n gwneud "
    "hynny.",
    # Story: CARE before FAIR
    "CARE before FAIR: principles for Indigenous data": (
        "CARE cyn FAIR: egwyddorion ar gyfer data brodorol"
    ),
    "care-before-fair": "care-cyn-fair",
    "Open data should be findable and reusable. Aroha Ngata explains why Indigenous data also "
    "needs collective benefit, authority, responsibility and ethics.": "Dylai data agored fod "
    "yn ganfyddadwy ac yn ailddefnyddiadwy. Mae Aroha Ngata yn esbonio pam mae angen budd "
    "cyfunol, awdurdod, cyfrifoldeb a moeseg ar ddata brodorol hefyd.",
    "Scientists love the FAIR principles: data should be Findable, Accessible, Interoperable "
    "and Reusable. They have made research faster and more honest. They also say nothing about "
    "who the data belongs to, or who decides what it is used for.": "Mae gwyddonwyr yn hoff "
    "iawn o egwyddorion FAIR: dylai data fod yn ganfyddadwy (Findable), yn hygyrch "
    "(Accessible), yn rhyngweithredol (Interoperable) ac yn ailddefnyddiadwy (Reusable). Maen "
    "nhw wedi gwneud ymchwil yn gyflymach ac yn fwy gonest. Ond dydyn nhw'n dweud dim byd am "
    "bwy sydd biau'r data, na phwy sy'n penderfynu at beth y caiff ei ddefnyddio.",
    "For Indigenous peoples that silence matters. Data about our communities, our lands and our "
    "bodies has been collected by others for a long time, often to describe us as a problem. "
    "Making that data easier to reuse, without asking us, repeats the harm more efficiently.": (
        "I bobloedd brodorol, mae'r tawelwch hwnnw'n bwysig. Mae eraill wedi casglu data am ein "
        "cymunedau, ein tiroedd a'n cyrff ers amser maith, yn aml er mwyn ein disgrifio ni fel "
        "problem. Mae gwneud y data hwnnw'n haws i'w ailddefnyddio, heb ofyn i ni, yn ailadrodd "
        "y niwed yn fwy effeithlon."
    ),
    "The CARE principles": "Egwyddorion CARE",
    "CARE, in one line each": "CARE, mewn un llinell yr un",
    "Collective benefit: data ecosystems should let Indigenous peoples benefit.": (
        "Budd cyfunol: dylai ecosystemau data alluogi pobloedd brodorol i elwa."
    ),
    "Authority to control: Indigenous peoples' rights and interests in their data must be "
    "recognised, and their authority to control it.": "Awdurdod i reoli: rhaid cydnabod "
    "hawliau a buddiannau pobloedd brodorol yn eu data, a'u hawdurdod i'w reoli.",
    "Responsibility: those working with the data share how it supports Indigenous "
    "self-determination.": "Cyfrifoldeb: mae'r rhai sy'n gweithio gyda'r data yn rhannu sut "
    "mae'n cefnogi hunanbenderfyniad pobloedd brodorol.",
    "Ethics: Indigenous peoples' rights and wellbeing come first at every stage.": (
        "Moeseg: hawliau a llesiant pobloedd brodorol sy'n dod gyntaf ym mhob cam."
    ),
    "CARE is not a rival to FAIR. The Global Indigenous Data Alliance asks for both: data that "
    "is FAIR <i>and</i> CARE. In practice that means a tribe or iwi can say yes to a study on "
    "its own terms, see what is done with the data, and say no to the next use.": "Nid "
    "cystadleuydd i FAIR yw CARE. Mae'r Global Indigenous Data Alliance yn gofyn am y ddau: "
    "data sy'n FAIR <i>ac</i> yn CARE. Yn ymarferol, mae hynny'n golygu bod llwyth neu iwi yn "
    "gallu cytuno i astudiaeth ar ei delerau ei hun, gweld beth sy'n cael ei wneud â'r data, a "
    "gwrthod y defnydd nesaf.",
    "Be FAIR and CARE.": "Byddwch yn FAIR ac yn CARE.",
    "The Global Indigenous Data Alliance's call": "Galwad y Global Indigenous Data Alliance",
    "References": "Cyfeiriadau",
    # Story: Who holds the key?
    "Who holds the key?": "Pwy sy'n dal yr allwedd?",
    "who-holds-the-key": "pwy-syn-dal-yr-allwedd",
    "A short film about a community data agreement: who can open the database, who decides, "
    "and what happens when a researcher asks for more.": "Ffilm fer am gytundeb data "
    "cymunedol: pwy sy'n gallu agor y gronfa ddata, pwy sy'n penderfynu, a beth sy'n digwydd "
    "pan fydd ymchwilydd yn gofyn am fwy.",
    "Daniel Reyes filmed this conversation with Aroha Ngata for a data governance workshop. The "
    "film is hosted on YouTube; it loads only if you choose to play it.": "Ffilmiodd Daniel "
    "Reyes y sgwrs hon ag Aroha Ngata ar gyfer gweithdy ar lywodraethu data. Mae'r ffilm ar "
    "YouTube; dim ond os byddwch chi'n dewis ei chwarae y bydd hi'n llwytho.",
    "Who holds the key? A conversation about community data agreements": (
        "Pwy sy'n dal yr allwedd? Sgwrs am gytundebau data cymunedol"
    ),
    "<b>Daniel:</b> Who can open this database today?": (
        "<b>Daniel:</b> Pwy sy'n gallu agor y gronfa ddata hon heddiw?"
    ),
    "<b>Aroha:</b> Three people, and none of them work for the university. The agreement says "
    "any new use comes back to the community board first.": "<b>Aroha:</b> Tri pherson, a does "
    "dim un ohonyn nhw'n gweithio i'r brifysgol. Mae'r cytundeb yn dweud bod unrhyw ddefnydd "
    "newydd yn dod yn ôl at fwrdd y gymuned yn gyntaf.",
    "<b>Daniel:</b> What happens when a researcher asks for more?": (
        "<b>Daniel:</b> Beth sy'n digwydd pan fydd ymchwilydd yn gofyn am fwy?"
    ),
    "<b>Aroha:</b> They come and ask in person. Sometimes we say yes. Sometimes we say not yet, "
    "and tell them what would change our minds.": "<b>Aroha:</b> Maen nhw'n dod i ofyn wyneb "
    "yn wyneb. Weithiau rydyn ni'n dweud ie. Weithiau rydyn ni'n dweud ddim eto, ac yn dweud "
    "wrthyn nhw beth fyddai'n newid ein meddwl.",
    "The agreement Aroha describes is built on the CARE principles. It names the community as "
    "the data's guardian and the university as its steward, and it can be ended by the "
    "community with six months' notice.": "Mae'r cytundeb y mae Aroha yn ei ddisgrifio wedi'i "
    "seilio ar egwyddorion CARE. Mae'n enwi'r gymuned yn warcheidwad y data a'r brifysgol yn "
    "stiward arno, a gall y gymuned ddod ag ef i ben gyda chwe mis o rybudd.",
    # Story: My grandmother's blood
    "My grandmother's blood": "Gwaed fy nain",
    "my-grandmothers-blood": "gwaed-fy-nain",
    "Aroha Ngata's grandmother gave blood for a study on rheumatic fever. Decades later it "
    "turned up somewhere else.": "Rhoddodd nain Aroha Ngata waed ar gyfer astudiaeth o "
    "dwymyn y cryd cymalau. Ddegawdau'n ddiweddarach, daeth i'r golwg yn rhywle arall.",
    "This story describes research on samples used without consent, and the grief it caused a "
    "family.": "Mae'r stori hon yn disgrifio ymchwil ar samplau a ddefnyddiwyd heb gydsyniad, "
    "a'r galar a achosodd hynny i deulu.",
    "My grandmother gave blood in 1987. A team from the city came to our marae to study "
    "rheumatic fever, which was killing our children. She told me she gave blood because she "
    "wanted the children to live.": "Rhoddodd fy nain waed ym 1987. Daeth tîm o'r ddinas i'n "
    "marae i astudio twymyn y cryd cymalau, a oedd yn lladd ein plant. Dywedodd hi wrtha i "
    "ei bod wedi rhoi gwaed am ei bod eisiau i'r plant fyw.",
    "Thirty years later I was reading a paper for my own research and recognised the name of "
    "the study in the methods section. The samples had been shared with another group overseas "
    "and used to study ancestry and migration. My grandmother had died by then. Nobody had "
    "asked her, and nobody could.": "Ddeng mlynedd ar hugain yn ddiweddarach, roeddwn i'n "
    "darllen papur ar gyfer fy ymchwil fy hun a dyma fi'n adnabod enw'r astudiaeth yn adran y "
    "dulliau. Roedd y samplau wedi'u rhannu â grŵp arall dramor a'u defnyddio i astudio llinach "
    "ac ymfudo. Roedd fy nain wedi marw erbyn hynny. Doedd neb wedi gofyn iddi, a doedd dim "
    "modd i neb wneud hynny mwyach.",
    "Her blood was a gift for the children. It was treated as a resource for anyone.": (
        "Rhodd i'r plant oedd ei gwaed hi. Cafodd ei drin fel adnodd i unrhyw un."
    ),
    "What we asked for": "Yr hyn y gofynnon ni amdano",
    "We wrote to the university. It took two years, but the samples that were left came home, "
    "and the university now asks the community before any new use of samples from our region. "
    "It does not undo anything. It means my grandchildren might be asked properly.": "Fe "
    "ysgrifennon ni at y brifysgol. Cymerodd ddwy flynedd, ond daeth y samplau oedd ar ôl adref, "
    "ac mae'r brifysgol bellach yn gofyn i'r gymuned cyn unrhyw ddefnydd newydd o samplau o'n "
    "hardal ni. Dydy hynny ddim yn dadwneud dim. Mae'n golygu y gallai fy wyrion gael eu holi'n "
    "iawn.",
    "Concentric rings of ochre, teal and charcoal on a cream background.": (
        "Cylchoedd cydganol o ocr, gwyrddlas a siarcol ar gefndir lliw hufen."
    ),
    # Contributors
    "Aroha Ngata is a Māori researcher working on Indigenous data governance. She helps tribal "
    "and community organisations write the rules under which researchers may use their data.": (
        "Mae Aroha Ngata yn ymchwilydd Māori sy'n gweithio ar lywodraethu data brodorol. Mae hi'n "
        "helpu sefydliadau llwythol a chymunedol i ysgrifennu'r rheolau sy'n pennu sut y caiff "
        "ymchwilwyr ddefnyddio'u data."
    ),
    "Mei Lin Tan draws science for people who were never asked if they wanted to read about it. "
    "She wrote and drew the illustrated essay <i>Drawing the missing</i>.": "Mae Mei Lin Tan yn "
    "darlunio gwyddoniaeth i bobl na ofynnodd neb iddyn nhw erioed a oedden nhw eisiau darllen "
    "amdani. Hi a ysgrifennodd ac a ddarluniodd yr ysgrif ddarluniadol <i>Drawing the "
    "missing</i>.",
    "Portfolio": "Portffolio",
    "Daniel Reyes is a video journalist. He makes the collection's short films and co-hosts the "
    "podcast.": "Mae Daniel Reyes yn newyddiadurwr fideo. Mae'n gwneud ffilmiau byrion y "
    "casgliad ac yn cyd-gyflwyno'r podlediad.",
    # Themes
    "Biobanks": "Biobanciau",
    "The freezers and databases that keep samples and data for research for decades.": (
        "Y rhewgelloedd a'r cronfeydd data sy'n cadw samplau a data ar gyfer ymchwil am ddegawdau."
    ),
    "Community-led research": "Ymchwil dan arweiniad cymunedau",
    "Research where the questions, and the rules, come from the people being studied.": (
        "Ymchwil lle mae'r cwestiynau, a'r rheolau, yn dod gan y bobl sy'n cael eu hastudio."
    ),
    "Consent": "Cydsyniad",
    "What people agree to when they give a sample or their records, and what they are told.": (
        "Beth mae pobl yn cytuno iddo pan fyddan nhw'n rhoi sampl neu eu cofnodion, a beth sy'n "
        "cael ei ddweud wrthyn nhw."
    ),
    "Data gaps": "Bylchau mewn data",
    "Missing fields, missing people and the decisions made without them.": (
        "Meysydd coll, pobl goll a'r penderfyniadau a wneir hebddyn nhw."
    ),
    "Genomic diversity": "Amrywiaeth genomig",
    "Who is in the genetic studies that shape medicine, and who is not.": (
        "Pwy sydd yn yr astudiaethau genetig sy'n llunio meddygaeth, a phwy sydd ddim."
    ),
    "History and harm": "Hanes a niwed",
    "The racism, eugenics and broken promises that still shape trust in research.": (
        "Yr hiliaeth, yr ewgeneg a'r addewidion a dorrwyd sy'n dal i siapio ymddiriedaeth mewn "
        "ymchwil."
    ),
    "Indigenous data sovereignty": "Sofraniaeth data brodorol",
    "The right of Indigenous peoples to govern data about their communities, lands and "
    "bodies.": "Hawl pobloedd brodorol i lywodraethu data am eu cymunedau, eu tiroedd a'u cyrff.",
}

# Alt text of the images the Welsh pages use (heroes, the series cover, the portraits), keyed by
# the image's English description (translations/images.py stores them on the image). A
# portrait's "them" takes the person's own pronoun: i'w chynrychioli (her), i'w gynrychioli (him).
ALT_TEXTS = {
    "Stripes of dark teal, pale green and coral on a cream background. One dark teal stripe is "
    "broken by an empty stretch in the middle.": "Streipiau gwyrddlas tywyll, gwyrdd golau a "
    "chwrel ar gefndir lliw hufen. Mae un streipen wyrddlas dywyll wedi'i thorri yn y canol gan "
    "ddarn gwag.",
    "Rows of dark green and gold dots on a pale background, broken by a rectangle of empty "
    "space right of centre.": "Rhesi o ddotiau gwyrdd tywyll ac aur ar gefndir golau, wedi'u "
    "torri gan betryal o le gwag i'r dde o'r canol.",
    "Two wavy strands, yellow and pale blue, twist like a DNA ladder across a dark blue "
    "background, joined by cream rungs with some missing.": "Mae dau edefyn tonnog, un melyn ac "
    "un glas golau, yn troelli fel ysgol DNA ar draws cefndir glas tywyll. Mae ffyn lliw hufen "
    "yn eu cysylltu, ac mae rhai o'r ffyn ar goll.",
    "Concentric rings of ochre, teal and charcoal on a cream background.": (
        "Cylchoedd cydganol o ocr, gwyrddlas a siarcol ar gefndir lliw hufen."
    ),
    "Concentric rings in dark green, gold and sage: the abstract mark Aroha Ngata chose to "
    "represent them instead of a photograph.": "Cylchoedd cydganol mewn gwyrdd tywyll, aur a "
    "gwyrddlwyd: y marc haniaethol a ddewisodd Aroha Ngata i'w chynrychioli yn lle ffotograff.",
    "Concentric rings in dark green, gold and sage: the abstract mark Daniel Reyes chose to "
    "represent them instead of a photograph.": "Cylchoedd cydganol mewn gwyrdd tywyll, aur a "
    "gwyrddlwyd: y marc haniaethol a ddewisodd Daniel Reyes i'w gynrychioli yn lle ffotograff.",
    "Concentric rings in plum, coral and peach: the abstract mark Mei Lin Tan chose to represent "
    "them instead of a photograph.": "Cylchoedd cydganol mewn lliw eirin, cwrel ac eirin "
    "gwlanog: y marc haniaethol a ddewisodd Mei Lin Tan i'w chynrychioli yn lle ffotograff.",
}

# Their default captions, keyed by the English caption.
CAPTIONS = {
    "Our Data, Our Terms: a series on Indigenous data sovereignty.": (
        "Ein Data, Ein Telerau: cyfres am sofraniaeth data brodorol."
    ),
    "Findable, accessible, reusable: and whose?": (
        "Canfyddadwy, hygyrch, ailddefnyddiadwy: ac yn eiddo i bwy?"
    ),
    "Who holds the key to the data?": "Pwy sy'n dal yr allwedd i'r data?",
    "A gift for the children.": "Rhodd i'r plant.",
    "Aroha Ngata's mark.": "Marc Aroha Ngata.",
    "Mei Lin Tan's mark.": "Marc Mei Lin Tan.",
    "Daniel Reyes's mark.": "Marc Daniel Reyes.",
}
