"""The command line: parse arguments, call the library, print, set the exit code.

Every error the library raises for bad input carries an exit code; it is printed as one line on
stderr, never as a traceback.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

# typer draws its help with rich when rich is importable, at 0.25 s on every start; extraction must start
# fast, so the CLI runs typer plain. The corpus command imports rich itself for its progress bar.
sys.modules.setdefault("rich", None)  # type: ignore[arg-type]
import typer  # noqa: E402

from . import api  # noqa: E402
from .model_file import ModelError
from .output import write_atomic
from .reading import DEFAULT_MAX_BYTES, InputError, read_bytes
from .template import FillError, TemplateError, parse_assignment, schema_text

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Chinese work summaries to re-fillable JSON templates.")
KNOWN_ERRORS = (InputError, TemplateError, FillError, ModelError)
DEFAULT_CORPUS = Path("corpus")
DEFAULT_MODELS = Path("models")  # the project's models/ folder, which the wheel ships as summaryparse.models


def fail(error: Exception) -> None:
    typer.echo(f"summaryparse: error: {error}", err=True)
    raise typer.Exit(getattr(error, "code", 1))


def emit(output: str | bytes, out: Optional[Path]) -> None:
    """Text or a Word file's bytes, to stdout or atomically to `out`."""
    if out is None:
        if isinstance(output, str):
            sys.stdout.write(output)
        else:
            sys.stdout.buffer.write(output)
        sys.stdout.flush()
    else:
        write_atomic(out, output)


