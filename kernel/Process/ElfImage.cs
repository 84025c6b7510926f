#nullable enable
using System;

namespace Nooks.Kernel.Processes
{
    // One PT_LOAD segment of a validated image, relative to the load base.
    public struct ElfSegment
    {
        public ulong VirtualAddress;
        public ulong MemorySize;
        public ulong FileOffset;
        public ulong FileSize;
        public bool Writable;
        public bool Executable;
    }

    // A static position-independent ELF64 executable for x86-64, checked completely before the
    // loader uses any of it: every offset, size and address it reports lies inside the file or
    // inside the image's span. Anything the loader cannot honour (a dynamic linker, imports,
    // relocations other than R_X86_64_RELATIVE, writable code) is refused with a reason.
    // Plain spans and integers only, so that the host tests compile it against .NET.
    public sealed class ElfImage
    {
        public const int MaxSegments = 16;
        public const ulong MaxImageSize = 64UL * 1024 * 1024;
        private const ulong PageSize = 4096;

        private const int HeaderSize = 64;
        private const int ProgramHeaderSize = 56;
        private const int DynamicEntrySize = 16;
        public const int RelocationEntrySize = 24;
        private const byte ClassElf64 = 2, DataLittleEndian = 1, CurrentVersion = 1;
        private const ushort TypeSharedObject = 3, MachineX86_64 = 62;
        private const int MaxProgramHeaders = 64;

        private const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3;
        private const uint FlagExecute = 1, FlagWrite = 2;
        private const long DtNull = 0, DtNeeded = 1, DtPltRelSize = 2, DtRela = 7, DtRelaSize = 8, DtRelaEntrySize = 9;
        private const long DtRel = 17, DtTextRel = 22, DtJmpRel = 23;
        public const uint RelocationNone = 0, RelocationRelative = 8;

        public readonly ElfSegment[] Segments = new ElfSegment[MaxSegments];
        public int SegmentCount { get; private set; }
        public ulong Entry { get; private set; }
        // Bytes from the load base to the end of the last segment, rounded up to a page.
        public ulong ImageSize { get; private set; }
        // R_X86_64_RELATIVE entries: file offset of the table and entry count (0 if none).
        public ulong RelocationsOffset { get; private set; }
        public int RelocationCount { get; private set; }
        // Why the image was refused; null if it is valid.
        public string? Error { get; private set; }

        public static ElfImage Parse(ReadOnlySpan<byte> file)
        {
            var image = new ElfImage();
            image.Error = image.Validate(file);
            return image;
        }

