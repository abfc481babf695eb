from datetime import date

import pytest

from caucasus_map.view_state import ViewState, parse_query_params, to_query_params


def test_round_trip() -> None:
    state = ViewState(
        date_from=date(2023, 8, 1),
        date_to=date(2023, 9, 30),
        place="shusha",
        outlets=("Alwaght", "Caliber.az"),
        event_types=("blockade",),
        text="corridor",
        article="caliber_lachin_20230901",
        quote=(10, 20),
    )
    params = to_query_params(state)
    assert params["from"] == "2023-08-01" and params["place"] == "shusha"
    assert parse_query_params(params) == state


def test_empty_state_has_empty_url() -> None:
    assert to_query_params(ViewState()) == {}
    assert parse_query_params({}) == ViewState()


@pytest.mark.parametrize(
    ("params", "warning"),
    [
        ({"from": "21/05/2023"}, "dates are written YYYY-MM-DD"),
        ({"place": "atlantis"}, "no such place"),
        ({"quote": "abc"}, "start-end"),
        ({"quote": "20-10"}, "start-end"),
        ({"article": "nope"}, "no such article"),
    ],
)
def test_bad_values_are_dropped_with_a_warning(params: dict, warning: str) -> None:
    state = parse_query_params(params, place_ids={"shusha"}, article_ids={"a"})
    assert any(warning in w for w in state.warnings)
    assert state.with_(warnings=()) == ViewState()


def test_reversed_window_is_swapped() -> None:
    state = parse_query_params({"from": "2023-09-01", "to": "2023-01-01"})
    assert (state.date_from, state.date_to) == (date(2023, 1, 1), date(2023, 9, 1))
    assert state.warnings
