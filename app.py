"""Caucasus Map — the Streamlit page. Layout and widgets only: the logic lives in caucasus_map."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from caucasus_map import mapview, render
from caucasus_map.candidates import candidates_in_build
from caucasus_map.dataset import Dataset, build_dataset, current_build_dir, load_build
from caucasus_map.errors import DataValidationError
from caucasus_map.export import to_csv, to_geojson
from caucasus_map.ingest import IngestError, Metadata, prepare, store
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.page import clamp_month, corpus_line, places_matching
from caucasus_map.places import Place, places_from_frame
from caucasus_map.query import Filters, ItemIndex
from caucasus_map.reader import preview_html, reader_html
from caucasus_map.settings import corpus_dir
from caucasus_map.timeline import month_end, months_between
from caucasus_map.view_state import ViewState, parse_query_params, to_query_params

st.set_page_config(page_title="Caucasus Map", page_icon="🗺️", layout="wide")
mapview.ensure_vendor_assets(Path(__file__).parent / "static")


@st.cache_resource(show_spinner="Building the dataset…")
def initial_build() -> list[str]:
    """Build once per server process; broken inputs leave the last good build in use."""
    try:
        build_dataset()
        return []
    except DataValidationError as exc:
        return [str(p) for p in exc.problems]


@st.cache_resource(show_spinner="Loading the dataset…", max_entries=2)
def dataset(folder: str) -> Dataset:
    return load_build(Path(folder))


@st.cache_resource(max_entries=2)
def gazetteer(folder: str) -> list[Place]:
    # The build's copy, not geo/: a broken gazetteer on disk must not break the page.
    return places_from_frame(dataset(folder).places)


@st.cache_resource(max_entries=2)
def matcher(folder: str) -> PlaceMatcher:
    return PlaceMatcher(gazetteer(folder))


@st.cache_data(show_spinner=False)
def gazetteer_gaps(folder: str) -> list:
    return candidates_in_build(dataset(folder).articles, matcher(folder), corpus_dir())


@st.cache_resource(show_spinner="Indexing the dataset…", max_entries=2)
def item_index(folder: str) -> ItemIndex:
    """The items prepared once per build, so a rerun costs array operations, not a sort."""
    return ItemIndex(dataset(folder).items)


@st.cache_resource(max_entries=2)
def map_shapes(folder: str):  # noqa: ANN201 - a GeoDataFrame
    return mapview.display_geometries(dataset(folder).places)


problems = initial_build()
if problems:
    initial_build.clear()  # try again on the next rerun: the data may have been fixed
    listed = "\n".join(f"- {render.esc(p)}" for p in problems[:10])
    st.warning(
        "The data has problems, so the page shows the last good build. "
        f"Run `caucasus-map check` for the full list.\n\n{listed}"
    )
current = current_build_dir()  # read on every rerun: an ingest elsewhere shows up at once
if current is None:
    st.error("No dataset could be built. Fix the problems above and reload the page.")
    st.stop()
folder = str(current)
data = dataset(folder)
items_all, places = data.items, data.places
place_list = gazetteer(folder)
place_names = {p.id: p.name for p in place_list}
other_names = {p.id: p.other_names for p in place_list}

view = parse_query_params(
    {k: st.query_params.get_all(k) for k in st.query_params},
    place_ids=set(place_names),
    article_ids=set(data.articles["article_id"]),
)
for warning in view.warnings:
    st.toast(render.esc(warning))

st.markdown(render.PAGE_CSS, unsafe_allow_html=True)
st.title("Caucasus Map")
st.caption(corpus_line(data.articles, items_all))
preview_slot = st.empty()  # an article being added is previewed here, above the map
if items_all.empty:
    st.info("The dataset has no events or excerpts yet. Add articles with `caucasus-map ingest`.")
    st.stop()

# --- sidebar: filters ---------------------------------------------------------------------------
outlets = sorted(items_all["outlet"].dropna().unique())
types = sorted(items_all["event_type"].dropna().unique())
with st.sidebar:
    st.header("Filters")
    chosen_outlets = st.multiselect(
        "Outlet", outlets, default=[o for o in view.outlets if o in outlets]
    )
    chosen_types = st.multiselect(
        "Event type",
        types,
        default=[t for t in view.event_types if t in types],
        help="Narrows the curated events; excerpts have no type and stay.",
    )
    search = st.text_input(
        "Search",
        value=view.text,
        placeholder="Stepanakert, blockade, Pashinyan…",
        help="Searches the quotes and every name of every place (Stepanakert finds Khankendi).",
    )
    tiles = st.toggle("OpenStreetMap background (needs internet)", value=False)

# --- timeline and window ------------------------------------------------------------------------
months = months_between(items_all["date_start"].min().date(), items_all["date_end"].max().date())
matching = places_matching(place_list, search)
base_filters = Filters(
    outlets=frozenset(chosen_outlets), event_types=frozenset(chosen_types), text=search
)
index = item_index(folder)
st.bar_chart(
    index.per_month(index.mask(base_filters, matching_place_ids=matching), months),
    height=150,
    x_label="",
    y_label="per month",
    color=["#b3261e", "#9aa5b1"],
)
window = st.select_slider(
    "Time window",
    options=months,
    value=(
        clamp_month(view.date_from, months, months[0]),
        clamp_month(view.date_to, months, months[-1]),
    ),
    format_func=lambda d: f"{d:%b %Y}",
)
date_from, date_to = window[0], month_end(window[1])
filters = Filters(
    date_from=date_from,
    date_to=date_to,
    outlets=base_filters.outlets,
    event_types=base_filters.event_types,
    text=search,
)
mask = index.mask(filters, matching_place_ids=matching)
counts = index.counts(mask)
in_window = None  # the window's rows are materialised only where a panel or a download needs them

# --- map and side panel -------------------------------------------------------------------------
map_col, side_col = st.columns([3, 2], gap="medium")
with map_col:
    if not counts:
        st.info(
            "Nothing falls in this window with these filters. Widen the time window, "
            "or clear the outlet, type and search filters in the sidebar."
        )
    popups = render.popups_from_index(
        index, mask, counts, place_names, date_from=date_from, date_to=date_to
    )
    returned = st_folium(
        mapview.base_map(map_shapes(folder), other_names, tiles=tiles),
        key="map",
        height=560,
        use_container_width=True,
        feature_group_to_add=mapview.window_layer(map_shapes(folder), counts, popups, other_names),
        returned_objects=["last_active_drawing"],
    )

selected = view.place
clicked = ((returned or {}).get("last_active_drawing") or {}).get("properties", {}).get("id")
if clicked and clicked != st.session_state.get("last_click"):
    st.session_state["last_click"] = clicked  # the component repeats its last click on reruns
    selected = clicked
reader = (view.article, view.quote) if view.article else None

with side_col:
    options = [None, *sorted(place_names, key=lambda pid: (-counts.get(pid, 0), place_names[pid]))]
    selected = st.selectbox(
        "Place",
        options,
        index=options.index(selected) if selected in options else 0,
        # A choice here makes the next click on the map count even if it is the last place
        # clicked (the component repeats its last click on every rerun).
        on_change=lambda: st.session_state.pop("last_click", None),
        format_func=lambda pid: (
            "Choose a place, or click one on the map"
            if pid is None
            else f"{place_names[pid]} ({counts.get(pid, 0)})"
        ),
    )
    if selected:
        in_window = index.select(mask)
        entries = in_window[in_window["place_id"] == selected].drop_duplicates("group_id")
        st.subheader(render.esc(place_names[selected]))
        if other_names.get(selected):
            st.caption("Also: " + render.esc(", ".join(other_names[selected])))
        if entries.empty:
            st.info("Nothing for this place in the window. Widen the time window.")
        else:
            per_page = 8
            pages = -(-len(entries) // per_page)
            page = st.number_input("Page", 1, pages, 1) if pages > 1 else 1
            shown = entries.sort_values(["date_start", "kind"]).iloc[
                (page - 1) * per_page : page * per_page
            ]
            labels = shown.apply(lambda row: render.event_date_label(row.to_dict()), axis=1)
            for label, group in shown.groupby(labels, sort=False):
                st.markdown(f"**{label}**")
                for item in group.to_dict("records"):
                    st.markdown(render.item_html(item), unsafe_allow_html=True)
                    if st.button("Read in context", key=f"read-{item['item_id']}"):
                        reader = (item["article_id"], (item["quote_start"], item["quote_end"]))
            st.caption(f"{len(entries)} entries · page {page} of {pages}")

if reader:
    st.divider()
    if st.button("Close the reader"):
        reader = None
    else:
        st.markdown(reader_html(data, reader[0], reader[1]), unsafe_allow_html=True)

with st.sidebar:
    st.header("Export what is on screen")
    geometry = dict(zip(places["id"], places.geometry, strict=True))
    # Built only when clicked; CSV cells that a spreadsheet would run as formulas are defused.
    st.download_button(
        "CSV",
        lambda: to_csv(index.select(mask), spreadsheet_safe=True),
        "caucasus-map.csv",
        "text/csv",
        on_click="ignore",
    )
    st.download_button(
        "GeoJSON",
        lambda: to_geojson(index.select(mask), geometry),
        "caucasus-map.geojson",
        "application/geo+json",
        on_click="ignore",
    )

# --- bring your own articles -------------------------------------------------------------------
with st.sidebar:
    st.header("Add an article")
    with st.form("ingest", clear_on_submit=False):
        upload = st.file_uploader("A file", type=["txt", "md", "html", "htm"])
        pasted = st.text_area("…or paste the text", height=120)
        outlet = st.text_input("Outlet", placeholder="found in HTML pages; else required")
        published = st.date_input("Published", value=None, format="YYYY-MM-DD")
        title = st.text_input("Title (optional)")
        url = st.text_input("URL (optional)")
        speakers = st.text_input("People quoted (optional, separated by ;)")
        kind = st.selectbox("Kind", ["news", "analysis", "interview"])
        previewed = st.form_submit_button("Preview")
    if previewed:
        raw, name, suffix = (
            (upload.getvalue(), upload.name, Path(upload.name).suffix)
            if upload is not None
            else (pasted.encode("utf-8"), "pasted text", ".txt")
        )
        meta = Metadata(
            outlet=outlet or None,
            published=published,
            title=title or None,
            url=url or None,
            speakers=tuple(s.strip() for s in speakers.split(";") if s.strip()),
            kind=kind,
        )
        try:
            st.session_state["preview"] = prepare(raw, name, suffix, meta)
        except IngestError as exc:
            st.session_state.pop("preview", None)
            st.error(render.esc(exc))

prepared = st.session_state.get("preview")
if prepared is not None:
    with preview_slot.container(border=True):
        st.subheader(f"Preview: {render.esc(prepared.name)}")
        for notice in prepared.notices:
            st.caption(render.esc(notice))
        save_col, discard_col = st.columns([1, 5])
        if save_col.button("Save", type="primary"):
            try:
                stored = store(prepared)
            except IngestError as exc:
                st.error(render.esc(exc))
            else:
                st.session_state.pop("preview", None)
                message = (
                    f"Already stored as {stored.article_id}; nothing changed."
                    if stored.already_there
                    else f"Saved as {stored.article_id}; it is on the map now."
                )
                try:
                    with st.spinner("Rebuilding the dataset…"):
                        build_dataset()
                except DataValidationError as exc:
                    message = (
                        f"Saved as {stored.article_id}, but the dataset could not be rebuilt "
                        f"({len(exc.problems)} problem(s)); run `caucasus-map check`."
                    )
                st.session_state["saved"] = render.esc(message)
                st.rerun()
        if discard_col.button("Discard"):
            st.session_state.pop("preview", None)
            st.rerun()
        st.markdown(preview_html(prepared, matcher(folder)), unsafe_allow_html=True)
if "saved" in st.session_state:
    st.toast(st.session_state.pop("saved"))

with st.expander("Places the gazetteer lacks"):
    found = gazetteer_gaps(folder) if st.toggle("Look for them (reads every article)") else None
    if found:
        st.caption(
            "Names that follow “in”, “near”, “to” … and match no place. Add the real ones to "
            "geo/places_source.yaml and run geo/make_places.py."
        )
        st.dataframe(
            [
                {"name": c.name, "seen": c.count, "in": ", ".join(c.articles), "example": c.example}
                for c in found
            ],
            hide_index=True,
        )
    elif found is not None:
        st.caption("None: every name in a locative position is in the gazetteer.")

st.query_params.from_dict(
    to_query_params(
        ViewState(
            date_from=date_from if window[0] != months[0] else None,
            date_to=date_to if window[1] != months[-1] else None,
            place=selected,
            outlets=tuple(chosen_outlets),
            event_types=tuple(chosen_types),
            text=search,
            article=reader[0] if reader else None,
            quote=tuple(int(x) for x in reader[1]) if reader and reader[1] else None,
        )
    )
)
