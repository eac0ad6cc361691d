"""The models on disk (section model, noise-line model): plain JSON with arrays as compressed base64, a format version and a checksum.

Nothing is unpickled and nothing imports scikit-learn or numpy: scoring is a sparse dot product
over `array('f')` weights, which is all a linear model needs.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import sys
import zlib
from array import array
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from operator import itemgetter, mul
from pathlib import Path

FORMAT = "summaryparse.sections/1"
NOISE_FORMAT = "summaryparse.noise-lines/1"
KINDS = {FORMAT: "section model", NOISE_FORMAT: "noise-line model"}


class ModelError(ValueError):
    """The model file is missing, damaged or not ours."""

    code = 8


@dataclass(frozen=True)
class LinearModel:
    """A linear classifier over hashed features: what both the section and the noise-line model are."""

    labels: tuple[str, ...]
    dimension: int
    features_version: int
    weights: array  # row-major [bucket][label]: one contiguous row per feature bucket
    bias: tuple[float, ...]

    @cached_property
    def columns(self) -> tuple[array, ...]:
        """The weights of each label apart: one gather per label scores a vector in C-speed loops."""
        n = len(self.labels)
        return tuple(self.weights[j::n] for j in range(n))

    def scores(self, vector: dict[int, float]) -> list[float]:
        """The linear scores (decision function) of one hashed feature vector."""
        if not vector:
            return list(self.bias)
        values = list(vector.values())
        gather = itemgetter(*vector) if len(vector) > 1 else lambda column: (column[next(iter(vector))],)
        return [bias + sum(map(mul, values, gather(column))) for bias, column in zip(self.bias, self.columns)]

    def probabilities(self, vector: dict[int, float]) -> list[float]:
        return softmax(self.scores(vector))


@dataclass(frozen=True)
class SectionModel(LinearModel):
    start: tuple[float, ...]  # log-probability of the first content label
    transitions: tuple[tuple[float, ...], ...]  # log-probability of label j after label i
    transition_weight: float
    subtree: tuple[float, float]  # log-probability that a block under a top heading keeps the label before it, or changes it


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def encode_array(values: list[float]) -> str:
    data = array("f", values)
    if sys.byteorder != "little":
        data.byteswap()
    return base64.b64encode(zlib.compress(data.tobytes(), 9)).decode("ascii")


def decode_array(text: str) -> array:
    data = array("f")
    data.frombytes(zlib.decompress(base64.b64decode(text)))  # the checksum, verified first, vouches for every character
    if sys.byteorder != "little":
        data.byteswap()
    return data


def checksum(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def dumps(payload: dict) -> str:
    """The file's text: the payload and its checksum, byte-identical for identical payloads."""
    return json.dumps({**payload, "sha256": checksum(payload)}, sort_keys=True, ensure_ascii=True, indent=None, separators=(",", ":")) + "\n"


def load(path: Path, features_version: int, format: str = FORMAT) -> LinearModel:
    try:
        text = Path(path).read_text(encoding="ascii")
        document = json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ModelError(f"cannot read {KINDS[format]} {path}: {e}") from None
    return from_document(document, features_version, str(path), format, verified=_file_checksum_holds(text, document))


def _file_checksum_holds(text: str, document: object) -> bool:
    """A file `dumps` wrote is the canonical payload with its checksum member added: taking that member out of
    the text gives the bytes the checksum was computed on, without serialising 1.5 MB again at every start."""
    stored = document.get("sha256") if isinstance(document, dict) else None
    member = f',"sha256":"{stored}"'
    if not isinstance(stored, str) or text.count(member) != 1:
        return False  # not as dumps writes it: from_document checks the canonical form instead
    return hashlib.sha256(text.replace(member, "").rstrip("\n").encode("ascii")).hexdigest() == stored


@lru_cache(maxsize=None)
def packaged(resource: str, features_version: int, format: str = FORMAT) -> LinearModel:
    """A model shipped inside the package (the project's models/ folder, installed as summaryparse.models), loaded once per process."""
    path = resources.files("summaryparse.models") / resource
    with resources.as_file(path) as real_path:
        return load(real_path, features_version, format)


def from_document(document: dict, features_version: int, where: str = "model", format: str = FORMAT, verified: bool = False) -> LinearModel:
    """The model a file's JSON holds, verified: its format, checksum (unless `verified` on the file's text),
    features version and array sizes."""
    if not isinstance(document, dict) or document.get("format") != format:
        raise ModelError(f"{where} is not a summaryparse {KINDS[format]} (format {format} expected)")
    stored = document.pop("sha256", None)
    if not verified and stored != checksum(document):
        raise ModelError(f"{where} is damaged: its checksum does not match its content")
    if document.get("features_version") != features_version:
        raise ModelError(f"{where} was trained on features version {document.get('features_version')}, this program computes version {features_version}: retrain it")
    try:
        parts = dict(
            labels=tuple(document["labels"]),
            dimension=int(document["dimension"]),
            features_version=int(document["features_version"]),
            weights=decode_array(document["weights"]),
            bias=tuple(float(b) for b in document["bias"]),
        )
        model = LinearModel(**parts) if format == NOISE_FORMAT else SectionModel(**parts, **_sequence_parts(document))
    except (KeyError, TypeError, ValueError, zlib.error) as e:
        raise ModelError(f"{where} is damaged: {e}") from None
    if len(model.weights) != model.dimension * len(model.labels) or len(model.bias) != len(model.labels):
        raise ModelError(f"{where} is damaged: array sizes do not match {len(model.labels)} labels")
    return model


def _sequence_parts(document: dict) -> dict:
    """What a section model adds to a linear one: how sections follow each other."""
    return dict(
        start=tuple(float(x) for x in document["start"]),
        transitions=tuple(tuple(float(x) for x in row) for row in document["transitions"]),
        transition_weight=float(document["transition_weight"]),
        subtree=(float(document["subtree"][0]), float(document["subtree"][1])),
    )
