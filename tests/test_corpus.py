import hashlib
from pathlib import Path

import pytest
import yaml

from caucasus_map import settings
from caucasus_map.corpus import load_articles, read_source_text
from caucasus_map.errors import DataValidationError

SHARED_CORPUS = settings.PACKAGE_ROOT.parent / "shared" / "corpus"


def test_shipped_files_are_byte_for_byte_and_hashes_match(articles) -> None:
    corpus = settings.corpus_dir(settings.PACKAGE_ROOT)
    for article in articles.values():
        data = (corpus / article.source_file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == article.sha256
        original = SHARED_CORPUS / article.source_file
        if original.exists():  # beside a checkout of the project only
            assert original.read_bytes() == data


def test_every_file_of_the_corpus_has_metadata(articles) -> None:
    corpus = settings.corpus_dir(settings.PACKAGE_ROOT)
    assert {p.name for p in corpus.iterdir()} == {a.source_file for a in articles.values()}


def test_two_articles_in_one_file_have_their_own_spans_and_dates(articles) -> None:
    first = articles["wire_tehran_talks_20231023"]
    second = articles["wire_nonaggression_20240128"]
    assert first.source_file == second.source_file
    assert first.span[1] <= second.span[0]
    assert str(first.published) == "2023-10-23" and str(second.published) == "2024-01-28"


def test_undated_file_has_an_inferred_date_with_evidence(articles) -> None:
    article = articles["alwaght_heshmati_20230817"]
    assert article.published_basis == "inferred"
    assert "yesterday" in article.published_evidence


@pytest.mark.parametrize(
    ("article_id", "chrome"),
    [
        ("scfr_kazemi_20230521", "Submit a Comment"),
        ("scfr_kazemi_20230521", "Erdogan’s Motives"),
        ("alwaght_kozehgar_20210113", "Tags :"),
        ("alwaght_kozehgar_20210113", "Wahhabism"),
        ("wire_nonaggression_20240128", "Post a Comment"),
        ("caliber_lachin_20230901", "Liked the story"),
        ("caliber_lachin_20230901", "Any use of materials"),
    ],
)
def test_bodies_hold_no_site_chrome(articles, text_of, article_id: str, chrome: str) -> None:
    article = articles[article_id]
    text = text_of(article)
    assert chrome in text
    assert chrome not in text[article.span[0] : article.span[1]]


def test_offsets_read_the_file_without_newline_translation(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo")
    assert read_source_text(path) == "one\r\ntwo"


def _break(root: Path, change) -> None:
    path = root / "data" / "articles.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


def test_a_changed_raw_file_is_reported_by_name(project_copy: Path) -> None:
    raw = project_copy / "data" / "corpus" / "004_5d57b116261a5657.txt"
    raw.write_bytes(raw.read_bytes() + b"edited")
    with pytest.raises(DataValidationError, match=r"sha256 of 004_5d57b116261a5657.txt"):
        load_articles(project_copy)


def test_span_that_no_longer_matches_its_marker(project_copy: Path) -> None:
    _break(project_copy, lambda r: r[0].update(span=[5, 7978]))
    with pytest.raises(DataValidationError, match=r"articles.yaml: \[0\].*does not start with"):
        load_articles(project_copy)


def test_truncated_yaml_names_the_line(project_copy: Path) -> None:
    path = project_copy / "data" / "articles.yaml"
    path.write_text(path.read_text(encoding="utf-8")[:300] + "\n  - [unclosed", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"articles.yaml: line \d+: not valid YAML"):
        load_articles(project_copy)


def test_source_file_cannot_point_outside_the_corpus(project_copy: Path) -> None:
    _break(project_copy, lambda r: r[0].update(source_file="../../etc/hostname"))
    with pytest.raises(DataValidationError, match="must be a file name inside data/corpus/"):
        load_articles(project_copy)
