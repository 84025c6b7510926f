#!/usr/bin/env bash
# Nooks.OS build driver. ./build.sh [build|run|test|bench ...|clean]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
OUT=${NOOKS_OUT:-$ROOT/out}
ILC_VERSION=10.0.12
ILC_PACKAGE=runtime.linux-x64.microsoft.dotnet.ilcompiler
APT_PACKAGES=(nasm binutils qemu-system-x86 grub-pc-bin grub-common xorriso mtools dosfstools)

log() { printf '[build] %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
}

ilc_path() { echo "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$ILC_PACKAGE/$ILC_VERSION/tools/ilc"; }

install_ilc() {
  [ -x "$(ilc_path)" ] && return
  log "restoring ILCompiler $ILC_VERSION"
  dotnet restore "$ROOT/build/IlcRestore/IlcRestore.csproj" -p:IlcVersion=$ILC_VERSION >/dev/null
  [ -x "$(ilc_path)" ] || { echo "ILCompiler $ILC_VERSION did not restore to $(ilc_path)" >&2; exit 1; }
}

# newer TARGET SOURCES...: true if TARGET is missing or older than any file under SOURCES.
newer() {
  local target=$1; shift
  [ -e "$target" ] || return 0
  [ -n "$(find "$@" -newer "$target" -type f -not -path '*/obj/*' -not -path '*/bin/*' -print -quit 2>/dev/null)" ]
}

# compile_image NAME PROJECT_DIR: C# -> IL (MSBuild) -> native object (ILC).
compile_image() {
  local name=$1 project=$2 il=$OUT/il/$1 obj=$OUT/obj/$1.o
  if newer "$obj" "$project" "$ROOT/kernel/corelib" "$ROOT/build"; then
    log "compiling $name"
    dotnet build "$project" -c Release -o "$il" -nologo -v:q -clp:ErrorsOnly -p:BaseIntermediateOutputPath="$OUT/msbuild/$name/" >&2
    local asm; asm=$(find "$il" -maxdepth 1 -name '*.dll' -newer "$project" | head -1)
    asm=${asm:-$(ls "$il"/*.dll | head -1)}
    local module; module=$(basename "$asm" .dll)
    "$(ilc_path)" "$asm" -o "$obj" --systemmodule:"$module" --targetos:linux --targetarch:x64 -O \
      --nativelib --export-unmanaged-entrypoints --map:"$OUT/obj/$name.map.xml"
  fi
}

assemble() { # assemble SRC OBJ
  if newer "$2" "$1"; then nasm -f elf64 -w+all "$1" -o "$2"; fi
}

build_kernel() {
  mkdir -p "$OUT/obj"
  compile_image kernel "$ROOT/kernel" 
  assemble boot/entry.asm "$OUT/obj/entry.o"
  assemble boot/cpu.asm "$OUT/obj/cpu.o"
  assemble kernel/corelib/RuntimeStubs.asm "$OUT/obj/runtime.o"
  local objs=("$OUT/obj/entry.o" "$OUT/obj/cpu.o" "$OUT/obj/runtime.o" "$OUT/obj/kernel.o")
  if newer "$OUT/kernel.elf" "${objs[@]}" boot/kernel.ld; then
    log "linking kernel.elf"
    ld -n -T boot/kernel.ld -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments \
      -o "$OUT/kernel.elf" "${objs[@]}"
  fi
}

build_all() {
  install_packages
  install_ilc
  build_kernel
}

cmd=${1:-build}
case $cmd in
  build) build_all ;;
  clean) rm -rf "$OUT" ;;
  *) echo "usage: $0 [build|run|test|bench|clean]" >&2; exit 2 ;;
esac
