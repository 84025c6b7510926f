#nullable enable
using System;

namespace Nooks.Kernel.Elf
{
    // The checks every image the kernel loads passes before any of it is used, ring-3 programs
    // (Processes.ElfImage) and extensions (Nooks.Loader.ElfSharedObject) alike: an x86-64 ELF64
    // position-independent file whose program header table and loadable segments lie inside the
    // file and inside the image's span, no segment writable and executable, none sharing a page
    // with another (each page gets one protection), each placed as its alignment says. A bad
    // image gets a sentence saying what is wrong; no input makes these throw.
    public static class ElfValidator
    {
        public const int MaxProgramHeaders = 64;
        private const ulong PageSize = 4096;
        private const ulong BytesPerMiB = 1024 * 1024;

        // Null if the header and every PT_LOAD segment are good, else why not. imageEnd is the
        // offset from the load base of the end of the highest segment.
        public static string? Validate(ReadOnlySpan<byte> file, int maxSegments, ulong maxImageSize, out ElfHeader header, out ulong imageEnd)
        {
            imageEnd = 0;
            return CheckHeader(file, out header) ?? CheckLoadSegments(file, header, maxSegments, maxImageSize, out imageEnd);
        }

        public static string? CheckHeader(ReadOnlySpan<byte> file, out ElfHeader header)
        {
            header = default;
            if (file.Length < ElfFormat.HeaderSize) return $"{file.Length} bytes is too short for an ELF header";
            if (ElfFormat.U32(file, 0) != ElfFormat.Magic) return "not an ELF file (bad magic)";
            if (file[ElfFormat.IdentClass] != ElfFormat.Class64) return "not a 64-bit ELF file (ELF64)";
            if (file[ElfFormat.IdentData] != ElfFormat.LittleEndian) return "not a little-endian ELF file";
            if (file[ElfFormat.IdentVersion] != ElfFormat.CurrentVersion) return "unknown ELF version";
            ushort machine = ElfFormat.U16(file, ElfFormat.MachineOffset), type = ElfFormat.U16(file, ElfFormat.TypeOffset);
            if (machine != ElfFormat.MachineX86_64) return $"built for machine {machine}, not x86-64";
            if (type != ElfFormat.TypeSharedObject) return $"ELF type {type} is not a position-independent executable or shared object (ET_DYN)";

            ulong offset = ElfFormat.U64(file, ElfFormat.ProgramHeaderTableOffset);
            ushort entrySize = ElfFormat.U16(file, ElfFormat.ProgramHeaderEntrySizeOffset);
            ushort count = ElfFormat.U16(file, ElfFormat.ProgramHeaderCountOffset);
            if (entrySize != ElfFormat.ProgramHeaderSize) return $"program header size {entrySize}, expected {ElfFormat.ProgramHeaderSize}";
            if (count == 0 || count > MaxProgramHeaders) return $"{count} program headers (1 to {MaxProgramHeaders} allowed)";
            if (!ElfFormat.InFile(file, offset, (ulong)count * ElfFormat.ProgramHeaderSize)) return "program headers lie outside the file";
            header = new ElfHeader
            {
                Entry = ElfFormat.U64(file, ElfFormat.EntryOffset),
                ProgramHeaderOffset = offset,
                ProgramHeaderCount = count,
            };
            return null;
        }

        // Program header `index` of a file whose header passed CheckHeader.
        public static ElfSegment ProgramHeader(ReadOnlySpan<byte> file, in ElfHeader header, int index)
        {
            ReadOnlySpan<byte> ph = file.Slice((int)header.ProgramHeaderOffset + index * ElfFormat.ProgramHeaderSize, ElfFormat.ProgramHeaderSize);
            return new ElfSegment
            {
                Type = ElfFormat.U32(ph, 0),
                Flags = ElfFormat.U32(ph, 4),
                FileOffset = ElfFormat.U64(ph, 8),
                VirtualAddress = ElfFormat.U64(ph, 16),
                FileSize = ElfFormat.U64(ph, 32),
                MemorySize = ElfFormat.U64(ph, 40),
                Alignment = ElfFormat.U64(ph, 48),
            };
        }

        public static string? CheckLoadSegments(ReadOnlySpan<byte> file, in ElfHeader header, int maxSegments, ulong maxImageSize, out ulong imageEnd)
        {
            imageEnd = 0;
            int loads = 0;
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ElfSegment s = ProgramHeader(file, header, i);
                if (s.Type != ElfFormat.PtLoad) continue;
                if (++loads > maxSegments) return $"more than {maxSegments} loadable segments";
                string? error = CheckBounds(file, s, i, maxImageSize);
                if (error != null) return error;
                // Earlier segments passed CheckBounds, so their ends do not overflow.
                for (int j = 0; j < i; j++)
                {
                    ElfSegment other = ProgramHeader(file, header, j);
                    if (other.Type == ElfFormat.PtLoad && SharePages(s, other))
                        return $"segment {i} at {s.VirtualAddress:x} shares pages with segment {j} at {other.VirtualAddress:x}";
                }
                error = CheckAlignment(s, i);
                if (error != null) return error;
                if (s.End > imageEnd) imageEnd = s.End;
            }
            return loads == 0 ? "no loadable segments" : null;
        }

        private static string? CheckBounds(ReadOnlySpan<byte> file, in ElfSegment s, int i, ulong maxImageSize)
        {
            if (!ElfFormat.InFile(file, s.FileOffset, s.FileSize)) return $"segment {i} lies outside the file";
            if (s.FileSize > s.MemorySize) return $"segment {i} has more file bytes than memory bytes";
            if (s.MemorySize == 0) return $"segment {i} is empty";
            if (s.VirtualAddress >= maxImageSize || s.MemorySize > maxImageSize - s.VirtualAddress)
                return $"segment {i} at {s.VirtualAddress:x} (+{s.MemorySize:x}) exceeds the {maxImageSize / BytesPerMiB} MiB image limit";
            if (s.Writable && s.Executable) return $"segment {i} is both writable and executable";
            return null;
        }

        // The gABI's rule for loadable segments: address and file offset agree modulo the alignment.
        private static string? CheckAlignment(in ElfSegment s, int i)
        {
            if (s.Alignment <= 1) return null;
            if ((s.Alignment & (s.Alignment - 1)) != 0) return $"segment {i} has alignment {s.Alignment:x}, not a power of two";
            if (((s.FileOffset ^ s.VirtualAddress) & (s.Alignment - 1)) != 0)
                return $"segment {i} is misaligned: file offset {s.FileOffset:x} and address {s.VirtualAddress:x} differ modulo its alignment {s.Alignment:x}";
            return null;
        }

        private static bool SharePages(in ElfSegment a, in ElfSegment b) =>
            PageDown(a.VirtualAddress) < PageUp(b.End) && PageDown(b.VirtualAddress) < PageUp(a.End);

        private static ulong PageDown(ulong a) => a & ~(PageSize - 1);
        private static ulong PageUp(ulong a) => (a + PageSize - 1) & ~(PageSize - 1);
    }
}
