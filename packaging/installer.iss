; Inno Setup script: a per-user Windows installer for the one-folder PyInstaller build.
; Build on Windows after `make package` (or the same pyinstaller command):
;   iscc /DAppVersion=0.1.0 packaging\installer.iss
; Installs under %LOCALAPPDATA%\Programs without administrator rights, adds a Start-menu
; shortcut (and an optional desktop one), and uninstalls cleanly. The user's data
; (%LOCALAPPDATA%\scrutiny-tracker) is left in place on uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Scrutiny Tracker"
#define AppExe "scrutiny-tracker.exe"

[Setup]
AppId={{6C1F0C52-6A8E-4E0B-9C1E-3B5A2D7E9F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Scrutiny Tracker developers
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=dist
OutputBaseFilename=ScrutinyTracker-{#AppVersion}-setup
SetupIconFile=..\desktop_app\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Create a &desktop shortcut"; GroupDescription: "Shortcuts:"; Flags: unchecked
Name: "portable"; Description: "&Portable: keep the data next to the program (USB stick)"; GroupDescription: "Data:"; Flags: unchecked

[Files]
Source: "dist\scrutiny-tracker\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\desktop_app\resources\icons\app.ico"; DestDir: "{app}"; Flags: ignoreversion

[INI]
; The runtime hook switches to portable mode when a file called "portable" sits beside the exe.
Filename: "{app}\portable"; Section: "portable"; Key: "enabled"; String: "1"; Tasks: portable

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\app.ico"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\app.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
