#!/usr/bin/env bash
# Nooks.OS build driver.
#   ./build.sh [build]          kernel, boot ISO, disk image, host tools, red-zone check
#   ./build.sh run [--iso] [-- QEMU-ARGS...]
#                               boot the default machine (serial on this terminal or pipe)
#   ./build.sh test             every test suite; ends with "tests: N passed, N failed"
#   ./build.sh bench boot [--runs N] [--iso]
#                               boot timings and image sizes
#   ./build.sh bench nooks [--boots N] [--datagrams N] [--sizes 64,1024] [--iterations N]
#                               isolation costs (cycles, -icount instructions) and UDP echo,
#                               e1000 native vs isolated; writes out/bench/nooks.md and .csv
#   ./build.sh bench faults [--rounds N] [--classes a,b]
#                               fault-injection campaign, every faulty class native vs
#                               isolated in fresh boots; writes out/bench/faults.md
#   ./build.sh clean
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export NOOKS_OUT=${NOOKS_OUT:-$ROOT/out}
OUT=$NOOKS_OUT
ILC_VERSION=10.0.12
ILC_PACKAGE=runtime.linux-x64.microsoft.dotnet.ilcompiler
APT_PACKAGES=(nasm binutils qemu-system-x86 grub-pc-bin grub-common xorriso mtools dosfstools)
NOOKS_TOOL=$OUT/tools/nooks.dll
DISK_SIZE_KIB=$((64 * 1024))
DISK_LABEL=NOOKS
TEST_SUITES=(Nooks.HostTests Nooks.SystemTests)

# Files under out/ that every boot loads as Multiboot modules, space-separated: qemu -kernel gets
# them as -initrd a,b and the ISO's grub.cfg as module2 lines. Images add themselves here.
BOOT_MODULES=""

# ILC objects of every image compiled in this run; the red-zone check reads them all.
IMAGE_OBJECTS=()

