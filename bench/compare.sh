#!/usr/bin/env bash
# Benchmarks that print our figures next to the anchor tools', measured in the
# same run (issue 18). Not a test: timing depends on the machine and its load.
#
#   bench/compare.sh [report|network|scale|watch|all]     (default: all)
#
#   report   one Index Report (quellmark, ~40 pages) against Typst 0.14 on the
#            anchor document (32 pages) and against the bare Pango+cairo floor
#            program, interleaved in one hyperfine invocation
#   network  the sample network cold (every city in EN and FR plus profiles)
#            and the no-op rebuild
#   scale    one report at 160, 1,000 and 5,000 cities (generated networks):
#            the cost per report should stay flat
#   watch    `iccreport watch`'s re-render after a one-word change
#
# Environment: RUNS (hyperfine runs, default 7), ICC (the iccreport binary,
# default build/iccreport), ANCHORS (a writable copy of ../shared/anchors,
# default /tmp/icc-anchors; made and set up on first use), LANGS (for
# `network`, default en,fr).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
what=${1:-all}
RUNS=${RUNS:-7}
ICC=${ICC:-$root/build/iccreport}
ANCHORS=${ANCHORS:-/tmp/icc-anchors}
LANGS=${LANGS:-en,fr}
work=$(mktemp -d /tmp/icc-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

[[ -x "$ICC" ]] || { echo "bench/compare.sh: $ICC not found; build first (scripts/dev.sh reports)" >&2; exit 2; }
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v node >/dev/null || need+=(nodejs npm)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

setup_anchors() {
  if [[ ! -d "$ANCHORS" ]]; then
    cp -r "$root/../shared/anchors" "$ANCHORS" 2>/dev/null || cp -r /work/shared/anchors "$ANCHORS"
    chmod -R u+w "$ANCHORS"
  fi
  (cd "$ANCHORS" &&
    { [[ -d node_modules/@myriaddreamin/typst-ts-node-compiler ]] || npm install --no-audit --no-fund >/dev/null; } &&
    { [[ -f fixture/data.toml ]] || python3 fixture/gen_data.py >/dev/null; } &&
    { [[ -x build/floor ]] || { mkdir -p build && g++ -O2 -std=c++20 floor/floor.cpp \
        $(pkg-config --cflags --libs pangocairo cairo-pdf tomlplusplus) -o build/floor; }; })
}

# hyperfine JSON -> "name median_s" lines
medians() {
  python3 -c '
import json, sys, statistics
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], "%.4f" % statistics.median(r["times"]))' "$1"
}

# Prints a table of medians and each one's ratio to the given reference names.
ratios() {
  local json=$1; shift
  python3 - "$json" "$@" <<'PY'
import json, sys, statistics
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
refs = sys.argv[2:]
med = {k: statistics.median(v["times"]) for k, v in results.items()}
head = "%-28s %10s %10s" % ("", "median s", "cpu s") + "".join(" %12s" % ("÷ " + r) for r in refs)
print(head)
for name, r in results.items():
    cpu = r.get("user", float("nan")) + r.get("system", float("nan"))  # hyperfine gives means
    row = "%-28s %10.3f %10.3f" % (name, med[name], cpu)
    row += "".join(" %12.2f" % (med[name] / med[x]) for x in refs)
    print(row)
PY
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

# The anchor of a run that is not one report: Typst 0.14 making the anchor
# document, its median over 3 runs measured now, in this run ($typst_s).
typst_anchor() {
  setup_anchors
  local typst="cd $ANCHORS && TYPST_FONT_PATHS=$root/fonts node typst/compile14.js typst/report-0.14.typ $work/typst14.pdf"
  hyperfine -N -w 1 -r 3 --export-json "$work/typst-anchor.json" -n typst-0.14 "bash -c '$typst'" >/dev/null
  typst_s=$(medians "$work/typst-anchor.json" | awk '{print $NF}')
  printf '   anchor: Typst 0.14, one 32-page document, median %.3f s (this run)\n' "$typst_s"
}

bench_report() {
  setup_anchors
  local edition=$root/samples/network/quellmark/2024-10-07.toml
  local ours="$ICC report $edition --lang en --out $work/ours.pdf"
  local typst="cd $ANCHORS && TYPST_FONT_PATHS=$root/fonts node typst/compile14.js typst/report-0.14.typ $work/typst14.pdf"
  local floor="cd $ANCHORS && build/floor fixture/data.toml $work/floor.pdf"
  bash -c "$ours" && bash -c "$typst" && bash -c "$floor"
  echo "== one report (pages: iccreport $(pages "$work/ours.pdf"), Typst 0.14 $(pages "$work/typst14.pdf"), floor $(pages "$work/floor.pdf"))"
  echo "   targets: iccreport <= 0.50 x Typst 0.14, <= 1.5 x floor"
  hyperfine -N -w 1 -r "$RUNS" --export-json "$work/report.json" \
    -n iccreport "$ours" -n typst-0.14 "bash -c '$typst'" -n floor "bash -c '$floor'" >/dev/null
  ratios "$work/report.json" typst-0.14 floor
  for tool in ours typst14 floor; do
    local cmd; case $tool in ours) cmd=$ours ;; typst14) cmd=$typst ;; floor) cmd=$floor ;; esac
    /usr/bin/time -f "%M" -o "$work/rss" bash -c "$cmd" >/dev/null 2>&1
    echo "   peak RSS $tool: $(( $(cat "$work/rss") / 1024 )) MB"
  done
}

