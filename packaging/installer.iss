; Inno Setup 6 script: the Windows installer for the one-folder PyInstaller build.
; Build on Windows after `make package` (or the pyinstaller command in the spec's header):
;   iscc /DAppVersion=0.1.0 packaging\installer.iss
;
; Who it installs for
;   By default, for the person running it, without administrator rights: the program goes to
;   {autopf} = %LOCALAPPDATA%\Programs\Scrutiny Tracker. IT can install it for every user of
;   the machine under Program Files instead (AppLocker's default rules block programs under
;   %LOCALAPPDATA%): choose "Install for all users" in the first dialog, or silently
;     ScrutinyTracker-0.1.0-setup.exe /ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   and a per-user silent install is the same with /CURRENTUSER.
;
; Data
;   The database, backups, logs and settings live in %LOCALAPPDATA%\scrutiny-tracker (not
;   synchronised by OneDrive), never in the program's folder, and stay when the program is
;   uninstalled or upgraded. "Portable" (data beside the program, for a USB stick) is offered
;   only for a per-user install, whose folder the user can write; the app checks again at
;   every start (packaging/hooks/rthook_portable.py). The portable marker goes on uninstall;
;   a portable "data" folder is kept.
;
; Upgrades
;   {app}\_internal (Python, Qt, the libraries) is deleted before the new files are copied,
;   so an upgrade never mixes two versions of the Qt libraries.
;
; Signing (SmartScreen and AppLocker publisher rules)
;   Nothing is signed unless a certificate is configured. With one, define SIGN and a sign
;   tool named "signtool" on the iscc command line, for example:
;     iscc /DAppVersion=0.1.0 /DSIGN "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f C:\certs\council.pfx /p PASSWORD $f" packaging\installer.iss
;   (Inno replaces $f with the file to sign; a certificate in the Windows store is named with
;   /sha1 THUMBPRINT instead of /f and /p). The two executables, the uninstaller and the setup
;   program are then signed. The CI workflow (.github/workflows/windows.yml) does this when
;   the SIGNING_CERT secret is set, with the password from the SIGNING_PASSWORD secret.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Scrutiny Tracker"
#define AppExe "scrutiny-tracker.exe"
#define CliExe "scrutiny-tracker-cli.exe"
#ifdef SIGN
  #define SignFlag "signonce"
#else
  #define SignFlag ""
#endif

[Setup]
AppId={{6C1F0C52-6A8E-4E0B-9C1E-3B5A2D7E9F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Scrutiny Tracker developers
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoCompany=Scrutiny Tracker developers
VersionInfoDescription={#AppName} setup
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 or later (what Qt 6 supports)
MinVersion=10.0.17763
CloseApplications=yes
RestartApplications=no
OutputDir=dist
OutputBaseFilename=ScrutinyTracker-{#AppVersion}-setup
SetupIconFile=..\desktop_app\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef SIGN
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Create a &desktop shortcut"; GroupDescription: "Shortcuts:"; Flags: unchecked
Name: "portable"; Description: "&Portable: keep the data next to the program (USB stick)"; GroupDescription: "Data:"; Flags: unchecked; Check: PortableAllowed

[InstallDelete]
; the previous version's Python and Qt libraries: never mixed with the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\scrutiny-tracker\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "dist\scrutiny-tracker\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "dist\scrutiny-tracker\*"; Excludes: "{#AppExe},{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\desktop_app\resources\icons\app.ico"; DestDir: "{app}"; Flags: ignoreversion

[INI]
; The runtime hook switches to portable mode when a file called "portable" sits beside the exe.
Filename: "{app}\portable"; Section: "portable"; Key: "enabled"; String: "1"; Tasks: portable

[UninstallDelete]
; the portable marker (the portable "data" folder beside it is the user's, and is kept)
Type: files; Name: "{app}\portable"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\app.ico"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\app.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
{ Portable data beside the program only where the user can write: a per-user install. An
  install for all users goes under Program Files, which a standard user cannot write. }
function PortableAllowed: Boolean;
begin
  Result := not IsAdminInstallMode;
end;
