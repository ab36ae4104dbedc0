"""Command line: ``python -m analytics events PATH...`` and ``python -m analytics themes PATH...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analytics import settings
from analytics.corpus import Corpus, load_corpus

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


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    corpus = _load(args)
    if corpus.events.empty:
        print("error: no report could be read from the given paths", file=sys.stderr)
        return 2
    _write(corpus.events.drop(columns=["text"]), args.format, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
