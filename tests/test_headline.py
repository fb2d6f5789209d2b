"""Headline casualty counts (rashomon.extract.headline) and their vote in reconciliation (casualties rule 6)."""

from __future__ import annotations

from rashomon.extract.headline import headline_counts, title_toll
from rashomon.reconcile.dossier import build_dossier
from rashomon.reconcile.evidence import Report
from rashomon.records import Article, ArticleAnalysis, CasualtyFigure


def test_headline_counts_killed_and_injured_lists() -> None:
    assert headline_counts("2 dead, 3 injured in shooting outside club - Action News 5").explicit == {
        "killed": 2,
        "injured": 3,
    }
    assert headline_counts("Nine wounded in UCC shooting, Mercy Medical says").explicit == {"injured": 9}
    assert headline_counts("2 adults, 2 children killed in Stokes County murder-suicide").explicit == {"killed": 4}
    assert headline_counts("Wallkill man, two children dead in murder-suicide").explicit == {"killed": 3}
    assert headline_counts("1 man dead, 3 others injured after house party").explicit == {"killed": 1, "injured": 3}
    assert headline_counts("Three people were killed on Main Street").explicit == {"killed": 3}


def test_headline_counts_shot_then_dead_leaves_the_injured() -> None:
    assert headline_counts("4 shot, one fatally, on St. Louis street").explicit == {"killed": 1, "injured": 3}
    assert headline_counts("7 shot, 3 dead outside of Rochester club").explicit == {"killed": 3, "injured": 4}


def test_headline_counts_people_shot_with_no_death_are_injured() -> None:
    assert headline_counts("Police: 4 hit in shooting; suspects sought").explicit == {"injured": 4}
    assert headline_counts("Four people shot at party, one dies").explicit == {"killed": 1, "injured": 3}
    assert headline_counts("3 shot at in drive-by, nobody hurt").explicit == {}  # shot at: missed
    assert headline_counts("4 shot in deadly Brooklyn gunfight").explicit == {}  # a death, no count of it


def test_headline_counts_after_the_verb() -> None:
    assert headline_counts("Drive-by shooter kills 1, injures 3").explicit == {"killed": 1, "injured": 3}
    assert headline_counts("Shootout at tavern leaves 1 dead, injures five").explicit == {"killed": 1, "injured": 5}
    assert headline_counts("Shooting leaves 2 injured").explicit == {"injured": 2}
    assert headline_counts("Storm leaves 3 without power").explicit == {}
    assert headline_counts("Gunman kills 3 times over a decade").explicit == {}


def test_headline_counts_double_and_triple_shootings_count_the_shot() -> None:
    assert headline_counts("Police investigate triple shooting in Akron").explicit == {"injured": 3}
    assert headline_counts("2 dead in triple shooting").explicit == {"killed": 2, "injured": 1}
    one_dead = headline_counts("Man killed, woman wounded in double shooting")
    assert one_dead.explicit == {"injured": 1} and one_dead.implied["killed"] == 1
    assert headline_counts("Officers killed in double shooting").explicit == {}  # dead, but how many?


def test_headline_counts_ages_and_kin_are_no_counts() -> None:
    girl = headline_counts("15-year-old girl shot and killed in Apopka, police say")
    assert girl.explicit == {} and girl.implied == {"killed": 1}
    assert headline_counts("Father of 3 fatally shot outside Houston store").explicit == {}
    assert headline_counts("Boy, 17, killed in shooting").explicit == {}
    mixed = headline_counts("Police: 3-Year-Old Girl Killed, 3 Adults Injured In Grays Ferry Shooting")
    assert mixed.explicit == {"injured": 3} and mixed.implied == {"killed": 1}


def test_headline_counts_tallies_of_several_incidents_count_nothing() -> None:
    assert headline_counts("17 dead, 41 wounded in Chicago weekend shootings").explicit == {}
    assert headline_counts("1 dead, 10 wounded in Chicago shootings").explicit == {}
    assert headline_counts("Six people injured in two separate shootings").explicit == {}
    assert headline_counts(None).explicit == {} and headline_counts("Police seek gunman").explicit == {}


