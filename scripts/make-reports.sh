#!/usr/bin/env bash
# Builds the report of every city of the sample network into OUT, in the
# project's languages (iccreport.toml: English and French) and in each city's
# own (its edition's `languages`), incrementally: a second run rebuilds only
# what changed.
set -euo pipefail
binary=${1:?usage: make-reports.sh ICCREPORT OUT}
out=${2:?usage: make-reports.sh ICCREPORT OUT}
cd "$(dirname "$0")/.."
exec "$binary" build --network samples/network --out "$out"
