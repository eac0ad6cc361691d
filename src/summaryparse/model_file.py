"""The section model on disk: plain JSON with arrays as compressed base64, a format version and a checksum.

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
from pathlib import Path

FORMAT = "summaryparse.sections/1"


class ModelError(ValueError):
    """The model file is missing, damaged or not ours."""

    code = 8


@dataclass(frozen=True)
class SectionModel:
    labels: tuple[str, ...]
    dimension: int
    features_version: int
    weights: array  # row-major [bucket][label]: one contiguous row per feature bucket
    bias: tuple[float, ...]
    start: tuple[float, ...]  # log-probability of the first content label
    transitions: tuple[tuple[float, ...], ...]  # log-probability of label j after label i
    transition_weight: float

    def scores(self, vector: dict[int, float]) -> list[float]:
        """The linear scores (decision function) of one hashed feature vector."""
        n = len(self.labels)
        out = list(self.bias)
        w = self.weights
        for index, value in vector.items():
            out = [o + value * x for o, x in zip(out, w[index * n : index * n + n])]
        return out

    def probabilities(self, vector: dict[int, float]) -> list[float]:
        return softmax(self.scores(vector))


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
    data.frombytes(zlib.decompress(base64.b64decode(text, validate=True)))
    if sys.byteorder != "little":
        data.byteswap()
    return data


def checksum(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def dumps(payload: dict) -> str:
    """The file's text: the payload and its checksum, byte-identical for identical payloads."""
    return json.dumps({**payload, "sha256": checksum(payload)}, sort_keys=True, ensure_ascii=True, indent=None, separators=(",", ":")) + "\n"


def load(path: Path, features_version: int) -> SectionModel:
    try:
        document = json.loads(Path(path).read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ModelError(f"cannot read section model {path}: {e}") from None
    return from_document(document, features_version, str(path))


def from_document(document: dict, features_version: int, where: str = "model") -> SectionModel:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ModelError(f"{where} is not a summaryparse section model (format {FORMAT} expected)")
    stored = document.pop("sha256", None)
    if stored != checksum(document):
        raise ModelError(f"{where} is damaged: its checksum does not match its content")
    if document.get("features_version") != features_version:
        raise ModelError(f"{where} was trained on features version {document.get('features_version')}, this program computes version {features_version}: retrain it")
    try:
        labels = tuple(document["labels"])
        weights = decode_array(document["weights"])
        model = SectionModel(
            labels=labels,
            dimension=int(document["dimension"]),
            features_version=int(document["features_version"]),
            weights=weights,
            bias=tuple(float(b) for b in document["bias"]),
            start=tuple(float(x) for x in document["start"]),
            transitions=tuple(tuple(float(x) for x in row) for row in document["transitions"]),
            transition_weight=float(document["transition_weight"]),
        )
    except (KeyError, TypeError, ValueError, zlib.error) as e:
        raise ModelError(f"{where} is damaged: {e}") from None
    if len(weights) != model.dimension * len(labels) or len(model.bias) != len(labels):
        raise ModelError(f"{where} is damaged: array sizes do not match {len(labels)} labels")
    return model
