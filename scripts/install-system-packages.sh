#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/system-packages.txt (or in the list
# named as the last argument, such as office-packages.txt) that are missing.
# Needs root (or password-less sudo); says what to install when it has neither.
# With --check it installs nothing: it only says what is missing and what needs it.
set -euo pipefail
cd "$(dirname "$0")"
list=system-packages.txt
case "${*: -1}" in *.txt) list="${*: -1}" ;; esac
mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$list")
missing=()
if command -v dpkg-query >/dev/null; then
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--check" ]; then
  echo "note: PDF handouts and the tests need these Debian packages, missing here: ${missing[*]}" >&2
  echo "      install them with: sudo apt-get install ${missing[*]}" >&2
  echo "      (checking canvases and HTML handouts work without them)" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "modelh needs these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
