#!/usr/bin/env bash
# Runs the whole suite through CTest for one build folder (make test calls this).
set -euo pipefail
build=${1:?build folder}
cd "$(dirname "$0")/.."
# Hermetic test environment: dizgi's own fonts, no plugins from the user's path, and a process
# locale whose decimal separator is not the one numbers are written with.
export FONTCONFIG_FILE="$PWD/fonts/fonts.conf"
export DIZGI_PLUGIN_PATH=
export LC_ALL=C.UTF-8
# Sanitizer builds: leaks inside system libraries' process-lifetime caches are not ours.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 600
