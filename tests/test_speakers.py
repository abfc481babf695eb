import pytest

from caucasus_map.corpus import Speaker
from caucasus_map.sentences import split_sentences
from caucasus_map.speakers import attribute_speakers

KAZEMI = Speaker("Ahmad Kazemi", ("Kazemi",), "expert")
HESHMATI = Speaker("Burhan Heshmati", ("Heshmati",), "expert")
ALWAGHT = Speaker("Alwaght", ("Alwaght",), "interviewer")


PLACES = frozenset({"Baku", "Moscow", "Armenia", "Azerbaijan"})


def speakers_of(text: str, speakers: list[Speaker], interview: bool = True) -> list[str | None]:
    return attribute_speakers(
        split_sentences(text), speakers, interview=interview, not_people=PLACES
    )


def test_verb_colon_names_the_speaker_and_holds_the_paragraph() -> None:
    text = "Kazemi pointed out: Baku wants more. Moscow failed.\nThe site reports."
    assert speakers_of(text, [KAZEMI]) == ["Ahmad Kazemi", "Ahmad Kazemi", None]


def test_qa_labels_hold_until_the_next_label() -> None:
    text = (
        "Alwaght: What is the goal?\n"
        "Heshmati: To force them out.\n"
        "Another goal is pressure.\n"
        "Alwaght: And Iran?"
    )
    assert speakers_of(text, [HESHMATI, ALWAGHT]) == [
        "Alwaght",
        "Burhan Heshmati",
        "Burhan Heshmati",
        "Alwaght",
    ]


def test_pronoun_points_back_at_the_last_speaker() -> None:
    text = "“We need arms,” Pashinyan said.\n“We will buy them,” he added."
    pashinyan = Speaker("Nikol Pashinyan", ("Pashinyan",))
    assert speakers_of(text, [pashinyan], interview=False) == ["Nikol Pashinyan"] * 2


@pytest.mark.parametrize(
    "text",
    ["“We will not retreat,” Pashinyan said.", "Pashinyan said on Sunday that talks go on."],
)
def test_a_lone_surname_before_said(text: str) -> None:
    assert speakers_of(text, [], interview=False) == ["Pashinyan"]


def test_said_followed_by_an_unknown_name() -> None:
    text = "“This can be the cornerstone,” said Iran’s Foreign Minister Hossein Amir-Abdollahian."
    assert speakers_of(text, [], interview=False) == ["Hossein Amir-Abdollahian"]


@pytest.mark.parametrize(
    "text",
    [
        "Baku said the drills were routine.",  # a government, not a person
        "The ministry said 3,000 troops would take part.",
        "Tensions are running high between Armenia and Azerbaijan.",
    ],
)
def test_narration_and_institutions_have_no_speaker(text: str) -> None:
    assert speakers_of(text, [KAZEMI], interview=False) == [None]


def test_description_of_the_interviewee_in_an_interview() -> None:
    text = "The international law expert recalled: the crossing was closed."
    assert speakers_of(text, [KAZEMI]) == ["Ahmad Kazemi"]


def test_corpus_attribution(articles, text_of) -> None:
    article = articles["alwaght_kozehgar_20210113"]
    text = text_of(article)
    sentences = split_sentences(text, *article.span)
    speakers = attribute_speakers(sentences, article.speakers, interview=True)
    by_start = {s.text[:40]: who for s, who in zip(sentences, speakers, strict=True)}
    assert by_start["The group was totally marginalized in th"] == "Vali Kozehgar-Kaleji"
    assert by_start["Alwaght- On Monday, Russian President Vl"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title and a nationality before the name are the title
        (
            "\u201cThe door stays open,\u201d said Armenian Foreign Minister Ararat Mirzoyan.",
            "Ararat Mirzoyan",
        ),
        (
            "The ceasefire holds, said Russian Deputy Prime Minister Alexei Overchuk.",
            "Alexei Overchuk",
        ),
        # a name, an apposition between commas, then the verb
        (
            "Hikmet Hajiyev, foreign policy adviser to President Ilham Aliyev, told Reuters "
            "the checkpoint would stay.",
            "Hikmet Hajiyev",
        ),
        ("Nikol Pashinyan told parliament the border would be drawn.", "Nikol Pashinyan"),
        # institutions, outlets and weekdays are not people
        ("The talks failed, said the Foreign Ministry.", None),
        ("The road was shut, Reuters reported.", None),
        ("The claims were false, the Defence Ministry said on Tuesday.", None),
    ],
)
def test_speakers_in_wire_copy(text: str, expected: str | None) -> None:
    assert speakers_of(text, [], interview=False) == [expected]


def test_a_surname_alone_is_the_full_name_given_earlier() -> None:
    text = (
        "\u201cWe are ready,\u201d said Foreign Minister Jeyhun Bayramov.\n"
        "\u201cThe ball is in their court,\u201d Bayramov said."
    )
    assert speakers_of(text, [], interview=False) == ["Jeyhun Bayramov", "Jeyhun Bayramov"]


def test_a_long_apposition_and_a_pronoun_that_points_at_the_previous_subject() -> None:
    text = (
        "Gagik Petrosyan, 47, who left his village as a teenager and grew up in a camp for "
        "displaced families, said he hoped to go back.\n"
        "Deputy Prime Minister Mher Grigoryan said the talks would go on.\n"
        "Archbishop Bagrat Galstanyan, head of the diocese, arrived this morning. "
        "\u201cWe are not against peace,\u201d he told the crowd."
    )
    assert speakers_of(text, [], interview=False) == [
        "Gagik Petrosyan",
        "Mher Grigoryan",
        None,
        "Bagrat Galstanyan",
    ]


def test_surnames_that_look_plural_and_possessive_subjects() -> None:
    text = (
        "The analyst Laurence Broers, who follows the talks, spoke first.\n"
        "Broers said the talks had stalled.\n"
        "Villagers said they would stay.\n"
        "Prime Minister Nikol Pashinyan's spokeswoman, Nazeli Baghdasaryan, was asked. "
        "\u201cNo comment,\u201d she said."
    )
    result = speakers_of(text, [], interview=False)
    assert result[1] == "Broers"
    assert result[2] is None
    assert result[4] != "Nikol Pashinyan's"


def test_an_office_points_back_at_the_person_introduced_with_it() -> None:
    text = (
        "President Ilham Aliyev received the delegation in Baku on Monday.\n"
        "The head of state stressed that the talks would go on.\n"
        "Foreign Minister Ararat Mirzoyan was in Brussels.\n"
        "The minister said the text was nearly ready.\n"
        "The president of the football federation said nothing."
    )
    assert speakers_of(text, [], interview=False) == [
        None,
        "Ilham Aliyev",
        None,
        "Ararat Mirzoyan",
        None,
    ]


def test_an_office_held_by_two_people_names_no_one() -> None:
    text = (
        "Foreign Minister Jeyhun Bayramov met Foreign Minister Ararat Mirzoyan in Almaty.\n"
        "The minister said the text was nearly ready."
    )
    assert speakers_of(text, [], interview=False) == [None, None]


def test_an_office_given_with_its_country_before_the_name() -> None:
    text = (
        "President of the Republic of Azerbaijan Ilham Aliyev spoke in Lachin city.\n"
        "The head of state said the road would be rebuilt."
    )
    assert speakers_of(text, [], interview=False) == [None, "Ilham Aliyev"]
