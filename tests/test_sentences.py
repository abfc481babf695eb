from caucasus_map.sentences import split_sentences


def test_offsets_slice_back_and_abbreviations_do_not_split() -> None:
    text = "Intro line\nMr. Putin met Dr. Kazemi in Washington, D.C. on Monday. Then he left!\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Intro line",
        "Mr. Putin met Dr. Kazemi in Washington, D.C. on Monday.",
        "Then he left!",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 1, 1]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "“This is over,” he said. “We go on.” The end."
    assert [s.text for s in split_sentences(text)] == [
        "“This is over,” he said.",
        "“We go on.”",
        "The end.",
    ]


def test_ellipsis_inside_a_quote_does_not_split() -> None:
    text = "“This meeting... can be the cornerstone,” said the minister."
    assert len(split_sentences(text)) == 1


def test_span_limits_are_respected() -> None:
    text = "Menu. Home.\nBody one. Body two.\nFooter."
    start = text.index("Body")
    end = text.index("\nFooter")
    assert [s.text for s in split_sentences(text, start, end)] == ["Body one.", "Body two."]
