"""The seed documents kept with the tests are the project's ground truth, unchanged."""

import pytest

from tests.conftest import REPO, SEEDS

SHARED = REPO.parent / "shared" / "seeds"


def test_copies_match_the_shared_seeds():
    if not SHARED.is_dir():
        pytest.skip(f"the shared seeds are not beside this checkout ({SHARED})")
    shared = sorted(p.name for p in SHARED.glob("*.txt"))
    assert shared
    assert shared == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in shared:
        assert (SEEDS / name).read_bytes() == (SHARED / name).read_bytes(), name
