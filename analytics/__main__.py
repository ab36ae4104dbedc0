"""Command line: ``python -m analytics events|meetings|themes PATH...``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analytics.corrections import apply_corrections, country_codes, read_corrections
from analytics.engine import ENGINES
from analytics.errors import AnalyticsError
from analytics.grouping import group_reports
from analytics.meetings import meetings_of
from analytics.model.classify import classify, theme_table
from analytics.model.evaluation import facts_file_in, quality_report
from analytics.model.fit import fit_or_load
from analytics.pipeline import Corpus, load_corpus
from analytics.settings import Settings
from analytics.views.export import spreadsheet_safe, table_for_output
from analytics.views.tables import theme_summary

_FORMATS = ("csv", "json")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analytics",
        description="Read meeting reports and print what they say: events and themes.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    events = commands.add_parser(
        "events",
        help="write the events table (one row per report, without the text)",
        description="Read files and folders of reports (.txt .md .html .pdf .docx .csv .xlsx "
        ".jsonl) and write one row per meeting. The ingest report goes to stderr.",
    )
    meetings = commands.add_parser(
        "meetings",
        help="write the meetings table (one row per meeting, its reports grouped)",
        description="Read files and folders of reports like `events`, group the reports that "
        "describe one meeting (copies, translations, press releases, wires) and write one "
        "row per meeting: the fields its reports agree on, the union of their themes, "
        "n_reports and doc_ids. The ingest report goes to stderr.",
    )
    for command in (events, meetings):
        _add_common(command)
        command.add_argument(
            "--corrections", metavar="CSV", help="the editors' corrections to apply (default: "
            "the corrections_file setting); a `corrected` column names the parts corrected",
        )  # fmt: skip
        command.add_argument(
            "--no-corrections", action="store_true", help="as extracted and classified"
        )
    themes = commands.add_parser(
        "themes",
        help="fit the theme model and print the theme table and its quality figures",
        description="Fit the theme model on the reports under PATH and print each theme "
        "(label, kind, reports, top terms) and the quality figures: NPMI coherence, topic "
        "diversity, stability over 5 seeds and, with --facts, agreement with the themes a "
        "facts table lists (micro/macro-F1 on the tuning part and on the held-out fifth).",
    )
    _add_common(themes)
    themes.add_argument(
        "--facts",
        metavar="CSV",
        help="facts table with file and themes columns (default: SOURCES.csv in a given folder)",
    )
    themes.add_argument("--no-stability", action="store_true", help="skip the 5-seed refits")
    return parser


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    command.add_argument(
        "--format", choices=_FORMATS, default="csv", help="output format (default: csv)"
    )
    command.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    command.add_argument(
        "--raw", action="store_true", help="CSV cells exactly as read (for pipelines); by "
        "default a cell a spreadsheet would run as a formula (=, +, -, @ first) starts with '",
    )  # fmt: skip
    command.add_argument(
        "--no-cache", action="store_true", help="do not read or write the extraction cache"
    )
    command.add_argument(
        "--engine", choices=ENGINES, help="who extracts the reports (default: the engine "
        "setting, 'local': processes on this machine; 'dask': a Dask cluster)",
    )  # fmt: skip


def _load(args: argparse.Namespace, settings: Settings) -> Corpus:
    corpus = load_corpus(args.paths, settings, cache=not args.no_cache)
    for skip in corpus.skipped:
        print(f"skipped {skip.source}: {skip.reason}", file=sys.stderr)
    print(
        f"read {len(corpus.events)} reports from {corpus.n_files} files; "
        f"{len(corpus.skipped)} skipped, {corpus.duplicates} duplicates dropped",
        file=sys.stderr,
    )
    return corpus


def _write(table, args: argparse.Namespace) -> None:
    table, out = table_for_output(table), args.out
    if args.format == "json":
        text = table.to_json(orient="records", force_ascii=False, indent=1, date_format="iso")
    else:
        text = (table if args.raw else spreadsheet_safe(table)).to_csv(index=False)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _facts_file(args: argparse.Namespace) -> Path | None:
    return Path(args.facts) if args.facts else facts_file_in(args.paths)


def _model(args: argparse.Namespace, corpus: Corpus, settings: Settings):
    events = corpus.events
    model, _ = fit_or_load(events["text"], events["doc_id"], settings, cache=not args.no_cache)
    return model


def _themes(args: argparse.Namespace, corpus: Corpus, settings: Settings) -> int:
    model = _model(args, corpus, settings)
    doc_themes, events = classify(model, corpus.events)
    _write(theme_summary(theme_table(model, doc_themes)), args)
    figures = quality_report(
        model, events, facts_file=_facts_file(args), with_stability=not args.no_stability
    )
    print(figures.to_string(index=False), file=sys.stderr)
    return 0


def _events(args: argparse.Namespace, corpus: Corpus, settings: Settings) -> int:
    events = _classified(args, corpus, settings)
    events["themes"] = events["themes"].map(";".join)
    events["theme_weights"] = events["theme_weights"].map(
        lambda weights: json.dumps(weights, ensure_ascii=False, sort_keys=True)
    )
    _write(events, args)
    return 0


def _meetings(args: argparse.Namespace, corpus: Corpus, settings: Settings) -> int:
    events = _classified(args, corpus, settings).drop(columns=["theme_weights"])
    meetings = meetings_of(events, group_reports(events, corpus.events["text"].fillna("").tolist()))
    for column in ("themes", "doc_ids"):
        meetings[column] = meetings[column].map(";".join)
    _write(meetings, args)
    return 0


def _classified(args: argparse.Namespace, corpus: Corpus, settings: Settings):
    """The events with their themes (and the corrections applied, unless asked not to),
    without the report texts."""
    model = _model(args, corpus, settings)
    doc_themes, events = classify(model, corpus.events)
    if not args.no_corrections:
        read = read_corrections(Path(args.corrections or settings.corrections_file))
        events, _, problems = apply_corrections(
            events, doc_themes, read.in_effect, theme_table(model, doc_themes),
            country_codes(settings.regions_file),
        )  # fmt: skip
        for problem in (*read.problems, *problems):
            print(f"correction left out: {problem}", file=sys.stderr)
    return events.drop(columns=["text"])


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.engine:
            settings = settings.replace(engine=args.engine)
        corpus = _load(args, settings)
        if corpus.events.empty:
            print("error: no report could be read from the given paths", file=sys.stderr)
            return 2
        command = {"themes": _themes, "events": _events, "meetings": _meetings}[args.command]
        return command(args, corpus, settings)
    except AnalyticsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
