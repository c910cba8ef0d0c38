; Inno Setup 6 script: RedOffice 社区红色工作台 for Windows, installed per user without
; administrator rights. Built by .github/workflows/windows-installer.yml after the PyInstaller
; one-folder build (installer/redoffice.spec → build\dist\redoffice):
;
;   iscc /DAppVersion=0.2.0 installer\windows\redoffice.iss
;
; The program goes to %LOCALAPPDATA%\Programs\RedOffice; the user's data (database, backups,
; attachments, key file, log) lives in %LOCALAPPDATA%\RedOffice and is never removed by the
; uninstaller, nor are the keys in Windows Credential Manager. Installing a newer version over
; an older one keeps the data; the program backs the database up before it upgrades it.
; The Chinese wizard texts are Inno Setup's ChineseSimplified.isl (an unofficial translation the
; workflow puts into Inno Setup's Languages folder).

#ifndef AppVersion
  ; the version is the package's (redoffice.__version__), given by the workflow: never guessed
  #error Give the version: iscc /DAppVersion=<redoffice.__version__> redoffice.iss
#endif
#define AppName "社区红色工作台"
#define Bundle "..\..\build\dist\redoffice"

[Setup]
AppId={{6F1C2A0E-5B7D-4C1A-9E3F-2D8B7A41C0DE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=RedOffice
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\RedOffice
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
OutputDir=..\..\build\windows
OutputBaseFilename=RedOffice-{#AppVersion}-setup
SetupIconFile=..\icons\redoffice.ico
UninstallDisplayIcon={app}\redoffice.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; an upgrade replaces the whole program folder's contents: no module of the old version stays
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; the data folder (platformdirs: %LOCALAPPDATA%\RedOffice): made here so that the Start-menu
; shortcut to it works before the first start, and never removed
Name: "{localappdata}\RedOffice"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\社区红色工作台"; Filename: "{app}\redoffice.exe"; WorkingDir: "{app}"; Comment: "社区党委、居委会日常工作的离线桌面软件"
Name: "{group}\数据文件夹（数据库和备份）"; Filename: "{localappdata}\RedOffice"
Name: "{group}\卸载 社区红色工作台"; Filename: "{uninstallexe}"
Name: "{userdesktop}\社区红色工作台"; Filename: "{app}\redoffice.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; .rosync (a community's sync package) and .rosack (the street office's receipt) open with
; RedOffice; per user (HKCU\Software\Classes), removed on uninstall
Root: HKCU; Subkey: "Software\Classes\.rosync"; ValueType: string; ValueName: ""; ValueData: "RedOffice.SyncPackage"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.rosync\OpenWithProgids"; ValueType: string; ValueName: "RedOffice.SyncPackage"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\RedOffice.SyncPackage"; ValueType: string; ValueName: ""; ValueData: "社区红色工作台同步数据包"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\RedOffice.SyncPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\redoffice.exe"",0"
Root: HKCU; Subkey: "Software\Classes\RedOffice.SyncPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\redoffice.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.rosack"; ValueType: string; ValueName: ""; ValueData: "RedOffice.SyncReceipt"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.rosack\OpenWithProgids"; ValueType: string; ValueName: "RedOffice.SyncReceipt"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\RedOffice.SyncReceipt"; ValueType: string; ValueName: ""; ValueData: "社区红色工作台同步回执"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\RedOffice.SyncReceipt\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\redoffice.exe"",0"
Root: HKCU; Subkey: "Software\Classes\RedOffice.SyncReceipt\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\redoffice.exe"" ""%1"""

[Run]
Filename: "{app}\redoffice.exe"; Description: "启动 社区红色工作台"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself writes into its own folder; never {localappdata}\RedOffice
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
