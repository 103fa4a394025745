#!/bin/bash
# Checks the include graph of engine/ against the pipeline's rules
# (docs/architecture.md, "Stages and what they may include"):
#   1. a stage includes only itself, support/ and the stages before it in
#      STAGE_ORDER (data flows forward only);
#   2. render/ includes nothing from compose/ (a LaidOutDocument is all it needs);
#   3. no file of compose/ includes a cairo or Pango header, directly or
#      through the engine headers it includes (the document is a plain value).
# Every violation is printed as FILE:LINE: message; exit 1 if any.
# Usage: scripts/check-includes.sh [ENGINE_DIR]   (default: engine/ next to this script)
set -u
engine=${1:-$(cd "$(dirname "$0")/.." && pwd)/engine}
[ -d "$engine" ] || { echo "check-includes: no folder $engine" >&2; exit 2; }

# The stages in pipeline order. batch/ (digests, the manifest, the worker
# pool) and pdfcheck/ depend on support/ only; driver/ wires the stages and
# cli/ is the command line over the driver.
STAGE_ORDER=(support load intake score select charts compose layout render translate batch pdfcheck driver cli)

declare -A rank
for i in "${!STAGE_ORDER[@]}"; do rank[${STAGE_ORDER[$i]}]=$i; done

failures=0
fail() {
    echo "$1"
    failures=$((failures + 1))
}

# Every folder of engine/ must be a known stage, so that a new one is placed in the order on purpose.
for dir in "$engine"/*/; do
    stage=$(basename "$dir")
    [ -n "${rank[$stage]+x}" ] || fail "$engine/$stage: a folder that is not in STAGE_ORDER of $0"
done

# Rules 1 and 2: direct includes.
while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    line=${rest%%:*}
    [[ $rest =~ \#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]] || continue
    target=${BASH_REMATCH[1]}
    stage=$(basename "$(dirname "$file")")
    [[ $target == */* ]] || continue
    to=${target%%/*}
    [ -n "${rank[$stage]+x}" ] || continue
    if [ -z "${rank[$to]+x}" ]; then
        fail "$file:$line: includes \"$target\", which is in no stage"
    elif [ "$to" != "$stage" ] && [ "$to" != support ] && [ "${rank[$to]}" -gt "${rank[$stage]}" ]; then
        fail "$file:$line: $stage/ includes \"$target\" from $to/, a later stage (data flows forward only)"
    elif [ "$stage" = render ] && [ "$to" = compose ]; then
        fail "$file:$line: render/ includes \"$target\"; render takes a LaidOutDocument and nothing from compose/"
    fi
done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include "' "$engine" --include='*.h' --include='*.cpp')

# Rule 3: compose/ and every engine header it reaches, transitively.
declare -A seen
queue=()
for file in "$engine"/compose/*.h "$engine"/compose/*.cpp; do
    [ -e "$file" ] || continue
    queue+=("$file")
    seen[$file]="$file"
done
while [ ${#queue[@]} -gt 0 ]; do
    file=${queue[0]}
    queue=("${queue[@]:1}")
    while IFS= read -r hit; do
        line=${hit%%:*}
        [[ $hit =~ \<([^\>]+)\> ]] && header=${BASH_REMATCH[1]}
        fail "$file:$line: includes <$header>, reached from ${seen[$file]} (compose/ holds plain values)"
    done < <(grep -nE '^[[:space:]]*#[[:space:]]*include <(cairo|pango)' "$file")
    while IFS= read -r target; do
        path="$engine/$target"
        [ -f "$path" ] || continue
        if [ -z "${seen[$path]+x}" ]; then
            seen[$path]="${seen[$file]}"
            queue+=("$path")
        fi
    done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include "([^"]+)".*/\1/p' "$file")
done

if [ "$failures" -gt 0 ]; then
    echo "check-includes: $failures violation(s) of the stage include rules (docs/architecture.md)"
    exit 1
fi
echo "check-includes: the include graph of $engine follows the stage rules"
