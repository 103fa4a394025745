#!/usr/bin/env bash
# What a secretariat does on a fresh machine, as a test: install into a
# temporary prefix, then, from an empty working directory and with an empty
# environment (no variable at all but PATH), `iccreport init`, add a city,
# `iccreport build`. Usage: install_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d /tmp/icc-install-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "install_test: FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
prefix=$work/prefix
for path in bin/iccreport share/iccreport/templates/index/questionnaire.toml share/iccreport/locales/fr.toml \
            share/iccreport/fonts/fonts.toml share/man/man1/iccreport.1 share/man/man1/iccreport-build.1 \
            share/bash-completion/completions/iccreport; do
  [[ -e $prefix/$path ]] || fail "not installed: $path"
done

mkdir "$work/empty"
run() { (cd "$1" && shift && env -i PATH="$prefix/bin:/usr/bin:/bin" "$@"); }

run "$work/empty" iccreport --version | grep -q '^iccreport [0-9]' || fail "--version"
# Outside any project the installed data is used, never a source tree.
run "$work/empty" iccreport -v fonts 2>&1 >/dev/null | grep -q "data folder: $prefix/share/iccreport (installed data)" ||
  fail "the installed data is not the one used: $(run "$work/empty" iccreport -v fonts 2>&1 >/dev/null)"

run "$work/empty" iccreport init myproject >/dev/null
project=$work/empty/myproject
city=valmora
edition=$(ls "$prefix/share/iccreport/samples/network/$city/" | grep -E '^[0-9-]+\.toml$' | tail -1)
mkdir "$project/network/$city"
cp "$prefix/share/iccreport/samples/network/$city/$edition" "$project/network/$city/"

log=$(run "$project" iccreport -v build 2>&1) || fail "build failed: $log"
grep -q "data folder: $project (project folder" <<<"$log" || fail "build did not read the project: $log"
for lang in en fr; do
  [[ -s $project/out/$city.$lang.pdf ]] || fail "no $city.$lang.pdf: $log"
done
# A second city added later is built too, the first is up to date.
city2=quellmark
edition2=$(ls "$prefix/share/iccreport/samples/network/$city2/" | grep -E '^[0-9-]+\.toml$' | tail -1)
mkdir "$project/network/$city2"
cp "$prefix/share/iccreport/samples/network/$city2/$edition2" "$project/network/$city2/"
log=$(run "$project/network" iccreport build --langs en 2>&1) || fail "second build failed: $log"
[[ -s $project/out/$city2.en.pdf ]] || fail "the city added later was left out: $log"
echo "install_test: installed, made a project, built $city and $city2 from an empty environment"
