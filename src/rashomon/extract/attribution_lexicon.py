"""The words that mark attribution in news English: cue verbs, nominal cues, hedges, quote marks, pronouns.

Knowledge only, no matching: :mod:`rashomon.extract.claims` reads these sets. The verb lexicon started from
the attribution cues annotated in PolNeAR's *train* compartment (lemmas that head a cue at least a few times
and head one in most of their uses with a subject) and was completed with the reporting verbs of conflict news
(confirm, deny, accuse, allege, condemn, threaten). Nothing here names a particular outlet, place or event.
"""

from __future__ import annotations

SPEECH_VERBS: frozenset[str] = frozenset({
    # saying and telling
    "say", "tell", "add", "state", "write", "tweet", "post", "remark", "reply", "respond", "answer", "ask",
    "explain", "note", "observe", "comment", "mention", "repeat", "reiterate", "recall",
    "declare", "announce", "proclaim", "report", "inform", "brief", "quote", "cite", "publish", "release",
    "testify", "joke", "shout", "chant", "exclaim", "scream", "muse", "wonder", "marvel", "quip", "boast",
    "email", "retweet", "text", "recount", "describe", "characterize", "portray", "dub", "label",
    # asserting, conceding, denying
    "claim", "allege", "assert", "insist", "maintain", "contend", "argue", "stress", "emphasize", "emphasise",
    "underline", "highlight", "acknowledge", "admit", "concede", "confess", "confirm", "deny", "dispute",
    "reject", "dismiss", "refute", "rebut", "counter", "correct", "clarify", "reveal", "disclose", "indicate",
    "suggest", "imply", "hint", "signal", "point", "conclude", "find", "determine", "estimate", "predict",
    "forecast", "project", "calculate", "speculate", "guess", "show", "demonstrate",
    # evaluating and blaming
    "accuse", "blame", "charge", "condemn", "denounce", "decry", "criticize", "criticise", "slam", "blast",
    "attack", "assail", "lambaste", "mock", "ridicule", "deride", "praise", "hail", "laud", "welcome",
    "applaud", "thank", "complain", "lament", "regret", "protest", "object", "question", "challenge",
    "doubt", "defend", "justify", "apologize", "apologise",
    # warning, promising, demanding
    "warn", "threaten", "caution", "promise", "pledge", "vow", "swear", "assure", "guarantee", "urge",
    "call", "demand", "appeal", "request", "plead", "implore", "propose", "recommend", "advise", "order",
    "instruct", "agree", "disagree", "vote",
    # believing and knowing
    "think", "believe", "feel", "fear", "hope", "expect", "know", "worry", "suspect", "consider", "assume",
    "reckon", "figure", "understand", "learn", "realize", "realise", "recognize", "recognise",
    "view", "regard", "imagine", "anticipate",
    # talking about, stances (PolNeAR counts them; they need a clause, an object or their preposition)
    "refer", "talk", "speak", "want", "endorse", "support", "oppose", "back", "favor", "favour", "prefer",
    # heading a PolNeAR train cue in most of their uses (counted over 400 train articles)
    "express", "decline", "refuse", "discuss", "echo", "remind", "tout", "list", "deem", "congratulate",
    "allude", "rail", "hop",
    # with a subject, inside a PolNeAR train cue at least half the time (756 train articles, 6+ uses each;
    # also "issue", a construction of its own here ("X issued a statement saying"), and "voice", which the
    # tagger finds: "voiced concern that")
    "name", "compare", "reference", "credit", "brag", "outline", "rattle", "bemoan", "lash",
    "pivot", "side", "anger", "unveil", "articulate", "resist", "distance", "contemplate", "interject",
    "attribute", "envision", "rebuff",
})
"""Lemmas of verbs that head an attribution when they have a subject and a complement."""

