#!/usr/bin/env bash
# Installs, from Debian's packages, whatever the build, the tests and the
# reports need and the machine does not have yet, and the tests' pdf.js from
# the npm registry at its locked version. Non-interactive; installs nothing
# when everything is present. Runs as root without sudo, otherwise through sudo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

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
  # scripts/free-text-translations.py (writes free-text translation files; its test runs it): tomllib, Python 3.11+
  python3
  # PDF checks used by the tests
  poppler-utils qpdf
  # the Debian package (cpack -G DEB): dpkg-shlibdeps finds the libraries' packages
  dpkg-dev
)
# pdf.js, the tests' third reader of our tagged PDFs (tests/pdfjs): Node.js and npm,
# Debian's unless the machine has them already (from another source, which we keep).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

# pdf.js at the version tests/pdfjs/package-lock.json locks, from the npm registry;
# nothing to do when it is there already.
install_pdfjs() {
  if [[ ! -f "$root/tests/pdfjs/node_modules/pdfjs-dist/package.json" ]]; then
    echo "setup: installing pdf.js for the tests (npm ci in tests/pdfjs)"
    npm ci --prefix "$root/tests/pdfjs" --omit=optional --no-audit --no-fund --loglevel=error
  fi
}

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages present"
  install_pdfjs
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
install_pdfjs
