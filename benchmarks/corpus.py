"""The benchmark corpus: the Sorani text of ../shared/data/corpus (ktc, blark-sorani, ted-ckb),
read at run time, never copied into the repository (see ``sorani._corpus``)."""
from __future__ import annotations

from sorani._corpus import corpus_documents, corpus_files  # noqa: F401  (re-exported)
from sorani._data import shared_data_dir


def load_documents(max_chars: int | None = None, data: str | None = None) -> list[str]:
    """Corpus documents up to about ``max_chars`` characters."""
    data_dir = shared_data_dir(data)
    if data_dir is None:
        return []
    docs, total = [], 0
    for doc in corpus_documents(data_dir):
        docs.append(doc)
        total += len(doc)
        if max_chars and total >= max_chars:
            break
    return docs


def load_corpus(max_chars: int | None = None, data: str | None = None) -> list[str]:
    """Non-empty lines of the corpus documents, up to about ``max_chars`` characters."""
    lines, total = [], 0
    for doc in load_documents(data=data):
        for line in doc.splitlines():
            if line.strip():
                lines.append(line)
                total += len(line)
                if max_chars and total >= max_chars:
                    return lines
    return lines
