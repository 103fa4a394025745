#!/usr/bin/env bash
# The Debian package (CPack): it builds, holds the binary, the data and the
# man pages in the usual places, and depends on the Debian packages of the
# libraries the engine links and of the fonts it declares.
# Usage: package_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/icc-package-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >/dev/null) || fail "cpack failed"
deb=$(ls "$work"/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for package in libcairo2 libpango-1.0-0 libqpdf libicu libhyphen0 fonts-noto-cjk icc-profiles-free; do
  grep -q "$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/iccreport ./usr/share/iccreport/locales/fr.toml ./usr/share/man/man1/iccreport.1 \
            ./usr/share/bash-completion/completions/iccreport; do
  grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
echo "package_test: $(basename "$deb"), Depends: $depends"