        private string? Validate(ReadOnlySpan<byte> file)
        {
            if (file.Length < HeaderSize) return $"{file.Length} bytes is too short for an ELF header";
            if (file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F') return "not an ELF file (bad magic)";
            if (file[4] != ClassElf64) return "not a 64-bit ELF file";
            if (file[5] != DataLittleEndian) return "not a little-endian ELF file";
            if (file[6] != CurrentVersion) return "unknown ELF version";
            ushort type = U16(file, 16), machine = U16(file, 18);
            if (machine != MachineX86_64) return $"built for machine {machine}, not x86-64";
            if (type != TypeSharedObject) return $"ELF type {type} is not a position-independent executable (ET_DYN)";

            ulong entry = U64(file, 24), phoff = U64(file, 32);
            ushort phentsize = U16(file, 54), phnum = U16(file, 56);
            if (phentsize != ProgramHeaderSize) return $"program header size {phentsize}, expected {ProgramHeaderSize}";
            if (phnum == 0 || phnum > MaxProgramHeaders) return $"{phnum} program headers (1 to {MaxProgramHeaders} allowed)";
            if (!InFile(file, phoff, (ulong)phnum * ProgramHeaderSize)) return "program headers lie outside the file";

            ulong dynamicOffset = 0, dynamicSize = 0;
            for (int i = 0; i < phnum; i++)
            {
                ReadOnlySpan<byte> ph = file.Slice((int)phoff + i * ProgramHeaderSize, ProgramHeaderSize);
                uint kind = U32(ph, 0), flags = U32(ph, 4);
                ulong offset = U64(ph, 8), vaddr = U64(ph, 16), filesz = U64(ph, 32), memsz = U64(ph, 40);
                if (kind == PtInterp) return "needs a dynamic linker (PT_INTERP); link with --no-dynamic-linker";
                if (kind == PtDynamic)
                {
                    if (!InFile(file, offset, filesz)) return "dynamic section lies outside the file";
                    dynamicOffset = offset; dynamicSize = filesz;
                    continue;
                }
                if (kind != PtLoad) continue;

                if (SegmentCount == MaxSegments) return $"more than {MaxSegments} loadable segments";
                if (!InFile(file, offset, filesz)) return $"segment {i} lies outside the file";
                if (filesz > memsz) return $"segment {i} has more file bytes than memory bytes";
                if (memsz == 0) return $"segment {i} is empty";
                if (vaddr >= MaxImageSize || memsz > MaxImageSize - vaddr) return $"segment {i} at {vaddr:x} (+{memsz:x}) exceeds the {MaxImageSize / (1024 * 1024)} MiB image limit";
                bool writable = (flags & FlagWrite) != 0, executable = (flags & FlagExecute) != 0;
                if (writable && executable) return $"segment {i} is both writable and executable";
                for (int s = 0; s < SegmentCount; s++)
                {
                    ElfSegment other = Segments[s];
                    if (PageDown(vaddr) < PageUp(other.VirtualAddress + other.MemorySize) && PageDown(other.VirtualAddress) < PageUp(vaddr + memsz))
                        return $"segment {i} at {vaddr:x} shares pages with the segment at {other.VirtualAddress:x}";
                }
                Segments[SegmentCount++] = new ElfSegment
                {
                    VirtualAddress = vaddr, MemorySize = memsz, FileOffset = offset, FileSize = filesz,
                    Writable = writable, Executable = executable,
                };
                if (PageUp(vaddr + memsz) > ImageSize) ImageSize = PageUp(vaddr + memsz);
            }
            if (SegmentCount == 0) return "no loadable segments";
            if (!Inside(entry, 1, true)) return $"entry point {entry:x} is not in an executable segment";
            Entry = entry;
            return dynamicSize == 0 ? null : ValidateDynamic(file, file.Slice((int)dynamicOffset, (int)dynamicSize));
        }

        private string? ValidateDynamic(ReadOnlySpan<byte> file, ReadOnlySpan<byte> dynamic)
        {
            ulong rela = 0, relaSize = 0, relaEntrySize = RelocationEntrySize;
            bool haveRela = false;
            for (int o = 0; o + DynamicEntrySize <= dynamic.Length; o += DynamicEntrySize)
            {
                long tag = (long)U64(dynamic, o);
                ulong value = U64(dynamic, o + 8);
                if (tag == DtNull) break;
                switch (tag)
                {
                    case DtNeeded: return "needs shared libraries (DT_NEEDED)";
                    case DtJmpRel: case DtPltRelSize: return "has imports bound through the PLT";
                    case DtRel: return "uses REL relocations; only RELA is supported";
                    case DtTextRel: return "has relocations in its code (DT_TEXTREL)";
                    case DtRela: rela = value; haveRela = true; break;
                    case DtRelaSize: relaSize = value; break;
                    case DtRelaEntrySize: relaEntrySize = value; break;
                }
            }
            if (!haveRela || relaSize == 0) return null;
            if (relaEntrySize != RelocationEntrySize) return $"relocation entry size {relaEntrySize}, expected {RelocationEntrySize}";
            if (relaSize % RelocationEntrySize != 0) return "relocation table size is not a whole number of entries";
            ulong tableOffset = FileOffsetOf(rela, relaSize);
            if (tableOffset == ulong.MaxValue) return $"relocation table at {rela:x} is not in the file part of a segment";

            int count = (int)(relaSize / RelocationEntrySize);
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> r = file.Slice((int)tableOffset + i * RelocationEntrySize, RelocationEntrySize);
                ulong offset = U64(r, 0);
                uint kind = (uint)U64(r, 8);
                if (kind == RelocationNone) continue;
                if (kind != RelocationRelative) return $"relocation {i} has type {kind}; only R_X86_64_RELATIVE is supported";
                if (!Inside(offset, sizeof(ulong), false)) return $"relocation {i} targets {offset:x}, outside the image's segments";
            }
            RelocationsOffset = tableOffset;
            RelocationCount = count;
            return null;
        }

        // True if [address, address + length) lies in one segment (an executable one if asked).
        private bool Inside(ulong address, ulong length, bool executable)
        {
            for (int s = 0; s < SegmentCount; s++)
            {
                ElfSegment seg = Segments[s];
                if (executable && !seg.Executable) continue;
                if (address >= seg.VirtualAddress && length <= seg.MemorySize && address - seg.VirtualAddress <= seg.MemorySize - length) return true;
            }
            return false;
        }

        // The file offset of [address, address + length) if it lies in one segment's file bytes.
        private ulong FileOffsetOf(ulong address, ulong length)
        {
            for (int s = 0; s < SegmentCount; s++)
            {
                ElfSegment seg = Segments[s];
                if (address >= seg.VirtualAddress && length <= seg.FileSize && address - seg.VirtualAddress <= seg.FileSize - length)
                    return seg.FileOffset + (address - seg.VirtualAddress);
            }
            return ulong.MaxValue;
        }

        private static bool InFile(ReadOnlySpan<byte> file, ulong offset, ulong length) =>
            offset <= (ulong)file.Length && length <= (ulong)file.Length - offset;

        private static ulong PageDown(ulong a) => a & ~(PageSize - 1);
        private static ulong PageUp(ulong a) => (a + PageSize - 1) & ~(PageSize - 1);

        public static ushort U16(ReadOnlySpan<byte> b, int o) => (ushort)(b[o] | b[o + 1] << 8);
        public static uint U32(ReadOnlySpan<byte> b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        public static ulong U64(ReadOnlySpan<byte> b, int o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
    }
}
