"""desktop_app.resources finds a file in the package's folder without importlib.resources (the
window's icon, at every start): the same file importlib.resources finds, and the same error."""

from __future__ import annotations

from importlib.resources import files

import pytest

from desktop_app import resources


def test_a_resource_is_the_file_importlib_resources_finds():
    for parts in (("icons", "app.png"), ("demo", "cyp_committee.json")):
        assert resources.resource(*parts) == files("desktop_app.resources").joinpath(*parts)
    assert resources.resource_text("demo", "cyp_committee.json") == files(
        "desktop_app.resources").joinpath("demo", "cyp_committee.json").read_text(
        encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="missing resource icons/none.png"):
        resources.resource("icons", "none.png")