def _report(article_id: str, title: str, text: str, figures: list[tuple[str, str, int, str]]) -> Report:
    casualties = []
    for value, kind, count, trigger in figures:
        start = text.index(value)
        end_of_sentence = text.find(".", start) + 1
        casualties.append(
            CasualtyFigure(
                kind=kind,  # type: ignore[arg-type]
                value_text=value,
                start=start,
                end=start + len(value),
                count_min=count,
                count_max=count,
                sentence_start=text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0,
                sentence_end=end_of_sentence,
                trigger=trigger,
            )
        )
    article = Article(id=article_id, text=text, source_name=article_id, title=title)
    return Report(article, ArticleAnalysis(article_id=article_id, pipeline="test", casualties=casualties))


def test_headline_count_is_the_reports_total_and_weighs_double() -> None:
    text = "A man was killed on Main Street. A woman was wounded in the arm."
    figures = [("A man", "killed", 1, "killed"), ("A woman", "injured", 1, "wounded")]
    headlined = _report("h", "1 dead, 3 injured in Main Street shooting", text, figures)
    plain = _report("p", "Shooting on Main Street", text, figures)
    dossier = build_dossier("ev-head", [headlined, plain])
    injured = next(s for s in dossier["casualties"] if s["kind"] == "injured")
    # the text of each page counts one wounded; the headline's three outvotes the other page's one
    assert (injured["low"], injured["best"], injured["high"]) == (1, 3, 3)
    assert "1 in the headline" in injured["basis"]
    killed = next(s for s in dossier["casualties"] if s["kind"] == "killed")
    assert killed["best"] == 1
    # two plain reports against one headline: the headline's double vote ties, and the tie goes to the total
    # stated whole (the headline's three) over the pages' "a woman" (reconcile/tie_votes.py)
    other = _report("q", "Police investigate Main Street shooting", text, figures)
    tied = build_dossier("ev-tie", [headlined, plain, other])
    assert next(s for s in tied["casualties"] if s["kind"] == "injured")["best"] == 3


def test_headline_opens_a_slot_for_a_kind_no_figure_gives() -> None:
    text = "A man was killed on Main Street late Friday."
    report = _report("h", "1 dead, 3 injured in Main Street shooting", text, [("A man", "killed", 1, "killed")])
    dossier = build_dossier("ev-slot", [report])
    injured = next(s for s in dossier["casualties"] if s["kind"] == "injured")
    assert (injured["side"], injured["low"], injured["best"], injured["high"]) == (None, 3, 3, 3)
    assert injured["claims"] == [] and injured["articles"] == ["h"]
    assert injured["headlines"] == [{"article": "h", "text": "1 dead, 3 injured in Main Street shooting", "count": 3}]
    # without a count in any headline, no slot is made up
    untitled = _report("p", "Shooting on Main Street", text, [("A man", "killed", 1, "killed")])
    plain = build_dossier("ev-none", [untitled])
    assert [s["kind"] for s in plain["casualties"]] == ["killed"]


def test_headline_counts_people_shot_at_a_place_were_hit() -> None:
    assert headline_counts("Four people shot at hotel in Ozark, Louisville man charged").explicit == {"injured": 4}
    assert headline_counts("Bullets fly in shootout, leaving 7 shot at Gregory & Prospect").explicit == {"injured": 7}
    # shots fired at people, or a stranded "shot at", hit no one the headline says
    assert headline_counts("2 men shot at officers in chase").explicit == {}
    assert headline_counts("3 shot at in drive-by, nobody hurt").explicit == {}


def test_headline_counts_shooting_of_people_with_no_death() -> None:
    assert headline_counts("Tampa police investigate shooting of two teens").explicit == {"injured": 2}
    assert headline_counts("Fatal shooting of two teens under investigation").explicit == {}


def test_headline_counts_shooting_of_an_age_is_no_count() -> None:
    # "shooting of 11 year old child": an age written without hyphens counts no one, as "11-year-old" does not
    assert headline_counts("Man sought in shooting of 9 year old girl").explicit == {}
    assert headline_counts("Police probe shooting of 4 year-old boy").explicit == {}
    assert headline_counts("Police probe shooting of 4 teens").explicit == {"injured": 4}


