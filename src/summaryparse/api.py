"""The library: the pipeline stages in order, bytes → text → lines → blocks → sections and slots → template."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .cleaning import clean
from .document import Block, Removal, Source, Template
from .model_file import SectionModel
from .reading import DEFAULT_MAX_BYTES, EXIT_TOO_COMPLEX, InputError, read_document
from .sections import group_sections, label_blocks, likely_noise
from .segmenting import segment
from .slots import find_slots
from .template import fill, from_json

def extract(
    source: str | bytes,
    name: str = "-",
    *,
    keep_noise: bool = False,
    model: SectionModel | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Template:
    """The template of one document given as text or as the bytes of a file (text, .docx or PDF, told by its bytes)."""
    data = source if isinstance(source, bytes) else source.encode("utf-8")
    decoded = read_document(data, max_bytes=max_bytes)
    try:
        cleaned = clean(decoded.text, keep_noise=keep_noise)
        blocks, end = segment(cleaned, decoded.outline)
        label_blocks(blocks, model)
        removed = list(cleaned.removed) + [Removal(f.line, f.text, f.reason) for f in decoded.furniture]
        if not keep_noise:
            blocks, end = drop_blocks(blocks, likely_noise(blocks), removed, end)
        slots = find_slots(blocks)
    except TimeoutError:
        raise InputError("input is too convoluted: a pattern ran past its time limit on it", EXIT_TOO_COMPLEX) from None
    sections = group_sections(blocks)
    title = "".join(b.text for b in blocks if b.kind == "title") or None

    return Template(
        source=Source(name, hashlib.sha256(data).hexdigest(), decoded.encoding, decoded.bom, decoded.format),
        title=title,
        removed=sorted(removed, key=lambda r: (r.line, r.start or 0)),
        sections=sections,
        slots=slots,
        end=end,
    )

def drop_blocks(blocks: list[Block], noise: list[Block], removed: list[Removal], end: str) -> tuple[list[Block], str]:
    """Take the model's noise blocks out, keeping the whitespace around them, and number the rest again."""
    if not noise:
        return blocks, end
    dropped = {id(b) for b in noise}
    kept: list[Block] = []
    carried = ""
    for block in blocks:
        if id(block) in dropped:
            removed.append(Removal(block.line, block.text, f"model: the section model is {block.noise:.0%} sure this line is site noise"))
            carried += block.before
            continue
        block.before = carried + block.before
        carried = ""
        kept.append(block)
    for number, block in enumerate(kept, start=1):
        block.id = f"b{number}"
    return kept, carried + end


def fill_docx(template: Template, values: dict[str, object] | None = None, *, strict: bool = False, like: bytes | None = None) -> bytes:
    """The filled document as a Word file: the layout of official documents (GB/T 9704), or, with `like`
    (the .docx the template was extracted from), that file's own styles, page set-up and formatting."""
    from .docx_writing import write_docx  # python-docx is imported only when a Word file is written

    return write_docx(template, values, strict=strict, like=like)


def extract_file(path: str | Path, **options) -> Template:
    path = Path(path)
    return extract(path.read_bytes(), name=path.name, **options)

def clean_text(source: str | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The document with its noise taken out (by the rules, then by the model where it is sure)."""
    return extract(source, max_bytes=max_bytes).text()

def load_template(text: str) -> Template:
    return from_json(text)

__all__ = ["extract", "extract_file", "clean_text", "fill", "fill_docx", "load_template"]
