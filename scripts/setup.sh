#!/usr/bin/env bash
# Installs, from Debian's packages, whatever the build, the tests and the
# reports need and the machine does not have yet. Non-interactive; installs
# nothing when everything is present. Runs as root without sudo, otherwise
# through sudo.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config
  # libraries on the design card
  libcairo2-dev libpango1.0-dev libtomlplusplus-dev libboost-test-dev
  libicu-dev libhyphen-dev libcli11-dev libfmt-dev libqpdf-dev nlohmann-json3-dev
  # the questionnaire cities fill in: written as XLSX, read back from XLSX (a zip of XML)
  libxlsxwriter-dev libzip-dev libpugixml-dev
  # translators' PO files (iccreport translate): GNU gettext's own reader and writer
  libgettextpo-dev
  # hyphenation patterns (any other installed hyph_<lang>.dic is picked up too)
  hyphen-en-us hyphen-en-gb hyphen-fr hyphen-de hyphen-el hyphen-uk hyphen-it hyphen-es hyphen-pt-pt hyphen-pl hyphen-sv
  # the declared CJK font source (see fonts/fonts.toml)
  fonts-noto-cjk
  # the sRGB profile of PDF/A output intents (--pdf-standard a-2u, templates/style/pdf.toml)
  icc-profiles-free
  # scripts/free-text-translations.py (writes free-text translation files; its test runs it): tomllib, Python 3.11+
  python3
  # PDF checks used by the tests
  poppler-utils qpdf
  # the Debian package (cpack -G DEB): dpkg-shlibdeps finds the libraries' packages
  dpkg-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup: error: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