NEEDS_CLAUSE: frozenset[str] = frozenset({
    "think", "feel", "know", "view", "regard", "understand", "learn", "realize", "realise",
    "recognize", "recognise", "find", "determine", "figure", "consider", "call", "ask", "answer", "continue",
    "point", "show", "demonstrate", "attack", "defend", "challenge", "question", "thank", "welcome",
    "order", "vote", "project", "release", "publish", "post", "text", "email", "mention",
    "imagine", "object", "counter", "correct", "signal", "guess", "calculate",
    "refer", "talk", "speak", "want", "decline", "refuse", "hope", "hop", "echo",
    "maintain", "advise", "respond",  # "maintains a lead", "advises banks", "responded by ..."
})
"""Verbs that attribute only with a clausal complement (``that``-clause, quote, infinitive), not an object:
"she knows that it failed" is an attribution, "she knows the town" is not."""

BARE_SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "add", "write", "tell", "ask", "reply", "explain", "note", "recall", "quip",
    "joke", "tweet", "exclaim", "insist", "shout", "answer", "remark", "observe", "comment", "conclude",
})
"""Verbs that attribute even without a complement of their own: the content is the rest of the sentence
(``"Okay," he said, "we go."``, ``This campaign, he says, is different.``)."""

PHRASAL_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}), "point": frozenset({"to", "out"}), "ask": frozenset({"about", "for"}),
    "refer": frozenset({"to"}), "talk": frozenset({"about"}), "speak": frozenset({"about", "of"}),
    "warn": frozenset({"of", "about", "against"}), "allude": frozenset({"to"}),
    "rail": frozenset({"against"}), "side": frozenset({"with", "against"}), "pivot": frozenset({"to"}),
    "lash": frozenset({"at"}), "push": frozenset({"for"}),
}
"""Prepositions that belong to a verb's cue and introduce what is attributed: "called for a ceasefire"."""

COMPLEMENT_CUES: dict[str, frozenset[str]] = {
    "push": frozenset({"for", "xcomp"}), "continue": frozenset({"ccomp"}), "cast": frozenset({"as"}),
    "weigh": frozenset({"in", "on"}), "double": frozenset({"down"}),
}
"""Verbs outside :data:`SPEECH_VERBS` that head an attribution only with a certain complement: a preposition or
particle ("has pushed for new gun restrictions", "weighed in on", "doubled down on", "cast himself as"), a
to-infinitive (``"xcomp"``: "pushed to repeal"), a clause that is said (``"ccomp"``: "“...,” he continued"), or any
complement a speech verb takes (an empty set). Each (verb with a subject, complement) pattern is inside a gold cue at
least half the time over the 756 PolNeAR *train* articles the rules learn from (at least 8 uses: *continue* +
clause 39 of 44, *push for* 9 of 12, *cast as* 8 of 12, *weigh in* 6 of 10, *weigh on* 5 of 8, *double down* 5 of
8, *push* + to 5 of 10), so that, with the claimant right about five times in six, the source too stays above the
F1 break-even (about 0.40). Above the bar but plain actions in crime and conflict news, so left out: *lay out* 12 of
19 ("was laying out his clothes"), *send out* 8 of 16 ("sends messages out"), *see with* 5 of 9 ("saw victims with
..."); above it but lower on the held-out train slice: *read* + clause 12 of 13, *seek* + to 39 of 73, *advocate
for* 4 of 8; below it (the held-out train slice gained, dev lost): *see* X *as* 27 of 64, *look* + to 9 of 20,
*aim* + to 6 of 15, *share* 22 of 53, *remember* 18 of 45 (docs/benchmarks.md, seventh session)."""


