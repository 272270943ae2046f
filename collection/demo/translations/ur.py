"""Urdu (ur) translations of the demo content, keyed by the exact English segment text.

The keys are the strings wagtail-localize extracts from the demo pages (home, the stories,
series and contributors indexes, the share-your-story page, the series "Our Data, Our Terms",
three stories, two contributors) and from every Theme; the values are their Urdu text. The
loader in `collection.demo.translations` applies them through wagtail-localize, so editors see
them in the translation editor like any other translation.

Written as natural Urdu for readers in Pakistan and the UK diaspora, not word for word:
personal names are transliterated (آروہا نگاتا), the acronyms FAIR and CARE and the cited
essay title stay in Latin script as they are cited, and inline tags (<b>, <i>) sit around the
matching Urdu words. Page slugs are short romanised Urdu, since Wagtail is not set to allow
Unicode slugs (the home page's is "sarwaraq", سرورق, the front page). Themes keep their English
slug, shared by a theme's translations, so theirs are not listed here.
"""

STRINGS = {
    # Home page.
    "Mind The Gap": "Mind The Gap",
    "home": "sarwaraq",
    "Stories, podcasts and videos about health data equity: consent, biobanks, genomic "
    "diversity and Indigenous data sovereignty.": (
        "صحت کے ڈیٹا میں مساوات پر کہانیاں، پوڈکاسٹ اور ویڈیوز: رضامندی، بایو بینک، جینومی تنوع "
        "اور مقامی اقوام کی ڈیٹا خودمختاری۔"
    ),
    "Mind The Gap is a growing collection of stories about <b>who is missing from health "
    "data</b>, and what happens when they are. Researchers, writers, illustrators and the "
    "communities most affected tell them together: in articles, podcasts, videos, illustrated "
    "essays and personal stories.": (
        "مائنڈ دی گیپ کہانیوں کا ایک بڑھتا ہوا مجموعہ ہے جو بتاتا ہے کہ <b>صحت کے ڈیٹا میں کون "
        "شامل نہیں</b>، اور جب لوگ یوں چھوٹ جائیں تو کیا ہوتا ہے۔ یہ کہانیاں محققین، لکھاری، "
        "مصوّر اور سب سے زیادہ متاثر ہونے والی برادریاں مل کر سناتے ہیں: مضامین، پوڈکاسٹ، "
        "ویڈیوز، تصویری مضامین اور ذاتی کہانیوں کی صورت میں۔"
    ),
    "Have you given a sample, refused one, or never been asked? We would like to hear from you.": (
        "کیا آپ نے کبھی تحقیق کے لیے نمونہ دیا، دینے سے انکار کیا، یا آپ سے کبھی پوچھا ہی نہیں "
        "گیا؟ ہم آپ کی بات سننا چاہیں گے۔"
    ),
    # Stories index.
    "Stories": "کہانیاں",
    "stories": "kahaniyan",
    "Every story in the collection, newest first: articles, podcasts, videos, illustrated "
    "essays and personal stories.": (
        "مجموعے کی ہر کہانی، تازہ ترین سب سے پہلے: مضامین، پوڈکاسٹ، ویڈیوز، تصویری مضامین اور "
        "ذاتی کہانیاں۔"
    ),
    # Series index.
    "Series": "سلسلے",
    "series": "silsila",
    "Some questions need more than one story. Each series follows one of them, in order.": (
        "کچھ سوالوں کے لیے ایک کہانی کافی نہیں ہوتی۔ ہر سلسلہ ایسے ہی کسی ایک سوال کو لے کر "
        "ترتیب وار آگے بڑھتا ہے۔"
    ),
    # Contributors index.
    "Contributors": "شراکت کار",
    "contributors": "shirakat-kar",
    "The people who write, research, draw and speak in the collection. Many of them are not "
    "professional writers: they are the people the data is about.": (
        "وہ لوگ جو اس مجموعے کے لیے لکھتے، تحقیق کرتے، تصویریں بناتے اور بولتے ہیں۔ ان میں سے "
        "بہت سے پیشہ ور لکھاری نہیں: یہ وہی لوگ ہیں جن کے بارے میں یہ ڈیٹا ہے۔"
    ),
    # Share-your-story page (the form).
    "Share your story": "اپنی کہانی بھیجیں",
    "share-your-story": "apni-kahani-bhejein",
    "Send us your own story about health data: in words, sound or pictures.": (
        "صحت کے ڈیٹا سے جڑی اپنی کہانی ہمیں بھیجیں: لفظوں، آواز یا تصویروں میں۔"
    ),
    "Have you, your family or your community been left out of health research, or harmed by "
    "how data about you was used? We would like to hear from you, in your own words.": (
        "کیا آپ، آپ کے خاندان یا آپ کی برادری کو صحت کی تحقیق سے باہر رکھا گیا، یا آپ کے بارے "
        "میں ڈیٹا جس طرح استعمال ہوا اس سے آپ کو نقصان پہنچا؟ ہم آپ کی بات آپ ہی کے الفاظ میں "
        "سننا چاہیں گے۔"
    ),
    "Tell it in your own way: a few paragraphs are enough.": (
        "اپنے انداز میں بتائیں: چند پیراگراف کافی ہیں۔"
    ),
    "You can use a pseudonym, or ask us to publish it anonymously.": (
        "آپ فرضی نام استعمال کر سکتے ہیں، یا ہم سے کہہ سکتے ہیں کہ اسے آپ کا نام ظاہر کیے بغیر "
        "شائع کریں۔"
    ),
    "Please do not name other people without their agreement.": (
        "براہِ کرم دوسرے لوگوں کی رضامندی کے بغیر ان کا نام نہ لکھیں۔"
    ),
    "We read every story and reply within four weeks. Nothing is published until our editors "
    "have reviewed it with you.": (
        "ہم ہر کہانی پڑھتے ہیں اور چار ہفتوں کے اندر جواب دیتے ہیں۔ جب تک ہمارے مدیر آپ کے ساتھ "
        "مل کر اس کا جائزہ نہ لے لیں، کچھ بھی شائع نہیں کیا جاتا۔"
    ),
    "We use what you send only to consider, prepare and (if you agree) publish your story. "
    "Your email address is used to confirm your story and, if you agree, to contact you about "
    "it. Only our editors and reviewers can see your story and files; files are kept in "
    "private storage and never published without your agreement.": (
        "آپ جو کچھ بھیجتے ہیں، ہم اسے صرف آپ کی کہانی پر غور کرنے، اسے اشاعت کے لیے تیار کرنے "
        "اور (آپ کی رضامندی سے) شائع کرنے کے لیے استعمال کرتے ہیں۔ آپ کا ای میل پتہ آپ کی کہانی "
        "کی تصدیق کے لیے، اور آپ کی رضامندی ہو تو اس کے بارے میں آپ سے رابطے کے لیے استعمال "
        "ہوتا ہے۔ آپ کی کہانی اور فائلیں صرف ہمارے مدیر اور جائزہ کار دیکھ سکتے ہیں؛ فائلیں "
        "نجی اسٹوریج میں رکھی جاتی ہیں اور آپ کی رضامندی کے بغیر کبھی شائع نہیں کی جاتیں۔"
    ),
    "If we do not publish your story, we delete your details and files a year after our "
    "decision. You can ask us to delete them sooner at any time: reply to your confirmation "
    "email quoting your reference number.": (
        "اگر ہم آپ کی کہانی شائع نہیں کرتے تو اپنے فیصلے کے ایک سال بعد آپ کی تفصیلات اور "
        "فائلیں حذف کر دیتے ہیں۔ آپ کسی بھی وقت ہم سے کہہ سکتے ہیں کہ انہیں اس سے پہلے حذف کر "
        "دیں: اپنی تصدیقی ای میل کا جواب دیں اور اس میں اپنا حوالہ نمبر لکھیں۔"
    ),
    "An editor will read your story within four weeks. If you agreed to be contacted, we may "
    "write with questions. Thank you for trusting us with it.": (
        "ایک مدیر چار ہفتوں کے اندر آپ کی کہانی پڑھے گا۔ اگر آپ نے رابطے کی اجازت دی ہے تو ہم "
        "کچھ سوالات کے ساتھ آپ کو لکھ سکتے ہیں۔ اپنی کہانی ہمیں سونپ کر ہم پر بھروسا کرنے کا شکریہ۔"
    ),
    # Series "Our Data, Our Terms".
    "Our Data, Our Terms": "ہمارا ڈیٹا، ہماری شرائط",
    "our-data-our-terms": "hamara-data-hamari-sharait",
    "Indigenous peoples and communities are writing their own rules for research. This series "
    "hears from the people doing it.": (
        "مقامی اقوام اور برادریاں تحقیق کے لیے اپنے قواعد خود لکھ رہی ہیں۔ اس سلسلے میں ہم یہ "
        "کام کرنے والوں کی بات انہی کی زبانی سنتے ہیں۔"
    ),
    # Story "CARE before FAIR". The acronyms stay in Latin script: they are the principles'
    # names as cited everywhere, and an Urdu word always stands between two of them so the
    # bidirectional algorithm never runs them together in the wrong order.
    "CARE before FAIR: principles for Indigenous data": (
        "FAIR سے پہلے CARE: مقامی اقوام کے ڈیٹا کے اصول"
    ),
    "care-before-fair": "fair-se-pehle-care",
    "Open data should be findable and reusable. Aroha Ngata explains why Indigenous data also "
    "needs collective benefit, authority, responsibility and ethics.": (
        "کھلا ڈیٹا قابلِ تلاش اور دوبارہ قابلِ استعمال ہونا چاہیے۔ آروہا نگاتا بتاتی ہیں کہ "
        "مقامی اقوام کے ڈیٹا کو اس کے ساتھ اجتماعی فائدے، اختیار، ذمہ داری اور اخلاقیات کی بھی "
        "ضرورت کیوں ہے۔"
    ),
    "Scientists love the FAIR principles: data should be Findable, Accessible, Interoperable "
    "and Reusable. They have made research faster and more honest. They also say nothing about "
    "who the data belongs to, or who decides what it is used for.": (
        "سائنس دانوں کو FAIR اصول بہت عزیز ہیں: ڈیٹا قابلِ تلاش (Findable)، قابلِ رسائی "
        "(Accessible)، دوسرے نظاموں سے ہم آہنگ (Interoperable) اور دوبارہ قابلِ استعمال "
        "(Reusable) ہونا چاہیے۔ ان اصولوں نے تحقیق کو تیز بھی کیا ہے اور زیادہ دیانت دار بھی۔ "
        "لیکن یہ اس بارے میں کچھ نہیں کہتے کہ ڈیٹا کس کا ہے، یا یہ کون طے کرتا ہے کہ اسے کس کام "
        "میں لایا جائے۔"
    ),
    "For Indigenous peoples that silence matters. Data about our communities, our lands and "
    "our bodies has been collected by others for a long time, often to describe us as a "
    "problem. Making that data easier to reuse, without asking us, repeats the harm more "
    "efficiently.": (
        "مقامی اقوام کے لیے یہ خاموشی معنی رکھتی ہے۔ ہماری برادریوں، ہماری زمینوں اور ہمارے "
        "جسموں کے بارے میں ڈیٹا مدتوں سے دوسرے لوگ جمع کرتے آئے ہیں، اکثر ہمیں ایک مسئلے کے طور "
        "پر پیش کرنے کے لیے۔ ہم سے پوچھے بغیر اس ڈیٹا کا دوبارہ استعمال آسان بنانا اسی نقصان کو "
        "پہلے سے زیادہ مؤثر طریقے سے دہراتا ہے۔"
    ),
    "The CARE principles": "CARE کے اصول",
    "CARE, in one line each": "CARE کا ہر اصول، ایک سطر میں",
    "Collective benefit: data ecosystems should let Indigenous peoples benefit.": (
        "اجتماعی فائدہ: ڈیٹا کے نظام ایسے ہوں کہ مقامی اقوام ان سے فائدہ اٹھا سکیں۔"
    ),
    "Authority to control: Indigenous peoples' rights and interests in their data must be "
    "recognised, and their authority to control it.": (
        "اختیار: مقامی اقوام کے اپنے ڈیٹا پر حقوق اور مفادات تسلیم کیے جائیں، اور اس پر ان کا "
        "اختیار بھی۔"
    ),
    "Responsibility: those working with the data share how it supports Indigenous "
    "self-determination.": (
        "ذمہ داری: ڈیٹا پر کام کرنے والے بتائیں کہ یہ ڈیٹا مقامی اقوام کے حقِ خود ارادیت میں کس "
        "طرح مددگار ہے۔"
    ),
    "Ethics: Indigenous peoples' rights and wellbeing come first at every stage.": (
        "اخلاقیات: ہر مرحلے پر مقامی اقوام کے حقوق اور بہبود سب سے مقدم ہیں۔"
    ),
    "CARE is not a rival to FAIR. The Global Indigenous Data Alliance asks for both: data that "
    "is FAIR <i>and</i> CARE. In practice that means a tribe or iwi can say yes to a study on "
    "its own terms, see what is done with the data, and say no to the next use.": (
        "CARE کے اصول FAIR کے حریف نہیں۔ گلوبل انڈیجینس ڈیٹا الائنس (Global Indigenous Data "
        "Alliance) دونوں کا مطالبہ کرتا ہے: ایسا ڈیٹا جو FAIR بھی ہو <i>اور</i> CARE بھی۔ عملی "
        "طور پر اس کا مطلب یہ ہے کہ کوئی قبیلہ یا ایوی (ماؤری قبیلہ) کسی تحقیق کو اپنی شرائط پر "
        "ہاں کہہ سکے، دیکھ سکے کہ ڈیٹا کے ساتھ کیا کیا جا رہا ہے، اور اگلے استعمال سے انکار کر "
        "سکے۔"
    ),
    "Be FAIR and CARE.": "FAIR بھی رہیں اور CARE بھی کریں۔",
    "The Global Indigenous Data Alliance's call": "گلوبل انڈیجینس ڈیٹا الائنس کا نعرہ",
    "References": "حوالہ جات",
    # Story "Who holds the key?" (a video with its transcript).
    "Who holds the key?": "چابی کس کے پاس ہے؟",
    "who-holds-the-key": "chabi-kis-ke-paas",
    "A short film about a community data agreement: who can open the database, who decides, "
    "and what happens when a researcher asks for more.": (
        "برادری کے ڈیٹا معاہدے پر ایک مختصر فلم: ڈیٹا بیس کون کھول سکتا ہے، فیصلہ کون کرتا ہے، "
        "اور جب کوئی محقق مزید کچھ مانگے تو کیا ہوتا ہے۔"
    ),
    "Daniel Reyes filmed this conversation with Aroha Ngata for a data governance workshop. The "
    "film is hosted on YouTube; it loads only if you choose to play it.": (
        "ڈینیئل ریئس نے آروہا نگاتا کے ساتھ یہ گفتگو ڈیٹا گورننس کی ایک ورکشاپ کے لیے فلمائی۔ "
        "یہ فلم یوٹیوب پر ہے؛ یہ صرف اسی وقت لوڈ ہوتی ہے جب آپ خود اسے چلانا چاہیں۔"
    ),
    "Who holds the key? A conversation about community data agreements": (
        "چابی کس کے پاس ہے؟ برادری کے ڈیٹا معاہدوں پر ایک گفتگو"
    ),
    "<b>Daniel:</b> Who can open this database today?": (
        "<b>ڈینیئل:</b> آج یہ ڈیٹا بیس کون کھول سکتا ہے؟"
    ),
    "<b>Aroha:</b> Three people, and none of them work for the university. The agreement says "
    "any new use comes back to the community board first.": (
        "<b>آروہا:</b> تین لوگ، اور ان میں سے کوئی بھی یونیورسٹی کا ملازم نہیں۔ معاہدے کے مطابق "
        "کوئی بھی نیا استعمال پہلے برادری کے بورڈ کے سامنے آتا ہے۔"
    ),
    "<b>Daniel:</b> What happens when a researcher asks for more?": (
        "<b>ڈینیئل:</b> جب کوئی محقق مزید کچھ مانگتا ہے تو کیا ہوتا ہے؟"
    ),
    "<b>Aroha:</b> They come and ask in person. Sometimes we say yes. Sometimes we say not yet, "
    "and tell them what would change our minds.": (
        "<b>آروہا:</b> وہ خود آ کر پوچھتے ہیں۔ کبھی ہم ہاں کہہ دیتے ہیں۔ کبھی کہتے ہیں کہ ابھی "
        "نہیں، اور بتا دیتے ہیں کہ کس بات سے ہماری رائے بدل سکتی ہے۔"
    ),
    "The agreement Aroha describes is built on the CARE principles. It names the community as "
    "the data's guardian and the university as its steward, and it can be ended by the "
    "community with six months' notice.": (
        "آروہا جس معاہدے کا ذکر کرتی ہیں وہ CARE کے اصولوں پر قائم ہے۔ اس میں برادری کو ڈیٹا کا "
        "سرپرست اور یونیورسٹی کو اس کا امین قرار دیا گیا ہے، اور برادری چھ ماہ کے نوٹس پر اسے "
        "ختم کر سکتی ہے۔"
    ),
    # Story "My grandmother's blood". Urdu has no word for a grandmother on either side;
    # نانی (mother's mother) is the usual choice when the text does not say.
    "My grandmother's blood": "میری نانی کا خون",
    "my-grandmothers-blood": "meri-nani-ka-khoon",
    "Aroha Ngata's grandmother gave blood for a study on rheumatic fever. Decades later it "
    "turned up somewhere else.": (
        "آروہا نگاتا کی نانی نے ریومیٹک بخار پر ایک تحقیق کے لیے خون دیا تھا۔ دہائیوں بعد وہ "
        "کہیں اور جا پہنچا۔"
    ),
    "This story describes research on samples used without consent, and the grief it caused a "
    "family.": (
        "اس کہانی میں ایسی تحقیق کا ذکر ہے جس میں نمونے رضامندی کے بغیر استعمال کیے گئے، اور اس "
        "دکھ کا بھی جو اس سے ایک خاندان کو پہنچا۔"
    ),
    "My grandmother gave blood in 1987. A team from the city came to our marae to study "
    "rheumatic fever, which was killing our children. She told me she gave blood because she "
    "wanted the children to live.": (
        "میری نانی نے 1987 میں خون دیا تھا۔ شہر سے ایک ٹیم ریومیٹک بخار (گٹھیا بخار) پر تحقیق "
        "کے لیے ہمارے مارائے میں آئی تھی، جو ہماری برادری کی اجتماع گاہ ہے۔ یہ بیماری ہمارے "
        "بچوں کی جان لے رہی تھی۔ نانی نے مجھے بتایا کہ انہوں نے خون اس لیے دیا کہ وہ چاہتی "
        "تھیں بچے زندہ رہیں۔"
    ),
    "Thirty years later I was reading a paper for my own research and recognised the name of "
    "the study in the methods section. The samples had been shared with another group overseas "
    "and used to study ancestry and migration. My grandmother had died by then. Nobody had "
    "asked her, and nobody could.": (
        "تیس سال بعد میں اپنی تحقیق کے لیے ایک مقالہ پڑھ رہی تھی کہ طریقۂ کار والے حصے میں "
        "مجھے اس تحقیق کا نام نظر آیا، جسے میں فوراً پہچان گئی۔ نمونے بیرونِ ملک ایک اور گروپ کو "
        "دے دیے گئے تھے اور ان سے نسلی پس منظر اور ہجرت پر تحقیق کی گئی تھی۔ تب تک نانی کا "
        "انتقال ہو چکا تھا۔ کسی نے ان سے پوچھا نہیں تھا، اور اب کوئی پوچھ بھی نہیں سکتا تھا۔"
    ),
    "Her blood was a gift for the children. It was treated as a resource for anyone.": (
        "ان کا خون بچوں کے لیے ایک تحفہ تھا۔ اسے ایسا ذخیرہ سمجھ لیا گیا جس پر ہر کسی کا حق ہو۔"
    ),
    "Aroha Ngata": "آروہا نگاتا",
    "What we asked for": "ہم نے کیا مانگا",
    "We wrote to the university. It took two years, but the samples that were left came home, "
    "and the university now asks the community before any new use of samples from our region. "
    "It does not undo anything. It means my grandchildren might be asked properly.": (
        "ہم نے یونیورسٹی کو خط لکھا۔ دو سال لگے، مگر جو نمونے باقی بچے تھے وہ گھر لوٹ آئے، اور "
        "اب یونیورسٹی ہمارے علاقے کے نمونوں کے کسی بھی نئے استعمال سے پہلے برادری سے پوچھتی "
        "ہے۔ جو ہو چکا وہ اس سے مٹ نہیں جاتا۔ مگر اس کا مطلب یہ ہے کہ شاید میرے بچوں کے بچوں سے "
        "ٹھیک طرح پوچھا جائے۔"
    ),
    "Concentric rings of ochre, teal and charcoal on a cream background.": (
        "کریم رنگ کے پس منظر پر گیرو، نیلگوں سبز اور گہرے سرمئی رنگ کے ہم مرکز دائرے۔"
    ),
    # Contributors.
    "aroha-ngata": "aroha-ngata",
    "Aroha Ngata is a Māori researcher working on Indigenous data governance. She helps tribal "
    "and community organisations write the rules under which researchers may use their data.": (
        "آروہا نگاتا ماؤری محقق ہیں اور مقامی اقوام کی ڈیٹا گورننس پر کام کرتی ہیں۔ وہ قبائلی "
        "اور برادری کی تنظیموں کو ایسے قواعد لکھنے میں مدد دیتی ہیں جن کے تحت محققین ان کا ڈیٹا "
        "استعمال کر سکیں۔"
    ),
    "Mastodon": "Mastodon",
    "Mei Lin Tan": "مے لن ٹین",
    "mei-lin-tan": "mei-lin-tan",
    "Mei Lin Tan draws science for people who were never asked if they wanted to read about "
    "it. She wrote and drew the illustrated essay <i>Drawing the missing</i>.": (
        "مے لن ٹین سائنس کو ان لوگوں کے لیے تصویروں میں ڈھالتی ہیں جن سے کبھی پوچھا ہی نہیں گیا "
        "کہ وہ اس کے بارے میں پڑھنا چاہتے ہیں یا نہیں۔ تصویری مضمون <i>Drawing the missing</i> "
        "انہوں نے ہی لکھا اور اس کی تصویریں بھی خود بنائیں۔"
    ),
    "Portfolio": "پورٹ فولیو",
    "Daniel Reyes": "ڈینیئل ریئس",
    "daniel-reyes": "daniel-reyes",
    "Daniel Reyes is a video journalist. He makes the collection's short films and co-hosts the "
    "podcast.": (
        "ڈینیئل ریئس ویڈیو صحافی ہیں۔ وہ اس مجموعے کی مختصر فلمیں بناتے ہیں اور پوڈکاسٹ کی "
        "میزبانی میں بھی شریک ہیں۔"
    ),
    # Themes. Their slugs are not here: a theme's translations share its slug.
    "Biobanks": "بایو بینک",
    "The freezers and databases that keep samples and data for research for decades.": (
        "وہ فریزر اور ڈیٹا بیس جو تحقیق کے لیے نمونے اور ڈیٹا دہائیوں تک محفوظ رکھتے ہیں۔"
    ),
    "Community-led research": "برادری کی قیادت میں تحقیق",
    "Research where the questions, and the rules, come from the people being studied.": (
        "ایسی تحقیق جس میں سوال، اور قواعد بھی، انہی لوگوں کی طرف سے آتے ہیں جن پر تحقیق ہو رہی ہے۔"
    ),
    "Consent": "رضامندی",
    "What people agree to when they give a sample or their records, and what they are told.": (
        "لوگ نمونہ یا اپنا ریکارڈ دیتے وقت کس بات پر رضامند ہوتے ہیں، اور انہیں کیا بتایا جاتا ہے۔"
    ),
    "Data gaps": "ڈیٹا کے خلا",
    "Missing fields, missing people and the decisions made without them.": (
        "خالی خانے، غائب لوگ، اور وہ فیصلے جو ان کے بغیر کیے جاتے ہیں۔"
    ),
    "Genomic diversity": "جینومی تنوع",
    "Who is in the genetic studies that shape medicine, and who is not.": (
        "طب کی سمت طے کرنے والی جینیاتی تحقیقات میں کون شامل ہے، اور کون نہیں۔"
    ),
    "History and harm": "تاریخ اور نقصان",
    "The racism, eugenics and broken promises that still shape trust in research.": (
        "وہ نسل پرستی، یوجینکس (نسل سدھار کی تحریک) اور توڑے گئے وعدے جو آج بھی تحقیق پر اعتماد "
        "کو متاثر کرتے ہیں۔"
    ),
    "Indigenous data sovereignty": "مقامی اقوام کی ڈیٹا خودمختاری",
    "The right of Indigenous peoples to govern data about their communities, lands and bodies.": (
        "مقامی اقوام کا یہ حق کہ اپنی برادریوں، زمینوں اور جسموں سے متعلق ڈیٹا کا انتظام وہ خود "
        "کریں۔"
    ),
}

