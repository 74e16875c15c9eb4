#!/bin/sh
# Installs the system libraries Qt needs on Debian/Ubuntu when they are missing.
#   packaging/system-deps.sh test   -> what the headless test suite needs (offscreen Qt)
#   packaging/system-deps.sh run    -> also what a real window needs (xcb)
# As root it installs them with apt-get; otherwise it prints the exact apt line and fails.
set -eu
want=${1:-test}
pkgs="libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3"
# the test suite also builds the frozen app: PyInstaller needs objdump (binutils) and Python's
# shared library (Debian's python3 keeps it in a package of its own, libpython3.X)
if [ "$want" = test ]; then
  pkgs="$pkgs binutils"
  py=${PYTHON:-python3}
  if "$py" -c 'import os, sys, sysconfig; sys.exit(os.path.exists(os.path.join(sysconfig.get_config_var("LIBDIR") or "", sysconfig.get_config_var("LDLIBRARY") or "")))' 2>/dev/null \
     && [ "$("$py" -c 'import sys; print(sys.prefix)')" = /usr ]; then
    pkgs="$pkgs libpython$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  fi
fi
if [ "$want" = run ] || [ "$want" = gui ]; then
  pkgs="$pkgs libx11-xcb1 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-cursor0 \
libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-render0 libxcb-util1"
fi
if [ "$want" = gui ]; then
  pkgs="$pkgs xvfb xauth"
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian/Ubuntu system: install Qt 6's runtime libraries yourself"; exit 0; }
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "missing system packages (Qt's libraries; binutils and libpython for the frozen-app test):$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  echo "installed:$missing"
else
  echo "run: sudo apt-get install --no-install-recommends$missing"
  exit 1
fi
