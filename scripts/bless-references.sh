#!/usr/bin/env bash
# Re-bless the layout reference dumps (tests/ref/*.txt) and the reference
# images (tests/ref/images/*.png) after an intended change of the layout or
# of a chart's drawing, then review `git diff tests/ref` like any other change
# (and look at the images).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build -j2 --target test_reference_layout test_reference_images
ICC_BLESS_REFERENCES=1 build/tests/test_reference_layout --log_level=message
ICC_BLESS_REFERENCES=1 build/tests/test_reference_images --log_level=message
git status --short tests/ref
