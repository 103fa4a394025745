#!/usr/bin/env bash
# The two commands of README's quick start:
#   scripts/dev.sh reports   set up, build (Release), write the sample reports to out/
#   scripts/dev.sh test      set up, build (Release), run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-}
case "$what" in
  reports|test) ;;
  *) echo "usage: scripts/dev.sh reports|test" >&2; exit 2 ;;
esac

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"

if [[ "$what" == test ]]; then
  ctest --test-dir build --output-on-failure -j "$(nproc)"
else
  scripts/make-reports.sh build/iccreport out
fi
