#!/usr/bin/env bash
# Installs the system packages UpdateDesk builds against (Debian 12). The Swift 6.3 toolchain itself is
# expected on PATH (swift.org's Linux build; Debian does not package it).
set -euo pipefail
# chromium: the web desk's browser test (Tests/DeskWebTests/BrowserTests.swift) loads each page headless.
# postgresql: the PostgreSQL contract suite and queue tests run against a private server (scripts/pg-test-server.sh).
packages=(libgumbo-dev libsqlite3-dev zlib1g-dev libstemmer-dev libjemalloc-dev pkg-config python3 chromium postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (install the Swift 6.3 toolchain)" >&2; exit 1; }
