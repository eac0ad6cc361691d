"""Shared test fixtures: the seed from ../shared (skipped with a reason where a clone has none), the corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summaryparse
from summaryparse.cli import app
from summaryparse.template import validate

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SUMMARYPARSE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_d34cff8305f96a5c.txt"
CORPUS = ROOT / "corpus"
EXAMPLE = ROOT / "examples" / "report.txt"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    if not SEED.exists():
        pytest.skip(f"the seed document is not here ({SEED}): these tests need the ../shared folder beside the clone")
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_template(seed_bytes):
    return summaryparse.extract(seed_bytes, name=SEED.name)


def checked(template: summaryparse.Template) -> summaryparse.Template:
    """The template, after asserting its JSON validates against the shipped schema and its references hold."""
    validate(template.to_dict())
    return template


def corpus_paths() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


try:
    runner = CliRunner(mix_stderr=False)  # click 8.1 mixes stderr into output unless told not to
except TypeError:  # click 8.2 keeps them apart and has no such option
    runner = CliRunner()


def run(*args, input=None):
    """The command line, run in-process: exit code, stdout and stderr apart."""
    return runner.invoke(app, list(args), input=input)
