from pathlib import Path

import pytest

from caucasus_map.body import guess_body_span
from caucasus_map.corpus import read_source_text
from caucasus_map.settings import PACKAGE_ROOT


@pytest.mark.parametrize(
    "article_id",
    ["alwaght_kozehgar_20210113", "alwaght_heshmati_20230817", "caliber_lachin_20230901"],
)
def test_guessed_body_keeps_the_article_and_drops_the_chrome(articles, article_id) -> None:
    article = articles[article_id]
    text = read_source_text(Path(PACKAGE_ROOT, "data", "corpus", article.source_file))
    start, end = guess_body_span(text)
    body = text[start:end]
    curated = text[article.span[0] : article.span[1]]
    # Everything of the curated body's prose is inside, nothing after it.
    assert curated.splitlines()[-1] in body
    assert end <= article.span[1]
    for chrome in ("Submit a Comment", "Tags :", "Share it on social media", "Most Viewed"):
        assert chrome not in body


def test_teasers_after_a_comment_form_are_not_body(articles) -> None:
    article = articles["scfr_kazemi_20230521"]
    text = read_source_text(Path(PACKAGE_ROOT, "data", "corpus", article.source_file))
    start, end = guess_body_span(text)
    assert "Erdogan" not in text[start:end]
    assert text[start:end].endswith("a peace treaty can be signed.")


def test_plain_prose_is_all_body() -> None:
    text = "A short piece of news about Shusha that has a single long line of prose in it."
    assert guess_body_span(text) == (0, len(text))


def test_no_prose_at_all_gives_the_whole_text() -> None:
    assert guess_body_span("Menu\nHome\nLogin") == (0, len("Menu\nHome\nLogin"))


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Felix Light in Tbilisi; Editing by Andrew Osborn)",
        "AP writer Lusine Harutyunyan in Yerevan, Armenia, contributed to this report.",
    ],
)
def test_wire_credits_close_the_body(credit: str) -> None:
    prose = (
        "Officials from both sides met for five hours behind closed doors and agreed to meet "
        "again, the presidential administration said in a statement on Thursday.\n"
        "The talks were the first since the ceasefire took hold, and they ended without a "
        "detailed agreement on the status of the region, diplomats said.\n"
    )
    text = prose + credit + "\n"
    start, end = guess_body_span(text)
    assert text[start:end] == prose.rstrip("\n")
