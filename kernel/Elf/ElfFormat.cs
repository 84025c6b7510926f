using System;

namespace Nooks.Kernel.Elf
{
    // The parts of the ELF64 format (System V gABI, x86-64 psABI) that ring-3 programs and
    // extension images share, and little-endian reads from a file. Spans and integers only, so
    // that the host tests compile it against .NET.
    public static class ElfFormat
    {
        public const int HeaderSize = 64;
        public const int ProgramHeaderSize = 56;
        public const byte Class64 = 2, LittleEndian = 1, CurrentVersion = 1;
        public const ushort TypeSharedObject = 3;
        public const ushort MachineX86_64 = 62;

        // Header field offsets.
        public const int IdentClass = 4, IdentData = 5, IdentVersion = 6;
        public const int TypeOffset = 16, MachineOffset = 18, EntryOffset = 24, ProgramHeaderTableOffset = 32;
        public const int ProgramHeaderEntrySizeOffset = 54, ProgramHeaderCountOffset = 56;

        public const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3;
        public const uint PfExecute = 1, PfWrite = 2;

        public const uint Magic = 0x464C457F;          // "\x7FELF" read little-endian

        // True if [offset, offset + length) lies inside the file; never overflows.
        public static bool InFile(ReadOnlySpan<byte> file, ulong offset, ulong length) =>
            offset <= (ulong)file.Length && length <= (ulong)file.Length - offset;

        public static ushort U16(ReadOnlySpan<byte> b, int o) => (ushort)(b[o] | b[o + 1] << 8);
        public static uint U32(ReadOnlySpan<byte> b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        public static ulong U64(ReadOnlySpan<byte> b, int o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
    }
}
