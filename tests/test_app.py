"""The page's widgets and URL state, run headless with Streamlit's AppTest (no browser)."""

from __future__ import annotations

import html
import os
import shutil
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from caucasus_map.settings import PACKAGE_ROOT, ROOT_ENV_VAR

APP = str(PACKAGE_ROOT / "app.py")


@pytest.fixture(scope="module", autouse=True)
def copied_root(tmp_path_factory: pytest.TempPathFactory):
    """The page under test reads and builds a copy of the data, never the checkout's build/."""
    root = tmp_path_factory.mktemp("app")
    shutil.copytree(PACKAGE_ROOT / "data", root / "data")
    shutil.copytree(PACKAGE_ROOT / "geo", root / "geo")
    before = os.environ.get(ROOT_ENV_VAR)
    os.environ[ROOT_ENV_VAR] = str(root)
    yield root
    if before is None:
        os.environ.pop(ROOT_ENV_VAR, None)
    else:
        os.environ[ROOT_ENV_VAR] = before


def run(**params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.fixture(scope="module")
def plain() -> AppTest:
    return run()


def test_header_states_the_corpus(plain: AppTest) -> None:
    caption = plain.caption[0].value
    assert "6 articles from 4 outlets" in caption and "curated events" in caption


def test_permalink_restores_place_window_and_filters() -> None:
    app = run(place="shusha", **{"from": "2020-01-01", "to": "2021-12-31"}, q="Shusha")
    assert app.selectbox[0].value == "shusha"
    assert app.select_slider[0].value == (date(2020, 1, 1), date(2021, 12, 1))
    assert app.text_input[0].value == "Shusha"
    assert any("Shusha" in h.value for h in app.subheader)
    assert app.query_params["place"] == ["shusha"] or app.query_params["place"] == "shusha"


def test_moving_the_window_updates_the_url() -> None:
    app = run()
    app.select_slider[0].set_value((date(2023, 8, 1), date(2023, 9, 1))).run()
    params = {k: app.query_params[k] for k in app.query_params}
    flat = {k: v[0] if isinstance(v, list) else v for k, v in params.items()}
    assert flat["from"] == "2023-08-01" and flat["to"] == "2023-09-30"


def test_choosing_a_place_lists_its_items_by_date() -> None:
    app = run(**{"from": "2023-08-01", "to": "2023-09-30"})
    app.selectbox[0].set_value("aghdam_khankendi_road").run()
    assert any("Aghdam–Khankendi road" in h.value for h in app.subheader)
    texts = " ".join(m.value for m in app.markdown)
    assert "<blockquote class='cm-quote'>" in texts and "Red Crescent" in texts


def test_empty_window_says_how_to_widen_it() -> None:
    app = run(q="no such words anywhere in the corpus")
    infos = " ".join(i.value for i in app.info)
    assert "Widen the time window" in infos


def test_bad_url_values_are_reported_not_fatal() -> None:
    app = run(place="atlantis", **{"from": "21/05/2023"})
    toasts = " ".join(t.value for t in app.toast)
    assert "atlantis" in toasts and "YYYY-MM-DD" in toasts
    assert app.selectbox[0].value is None


def test_read_in_context_opens_the_reader_at_the_quote() -> None:
    app = run(article="caliber_lachin_20230901", quote="2900-3100")
    reader = [m.value for m in app.markdown if "cm-reader" in m.value]
    assert reader and "Caliber.az" in reader[0]
    assert "<mark class='loc'" in reader[0] and "<mark class='date'" in reader[0]
    next(b for b in app.button if b.label == "Close the reader").click().run()
    assert not [m for m in app.markdown if "cm-reader" in m.value]
    assert "article" not in app.query_params


PASTED = (
    "Aid convoy waits at Kornidzor\n\n"
    "A convoy of humanitarian aid waited for a second day near the Lachin corridor on Tuesday, "
    "officials in Yerevan said, as talks in Brussels resumed on 11 March 2024.\n"
)


def test_pasted_article_is_previewed_then_saved_onto_the_map(project_copy) -> None:
    from caucasus_map.dataset import build_dataset

    build_dataset(project_copy)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.sidebar.text_area[0].set_value(PASTED)
    app.sidebar.text_input[1].set_value("Test Wire")  # [0] is the search box
    app.sidebar.date_input[0].set_value(date(2024, 3, 12))
    app.sidebar.button[0].click().run()  # the form's Preview button
    assert not app.exception, app.exception
    preview = [m.value for m in app.markdown if "cm-reader" in m.value]
    assert preview and "<mark class='loc'" in preview[0] and "Nothing is saved" in preview[0]
    assert "6 articles" in app.caption[0].value  # not saved yet
    save = next(b for b in app.button if b.label == "Save")
    save.click().run()
    assert not app.exception, app.exception
    assert "7 articles" in app.caption[0].value
    assert any("Saved as test_wire" in html.unescape(t.value) for t in app.toast)


def test_refused_paste_says_why_and_saves_nothing(project_copy) -> None:
    from caucasus_map.dataset import build_dataset

    build_dataset(project_copy)
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.sidebar.text_area[0].set_value(PASTED)
    app.sidebar.button[0].click().run()  # no outlet, no date given
    errors = " ".join(e.value for e in app.sidebar.error)
    assert "pasted text: no outlet given or found" in errors
    assert "6 articles" in app.caption[0].value


def test_a_crafted_permalink_cannot_inject_markdown() -> None:
    payload = "x` [**Sign in again**](https://evil.example/login) ![](https://evil.example/p.png) `"
    app = run(place=payload)
    toasts = [t.value for t in app.toast]
    assert toasts and all("](" not in t and "`" not in t for t in toasts)
