import pytest

from sorani._data import shared_data_dir


@pytest.fixture(scope="session")
def data_dir():
    """The shared gold sets; tests that need them skip when they are absent (a user's clone)."""
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data not available")
    return path


@pytest.fixture(scope="session")
def spans():
    """The (text, label) pairs `find_entities` gives for a text, for the entity rule tests."""
    from sorani.entities import find_entities

    def _spans(text: str) -> list[tuple[str, str]]:
        return [(e.text, e.label) for e in find_entities(text)]

    return _spans