@app.command()
def extract(
    file: str = typer.Argument(..., help="A text, Word (.docx) or PDF file, told by its bytes; - for standard input."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the JSON here (atomically) instead of to stdout."),
    keep_noise: bool = typer.Option(False, "--keep-noise", help="Keep noise lines in the document; only list them in `removed`."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger inputs."),
    compact: bool = typer.Option(False, "--compact", help="One-line JSON."),
) -> None:
    """Print the JSON template of one work summary."""
    try:
        template = api.extract(read_bytes(file), name=file if file == "-" else Path(file).name, keep_noise=keep_noise, max_bytes=max_bytes)
    except KNOWN_ERRORS as e:
        fail(e)
    emit(template.to_json(indent=None if compact else 1) + "\n", out)


@app.command()
def fill(
    template_file: str = typer.Argument(..., metavar="TEMPLATE.json", help="A template from `extract`, or - for standard input."),
    values: Optional[Path] = typer.Option(None, "--values", help='A JSON object of new values: {"s1": 12, "s2": "XX乡"}.'),
    assignments: Optional[List[str]] = typer.Option(None, "--set", help="ID=VALUE, repeatable."),
    strict: bool = typer.Option(False, "--strict", help="Refuse to leave placeholders unfilled."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the document here (atomically); a .docx name writes Word."),
    output_format: Optional[str] = typer.Option(None, "--format", help="txt or docx (default: docx for a .docx name or with --like, else txt)."),
    like: Optional[str] = typer.Option(None, "--like", help="The .docx the template came from: Word output in its styles, page set-up and formatting."),
) -> None:
    """Render a template back to text or to a Word document, with new values in its slots."""
    try:
        template = api.load_template(_decode_json_input(read_bytes(template_file), template_file))
        new_values = _read_values(values) if values else {}
        new_values.update(parse_assignment(a) for a in assignments or [])
        if _fill_format(output_format, out, like) == "docx":
            output: str | bytes = api.fill_docx(template, new_values, strict=strict, like=read_bytes(like) if like else None)
        else:
            output = api.fill(template, new_values, strict=strict)
    except KNOWN_ERRORS as e:
        fail(e)
    emit(output, out)


FILL_FORMATS = ("txt", "docx")


def _fill_format(requested: Optional[str], out: Optional[Path], like: Optional[str]) -> str:
    chosen = requested or ("docx" if like or (out is not None and out.suffix.lower() == ".docx") else "txt")
    if chosen not in FILL_FORMATS:
        raise FillError(f"--format must be one of {', '.join(FILL_FORMATS)}, not {chosen!r}")
    if like and chosen != "docx":
        raise FillError("--like fills into a Word file: it writes docx, not txt")
    return chosen


def _decode_json_input(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(f"{where}: a template must be UTF-8 JSON") from None


def _read_values(path: Path) -> dict:
    try:
        values = json.loads(_decode_json_input(read_bytes(str(path)), str(path)))
    except ValueError as e:
        raise FillError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(values, dict):
        raise FillError(f"{path}: values must be a JSON object of slot id → value")
    return values


@app.command()
def clean(
    file: str = typer.Argument(..., help="A text, Word (.docx) or PDF file, told by its bytes; - for standard input."),
    out: Optional[Path] = typer.Option(None, "-o", "--out"),
) -> None:
    """Print the document with its site noise taken out."""
    try:
        text = api.clean_text(read_bytes(file))
    except KNOWN_ERRORS as e:
        fail(e)
    emit(text, out)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the template."""
    sys.stdout.write(schema_text())


@app.command()
def train(
    corpus: Path = typer.Argument(DEFAULT_CORPUS, help="Folder of NAME.txt + NAME.gold.json."),
    out: Path = typer.Option(DEFAULT_MODELS, "-o", "--out", help="Folder to write sections.json and noise-lines.json into."),
) -> None:
    """Train the noise-line and section models on a labelled corpus (same corpus, same bytes)."""
    from .training import train_corpus

    report = train_corpus(corpus, out)
    typer.echo(
        f"trained on {report['documents']} documents, {report['blocks']} blocks, "
        f"{report['noise_lines']} noise and {report['content_lines']} report lines; wrote {out} ({report['bytes']:,} bytes)"
    )


@app.command(name="eval")
def evaluate(
    corpus: Path = typer.Argument(DEFAULT_CORPUS, help="Folder of NAME.txt + NAME.gold.json."),
    folds: int = typer.Option(5, "--folds", help="Grouped cross-validation folds."),
    by_trade: bool = typer.Option(True, "--by-trade/--no-by-trade", help="Also leave one trade out at a time."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Cross-validate the section model on the corpus, grouped by document."""
    from .training import evaluate_corpus, format_report

    report = evaluate_corpus(corpus, folds, by_trade)
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json else format_report(report))


corpus_app = typer.Typer(no_args_is_help=True, help="Build a corpus from many reports, and study it.")
app.add_typer(corpus_app, name="corpus")
EXIT_SOME_FAILED = 1


@corpus_app.command("build")
def corpus_build(
    inputs: List[str] = typer.Argument(..., help="Files, folders (searched recursively for .txt, .docx and .pdf) and globs."),
    out: Path = typer.Option(..., "-o", "--out", help="CORPUS.jsonl, or CORPUS.sqlite for tables (documents, sections, blocks, slots)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: the machine's cores)."),
    force: bool = typer.Option(False, "--force", help="Extract every file again, even when unchanged."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract every report into one corpus file, in parallel; unchanged files are reused."""
    from .corpus import build

    with _progress(quiet) as advance:
        summary = build(inputs, out, jobs=jobs, force=force, progress=advance)
    typer.echo(f"{summary.documents} documents in {out}: {summary.extracted} extracted, {summary.reused} unchanged, {len(summary.failed)} failed", err=True)
    for path, reason in summary.failed:
        typer.echo(f"  failed: {path}: {reason}", err=True)
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@corpus_app.command("stats")
def corpus_stats(
    corpus: Path = typer.Argument(..., help="A corpus built by `corpus build` (.jsonl or .sqlite)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Documents by year, genre and trade; sections; the most frequent slot labels and their values."""
    from .corpus import format_stats, stats

    if not corpus.is_file():
        fail(InputError(f"{corpus}: no such corpus file"))
    report = stats(corpus)
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json else format_stats(report))


class _progress:
    """A rich progress bar with documents per second on a terminal; nothing when quiet or piped."""

    def __init__(self, quiet: bool):
        self.bar = None
        if not quiet and sys.stderr.isatty():
            if sys.modules.get("rich", 0) is None:
                del sys.modules["rich"]  # the start-up guard above; the corpus command wants rich
            from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), transient=True)

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.start()
        self.task = self.bar.add_task("documents", total=None, rate="-")
        return self.advance

    def advance(self, count: int) -> None:
        task = self.bar.tasks[0]
        rate = f"{task.completed / task.elapsed:,.0f}" if task.elapsed else "-"
        self.bar.update(self.task, advance=count, rate=rate)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