def test_headline_counts_fatalities_are_deaths() -> None:
    assert headline_counts("Police: 5 People Shot Downtown; 3 Fatalities").explicit == {"killed": 3, "injured": 2}
    assert headline_counts("Crash on I-90 leaves 2 fatalities").explicit == {}  # read only after people shot
    assert headline_counts("Four shot near gym, no fatalities").explicit == {}  # a word of death, no count


def test_headline_counts_one_person_shot_is_one_injured() -> None:
    assert headline_counts("Teen girl shot in leg in Gary - WGN").explicit == {"injured": 1}
    assert headline_counts("Woman shot her neighbor in Gary").explicit == {}  # she shot someone
    assert headline_counts("Toddler, 3, shoots self with father's pistol").explicit == {}  # may have died
    assert headline_counts("Teen girl shot dead in Gary").explicit == {}  # a death, counted as implied
    assert headline_counts("Man shot at by officers in Gary").explicit == {}  # shot at: missed


FORM = (
    "Close Get email notifications on Pat Reporter daily!\n\nYour notification has been saved.\n\n"
    "Each time Pat Reporter writes a new story, a message with a link lands in your inbox."
)
"""Page furniture of our own: a notification form, the whole body of a headline-only page."""
BODY = "A woman died Sunday after she was shot while cleaning a rifle at her home in Elmtown, deputies said."


def test_headline_title_toll_reads_single_nouns_on_headline_only_pages() -> None:
    assert title_toll("Woman dies from accidental gunshot wound in Elmtown", FORM) == {"killed": 1}
    assert title_toll("Soccer Student Injured In Downtown Riverton Shooting", FORM) == {"injured": 1}
    assert title_toll("Elmtown deputy accidentally shoots self during training", FORM) == {"injured": 1}
    assert title_toll("Grandfather shoots his son in the leg on Oak Street", FORM) == {"injured": 1}
    assert title_toll("2 dead, 3 hurt in Riverton bar shooting", FORM) == {"killed": 2, "injured": 3}


def test_headline_title_toll_keeps_to_explicit_counts_over_a_story() -> None:
    # the body tells the story: its own figures count, the title only with a number
    assert title_toll("Woman dies from accidental gunshot wound in Elmtown", BODY) == {}
    assert title_toll("2 dead, 3 hurt in Riverton bar shooting", BODY) == {"killed": 2, "injured": 3}
    assert title_toll("Woman dies from accidental gunshot wound", "") == {"killed": 1}


def test_headline_counts_a_killer_before_an_object_is_no_victim() -> None:
    assert headline_counts("Retired officer killed his son and himself, police say").implied == {}
    assert title_toll("Retired officer killed his son and himself, police say", FORM) == {}
    assert headline_counts("Clerk killed in Elmtown robbery").implied == {"killed": 1}


def test_headline_counts_self_shot_and_shooter_objects_are_implied() -> None:
    assert headline_counts("Boy, 6, shoots self with uncle's pistol").implied == {"injured": 1}
    assert headline_counts("Boy, 6, shoots self with uncle's pistol").explicit == {}  # may have died
    assert headline_counts("Man fatally shoots himself near Elmtown").implied == {"killed": 1}
    assert headline_counts("Man shoots himself after killing wife in Elmtown").implied == {}
    assert headline_counts("Man shoots 3 neighbors in Elmtown").implied == {}


def test_headline_counts_a_list_with_an_unread_conjunct_counts_no_one() -> None:
    assert headline_counts("Older Neighbor and Teen Shot on Oak Street").explicit == {}
    assert headline_counts("Teen Shot on Oak Street").explicit == {"injured": 1}
    assert headline_counts("Clerk killed, teen hurt in Elmtown robbery").implied == {"killed": 1, "injured": 1}


def test_headline_title_toll_more_person_words_on_headline_only_pages() -> None:
    assert title_toll("Riverton resident dies after accidental shooting", FORM) == {"killed": 1}
    assert title_toll("Police: Youth wounded in accidental shooting", FORM) == {"injured": 1}
    assert title_toll("Services set for Elmtown boy who died of gunshot wound", FORM) == {"killed": 1}
    assert title_toll("Riverton resident dies after accidental shooting", BODY) == {}  # the body tells the story
    assert headline_counts("Riverton resident dies after accidental shooting").implied == {}  # no list word