WILLED_ACTS: frozenset[str] = frozenset({
    # the act itself, whatever PolNeAR marks: aspect ("The army continued to bombard the town")
    "continue", "keep", "resume", "stop", "cease", "begin", "start", "commence",
    # effort, need and motion with a to-infinitive: gold cues under the F1 break-even (about 0.39) in the 756
    # PolNeAR train articles (go 9 of 490, need 11 of 201, fail 6 of 68, manage 3 of 21, tend 8 of 35, ...)
    "go", "need", "fail", "manage", "struggle", "tend", "set", "mean", "prepare", "come", "rush", "hasten",
    "bother", "proceed",
    # a decision is an act of will, not a statement ("He decided to skip class and went home"); PolNeAR marks
    # 20 of 51 in train, at the break-even
    "decide",
})
"""Verbs of aspect and effort that, with a to-infinitive, tell an act ("Government troops began to shell the
village", "Armenian troops managed to repel the attack"), not something said or believed: no cue (see
:func:`~rashomon.extract.cue_verbs.willed_act`)."""

INTENT_VERBS: frozenset[str] = frozenset({
    "try", "attempt", "seek", "plan", "intend", "aim", "choose", "strive", "endeavor", "endeavour",
})
"""Verbs of intent and effort that PolNeAR marks with a political to-infinitive about as often as not ("plans to
give rallies more leeway", "attempted to tie Clinton and Obama together": *seek* 47 of 97, *plan* 29 of 94 in
train) and that tell a report's view of an act with one of :data:`FORCE_ACTS` ("sought to capture the heights"):
no cue then."""

FORCE_ACTS: frozenset[str] = frozenset({
    "attack", "assault", "capture", "seize", "storm", "raid", "invade", "occupy", "overrun", "retake",
    "recapture", "besiege", "surround", "encircle", "bomb", "bombard", "shell", "strike", "hit", "shoot", "fire",
    "kill", "murder", "assassinate", "execute", "massacre", "stab", "wound", "injure", "destroy", "burn",
    "blow", "ambush", "kidnap", "abduct", "rob", "loot", "repel", "repulse", "defeat", "crush", "flee",
    "escape", "advance", "penetrate", "infiltrate", "target", "smuggle", "arrest", "detain", "disperse",
})
"""Acts of force in conflict and crime news, the to-infinitives that make an :data:`INTENT_VERBS` verb an act."""

REGARD_VERBS: frozenset[str] = frozenset({"see", "view", "regard"})
"""Verbs of "X is seen as Y": without an agent, how unnamed others regard X (*see* passive with *as*: 20 of 41
gold in train); the cue runs to *as* and has no claimant."""

QUESTION_VERBS: frozenset[str] = frozenset({"ask"})
"""Verbs of putting a question: passive or a bare participle without an agent ("Clinton was asked about ...",
"Asked whether ..., Carson said") they are a cue without a claimant (91 of 117 gold in train)."""

LIGHT_VERBS: frozenset[str] = frozenset({"make"})
"""Verbs that are cues with a speech noun for object or *clear*: "made the case for", "made it clear that"."""

SPEECH_NOUNS: frozenset[str] = frozenset({
    "case", "point", "comment", "statement", "allegation", "charge", "claim", "argument", "mention",
    "reference", "observation", "call", "promise", "pledge", "accusation", "remark", "announcement",
    "prediction", "appeal", "plea", "threat", "vow", "demand", "assertion", "pitch",
})
"""Nouns of saying that a light verb turns into a cue: "made the case", "made a pitch", "made no mention of"."""

TAKING_VERBS: frozenset[str] = frozenset({"take"})
"""Light verbs that turn a noun of stance into a cue: "took issue with", "took a swipe at", "took credit for"."""

TAKEN_STANCES: frozenset[str] = frozenset({"issue", "credit", "swipe", "jab", "exception", "potshot"})
"""Nouns of stance after :data:`TAKING_VERBS` (the object, with a preposition): with a subject, inside a gold cue
11 of 13 times over the 756 PolNeAR *train* articles (*issue* 4 of 5, *credit* 3 of 3); *took a shot at* (4 of
5) and *took aim at* (2 of 4) are left out: gunfire in conflict and crime news."""

HEDGING_CUES: frozenset[str] = frozenset({"claim", "allege", "purport"})
"""Cue lemmas by which the report itself keeps its distance from what is said."""

