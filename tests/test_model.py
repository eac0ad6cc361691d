"""The section model: served predictions equal scikit-learn's; the file is safe, verified and reproducible."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS
from summaryparse.features import FEATURES_VERSION, document_vectors
from summaryparse.model_file import ModelError, dumps, from_document, load
from summaryparse.sections import MODEL_RESOURCE, default_model

training = pytest.importorskip("summaryparse.training", reason="training needs scikit-learn (pip install '.[test]')")


@pytest.fixture(scope="module")
def labelled():
    from summaryparse.labelled import load_corpus

    return load_corpus(CORPUS)


@pytest.fixture(scope="module")
def corpus_blocks(labelled):
    return [training.document_blocks(d) for d in labelled]


@pytest.fixture(scope="module")
def section_training(labelled, corpus_blocks):
    """The shipped model's training: the corpus and its variants (excerpts, unnumbered, joined, traditional)."""
    return training.fit_sections(training.training_set(labelled, corpus_blocks))


def test_served_model_equals_the_scikit_learn_pipeline_on_the_whole_corpus(corpus_blocks, section_training):
    classifier, text = section_training
    served = from_document(json.loads(text), FEATURES_VERSION)
    vectors = [vector for d in corpus_blocks for vector in document_vectors(d.blocks)]
    for vector, expected in zip(vectors, classifier.predict_proba(_matrix(vectors, served.dimension))):
        got = served.probabilities(vector)
        by_label = {served.labels[c]: got[c] for c in classifier.classes_}
        assert max(by_label, key=by_label.get) == served.labels[classifier.classes_[expected.argmax()]]
        assert all(abs(by_label[served.labels[c]] - p) < 1e-4 for c, p in zip(classifier.classes_, expected))
    assert len(vectors) > 500


def _matrix(vectors: list[dict[int, float]], dimension: int):
    """One sparse row per hashed vector, as the training pipeline builds them."""
    from scipy.sparse import csr_matrix

    rows = [r for r, vector in enumerate(vectors) for _ in vector]
    cols = [index for vector in vectors for index in vector]
    values = [value for vector in vectors for value in vector.values()]
    return csr_matrix((values, (rows, cols)), shape=(len(vectors), dimension))


def test_shipped_section_model_is_the_one_training_writes(section_training):
    from importlib import resources

    assert (resources.files("summaryparse.models") / MODEL_RESOURCE).read_text(encoding="ascii") == section_training[1]


def test_training_is_reproducible(corpus_blocks):
    subset = corpus_blocks[:12]
    assert training.train(subset)[1] == training.train(subset)[1]


def test_shipped_model_is_small_and_loads_without_scikit_learn():
    import subprocess
    import sys

    from importlib import resources

    path = resources.files("summaryparse.models") / MODEL_RESOURCE
    assert len(path.read_bytes()) <= 2 * 1024 * 1024
    code = "import sys, summaryparse; summaryparse.extract('XX局2023年工作总结\\n一、主要工作\\n全年召开会议3次。'); print(any(m.startswith(('sklearn', 'numpy', 'scipy', 'pickle')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
    assert default_model().labels[0] == "title"


def test_damaged_or_foreign_model_files_are_refused(tmp_path):
    from importlib import resources

    text = (resources.files("summaryparse.models") / MODEL_RESOURCE).read_text(encoding="ascii")
    damaged = tmp_path / "damaged.json"
    damaged.write_text(text.replace('"bias":[', '"bias":[1.5,', 1), encoding="ascii")
    with pytest.raises(ModelError, match="checksum"):
        load(damaged, FEATURES_VERSION)
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"format": "something-else"}', encoding="ascii")
    with pytest.raises(ModelError, match="not a summaryparse section model"):
        load(foreign, FEATURES_VERSION)
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[: len(text) // 2], encoding="ascii")
    with pytest.raises(ModelError, match="cannot read"):
        load(truncated, FEATURES_VERSION)
    with pytest.raises(ModelError, match="features version"):
        load(_with_version(text, tmp_path), FEATURES_VERSION)
    weights_at = text.index('"weights":"') + 5000
    flipped = tmp_path / "flipped.json"
    flipped.write_text(text[:weights_at] + ("A" if text[weights_at] != "A" else "B") + text[weights_at + 1 :], encoding="ascii")
    with pytest.raises(ModelError, match="checksum"):
        load(flipped, FEATURES_VERSION)  # one character of the weights: the checksum on the file's text catches it
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(json.loads(text), indent=2), encoding="ascii")
    assert load(pretty, FEATURES_VERSION).weights == load(resources.files("summaryparse.models") / MODEL_RESOURCE, FEATURES_VERSION).weights


def _with_version(text: str, tmp_path):
    document = json.loads(text)
    document.pop("sha256")
    document["features_version"] = FEATURES_VERSION + 1
    path = tmp_path / "other-version.json"
    path.write_text(dumps(document), encoding="ascii")
    return path


@pytest.fixture(scope="module")
def noise_lines():
    from summaryparse.labelled import load_corpus

    lines, y = training.noise_line_examples(load_corpus(CORPUS), CORPUS / training.NOISE_PIECES)
    return lines, y, training.fit_noise_classifier(lines, y)


def test_served_noise_line_model_equals_the_scikit_learn_pipeline(noise_lines):
    from summaryparse.features import LINE_FEATURES_VERSION, line_vector
    from summaryparse.model_file import NOISE_FORMAT

    lines, y, classifier = noise_lines
    served = from_document(json.loads(dumps(training.noise_payload(classifier))), LINE_FEATURES_VERSION, format=NOISE_FORMAT)
    vectors = [line_vector(line) for line in lines[::7]]
    for vector, expected in zip(vectors, classifier.predict_proba(_matrix(vectors, served.dimension))):
        assert abs(served.probabilities(vector)[1] - expected[1]) < 1e-4
    assert sum(y) > 1000 and len(y) - sum(y) > 10000


def test_shipped_noise_line_model_is_the_one_training_writes(noise_lines):
    from importlib import resources

    shipped = (resources.files("summaryparse.models") / training.NOISE_FILE).read_text(encoding="ascii")
    assert dumps(training.noise_payload(noise_lines[2])) == shipped
    assert len(shipped) <= 512 * 1024
