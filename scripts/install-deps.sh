#!/usr/bin/env bash
# Installs the Debian 12 packages cxscore builds and tests with. Idempotent:
# asks apt only for what dpkg does not already report as installed.
set -euo pipefail

packages=(
  g++ cmake ninja-build make pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  grpc-proto libabsl-dev librocksdb-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libboost-math-dev libcli11-dev nlohmann-json3-dev libutfcpp-dev
  python3  # end-to-end tests (tests/e2e, /usr/bin/python3)
  chromium  # scorecard HTML rendered, screenshotted and printed to PDF
)
if [[ "${1:-}" == "--with" ]]; then shift; packages+=("$@"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root or install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -q
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
