#!/usr/bin/env bash
# Writes the report of every sample city in every shipped language to OUT.
set -euo pipefail
binary=${1:?usage: make-reports.sh ICCREPORT OUT}
out=${2:?usage: make-reports.sh ICCREPORT OUT}
cd "$(dirname "$0")/.."
mkdir -p "$out"
status=0
for edition in samples/cities/*.toml; do
  name=$(basename "$edition" .toml)
  for lang in en fr; do
    "$binary" report "$edition" --lang "$lang" --out "$out/$name.$lang.pdf" || status=1
  done
done
exit $status