IMPERSONAL_CUES: frozenset[str] = frozenset({
    "say", "claim", "allege", "report", "believe", "think", "rumor", "rumour", "understand", "expect",
    "suspect", "know", "estimate", "purport", "fear", "consider",
})
"""Cue lemmas used in the passive without an agent: "it is claimed that", "X is said to be"."""

HEDGE_ADVERBS: frozenset[str] = frozenset({
    "allegedly", "reportedly", "purportedly", "supposedly", "apparently", "ostensibly", "seemingly",
    "reputedly",
})
"""Adverbs by which the report distances itself from a statement."""

NAMING_VERBS: frozenset[str] = frozenset({"call", "describe", "term", "dub", "label", "characterize"})
"""Verbs of "what it called X": the report names something in another's words, keeping its distance."""

HEDGE_VERBS: frozenset[str] = frozenset({"appear", "seem"})
"""Verbs that hedge when they take an infinitive: "a video that appears to show"."""

IMPRESSION_DEPS: frozenset[str] = frozenset({"xcomp", "acomp", "ccomp", "attr", "oprd"})
"""Complements that make a :data:`HEDGE_VERBS` verb an impression ("Trump's supporters seemed equally
unperturbed", "They appear to be unanimous", "It seems that ..."): a cue with no claimant, the report's view."""

RECORD_NOUNS: frozenset[str] = frozenset({
    "poll", "survey", "study", "report", "data", "record", "analysis", "research", "figure", "finding",
    "tally", "count", "estimate", "review", "audit", "statistic", "number", "result", "projection", "forecast",
    "document", "filing", "memo", "census", "investigation",
})
"""Head nouns of records that tell what they found: "A CNN/ORC poll showed a one-point difference",
"Initial estimates put the total at 55,000 pages", "The current count gives her 1,280 delegates"."""

FINDING_VERBS: frozenset[str] = frozenset({
    "show", "find", "put", "give", "suggest", "indicate", "reveal", "provide",
})
"""Verbs by which one of :data:`RECORD_NOUNS` tells a finding with a plain object (no clause needed): with such
a subject, inside a gold cue 48 of 53 times over the 756 PolNeAR *train* articles the rules learn from where no
other rule covers the sentence (*show* 33 of 35, *put* 4 of 5, *give* 3 of 5, *find* 4 of 4, *provide* 3 of 3);
*have* ("the poll has Clinton at 45") 4 of 12, *be* 1 of 35, *include* 0 of 5: left out."""

FINDING_NOUNS: frozenset[str] = frozenset({
    "support", "lead", "majority", "minority", "plurality", "difference", "gap", "margin", "advantage", "edge",
    "increase", "decrease", "rise", "drop", "decline", "fall", "growth", "gain", "loss", "surge", "jump",
    "trend", "shift", "approval", "disapproval", "opposition", "preference", "rating", "share", "tie",
    "evidence", "link", "pattern", "correlation", "percent", "percentage", "rate", "level", "number",
})
"""Objects by which *show* / *find* (and the other finding verbs but *put* and *give*) tell a finding without a
clause ("the poll showed a one-point difference", "found majority support"): a proposition or a measure, no
thing found ("The report found the body of a second soldier", "Research showed the way to the position")."""

MEASURE_NOUNS: frozenset[str] = frozenset({
    "percent", "percentage", "%", "point", "vote", "ballot", "delegate", "seat", "elector",
    "dollar", "cent", "euro", "pound", "ruble", "manat", "dram", "page", "signature", "mandate",
})
"""Units of a counted object that is a record's measure ("gives her 1,280 delegates", "showed him 16 points
ahead", "put the total at 55,000 pages"): a number of persons or things ("found 14 soldiers in the basement",
"gave the wounded 14 days of leave", "showed two soldiers lying in a trench") is what the record comes upon."""

SURVEY_NOUNS: frozenset[str] = frozenset({"poll", "survey"})
"""Records whose fronted *in* phrase attributes the rest of the sentence ("In an NBC News/Wall Street Journal poll
released Monday, 50 percent of respondents chose ..."): gold cue and source 17 of 22 times over the 756 PolNeAR
*train* articles (*study* 0 of 3: "In a recent study, three economists ..." names its claimant later)."""

