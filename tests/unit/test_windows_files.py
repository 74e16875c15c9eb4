"""Small Windows points (issue 16.10 and the installer): .eml drafts with CRLF line ends, a
warning for paths longer than Excel opens, a multi-size icon, and the installer script's
settings for per-user installs, upgrades, uninstalls and signing."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re

from PIL import Image

from tests.conftest import DEMO_COMMITTEE, REPO


def test_eml_drafts_have_crlf_line_ends(demo_db, tmp_path):
    from desktop_app.services.chase import chase_owners
    packs = chase_owners(demo_db, DEMO_COMMITTEE, tmp_path / "chase", now=dt.date(2021, 11, 12))
    assert packs
    for pack in packs:
        data = pack.draft.read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 10
        msg = email.message_from_bytes(data, policy=email.policy.default)
        [attachment] = list(msg.iter_attachments())
        assert attachment.get_content() == pack.workbook.read_bytes()
        assert "Dear " in msg.get_body(("plain",)).get_content()


def test_long_paths_are_warned_about(demo_db, tmp_path, capsys):
    from desktop_app.cli import main
    url = str(demo_db.engine.url)
    deep = tmp_path / ("Scrutiny committee papers and trackers for the municipal year " * 3).strip()
    deep.mkdir(parents=True)
    long_book = deep / "Children and Young People Scrutiny Committee - action log.xlsx"
    assert len(str(long_book)) > 218
    assert main(["--db", url, "export", "actions", "--committee", "CYPSC", "-o",
                 str(long_book)]) == 0
    err = capsys.readouterr().err
    assert f"scrutiny-tracker: warning: {long_book}: the path is {len(str(long_book))}" in err
    assert "Excel cannot open" in err
    short = tmp_path / "actions.xlsx"
    assert main(["--db", url, "export", "actions", "--committee", "CYPSC", "-o", str(short)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_long_path_rule():
    from desktop_app.paths import long_path_warning
    base = "C:\\Users\\sam.officer\\OneDrive - Northshire Council\\"
    assert long_path_warning(base + "a" * 150 + ".xlsx") is None
    assert "Excel" in (long_path_warning(base + "a" * 200 + ".xlsx") or "")
    assert long_path_warning(base + "a" * 200 + ".pdf") is None          # 218 < n < 260
    assert "Windows programs" in (long_path_warning(base + "a" * 240 + ".pdf") or "")


def test_icon_holds_every_size_windows_asks_for():
    icon = Image.open(REPO / "desktop_app" / "resources" / "icons" / "app.ico")
    sizes = {w for w, _h in icon.ico.sizes()}
    assert {16, 24, 32, 48, 256} <= sizes


def _iss() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    text = (REPO / "packaging" / "installer.iss").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        found = re.fullmatch(r"\[(\w+)\]", line)
        if found:
            current = found.group(1)
            continue
        sections.setdefault(current, []).append(line)
    return sections


def test_installer_settings():
    iss = _iss()
    setup = {k: v for k, _, v in (line.partition("=") for line in iss["Setup"]) if v}
    assert setup["DefaultDirName"] == "{autopf}\\{#AppName}"
    assert setup["PrivilegesRequired"] == "lowest"
    assert "commandline" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["ArchitecturesAllowed"] == "x64compatible"
    assert setup["MinVersion"].startswith("10.0")
    assert setup["VersionInfoVersion"] == "{#AppVersion}"
    assert any('Name: "{app}\\_internal"' in line and "filesandordirs" in line
               for line in iss["InstallDelete"])
    assert any('Name: "{app}\\portable"' in line for line in iss["UninstallDelete"])
    portable = next(line for line in iss["Tasks"] if line.startswith('Name: "portable"'))
    assert "Check: PortableAllowed" in portable
    assert any("function PortableAllowed" in line for line in iss["Code"])
    assert any("IsAdminInstallMode" in line for line in iss["Code"])
    signed = [line for line in iss["Files"] if "{#SignFlag}" in line]
    assert len(signed) == 2          # the two executables, when a certificate is configured
    text = (REPO / "packaging" / "installer.iss").read_text(encoding="utf-8")
    assert re.search(r"#ifdef SIGN\s+SignTool=signtool\s+SignedUninstaller=yes\s+#endif", text)
    assert "{localappdata}" not in "\n".join(iss["Setup"])


def test_windows_workflow_runs_what_the_issue_asks():
    text = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    for needed in ("windows-latest", "PYTHONWARNDEFAULTENCODING", "pyinstaller", "iscc",
                   "/CURRENTUSER", "--smoke-test", "--output", "unins000.exe", "demo",
                   "scrutiny-tracker.db"):
        assert needed in text, needed
