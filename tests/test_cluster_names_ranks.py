"""Person names after military and police ranks and titles (rashomon.cluster.features.proper_names)."""

from __future__ import annotations

from rashomon.cluster.features import proper_names


def test_cluster_names_ranks_skip_the_rank_before_the_name() -> None:
    text = "Private Armen Hakobyan was killed by sniper fire near the border, the ministry said."
    assert proper_names(text) == {"Armen Hakobyan"}
    assert proper_names("Sgt Lusine Petrosyan and Colonel Davit Sargsyan were wounded.") == {
        "Lusine Petrosyan",
        "Davit Sargsyan",
    }


def test_cluster_names_ranks_chained_ranks_and_abbreviations() -> None:
    assert proper_names("Lt. Col. Ian Rosswell told reporters the post was shelled.") == {"Ian Rosswell"}
    assert proper_names("Major General Tomas Varga said two soldiers died.") == {"Tomas Varga"}
    assert proper_names("Dr Helen Okafor treated the wounded at the clinic.") == {"Helen Okafor"}


def test_cluster_names_ranks_role_words_between_rank_and_name() -> None:
    text = "Chief Deputy District Attorney Harold Nuttall said the pair would be charged."
    assert proper_names(text) == {"Harold Nuttall"}
    assert proper_names("Deputy Coroner Darla Fenwick identified the victim.") == {"Darla Fenwick"}
    assert proper_names("Cpl. Dino Carrera Jr. said the road was closed.") == {"Dino Carrera"}


def test_cluster_names_ranks_a_rank_and_one_name_is_no_name() -> None:
    assert proper_names("Private Hakobyan was killed, President Aliyev said.") == set()
    assert proper_names("Call the Major Crimes Unit or the Bomb Squad.") == set()


def test_cluster_names_ranks_plain_names_unchanged() -> None:
    assert proper_names("Marcus Deering, 25, was shot on Berkley Avenue.") == {"Marcus Deering", "Berkley Avenue"}
