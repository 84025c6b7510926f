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
  [ -n "$(find "$@" -newer "$target" -type f \( -path "$OUT/*" -o -not \( -path '*/obj/*' -o -path '*/bin/*' \) \) -print -quit 2>/dev/null)" ]
}

# compile_image NAME PROJECT_DIR [MORE_SOURCE_DIRS...]: C# -> IL (MSBuild) -> native object (ILC).
compile_image() {
  local name=$1 project=$2 il=$OUT/il/$1 obj=$OUT/obj/$1.o
  shift 2
  if newer "$obj" "$project" "$ROOT/kernel/corelib" "$ROOT/build" "$@"; then
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

link_kernel() {
  local out=$1; shift
  ld -n -T boot/kernel.ld -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments -o "$out" "$@"
}

# write_ksyms ELF OBJ: assemble the text symbols of ELF (sorted) into a .ksyms section.
write_ksyms() {
  local elf=$1 obj=$2 src=$OUT/obj/ksyms.asm
  {
    echo 'section .ksyms progbits alloc noexec nowrite align=8'
    echo 'global ksyms_table'
    echo 'ksyms_table:'
    if [ "$elf" = /dev/null ]; then echo 'dq 0'; else
      nm -n --defined-only "$elf" | awk '$2 ~ /^[tT]$/ && $3 !~ /^\./ { a[n]=$1; s[n]=$3; n++ }
        END { print "dq " n; for (i=0;i<n;i++) printf "dq 0x%s, ksym_%d\n", a[i], i;
              for (i=0;i<n;i++) printf "ksym_%d: db \"%s\", 0\n", i, s[i] }'
    fi
  } > "$src"
  nasm -f elf64 "$src" -o "$obj"
}

build_kernel() {
  mkdir -p "$OUT/obj"
  compile_image kernel "$ROOT/kernel" 
  assemble boot/entry.asm "$OUT/obj/entry.o"
  assemble boot/cpu.asm "$OUT/obj/cpu.o"
  assemble boot/interrupts.asm "$OUT/obj/interrupts.o"
  assemble boot/usermode.asm "$OUT/obj/usermode.o"
  assemble kernel/corelib/RuntimeStubs.asm "$OUT/obj/runtime.o"
  local objs=("$OUT/obj/entry.o" "$OUT/obj/cpu.o" "$OUT/obj/interrupts.o" "$OUT/obj/usermode.o" "$OUT/obj/runtime.o" "$OUT/obj/kernel.o")
  if newer "$OUT/kernel.elf" "${objs[@]}" boot/kernel.ld; then
    log "linking kernel.elf"
    # Pass 1 links with an empty symbol table; pass 2 links the table made from pass 1's
    # function symbols. .ksyms is last in the image, so code addresses do not move.
    write_ksyms /dev/null "$OUT/obj/ksyms.o"
    link_kernel "$OUT/kernel.pass1.elf" "${objs[@]}" "$OUT/obj/ksyms.o"
    write_ksyms "$OUT/kernel.pass1.elf" "$OUT/obj/ksyms.o"
    link_kernel "$OUT/kernel.elf" "${objs[@]}" "$OUT/obj/ksyms.o"
    rm -f "$OUT/kernel.pass1.elf"
  fi
}

# Every directory under kernel/user/ except the shared runtime is a program. Each becomes a
# static position-independent executable out/user/NAME: ld resolves every symbol, so the only
# relocations left are R_X86_64_RELATIVE, which the kernel's loader applies at the load base.
# Programs reach the kernel as Multiboot modules (qemu -initrd out/user/init,out/user/sh,...).
build_user_programs() {
  mkdir -p "$OUT/obj/user" "$OUT/user"
  assemble kernel/user/runtime/UserEntry.asm "$OUT/obj/user/entry.o"
  assemble kernel/corelib/RuntimeStubs.asm "$OUT/obj/runtime.o"
  local dir name
  for dir in kernel/user/*/; do
    name=$(basename "$dir")
    [ "$name" = runtime ] && continue
    compile_image "user-$name" "$ROOT/$dir" "$ROOT/kernel/user/runtime" "$ROOT/kernel/Abi"
    local objs=("$OUT/obj/user/entry.o" "$OUT/obj/runtime.o" "$OUT/obj/user-$name.o")
    if newer "$OUT/user/$name" "${objs[@]}"; then
      log "linking user/$name"
      ld -pie --no-dynamic-linker -e _start -z max-page-size=0x1000 -z separate-code -z noexecstack \
        -z norelro --hash-style=gnu -o "$OUT/user/$name" "${objs[@]}"
    fi
  done
}

build_all() {
  install_packages
  install_ilc
  build_kernel
  build_user_programs
}

cmd=${1:-build}
case $cmd in
  build) build_all ;;
  clean) rm -rf "$OUT" ;;
  *) echo "usage: $0 [build|run|test|bench|clean]" >&2; exit 2 ;;
esac
