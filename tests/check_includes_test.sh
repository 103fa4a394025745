#!/bin/bash
# The include-graph check must catch what it is for: a small engine tree with
# one violation of each rule is refused, each violation named at its line,
# and the same tree without them passes. Usage: check_includes_test.sh SCRIPT
set -u
script=$1
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/{support,load,charts,compose,layout,render}
printf '#pragma once\n#include <string>\n' > "$tree/support/text.h"
printf '#pragma once\n#include "support/text.h"\n' > "$tree/load/edition.h"
printf '#pragma once\n#include <cairo.h>\n' > "$tree/charts/draw.h"
printf '#pragma once\n#include "load/edition.h"\n' > "$tree/compose/document.h"
printf '#pragma once\n#include "compose/document.h"\n' > "$tree/layout/page.h"
printf '#include "layout/page.h"\n' > "$tree/render/pdf.cpp"

status=0
expect() {  # expect DESCRIPTION EXIT_CODE PATTERN...
    local what=$1 code=$2
    shift 2
    output=$("$script" "$tree" 2>&1)
    local got=$?
    if [ "$got" -ne "$code" ]; then
        echo "FAIL: $what: exit $got, expected $code"$'\n'"$output"
        status=1
    fi
    for pattern in "$@"; do
        grep -qE "$pattern" <<<"$output" || { echo "FAIL: $what: no line matching /$pattern/ in"$'\n'"$output"; status=1; }
    done
}

expect "a tree that follows the rules" 0 "follows the stage rules"

printf '#pragma once\n#include "layout/page.h"\n' > "$tree/load/edition.h"      # load reaches a later stage
printf '#include "compose/document.h"\n' >> "$tree/render/pdf.cpp"            # render reads compose
printf '#include "charts/draw.h"\n' >> "$tree/compose/document.h"              # compose reaches cairo
expect "a tree with one violation of each rule" 1 \
    'load/edition.h:2: load/ includes "layout/page.h" from layout/, a later stage' \
    'render/pdf.cpp:2: render/ includes "compose/document.h"' \
    'charts/draw.h:2: includes <cairo.h>, reached from .*compose/' \
    '3 violation'
exit $status
