"""summaryparse: Chinese work summaries (工作总结, 述职报告) to structured, re-fillable JSON templates.

    >>> import summaryparse
    >>> t = summaryparse.extract("X局2020年工作总结\\n一、主要工作\\n全年召开会议3次。\\n")
    >>> [s.raw for s in t.slots]
    ['X', '2020', '3']
    >>> summaryparse.fill(t, {"s3": 5}).splitlines()[-1]
    '全年召开会议5次。'
"""
from .api import clean_text, extract, extract_file, fill, fill_docx, load_template
from .document import SCHEMA_ID, Block, Removal, Section, Slot, Source, Template
from .model_file import ModelError
from .reading import InputError
from .template import FillError, TemplateError

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_ID",
    "Block",
    "FillError",
    "InputError",
    "ModelError",
    "Removal",
    "Section",
    "Slot",
    "Source",
    "Template",
    "TemplateError",
    "clean_text",
    "extract",
    "extract_file",
    "fill",
    "fill_docx",
    "load_template",
]