RESPONDENT_NOUNS: frozenset[str] = frozenset({
    "voter", "resident", "adult", "respondent", "people", "person", "citizen", "american", "member", "worker",
    "student", "parent", "woman", "man", "household", "family", "republican", "democrat", "independent",
    "likely", "registered", "supporter", "delegate", "employee", "consumer", "teenager", "youth", "veteran",
})
"""Who a poll or survey asks: the *of* object of "In a survey of 1,000 likely voters, ..." (a nationality or
group name counts too); "In a survey of the damaged villages, ..." surveys places, and tells no finding."""

PHYSICAL_STATES: frozenset[str] = frozenset({
    "dead", "alive", "fine", "ok", "okay", "unharmed", "unhurt", "uninjured", "injured", "wounded", "hurt",
    "stable", "critical", "unconscious", "conscious", "intoxicated", "drunk", "bleeding", "threatening",
    "life-threatening", "intact", "damaged", "destroyed", "abandoned", "empty", "deserted",
    "rise", "fall", "come", "burn", "spread", "move", "flow", "drift", "billow", "emanate", "originate",
    "explode", "collapse", "bleed", "breathe", "die", "lie", "suffer",
})
"""Complements by which *seem* / *appear* describe a body or a physical event ("The wounded soldier seemed fine
after surgery", "Smoke appeared to rise from the village"): the report's observation, no impression of a view."""

STATE_PHRASES: frozenset[str] = frozenset({
    "odds", "risk", "danger", "trouble", "track", "control", "charge", "doubt", "disarray", "line", "step",
    "tune", "favor", "favour", "hindsight", "glance", "sight", "retrospect", "part", "principle", "reach",
    "jeopardy", "limbo", "decline", "place", "question", "contradiction", "conflict", "agreement", "accord",
})
"""Objects of *in / at / on* by which *appear* states a view, no presence at a place ("The figures appear at odds
with the army's account", "appears in hindsight", "appear on track")."""

NOMINAL_CUES: frozenset[str] = frozenset({
    "statement", "interview", "release", "communique", "communiqué", "briefing", "conference", "post",
    "tweet", "message", "speech", "remarks", "letter", "report", "address", "email", "video", "op-ed",
    "broadcast", "bulletin", "update", "declaration",
})
"""Nouns of ``in a statement``-like phrases that belong to the cue: "said in a statement"."""

SPEAKING_VERBS: frozenset[str] = frozenset({"speak", "talk"})
"""Verbs of speaking that are an act unless a clause, quote or topic follows ("spoke hours after the rally")."""

RECEIVING_VERBS: frozenset[str] = frozenset({"draw", "receive", "earn", "attract", "win", "get", "face"})
"""Verbs by which a cue says what its subject received *from* someone: "has drawn criticism from X"."""

ACCORDING_HEADS: frozenset[str] = frozenset({"according"})
"""The head of ``according to X``."""

QUOTE_PAIRS: dict[str, str] = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
"""Opening quote marks and the marks that close them."""

STRAIGHT_QUOTES: frozenset[str] = frozenset({'"', "''"})
"""Quote marks that open and close alike (``''`` is the doubled apostrophe some archives use)."""

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS: frozenset[str] = frozenset({"it"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
RESOLVABLE_PRONOUNS: frozenset[str] = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS

PERSON_TITLES: frozenset[str] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "secretary", "official",
    "commander", "general", "chief", "head", "leader", "mayor", "governor", "ambassador", "envoy",
    "senator", "representative", "lawmaker", "analyst", "expert", "witness", "resident", "source",
    "officer", "chairman", "chairwoman", "chairperson", "director", "premier", "adviser", "advisor",
})
"""Head nouns of claimants who are single people (antecedents for *he*/*she*)."""