log() { printf '[build] %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
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

# dotnet_build PROJECT OUTPUT_DIR [MSBUILD ARGS...]: quiet unless it fails.
dotnet_build() {
  local project=$1 output=$2; shift 2
  local log=$OUT/log/$(basename "$project").log
  mkdir -p "$OUT/log"
  dotnet build "$project" -c Release -o "$output" -nologo "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
}

# compile_image NAME PROJECT_DIR ASSEMBLY_NAME: C# -> IL (MSBuild, build/Image.props) -> native
# object out/obj/NAME.o (ILC, with the assembly as its own system module). Every image compiles
# its own copy of the core library, so kernel/corelib and build/ are inputs of each one.
compile_image() {
  local name=$1 project=$2 assembly=$3; shift 3
  local il=$OUT/il/$name obj=$OUT/obj/$name.o
  if newer "$obj" "$project" "$ROOT/kernel/corelib" "$ROOT/build" "$@"; then
    log "compiling $name"
    mkdir -p "$OUT/obj"
    dotnet_build "$project" "$il" -p:BaseIntermediateOutputPath="$OUT/msbuild/$name/"
    "$(ilc_path)" "$il/$assembly.dll" -o "$obj" --systemmodule:"$assembly" --targetos:linux --targetarch:x64 -O \
      --nativelib --export-unmanaged-entrypoints --map:"$OUT/obj/$name.map.xml"
  fi
  IMAGE_OBJECTS+=("$obj")
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
  compile_image kernel "$ROOT/kernel" NooksKernel "$ROOT/nooks"
  assemble boot/entry.asm "$OUT/obj/entry.o"
  assemble boot/cpu.asm "$OUT/obj/cpu.o"
  assemble boot/interrupts.asm "$OUT/obj/interrupts.o"
  assemble boot/xpc.asm "$OUT/obj/xpc.o"
  assemble boot/switch.asm "$OUT/obj/switch.o"
  assemble boot/usermode.asm "$OUT/obj/usermode.o"
  assemble kernel/corelib/RuntimeStubs.asm "$OUT/obj/runtime.o"
  local objs=("$OUT/obj/entry.o" "$OUT/obj/cpu.o" "$OUT/obj/interrupts.o" "$OUT/obj/xpc.o" "$OUT/obj/switch.o" "$OUT/obj/usermode.o" "$OUT/obj/runtime.o" "$OUT/obj/kernel.o")
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

# Every drivers/NAME/ with a project is an extension: its own NativeAOT image, linked into a
# position-independent shared object out/ext/NAME that exports only its nx_* entry points and
# imports the kernel API (nk_*) by name, for the kernel's loader to bind. Each is a boot module.
build_extensions() {
  local version_script=$OUT/obj/extension.exports
  printf '{ global: nx_*; local: *; };\n' > "$version_script.new"
  cmp -s "$version_script.new" "$version_script" 2>/dev/null || mv "$version_script.new" "$version_script"
  rm -f "$version_script.new"
  mkdir -p "$OUT/ext"
  for project in drivers/*/*.csproj; do
    local dir; dir=$(dirname "$project")
    local name; name=$(basename "$dir")
    [ "$name" = runtime ] && continue
    compile_image "ext-$name" "$ROOT/$dir" "$name" "$ROOT/nooks/Api" "$ROOT/nooks/Generator" "$ROOT/drivers/runtime"
    # An extension may carry a few instructions C# cannot express, in its own .asm files.
    local objects=("$OUT/obj/ext-$name.o" "$OUT/obj/runtime.o")
    for source in "$dir"/*.asm; do
      [ -e "$source" ] || continue
      local asm_object; asm_object=$OUT/obj/ext-$name-$(basename "$source" .asm).o
      assemble "$source" "$asm_object"
      objects+=("$asm_object")
    done
    if newer "$OUT/ext/$name" "${objects[@]}" "$version_script"; then
      log "linking extension $name"
      ld -shared -Bsymbolic --hash-style=sysv -z noexecstack -z max-page-size=0x1000 -z text \
        --version-script="$version_script" -o "$OUT/ext/$name" "${objects[@]}"
    fi
    BOOT_MODULES+=" ext/$name"
  done
}

# Every directory under kernel/user/ except the shared runtime is a program. Each becomes a
# static position-independent executable out/user/NAME: ld resolves every symbol, so the only
# relocations left are R_X86_64_RELATIVE, which the kernel's loader applies at the load base.
# Each is a boot module; the kernel finds it by its base name (init, sh, ...).
build_user_programs() {
  mkdir -p "$OUT/obj/user" "$OUT/user"
  assemble kernel/user/runtime/UserEntry.asm "$OUT/obj/user/entry.o"
  local dir name
  for dir in kernel/user/*/; do
    name=$(basename "$dir")
    [ "$name" = runtime ] && continue
    compile_image "user-$name" "$ROOT/$dir" "$name" "$ROOT/kernel/user/runtime" "$ROOT/kernel/Abi"
    local objs=("$OUT/obj/user/entry.o" "$OUT/obj/runtime.o" "$OUT/obj/user-$name.o")
    if newer "$OUT/user/$name" "${objs[@]}"; then
      log "linking user/$name"
      ld -pie --no-dynamic-linker -e _start -z max-page-size=0x1000 -z separate-code -z noexecstack \
        -z norelro --hash-style=gnu -o "$OUT/user/$name" "${objs[@]}"
    fi
    BOOT_MODULES+=" user/$name"
    # A program's config files (agent.conf) ship beside it as boot modules of the same name,
    # which the program reads with the read_module system call.
    local conf
    for conf in "$dir"*.conf; do
      [ -e "$conf" ] || continue
      cp -p "$conf" "$OUT/user/$(basename "$conf")"
      BOOT_MODULES+=" user/$(basename "$conf")"
    done
  done
}

build_tools() {
  if newer "$NOOKS_TOOL" tools "$ROOT/kernel/Arch/QemuDebugExit.cs"; then
    log "building host tools"
    dotnet_build tools/Nooks.Cli "$OUT/tools"
  fi
}

nooks_tool() { dotnet "$NOOKS_TOOL" "$@"; }

# The kernel and every image object: no 64-bit code may address memory below RSP.
check_red_zone() {
  local stamp=$OUT/obj/red-zone.checked images=("$OUT/kernel.elf" "${IMAGE_OBJECTS[@]}")
  if newer "$stamp" "${images[@]}" "$NOOKS_TOOL"; then
    log "checking the red zone"
    nooks_tool check-redzone "${images[@]}"
    touch "$stamp"
  fi
}

# out/boot-modules.txt is how the host tools learn the module list: one path under out/ a line.
write_boot_modules_manifest() {
  local manifest=$OUT/boot-modules.txt content=""
  for m in $BOOT_MODULES; do content+="$m"$'\n'; done
  if [ ! -e "$manifest" ] || [ "$(cat "$manifest")"$'\n' != "$content"$'\n' ]; then
    printf '%s' "$content" > "$manifest"
  fi
}

build_iso() {
  local iso=$OUT/nooks.iso tree=$OUT/iso modules=()
  for m in $BOOT_MODULES; do modules+=("$OUT/$m"); done
  if newer "$iso" "$OUT/kernel.elf" boot/grub.cfg "$OUT/boot-modules.txt" ${modules[@]+"${modules[@]}"}; then
    log "making nooks.iso"
    rm -rf "$tree"
    mkdir -p "$tree/boot/grub" "$tree/boot/modules"
    cp "$OUT/kernel.elf" "$tree/boot/kernel.elf"
    local lines=""
    for m in $BOOT_MODULES; do
      cp "$OUT/$m" "$tree/boot/modules/"
      lines+="    module2 /boot/modules/$(basename "$m") $(basename "$m")"$'\n'
    done
    awk -v lines="$lines" '$1 == "@MODULE2_LINES@" { printf "%s", lines; next } { print }' boot/grub.cfg > "$tree/boot/grub/grub.cfg"
    mkdir -p "$OUT/log"
    grub-mkrescue -o "$iso" "$tree" >"$OUT/log/grub-mkrescue.log" 2>&1 || { cat "$OUT/log/grub-mkrescue.log" >&2; exit 1; }
  fi
}

# A FAT32 volume holding the files of disk/. QEMU may write to it during ./build.sh run; it is
# remade only when disk/ changes.
build_disk() {
  local disk=$OUT/disk.img
  if newer "$disk" disk; then
    log "making disk.img"
    rm -f "$disk"
    mkfs.vfat -C -F 32 -n "$DISK_LABEL" -S 512 -s 1 "$disk" "$DISK_SIZE_KIB" >/dev/null
    for f in disk/*; do mcopy -i "$disk" "$f" "::/$(basename "$f")"; done
  fi
}

build_all() {
  install_packages
  install_ilc
  mkdir -p "$OUT"
  build_kernel
  build_extensions
  build_user_programs
  build_tools
  check_red_zone
  write_boot_modules_manifest
  build_iso
  build_disk
}

# Runs every suite (a failing one does not stop the others), then prints the one closing line.
run_tests() {
  local results=$OUT/test-results outcomes=()
  rm -rf "$results"
  for suite in "${TEST_SUITES[@]}"; do
    log "testing $suite"
    local code=0
    dotnet test "tests/$suite" -c Release -nologo --results-directory "$results" \
      --logger "trx;LogFileName=$suite.trx" --logger "console;verbosity=normal" || code=$?
    outcomes+=("$suite=$code")
  done
  nooks_tool test-summary --results "$results" "${outcomes[@]}"
}

cmd=${1:-build}
[ $# -gt 0 ] && shift
case $cmd in
  build) build_all ;;
  run) build_all; exec dotnet "$NOOKS_TOOL" run "$@" ;;
  test) build_all; run_tests ;;
  bench) build_all; exec dotnet "$NOOKS_TOOL" bench "$@" ;;
  clean) rm -rf "$OUT" ;;
  *) echo "usage: $0 [build|run|test|bench boot|bench nooks|bench faults|clean]" >&2; exit 2 ;;
esac
