#!/usr/bin/env bash
# Builds every libFuzzer target (tests/fuzz/<name>_fuzz.cpp) with the "fuzz" preset and runs
# each for DIZGI_FUZZ_SECONDS (default 60) over a copy of its seed corpus
# (tests/fuzz/corpus/<name>/, plus what tests/fuzz/<name>.seed.sh generates), so new inputs
# never land in the repository by accident.
# Crashes are written to build/fuzz/artifacts/<name>/; the script fails if any target fails.
# Usage: scripts/fuzz.sh [NAME...]   (default: all targets)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${DIZGI_FUZZ_SECONDS:-60}
jobs=${DIZGI_FUZZ_BUILD_JOBS:-2}
build=build/fuzz

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for source in tests/fuzz/*_fuzz.cpp; do
    [ -e "$source" ] || continue
    name=$(basename "$source" _fuzz.cpp)
    names+=("$name")
  done
fi
if [ ${#names[@]} -eq 0 ]; then
  echo "fuzz: no fuzz targets in tests/fuzz/" >&2
  exit 2
fi

cmake --preset fuzz >/dev/null
targets=()
for name in "${names[@]}"; do targets+=("${name}_fuzz"); done
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

failed=()
for name in "${names[@]}"; do
  corpus="$build/corpus/$name"
  artifacts="$build/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "tests/fuzz/corpus/$name" ]; then
    cp -n "tests/fuzz/corpus/$name"/* "$corpus"/ 2>/dev/null || true
  fi
  # Seeds that are binaries are generated, not committed: tests/fuzz/<name>.seed.sh DIR.
  if [ -x "tests/fuzz/$name.seed.sh" ]; then "tests/fuzz/$name.seed.sh" "$corpus"; fi
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  if [ -f "tests/fuzz/$name.dict" ]; then args+=(-dict="tests/fuzz/$name.dict"); fi
  echo "fuzz: running ${name}_fuzz for ${seconds}s"
  if ! "$build/bin/${name}_fuzz" "${args[@]}" "$corpus"; then
    failed+=("$name")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in: ${failed[*]} (inputs in $build/artifacts/)" >&2
  exit 1
fi
echo "fuzz: all ${#names[@]} target(s) ran ${seconds}s without a failure"
