"""The library: the pipeline stages in order, bytes → text → lines → blocks → sections and slots → template."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .cleaning import clean
from .document import Source, Template
from .model_file import SectionModel
from .reading import DEFAULT_MAX_BYTES, EXIT_TOO_COMPLEX, InputError, decode
from .sections import group_sections, label_blocks
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
    """The template of one document given as text or as the bytes of a file."""
    data = source if isinstance(source, bytes) else source.encode("utf-8")
    decoded = decode(data, max_bytes=max_bytes)
    try:
        cleaned = clean(decoded.text, keep_noise=keep_noise)
        blocks, end = segment(cleaned)
        label_blocks(blocks, model)
        slots = find_slots(blocks)
    except TimeoutError:
        raise InputError("input is too convoluted: a pattern ran past its time limit on it", EXIT_TOO_COMPLEX) from None
    sections = group_sections(blocks)
    title = "".join(b.text for b in blocks if b.kind == "title") or None
    encoding, bom = ("utf-8", True) if decoded.encoding == "utf-8-sig" else (decoded.encoding, data[:2] in (b"\xff\xfe", b"\xfe\xff"))

    return Template(
        source=Source(name, hashlib.sha256(data).hexdigest(), encoding, bom),
        title=title,
        removed=list(cleaned.removed),
        sections=sections,
        slots=slots,
        end=end,
    )

def extract_file(path: str | Path, **options) -> Template:
    path = Path(path)
    return extract(path.read_bytes(), name=path.name, **options)

def clean_text(source: str | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The document with its noise taken out."""
    data = source if isinstance(source, bytes) else source.encode("utf-8")
    return clean(decode(data, max_bytes=max_bytes).text).text

def load_template(text: str) -> Template:
    return from_json(text)

__all__ = ["extract", "extract_file", "clean_text", "fill", "load_template"]