bench_network() {
  local out=$work/network-out
  echo "== the sample network, languages $LANGS (160 cities, plus profiles), on $(nproc) cores"
  local start end cold noop
  start=$(date +%s.%N)
  "$ICC" build "$root/samples/network" --langs "$LANGS" --out "$out" >/dev/null
  end=$(date +%s.%N); cold=$(echo "$end - $start" | bc)
  hyperfine -N -w 1 -r "$RUNS" --export-json "$work/noop.json" -n no-op \
    "$ICC build $root/samples/network --langs $LANGS --out $out" >/dev/null
  noop=$(medians "$work/noop.json" | awk '{print $NF}')
  local outputs; outputs=$(find "$out" -name '*.pdf' | wc -l)
  typst_anchor
  echo "   outputs: $outputs PDFs"
  printf '   cold build %8.2f s   (target < 30 s for en,fr) = %.1f Typst documents, %.3f of one per output\n' "$cold" \
    "$(echo "$cold / $typst_s" | bc -l)" "$(echo "$cold / $typst_s / $outputs" | bc -l)"
  printf '   no-op      %8.3f s   = %.1f %% of cold (target < 5 %%) = %.2f Typst documents\n' "$noop" \
    "$(echo "100 * $noop / $cold" | bc -l)" "$(echo "$noop / $typst_s" | bc -l)"
}

# `iccreport watch` on a copy of the network: the time of each re-render
# after a one-word change of the edition (the city's name, changed back and
# forth), as watch prints it. An edition change is the costliest kind: the
# network is read again and the sample rebuilt.
bench_watch() {
  local net=$work/watch-network
  mkdir -p "$net" && cp -r "$root/samples/network/." "$net/"
  local edition=$net/quellmark/2024-10-07.toml log=$work/watch.log
  echo "== watch: re-render of one report after a one-word change (target < 150 ms)"
  "$ICC" watch "$edition" --network "$net" --lang en --out "$work/watch.pdf" 2>"$log" &
  local pid=$!
  until grep -q '^watching' "$log"; do kill -0 $pid 2>/dev/null || { cat "$log"; return 1; }; sleep 0.1; done
  for i in $(seq "$RUNS"); do
    if ((i % 2)); then sed -i 's/^name = "Quellmark"/name = "Quellmarkt"/' "$edition"
    else sed -i 's/^name = "Quellmarkt"/name = "Quellmark"/' "$edition"; fi
    until (($(grep -c 're-rendered' "$log") >= i)); do sleep 0.05; done
  done
  kill -TERM $pid && wait $pid || true
  typst_anchor
  grep -o 'in [0-9]* ms' "$log" | awk '{print $2}' | python3 -c '
import sys, statistics
ms = [int(x) for x in sys.stdin.read().split()]
first, again = ms[0], ms[1:]
typst = float(sys.argv[1]) * 1000
print("   first render %6d ms" % first)
print("   re-render    %6d ms median of %d (%d-%d) = %.2f x Typst 0.14" %
      (statistics.median(again), len(again), min(again), max(again), statistics.median(again) / typst))' "$typst_s"
}

bench_scale() {
  setup_anchors
  local generator=$root/build/scripts/generate_network
  [[ -x $generator ]] || { echo "build the generator first (cmake --build build --target generate_network)" >&2; exit 2; }
  echo "== one report against networks of growing size (the cost per report should stay flat)"
  local args=()
  for n in 160 1000 5000; do
    local dir=$work/net$n
    mkdir -p "$dir"
    if [[ $n == 160 ]]; then cp -r "$root/samples/network/." "$dir/"
    else cp -r "$root/samples/network/quellmark" "$dir/" && "$generator" "$dir" --cities $((n - 1)) >/dev/null; fi
    args+=(-n "$n cities" "$ICC report $dir/quellmark/2024-10-07.toml --network $dir --lang en --out $work/scale$n.pdf")
  done
  local typst="cd $ANCHORS && TYPST_FONT_PATHS=$root/fonts node typst/compile14.js typst/report-0.14.typ $work/typst14.pdf"
  hyperfine -N -w 1 -r "$RUNS" --export-json "$work/scale.json" "${args[@]}" -n typst-0.14 "bash -c '$typst'" >/dev/null
  ratios "$work/scale.json" "160 cities" typst-0.14
  for n in 160 1000 5000; do
    /usr/bin/time -f "%M" -o "$work/rss" $ICC report "$work/net$n/quellmark/2024-10-07.toml" --network "$work/net$n" \
      --lang en --out "$work/rss.pdf" >/dev/null 2>&1
    echo "   peak RSS at $n cities: $(( $(cat "$work/rss") / 1024 )) MB (target < 300 MB)"
  done
}

echo "iccreport $("$ICC" --version 2>/dev/null || echo '(no --version)') on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
case $what in
  report) bench_report ;;
  network) bench_network ;;
  scale) bench_scale ;;
  watch) bench_watch ;;
  all) bench_report; bench_network; bench_scale; bench_watch ;;
  *) echo "usage: bench/compare.sh [report|network|scale|watch|all]" >&2; exit 2 ;;
esac
