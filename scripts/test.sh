#!/usr/bin/env bash
# Runs the whole suite through CTest for one build folder (make test calls this).
set -euo pipefail
build=${1:?build folder}
cd "$(dirname "$0")/.."
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 600
