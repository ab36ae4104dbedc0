"""Data: the corpus in use, what was read and skipped, the demo's sources, uploads."""

from pathlib import Path

import streamlit as st

from analytics.errors import AnalyticsError, UploadError
from analytics.ingest.base import SUPPORTED_SUFFIXES
from analytics.ingest.uploads import save_upload, unread_uploads
from analytics.model.evaluation import facts_file_in
from analytics.views.markdown import as_text
from analytics.views.tables import demo_sources
from pages.shared import sign_in, state
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import view
from pages.shared.kept import kept

SHOWN = 10  # saved files named in the message; the others counted

current = view("data")
analysis, settings = current.analysis, current.settings
st.title("Data")

updated = analysis.updated
cols = st.columns(5)
cols[0].metric("Reports in use", len(analysis.events))
cols[1].metric("Meetings", len(analysis.meetings),
               help="The reports grouped: copies, translations, press releases and wires of "
                    "one meeting count once.")  # fmt: skip
cols[2].metric("Files read", analysis.n_files)
cols[3].metric("Skipped", len(analysis.skipped))
cols[4].metric("Last update", updated.strftime("%Y-%m-%d") if updated else "–",
               help=updated.strftime("%Y-%m-%d %H:%M") if updated else None)  # fmt: skip
# Folders by name, as the sources name them: viewers never see the server's paths.
st.write("Corpus folders: " + ", ".join(f"**{as_text(Path(p).name)}**" for p in analysis.paths))
st.caption(f"Theme model {analysis.fingerprint} · corpus {analysis.corpus_fingerprint}")

st.subheader("Ingest report")
if analysis.skipped.empty:
    st.success(f"All {analysis.n_files} files were read.")
else:
    st.warning(f"{len(analysis.skipped)} files or rows were skipped; every other one was read.")
    st.dataframe(analysis.skipped, hide_index=True, width="stretch")
skipped = kept(current, "skipped", lambda: analysis.skipped)  # its CSV made once
download_csv(current, skipped, "skipped", key="skipped")

st.subheader("Corrections")
in_effect = analysis.corrections.in_effect
gone = analysis.orphaned_corrections
if in_effect.empty:
    st.caption("No meeting has been corrected. An editor corrects a meeting's date, venue, "
               "region, type or themes where the meeting is opened (Meetings page).")  # fmt: skip
else:
    meetings = in_effect["doc_id"].nunique() - gone["doc_id"].nunique()
    st.write(f"{len(in_effect) - len(gone)} corrections in effect on {meetings} meetings, kept "
             f"in **{as_text(settings.corrections_file.name)}** (each with who, when and why).")  # fmt: skip
if not gone.empty:
    st.warning(f"{len(gone)} corrections are of reports no longer in the corpus: they stay in "
               "the log and apply again if the report comes back.")  # fmt: skip
    st.dataframe(gone, hide_index=True, width="stretch", key="orphans")
for problem in analysis.correction_problems:
    st.warning(as_text(problem))
download_csv(current, in_effect, "corrections", key="corrections")


def _editing() -> None:
    """Upload reports, refit the model, look for reports changed in place."""
    st.subheader("Add reports")
    st.write(
        "Upload meeting reports (text, Markdown, HTML, PDF, Word, or a CSV/Excel/JSON-lines "
        "table with one report per row). They are saved into the corpus folder "
        f"**{as_text(settings.upload_dir.name)}**, read at once and classified with the current theme "
        "model; they stay part of the corpus after a restart."
    )
    uploads = st.file_uploader(
        "Reports", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
        key="uploads",
    )  # fmt: skip
    # What the last "Add to the corpus" did, kept across the rerun that refreshes the figures.
    notes = st.session_state.pop("_upload_notes", [])
    if uploads and st.button("Add to the corpus", type="primary", icon=":material/upload:"):
        saved, problems = [], []
        for upload in uploads:
            try:
                saved.append(save_upload(upload.name, upload.getvalue(), settings.upload_dir,
                                         settings.max_file_mb, settings.ignored_names))  # fmt: skip
            except UploadError as exc:
                problems.append(str(exc))
        notes = [("error", problem) for problem in problems]
        if saved:
            names = ", ".join(p.name for p in saved[:SHOWN])  # a thousand would fill the page
            names += f" and {len(saved) - SHOWN} more" if len(saved) > SHOWN else ""
            notes.append(("success", f"Saved {len(saved)} file(s): {names}"))
            read = state.load_analysis(settings)
            unread = unread_uploads(saved, read.skipped.itertuples(index=False, name=None))
            st.session_state["_upload_notes"] = notes + [("error", note) for note in unread]
            st.rerun()
    for kind, note in notes:
        (st.error if kind == "error" else st.success)(as_text(note))
    _refit()
    if st.button("Look for reports changed in place", icon=":material/find_in_page:",
                 help="Added, removed and replaced files are noticed at once; a file edited "
                      "in place is noticed after this look (unchanged files are not re-read)."):  # fmt: skip
        state.rescan(settings)
        st.rerun()


@st.fragment(run_every="2s" if state.refitting(settings) else None)
def _refit() -> None:
    """The refit button, or the running refit's progress (checked every two seconds)."""
    try:
        running = state.refitting(settings)
    except AnalyticsError as exc:
        st.error(f"The theme model could not be refitted: {state.said(exc)}")
        running = None
    if running:
        message, done = running
        st.session_state["_refit_seen"] = True
        st.progress(min(done, 1.0), text=f"Refitting the theme model in the background: "
                                         f"{message}. The dashboard keeps the current model "
                                         "until the new one is ready.")  # fmt: skip
        return
    if st.session_state.pop("_refit_seen", False):
        st.rerun()  # finished since: the whole page with the new model
    if st.button("Refit the theme model on the whole corpus", icon=":material/refresh:",
                 help="New reports are classified with the current model; refit to let them "
                      "shape the themes too."):  # fmt: skip
        if state.refit(settings):
            st.rerun()  # the page again, following the refit's progress
        st.warning("A refit of this corpus is already running (asked for by someone else); "
                   "its model is used as soon as it is ready.")  # fmt: skip


refusal = state.why_not_edit(settings)
if refusal is None:
    _editing()
else:
    st.caption(as_text(refusal))
    if settings.editing == "editors" and not st.user.get("is_logged_in"):
        sign_in.log_in_button()

facts = facts_file_in(analysis.paths)
if facts:
    st.subheader("Sources of the demo reports")
    st.write(
        "The bundled demo reports were written for this product from public facts about "
        "real WCO meetings. Each row gives the report, the facts it was written from and "
        "the public source."
    )
    sources = kept(current, "sources", lambda: demo_sources(facts), str(facts),
                   facts.stat().st_mtime_ns)  # fmt: skip
    st.dataframe(sources, hide_index=True, width="stretch",
                 column_config={"source_url": st.column_config.LinkColumn("Source")})  # fmt: skip
    download_csv(current, sources, "sources", key="sources")

snapshot(current, {"skipped": skipped, "corrections": in_effect})