# Alt text of the images the Urdu pages use (heroes, the series cover, the portraits), keyed by
# the image's English description (translations/images.py stores them on the image). "Right"
# stays the picture's right: the picture is not mirrored on a right-to-left page.
ALT_TEXTS = {
    "Stripes of dark teal, pale green and coral on a cream background. One dark teal stripe is "
    "broken by an empty stretch in the middle.": (
        "کریم رنگ کے پس منظر پر گہرے نیلگوں سبز، ہلکے سبز اور مرجانی رنگ کی پٹیاں۔ گہرے نیلگوں "
        "سبز رنگ کی ایک پٹی بیچ میں ایک خالی حصے کی وجہ سے ٹوٹی ہوئی ہے۔"
    ),
    "Rows of dark green and gold dots on a pale background, broken by a rectangle of empty "
    "space right of centre.": (
        "ہلکے رنگ کے پس منظر پر گہرے سبز اور سنہری نقطوں کی قطاریں، جن کے بیچ مرکز سے دائیں جانب "
        "ایک مستطیل حصہ خالی ہے۔"
    ),
    "Two wavy strands, yellow and pale blue, twist like a DNA ladder across a dark blue "
    "background, joined by cream rungs with some missing.": (
        "گہرے نیلے پس منظر پر دو لہریا لڑیاں، ایک پیلی اور ایک ہلکی نیلی، ڈی این اے کی سیڑھی کی "
        "طرح ایک دوسرے سے لپٹی ہوئی ہیں۔ انہیں کریم رنگ کے ڈنڈے جوڑتے ہیں، جن میں سے کچھ غائب ہیں۔"
    ),
    "Concentric rings of ochre, teal and charcoal on a cream background.": (
        "کریم رنگ کے پس منظر پر گیرو، نیلگوں سبز اور گہرے سرمئی رنگ کے ہم مرکز دائرے۔"
    ),
    "Concentric rings in dark green, gold and sage: the abstract mark Aroha Ngata chose to "
    "represent them instead of a photograph.": (
        "گہرے سبز، سنہری اور ہلکے سبزی مائل سرمئی رنگ کے ہم مرکز دائرے: وہ تجریدی نشان جو آروہا "
        "نگاتا نے اپنی تصویر کے بجائے اپنی پہچان کے لیے چنا۔"
    ),
    "Concentric rings in dark green, gold and sage: the abstract mark Daniel Reyes chose to "
    "represent them instead of a photograph.": (
        "گہرے سبز، سنہری اور ہلکے سبزی مائل سرمئی رنگ کے ہم مرکز دائرے: وہ تجریدی نشان جو "
        "ڈینیئل ریئس نے اپنی تصویر کے بجائے اپنی پہچان کے لیے چنا۔"
    ),
    "Concentric rings in plum, coral and peach: the abstract mark Mei Lin Tan chose to represent "
    "them instead of a photograph.": (
        "جامنی، مرجانی اور آڑو رنگ کے ہم مرکز دائرے: وہ تجریدی نشان جو مے لن ٹین نے اپنی تصویر "
        "کے بجائے اپنی پہچان کے لیے چنا۔"
    ),
}

# Their default captions, keyed by the English caption.
CAPTIONS = {
    "Our Data, Our Terms: a series on Indigenous data sovereignty.": (
        "ہمارا ڈیٹا، ہماری شرائط: مقامی اقوام کی ڈیٹا خودمختاری پر ایک سلسلہ۔"
    ),
    "Findable, accessible, reusable: and whose?": (
        "قابلِ تلاش، قابلِ رسائی، دوبارہ قابلِ استعمال: مگر کس کا؟"
    ),
    "Who holds the key to the data?": "ڈیٹا کی چابی کس کے پاس ہے؟",
    "A gift for the children.": "بچوں کے لیے ایک تحفہ۔",
    "Aroha Ngata's mark.": "آروہا نگاتا کا نشان۔",
    "Mei Lin Tan's mark.": "مے لن ٹین کا نشان۔",
    "Daniel Reyes's mark.": "ڈینیئل ریئس کا نشان۔",
}
