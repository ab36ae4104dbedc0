"""Command line: ``python -m analytics events PATH...`` and ``python -m analytics themes PATH...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analytics import settings
from analytics.corpus import Corpus, load_corpus
from analytics.pipeline import classify, model_for, to_json

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
    _add_common(events)
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
        "--no-cache", action="store_true", help="do not read or write the extraction cache"
    )


def _load(args: argparse.Namespace) -> Corpus:
    cache = None if args.no_cache else settings.get("cache_dir")
    corpus = load_corpus(args.paths, cache_dir=cache)
    for skip in corpus.skipped:
        print(f"skipped {skip.source}: {skip.reason}", file=sys.stderr)
    print(
        f"read {len(corpus.events)} reports from {corpus.n_files} files; "
        f"{len(corpus.skipped)} skipped, {corpus.duplicates} duplicates dropped",
        file=sys.stderr,
    )
    return corpus


def _write(table, fmt: str, out: str | None) -> None:
    from analytics.export import table_for_output

    table = table_for_output(table)
    if fmt == "json":
        text = table.to_json(orient="records", force_ascii=False, indent=1, date_format="iso")
    else:
        text = table.to_csv(index=False)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _facts_file(args: argparse.Namespace) -> Path | None:
    from analytics.report import facts_file_in

    return Path(args.facts) if args.facts else facts_file_in(args.paths)


def _themes(args: argparse.Namespace, corpus: Corpus) -> int:
    from analytics.pipeline import fit_model
    from analytics.report import quality_report, theme_summary

    model = fit_model(corpus.events["text"].tolist())
    doc_themes, events = classify(model, corpus.events)
    _write(theme_summary(model, doc_themes), args.format, args.out)
    figures = quality_report(
        model, events, facts_file=_facts_file(args), with_stability=not args.no_stability
    )
    print(figures.to_string(index=False), file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    corpus = _load(args)
    if corpus.events.empty:
        print("error: no report could be read from the given paths", file=sys.stderr)
        return 2
    if args.command == "themes":
        return _themes(args, corpus)
    cache = None if args.no_cache else Path(settings.get("cache_dir"))
    model, _ = model_for(corpus.events, cache)
    _, events = classify(model, corpus.events)
    events["themes"] = events["themes"].map(";".join)
    events["theme_weights"] = events["theme_weights"].map(to_json)
    _write(events.drop(columns=["text"]), args.format, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
