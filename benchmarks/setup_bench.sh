#!/usr/bin/env bash
# Installs what `make bench` needs beyond the project's own dependencies:
# LibreOffice Calc (headless, for the side-by-side .xlsx -> PDF comparison) and poppler-utils.
# Debian/Ubuntu only; run as root or with sudo available. Safe to run more than once.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice prints the sheet with whatever fonts fontconfig offers.
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)

if [ ${#need[@]} -eq 0 ]; then
    echo "setup_bench: nothing to install"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup_bench: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
    SUDO="sudo"
fi
command -v apt-get >/dev/null 2>&1 || { echo "setup_bench: no apt-get; install ${need[*]} by hand" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
echo "setup_bench: installing ${need[*]} (apt-get; log in $log)"
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "setup_bench: apt-get failed" >&2
    exit 1
fi
echo "setup_bench: installed ${need[*]}"
