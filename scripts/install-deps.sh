#!/usr/bin/env bash
# Installs the Debian packages dizgi needs to build, test and run its demo.
# Idempotent: it asks dpkg first and calls apt-get only for what is missing, so a second run
# takes well under a second. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config make git clang libclang-rt-14-dev
  # libraries
  libboost-dev libboost-filesystem-dev libpango1.0-dev libharfbuzz-dev libcairo2-dev
  libxml2-dev libxml2-utils libqpdf-dev libicu-dev libpoppler-cpp-dev libpoppler-private-dev
  libsqlite3-dev libzip-dev libpq-dev librsvg2-dev liblcms2-dev libfmt-dev
  libgtest-dev libgmock-dev libcpp-httplib-dev libjemalloc-dev
  # tools the build and the tests run
  poppler-utils qpdf sqlite3 ghostscript postgresql
  # pypdf fills the fillable forms in the forms test (an outside filler, not dizgi)
  python3-pypdf
  # a real xlsx/ods producer for the data-source equivalence tests, /usr/bin/time for bench
  libreoffice-calc-nogui time
  # fonts (the project takes its fonts from Debian, never from the repository)
  fonts-linuxlibertine fonts-dejavu-core fonts-noto-core fontconfig
  # ICC profiles for the print profile, Turkish dictionary and TeX patterns for hyphenation tests
  icc-profiles-free texlive-base libgs-common hunspell-tr texlive-lang-european
  # the web tests: a real browser (driven by playwright-core) and Java for the Nu HTML Checker
  chromium default-jre-headless
)
# Node.js and npm come with the machine; Debian's own are installed only when there is none.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

# The web tests' npm packages (tests/web/package.json, versions pinned in its lock file), into
# tests/web/node_modules; again only when missing or older than the lock file.
install_npm_packages() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/web"
  if [ -d "$dir/node_modules/playwright-core" ] && [ "$dir/node_modules" -nt "$dir/package-lock.json" ]; then
    return 0
  fi
  echo "dizgi: installing the web tests' npm packages (tests/web)"
  (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  touch "$dir/node_modules"
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  install_npm_packages
  exit 0
fi

echo "dizgi: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_npm_packages
