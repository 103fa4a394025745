#!/usr/bin/env bash
# Writes the report of every sample city in every shipped language to OUT.
set -euo pipefail
binary=${1:?usage: make-reports.sh ICCREPORT OUT}
out=${2:?usage: make-reports.sh ICCREPORT OUT}
cd "$(dirname "$0")/.."
mkdir -p "$out"
status=0
# The latest edition of each hand-written showcase city of the sample network.
showcases=(
  samples/network/valmora/2026-03-15.toml
  samples/network/marvege/2025-05-20.toml
  samples/network/quellmark/2024-10-07.toml
)
for edition in "${showcases[@]}"; do
  name=$(basename "$(dirname "$edition")")-$(basename "$edition" .toml)
  for lang in en fr; do
    "$binary" report "$edition" --lang "$lang" --out "$out/$name.$lang.pdf" || status=1
  done
done
exit $status
