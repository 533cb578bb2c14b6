import pytest

from sorani._data import shared_data_dir


@pytest.fixture(scope="session")
def data_dir():
    """The shared gold sets; tests that need them skip when they are absent (a user's clone)."""
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data not available")
    return path
