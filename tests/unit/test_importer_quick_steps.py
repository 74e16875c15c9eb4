"""The importers' quick steps give what the plain ones gave: a lazy pattern matches as the
compiled one; an .xls checked then read gives the grid read from the file alone, and a file
changed after its check is checked and read afresh."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from desktop_app.importers import biff_container, xlsx_safety
from desktop_app.importers import read_xls as read_xls_module
from desktop_app.domain.lazy_re import lazy
from desktop_app.importers.xlsx_safety import ImportFileError
from tests.unit.biff_files import make_all, shape


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"^(?:in ?progress|ongoing)\b\s*(\d*)", re.I
    pattern, compiled = lazy(source, flags), re.compile(source, flags)
    for text in ("In progress 12", "ongoing", "not started", ""):
        assert bool(pattern.match(text)) == bool(compiled.match(text))
        assert pattern.sub("-", text) == compiled.sub("-", text)
        assert pattern.findall(text) == compiled.findall(text)
    assert (pattern.pattern, pattern.flags, pattern.groups) == \
        (compiled.pattern, compiled.flags, compiled.groups)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    pytest.importorskip("xlwt")
    return make_all(tmp_path_factory.mktemp("quick_steps"))["mixed"]


def test_a_checked_xls_is_read_from_its_checked_stream_as_from_the_file(mixed, tmp_path) -> None:
    path, unchecked = tmp_path / "mixed.xls", tmp_path / "unchecked.xls"
    shutil.copy(mixed, path)
    shutil.copy(mixed, unchecked)
    assert xlsx_safety.check_workbook_file(path) == "xls"
    assert biff_container._CHECKED  # the stream kept for the reader
    got = shape(read_xls_module.read_xls(path))
    assert not biff_container._CHECKED  # given once
    assert got == shape(read_xls_module.read_xls(unchecked))  # as read from the file alone
    assert got == shape(read_xls_module.read_xls(path))


def test_a_file_changed_after_its_check_is_checked_and_read_afresh(mixed, tmp_path) -> None:
    path = tmp_path / "changing.xls"
    shutil.copy(mixed, path)
    assert xlsx_safety.check_workbook_file(path) == "xls"
    before = os.stat(path)
    path.write_bytes(b"Ref,Action\n1,Do it\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert biff_container.checked_stream(path) is None
    with pytest.raises(ImportFileError):  # checked again: text under an .xls name
        xlsx_safety.check_workbook_file(path)
