"""The analysis hot paths give what the plain code gives: folded cue search, shared Doc text and sentence
units, line-limited surname search (the speed-ups of the second session; outputs must not change)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract import events
from rashomon.extract.claim_spans import holding_text, sentence_units, text_of
from rashomon.extract.event_place import common_word, surname
from rashomon.extract.extensions import doc_text
from rashomon.extract.gazetteer import Candidate, Gazetteer


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _ignorecase_scores(text: str) -> dict[str, float]:
    """The cue scores with the IGNORECASE patterns on the text as written (the code before folding)."""
    scores: dict[str, float] = {}
    for pattern, label, weight in events._COMPILED:
        if label in events.UNSEEN:
            continue
        match = pattern.search(text)
        if match is not None:
            if label == "TERRITORY":
                label = events._territory_label(text, match.start())
            scores[label] = scores.get(label, 0.0) + weight
    return scores


@pytest.mark.parametrize("text", [
    "Rebels SEIZED the town after Troops shelled it.",
    "\u201cAn AIRSTRIKE hit the market,\u201d officials said \u2014 three killed.",
    "Police ARRESTED two men at the protest in Zürich.",
])
def test_events_folded_cue_scores_equal_ignorecase(text: str) -> None:
    assert events.folded(text) == text.lower()
    scores = events.cue_scores(text)
    assert scores  # each sentence has cues
    if "protest" not in text:  # the protest refinement adds to the raw cue weights
        assert dict(scores) == _ignorecase_scores(text)


@pytest.mark.parametrize("text", ["\u0130stanbul was shelled", "the ſhelling", "Ankara \u0131s calm", "\u00c9MEUTE"])
def test_events_folded_refuses_text_whose_case_folding_is_not_exact(text: str) -> None:
    assert events.folded(text) is None
    assert dict(events.cue_scores(text)) == _ignorecase_scores(text)  # the IGNORECASE path


def test_extensions_doc_text_is_joined_once_per_doc(blank: Language) -> None:
    first, second = blank("Three people were shot. Police said."), blank("Another text.")
    assert doc_text(first) == first.text and doc_text(second) == second.text
    assert doc_text(first) is doc_text(first)
    assert doc_text(Doc(blank.vocab, words=["a", "b"])) == "a b "


def test_claim_spans_sentence_units_shared_only_while_held(blank: Language) -> None:
    doc = blank("HEADLINE HERE\nThe minister said it was over. He left.")
    plain = sentence_units(doc)
    assert [u.text for u in plain] == ["HEADLINE HERE", "The minister said it was over.", "He left."]
    assert sentence_units(doc) is not plain
    with holding_text(doc) as text:
        held = sentence_units(doc)
        with holding_text(doc) as inner:  # a nested hold shares the outer copy and keeps it
            assert inner is text
        assert sentence_units(doc) is held and text_of(doc) is text
        assert held == plain
    assert sentence_units(doc) is not held  # dropped with the outer hold


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("Sgt. Perry said.\nThe shooting in Perry left one dead.", "Perry", True),
    ("North Perry Perry\nIn Perry, police said.", "Perry", False),
    ("Police in Townsend said.\nShaletres-Townsend was arrested.", "Townsend", True),
    ("Townsend police said\nthe man, Kyle\tTownsend, was arrested.", "Townsend", True),
])
def test_event_place_surname_equals_whole_text_search(text: str, mention: str, expected: bool) -> None:
    assert surname(text, mention) is expected


_NAME_CASES = [
    ("John X. X was here", "X"), ("John J. Jones", "J"), ("North Perry Perry", "Perry"),
    ("Smith Smith Smith", "Smith"), ("Al-Perry-Perry", "Perry"), ("Mr. Perry\tPerry", "Perry"),
    ("Ann B.  C. Perry", "Perry"), ("McDonald Perry", "Perry"),
    ("O'Brien Perry, Perry-Smith, Perry_x", "Perry"), ("Dr. X. X. X", "X"), ("A X. X. X", "X."), ("Bo X.X", "X"),
    ("Bob X. Xavier X", "X"), ("Bob\nPerry", "Perry"), ("Joe Montréal Montréal", "Montréal"), ("Ann Perry\n", "Perry"),
    ("Ann -Perry", "Perry"), ("Ann- Perry", "Perry"), ("Sgt. Perry said.\nIn Perry, Kyle Perry", "Perry"),
]


def _plain_nearness(candidate: Candidate, others: list[list[tuple[float, float]]]) -> float:
    """The nearness test before the latitude band: every point of every other name."""
    import math

    from rashomon.extract.place_context import KM_PER_DEGREE, NEAR_KM

    if candidate.feature not in ("P", "A2") or candidate.lat is None or candidate.lon is None or not others:
        return 0.0
    lat, lon = candidate.lat, candidate.lon
    scale = math.cos(math.radians(lat))
    limit = (NEAR_KM / KM_PER_DEGREE) ** 2
    near = any(any((p_lat - lat) ** 2 + ((p_lon - lon) * scale) ** 2 <= limit for p_lat, p_lon in found)
               for found in others)
    return 1.0 if near else 0.0


def test_place_context_nearness_in_a_latitude_band_as_over_all_points() -> None:
    import random

    from rashomon.extract.place_context import KM_PER_DEGREE, NEAR_KM, Points, nearness

    rng = random.Random(7)
    step = NEAR_KM / KM_PER_DEGREE
    verdicts = []
    for _ in range(400):
        lat, lon = rng.uniform(-70, 70), rng.uniform(-170, 170)
        others = [[(lat + rng.choice((-1, 1)) * step * rng.uniform(0.9, 1.1), lon + rng.uniform(-0.5, 0.5))
                   for _ in range(rng.randint(0, 3))] for _ in range(rng.randint(0, 4))]
        others.append([(lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3))])
        for feature in ("P", "A2", "A1"):
            candidate = Candidate("X", "US", lat, lon, 0, feature)
            fast = nearness(candidate, Points.of(others))
            assert fast == _plain_nearness(candidate, others)
            verdicts.append(fast)
    edge = Candidate("X", "US", 40.0, -90.0, 0, "P")  # exactly NEAR_KM north, and a hair beyond
    assert nearness(edge, Points.of([[(40.0 + step, -90.0)]])) == _plain_nearness(edge, [[(40.0 + step, -90.0)]])
    assert nearness(edge, Points.of([[(40.0 + step * 1.000001, -90.0)]])) == 0.0
    assert nearness(edge, Points.of([])) == 0.0 and nearness(edge, Points.of([[(40.1, -90.1)]])) == 1.0
    assert 100 < verdicts.count(1.0) < len(verdicts) - 300  # both verdicts are common here


@pytest.mark.parametrize(("text", "mention"), _NAME_CASES)
def test_event_place_surname_matches_as_the_pattern_finds_them(text: str, mention: str) -> None:
    from rashomon.extract.event_place import surname_matches, surname_pattern

    plain = [(found.group(1), found.group(2)) for found in surname_pattern(mention).finditer(text)]
    assert list(surname_matches(text, mention)) == plain


def test_event_place_surname_matches_as_the_pattern_on_gva_texts() -> None:
    import gzip
    import json
    import re

    from rashomon.eval import DEFAULT_GOLD_DIR
    from rashomon.extract.event_place import surname_matches, surname_pattern

    path = DEFAULT_GOLD_DIR / "gva-longtail" / "documents.jsonl.gz"
    if not path.is_file():
        pytest.skip("no GVA documents in the gold data")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        texts = [text for text in (json.loads(line).get("text") for _, line in zip(range(60), lines, strict=False))
                 if text]
    found = 0
    for text in texts:
        for mention in sorted(set(re.findall(r"[A-Z][\w.'-]*", text)))[:40]:
            plain = [(match.group(1), match.group(2)) for match in surname_pattern(mention).finditer(text)]
            assert list(surname_matches(text, mention)) == plain, mention
            found += bool(plain)
    assert found >= 100  # names after given names and titles are common in these reports


def test_event_place_common_word_sees_before_its_first_occurrence() -> None:
    assert common_word("West Haven police said the man ran west.", "West")
    assert not common_word("West Haven police said the man ran north-west.", "West")
    assert common_word("west of West Haven", "West") and common_word("Ran west", "West")
    assert not common_word("West Haven's westward road, west_bound", "West")
    assert not common_word("Man said", "Man")


def test_pipeline_fresh_tokenizer_cache_keeps_tokens_and_special_cases() -> None:
    from rashomon.extract.pipeline import fresh_tokenizer_cache

    used, fresh = spacy.blank("en"), spacy.blank("en")
    used.tokenizer.add_special_case("Ft.Worth", [{"ORTH": "Ft."}, {"ORTH": "Worth"}])
    fresh.tokenizer.add_special_case("Ft.Worth", [{"ORTH": "Ft."}, {"ORTH": "Worth"}])
    for name in ("Fort Worth", "St. Louis", "Al-Qamishli", "Coeur d'Alene", "U.S."):
        used.make_doc(name)
    fresh_tokenizer_cache(used)
    text = "Police can't say why the U.S. man (42) shot twice in Ft.Worth and St. Louis, Mo., on 3/4."
    assert [t.text for t in used.make_doc(text)] == [t.text for t in fresh.make_doc(text)]
    assert "ca" in [t.text for t in used.make_doc(text)] and "Ft." in [t.text for t in used.make_doc(text)]


_RULER_PATTERNS: list[dict[str, object]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "DT", "DEP": {"NOT_IN": ["det", ""]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"IN": ["is", "'s"]}, "TAG": "VBZ"}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"POS": "ADV"}},  # an operator
    {"patterns": [[{"LENGTH": 1, "TAG": "NN"}]], "attrs": {"POS": "SYM"}},  # an attribute it does not read
]
_RULER_WORDS = ["There", "is", "nothin'", "gon", "na", "stop", "that", "very", "very", "big", "x", "dog", "  ",
                "he", "gets", "it", "and", "she", "got", "this"]
_RULER_TAGS = ["EX", "VBZ", "NN", "VBG", "TO", "VB", "DT", "RB", "RB", "JJ", "NN", "NN", "_SP",
               "PRP", "VBZ", "PRP", "CC", "PRP", "VBD", "DT"]
_RULER_DEPS = ["expl", "ROOT", "attr", "aux", "aux", "xcomp", "dobj", "advmod", "advmod", "amod", "compound",
               "npadvmod", "dep", "nsubj", "conj", "dobj", "cc", "nsubj", "conj", "det"]


def test_attribute_index_finds_the_matches_of_spacys_attribute_ruler() -> None:
    from spacy.pipeline import AttributeRuler

    from rashomon.extract.attribute_index import IndexedAttributeRuler

    vocab = spacy.blank("en").vocab
    plain, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    plain.add_patterns(_RULER_PATTERNS)  # type: ignore[arg-type]
    indexed.add_patterns(_RULER_PATTERNS)  # type: ignore[arg-type]
    doc = Doc(vocab, words=_RULER_WORDS, tags=_RULER_TAGS, deps=_RULER_DEPS, heads=[1] * len(_RULER_WORDS))
    expected = plain.match(doc)
    assert {n for n, *_ in expected} == set(range(len(_RULER_PATTERNS)))  # every pattern matches somewhere
    assert indexed.match(doc) == expected
    assert len(indexed._pattern_index().leftover or ()) == 2  # the operator and LENGTH keys stay spaCy's
    hound: list[dict[str, object]] = [{"patterns": [[{"LOWER": "dog"}]], "attrs": {"LEMMA": "hound"}}]
    indexed.add_patterns(hound)  # type: ignore[arg-type]  # re-indexed
    plain.add_patterns(hound)  # type: ignore[arg-type]
    assert indexed.match(doc) == plain.match(doc) != expected
    assert indexed(doc.copy()).to_json() == plain(doc.copy()).to_json()


def test_attribute_index_call_sets_a_tokens_rules_in_rule_order() -> None:
    from spacy.pipeline import AttributeRuler

    from rashomon.extract.attribute_index import IndexedAttributeRuler

    vocab = spacy.blank("en").vocab
    patterns: list[dict[str, object]] = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "LEMMA": "thing"}},
        {"patterns": [[{"LOWER": "dog"}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "NN", "DEP": "nsubj"}]], "attrs": {"LEMMA": "hound"}},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "dog"}]], "attrs": {"POS": "X"}, "index": 1},
    ]
    plain, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    plain.add_patterns(patterns)  # type: ignore[arg-type]
    indexed.add_patterns(patterns)  # type: ignore[arg-type]
    words = ["the", "dog", "saw", "a", "dog", "and", "a", "cat"]
    doc = Doc(vocab, words=words, tags=["DT", "NN", "VBD", "DT", "NN", "CC", "DT", "NN"],
              deps=["det", "nsubj", "ROOT", "det", "dobj", "cc", "det", "conj"], heads=[1, 2, 2, 4, 2, 4, 7, 4])
    done = indexed(doc.copy())
    assert done.to_json() == plain(doc.copy()).to_json()
    assert [(t.pos_, t.lemma_) for t in done][1::3] == [("X", "hound"), ("PROPN", "thing"), ("NOUN", "thing")]
    assert str(done[4].morph) == "Number=Sing"


@pytest.mark.slow
def test_attribute_index_in_build_nlp_matches_the_models_ruler(nlp: Language) -> None:
    from spacy.pipeline import AttributeRuler

    from rashomon.extract.attribute_index import IndexedAttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    plain = AttributeRuler(nlp.vocab)
    plain.add_patterns(ruler.patterns)
    text = ("Y'all ain't gonna believe it: there's nothin' left.  Let's go, c'mon, he said. I told you and it\n"
            "got him. Whether that is true, they did not say; those who have it do. It gets worse, I'm told.")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = nlp(text)
    expected = plain.match(doc)
    assert len({n for n, *_ in expected}) > 20 and max(e - s for _, _, s, e in expected) == 2
    assert ruler.match(doc) == expected
    attrs = ["POS", "TAG", "MORPH", "LEMMA", "DEP"]
    assert ruler(doc.copy()).to_array(attrs).tolist() == plain(doc.copy()).to_array(attrs).tolist()


def test_attribute_index_rows_of_one_class_share_the_plan_worked_out_for_each(nlp: Language) -> None:
    from rashomon.extract.attribute_index import ARRAY_ATTRS, IndexedAttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    text = ("Tuscaloosa deputies re-elected Zyxwv; nuthin' happened, y'all. Nothin' ain't over.\n"
            "The Quibblers quibbled and quibbling quibblers ran while Frobnitz frobbed the frobs. She's gone.")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = nlp(text)
    index = ruler._pattern_index()
    rows = [tuple(row) for row in doc.to_array(ARRAY_ATTRS).tolist()]
    ruler._plans = {}  # nothing remembered: each plan below comes from its row's class or is worked out
    for row in rows:
        assert ruler._plan(row, index, doc.vocab) == ruler._new_plan(row, index, doc.vocab)
    classes = {row: index.row_class(row, doc.vocab) for row in rows}
    words = {doc.vocab.strings[row[0]]: classes[row] for row in rows}
    assert words["nuthin'"][1] != words["zyxwv"][1]  # a REGEX pattern reads the word: its verdict is in the key
    shared = [row for row in rows if classes[row][0] == "class"]
    assert len({classes[row] for row in shared}) < len(shared)  # new words share their tag's plan
    assert any(classes[row] == tuple(row) for row in rows)  # a filed word ("'s") keeps its own row


def _small_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for name, code, feature, lat, lon, population in (
            ("Springfield", "IL", "P", 39.80, -89.64, 114_000), ("Springfield", "MO", "P", 37.21, -93.29, 169_000),
            ("Illinois", "IL", "A1", 40.0, -89.0, 12_800_000), ("Missouri", "MO", "A1", 38.5, -92.5, 6_100_000)):
        gaz.add(Candidate(name, "US", lat, lon, population, feature, admin1=code), [name])
    return gaz


def test_places_remembered_lookups_and_repeated_mentions_choose_as_fresh_ones() -> None:
    from rashomon.extract.place_context import Toponym
    from rashomon.extract.places import PlaceResolver

    def resolver() -> PlaceResolver:
        return PlaceResolver(labels=["GPE"], country_bonus=3.0, admin_bonus=4.0, qualifier_bonus=4.0,
                             drop_speakers=True, keep_unresolved=True, gazetteer=_small_gazetteer())

    shared = resolver()
    town, illinois, missouri = (shared.lookup(n) for n in ("Springfield", "Illinois", "Missouri"))
    assert shared.lookup("Springfield") is town and len(town) == 2
    assert shared.lookup("Springfield province") == town  # the generic word is dropped, remembered apart
    mentions = [Toponym("Springfield", 0, 11, town, qualifier=illinois), Toponym("Illinois", 13, 21, illinois),
                Toponym("Springfield", 30, 41, town, qualifier=missouri), Toponym("Missouri", 43, 51, missouri),
                Toponym("Springfield", 60, 71, town, qualifier=illinois)]
    fresh = [Toponym(t.text, t.start, t.end, tuple(list(t.matches)), qualifier=tuple(list(t.qualifier)))
             for t in mentions]
    chosen = shared.resolve(mentions)
    assert [p.admin1 for p in chosen] == ["IL", "IL", "MO", "MO", "IL"]
    assert chosen == resolver().resolve(fresh)


@pytest.mark.slow
def test_lemmas_array_lemmatizer_gives_spacys_lemmas(nlp: Language) -> None:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from rashomon.extract.lemmas import ArrayLemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, ArrayLemmatizer)
    text = ("Gunmen ain't stopped: they were shooting at the officers' cars, and two children died later. "
            "He's gonna say the militias fled; Troops had been killed, wounded or taken.\nPolice said so.")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "rashomon_line_breaks_v1", "parser", "attribute_ruler"]):
        parsed = nlp(text)
    preset = [t.lemma_ for t in parsed if t.lemma]
    assert "be" in preset  # the attribute ruler's lemma for "ai": kept, not overwritten
    lemmatizer.cache.clear()
    runs = [lemmatizer(parsed.copy()), EnglishLemmatizer.__call__(lemmatizer, parsed.copy()),
            lemmatizer(parsed.copy())]  # first: rules; then spaCy's loop; then cached and remembered forms
    lemmas = [[t.lemma_ for t in doc] for doc in runs]
    assert lemmas[0] == lemmas[1] == lemmas[2]
    assert {"gunman", "shoot", "officer", "child", "die", "militia", "flee", "troop", "kill"} <= set(lemmas[0])
    bare = Doc(nlp.vocab, words=["Shootings", "happened"])  # no POS: spaCy's rule for untagged words
    with pytest.warns(UserWarning):
        assert [t.lemma_ for t in lemmatizer(bare)] == ["shootings", "happened"]


@pytest.mark.slow
def test_lemmas_rule_lemmatize_with_index_set_as_spacys(nlp: Language) -> None:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from rashomon.extract.lemmas import ArrayLemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, ArrayLemmatizer)
    text = ("The children went to worse places; mice ran, geese flew and wolves hunted bigger prey. "
            "Militiamen were arrested, 9mm's rounds lay in the grasses and the Smiths' houses burned, "
            "happiest and saddest, she tries, he carries, buses stopped, quizzes, analyses and crises. "
            "Gunmen had fled faster than officers could run; Tanzanians protested outside Dodoma.")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        parsed = nlp(text)
    lemmatizer.cache.clear()
    spacys = [EnglishLemmatizer.rule_lemmatize(lemmatizer, token) for token in parsed]
    cached = dict(lemmatizer.cache)
    lemmatizer.cache.clear()
    ours = [lemmatizer.rule_lemmatize(token) for token in parsed]
    assert ours == spacys
    assert dict(lemmatizer.cache) == cached and len(cached) >= 15  # the same non-base forms remembered
    assert {"child", "go", "bad", "mouse", "wolf", "big", "analysis", "crisis"} <= {f[0] for f in ours}


def test_lemmas_rule_forms_same_with_list_or_set_index() -> None:
    from rashomon.extract.lemmas import rule_forms

    rules = [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("ies", "y"), ("s", "")]
    words = ["bus", "wolf", "box", "party", "wolve", "9mm"]
    for string in ["buses", "wolves", "boxes", "parties", "9mms", "zebras", "s", "ss"]:
        listed, as_set = rule_forms(string, rules, words), rule_forms(string, rules, frozenset(words))
        assert listed == as_set
    assert rule_forms("wolves", rules, frozenset(words)) == (["wolve", "wolf"], [])  # the last rule's first
    assert rule_forms("zebras", rules, frozenset(words)) == ([], ["zebra", "zebra"])  # kept as spaCy keeps them
    assert rule_forms("9mms", rules, frozenset(words)) == (["9mm"], [])
    assert rule_forms("s", rules, frozenset(words)) == ([], [])


@pytest.mark.parametrize("text", ["HEADLINE\nBody text. More\n\n  Read more\nEnd", "\nLeading break", "a \n b\n",
                                  "one line", "", "Tabs\t\nand \r\n breaks\n\n\nthree"])
def test_sentences_line_breaks_from_array_as_token_loop(text: str) -> None:
    from rashomon.extract.sentences import mark_line_breaks

    nlp = spacy.blank("en")
    plain, marked = nlp(text), mark_line_breaks(nlp(text))
    for token in plain[1:]:  # the loop before the array (one Token per word)
        previous = plain[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    assert [t.is_sent_start for t in marked] == [t.is_sent_start for t in plain]
    assert len(text) < 12 or any(t.is_sent_start for t in marked[1:])


@pytest.mark.parametrize("text", [
    "a suicide bomb blast near the base, then an airstrike and shelling",  # cues inside and overlapping cues
    "the hostages were freed; rebels seized the town and looted shops",
    "antiprotest groups met; the protesters marched, police arrested 12",  # 'protest' inside a word: no \\b
    "nothing happened here at all",
    "",
])
def test_events_first_matches_equal_one_search_per_cue(text: str) -> None:
    for unseen in (False, True):
        expected = {}
        for k, (pattern, label, _) in enumerate(events._COMPILED_LOWER):
            match = pattern.search(text)
            if match is not None and (unseen or label not in events.UNSEEN):
                expected[k] = match.start()
        found = events.first_matches(text, events._ANY_CUE_LOWER, events._COMPILED_LOWER, unseen=unseen)
        assert found == expected
    assert bool(found) == ("nothing" not in text and bool(text))


def test_event_place_name_verdicts_computed_once_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.extract import event_place
    from rashomon.records import Place

    text = ("PERRY, Ga. - Lt. Perry said a man was shot in Perry on Monday. Perry police and Macon police "
            "searched Perry. The police in Macon said Perry was calm. Jim Macon saw it.")
    places = [Place(text=word, start=at, end=at + len(word), name=word.title(), country_code="US", lat=32.4,
                    lon=-83.7, precision="town", admin1="GA")
              for word in ("Perry", "Macon") for at in range(len(text)) if text.startswith(word, at)]
    plain = [event_place.not_a_place_here(p, text) for p in places]
    calls: list[str] = []
    real = event_place.surname

    def counted(text: str, mention: str) -> bool:
        calls.append(mention)
        return real(text, mention)

    monkeypatch.setattr(event_place, "surname", counted)
    names: dict[str, bool] = {}
    assert [event_place.not_a_place_here(p, text, names) for p in places] == plain
    assert sorted(calls) == ["Macon", "Perry"]  # once per name, not once per mention
    assert plain.count(True) >= 2 and names == {"Perry": True, "Macon": True}
    calls.clear()
    event_place.main_place(places, text=text)  # every mention is a surname here: no event place
    assert len(calls) <= 2