RESOLVE_WINDOW_SENTENCES = 4
"""How many sentences back an antecedent for a pronoun or a bare definite claimant is looked for."""

COLON_MAX_SOURCE = 5
"""The most words a name before a headline colon may have ("Roger Stone: ...", "CNN President: ...")."""

COLON_MIN_CONTENT = 3
"""The fewest tokens (colon included) a headline colon must be followed by to attribute something."""

LINE_DASHES: frozenset[str] = frozenset({"-", "\u2013", "\u2014", "|"})
"""Dashes that set a label off the start of a line: "EXCLUSIVE \u2013 Roger Stone: ..."."""

COLON_LABELS: frozenset[str] = frozenset({
    "related", "transcript", "update", "updated", "editor", "note", "watch", "video", "photo", "photos",
    "read", "source", "sources", "correction", "clarification", "exclusive", "breaking", "poll", "live",
    "analysis", "opinion", "review", "q", "a", "tags", "topics", "image", "credit", "by", "see", "also",
    "byline", "question", "answer", "latest", "online",
})
"""Words that open a colon line as a section label, not a speaker: "Related: ...", "Transcript: ...",
"BYLINE: ...", "The Latest: ..." (also after a leading *the*)."""

ASIDE_DEPS: frozenset[str] = frozenset({"acl", "amod", "advcl"})
"""Dependents of a claimant's head that, set off by a comma or dash, describe the claimant as an aside
("Trump, speaking to veterans, said", "Mary Susan, clad in a red cape, said"): not part of the claimant.
A relative clause is cut only when its verb is a cue (:func:`rashomon.extract.claim_spans.source_span`)."""

ASIDE_MARKS: frozenset[str] = frozenset({",", "\u2014", "\u2013", "--", "-"})
"""Marks that set an aside off a claimant."""

NESTED_CUES: frozenset[str] = frozenset({
    "think", "believe", "feel", "want", "hope", "hop", "know", "expect", "support", "back", "oppose",
    "prefer", "favor", "favour", "endorse", "fear", "worry", "consider", "view", "regard",
})
"""Cues of belief and stance that PolNeAR leaves unmarked inside what another attribution says."""

GENERIC_PRONOUNS: frozenset[str] = frozenset({"you"})
"""Claimants whose beliefs and stances ("you know ...", "if you want to ...", "would you think ...") are a
generic or rhetorical voice that PolNeAR leaves unmarked: over the 756 PolNeAR *train* articles the rules
learn from, 5 of 34 such belief cues are gold (vs 35 of 82 with *I*, 665 of 1,007 with other claimants)."""

STANCE_ADJECTIVES: frozenset[str] = frozenset({
    "confident", "certain", "sure", "convinced", "optimistic", "pessimistic", "hopeful", "skeptical", "sceptical",
    "doubtful", "critical", "supportive", "worried", "concerned", "fearful", "wary", "eager", "keen", "proud",
    "aware", "adamant", "insistent", "upset", "angry", "furious", "outraged", "disappointed", "frustrated",
    "unhappy", "enthusiastic", "ambivalent", "divided", "opposed", "unsure", "uncertain", "nervous", "anxious",
    "dismissive", "contemptuous", "appreciative", "grateful", "thankful", "sorry", "ashamed", "embarrassed",
    "mindful", "cognizant", "unaware",
})
"""Adjectives of attitude that, after *be* and with a complement ("were confident that", "is critical of",
"was especially proud of"), state a stance PolNeAR marks as an attribution: the adjectives of evaluation and
affect of appraisal theory (Martin & White 2005), limited to those that take a complement."""

STANCE_PREPS: frozenset[str] = frozenset({"about", "of", "in", "with", "that", "on", "over", "for", "to"})
"""Prepositions that join a stance adjective to what it is about: they belong to the cue."""

EMBEDDED_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp", "pcomp", "acl"})
"""Dependency labels of a cue verb embedded in another attribution's content ("said Jones told him"): such
a cue is no separate attribution in PolNeAR."""