def test_headline_counts_a_time_after_the_verb_is_no_object() -> None:
    # review fix: "the/a" + a time is a passive toll's time, not the killer's object
    assert headline_counts("Two people killed the day after ceasefire in Donetsk").explicit == {"killed": 2}
    assert headline_counts("3 killed the night before election in Kabul").explicit == {"killed": 3}
    assert headline_counts("Five dead the morning after Halloween party").explicit == {"killed": 5}
    assert headline_counts("Three people wounded a week after truce in Donetsk").explicit == {"injured": 3}
    assert headline_counts("Two people killed the same day in Kharkiv strikes").explicit == {"killed": 2}
    assert headline_counts("Officer killed the gunman and himself at Elmtown post").implied == {}  # an object
    assert headline_counts("Man killed a neighbor in Elmtown").implied == {}
    # second review: a time word that goes on to a noun is the object's ("the morning patrol"), not a time
    assert headline_counts("Three militants killed the morning patrol near Berd").explicit == {}
    assert headline_counts("Gunman killed the night watchman at Elmtown depot").implied == {}
    assert headline_counts("2 killed the morning of May 3 in Kharkiv").explicit == {"killed": 2}


def test_headline_counts_an_event_before_and_leaves_the_list_read() -> None:
    # review fix: only a person or a name before "and" is a conjunct the list does not read
    assert headline_counts("Clashes and 12 people killed in border village").explicit == {"killed": 12}
    assert headline_counts("Shelling and man killed in Berd").implied == {"killed": 1}
    assert headline_counts("Artillery fire on Donetsk and two people wounded").explicit == {"injured": 2}  # a place
    assert headline_counts("Donetsk mayor Ivanov and two people wounded in shelling").explicit == {}  # a name
    assert headline_counts("Suspect & 2 Victims Shot In Elmtown Home Invasion").explicit == {}
    assert headline_counts("3-year-old and four adults shot in Riverton").explicit == {}


def test_headline_counts_conflict_people_after_a_number() -> None:
    assert headline_counts("Two soldiers killed, fourteen wounded in shelling").explicit == {"killed": 2, "injured": 14}
    assert headline_counts("At least 12 civilians killed in airstrike on market").explicit == {"killed": 12}
    assert headline_counts("Four policemen and two civilians injured in blast").explicit == {"injured": 6}
    assert headline_counts("Three Ukrainian servicemen killed, five wounded").explicit == {"killed": 3, "injured": 5}
    assert headline_counts("Two peacekeepers hurt as protesters clash with troops").explicit == {"injured": 2}


def test_headline_counts_conflict_units_are_vague_lower_bounds() -> None:
    counts = headline_counts("Dozens of militants killed, ministry claims")
    assert counts.explicit == {} and counts.implied == {}
    assert counts.vague == {"killed": 12}
    assert headline_counts("Hundreds of protesters injured in clashes with police").vague == {"injured": 100}
    assert headline_counts("Two soldiers killed, dozens of villagers wounded").vague == {"injured": 12}
    assert title_toll("Dozens of militants killed, ministry claims", "") == {}


def test_headline_counts_conflict_single_noun_is_implied() -> None:
    assert headline_counts("Civilian killed in drone strike").implied == {"killed": 1}
    assert headline_counts("Civilian killed in drone strike").explicit == {}
    assert headline_counts("Journalist wounded by sniper fire in Donetsk").implied == {"injured": 1}
    assert headline_counts("Soldier killed the morning after truce").implied == {"killed": 1}


def test_headline_counts_gva_title_unchanged_by_conflict_people() -> None:
    counts = headline_counts("Man killed, woman wounded in shooting outside club - WXYZ")
    assert counts.explicit == {} and counts.implied == {"killed": 1, "injured": 1}
    assert headline_counts("3 shot, 1 dead outside of Elmtown bar").explicit == {"killed": 1, "injured": 2}
