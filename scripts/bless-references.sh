#!/usr/bin/env bash
# Re-bless the layout reference dumps (tests/ref/*.txt) after an intended
# change of the layout, then review `git diff tests/ref` like any other change.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build -j2 --target test_reference_layout
ICC_BLESS_REFERENCES=1 build/tests/test_reference_layout --log_level=message
git status --short tests/ref
