#nullable enable
using System;
using Nooks.Kernel.Elf;

namespace Nooks.Kernel.Processes
{
    // A static position-independent ELF64 executable for x86-64, checked completely before the
    // loader uses any of it: every offset, size and address it reports lies inside the file or
    // inside the image's span. The header and loadable segments are checked by ElfValidator, as
    // extension images are; anything else the loader cannot honour (a dynamic linker, imports,
    // relocations other than R_X86_64_RELATIVE) is refused here with a reason.
    // Plain spans and integers only, so that the host tests compile it against .NET.
    public sealed class ElfImage
    {
        public const int MaxSegments = 16;
        public const ulong MaxImageSize = 64UL * 1024 * 1024;
        private const ulong PageSize = 4096;

        private const int DynamicEntrySize = 16;
        public const int RelocationEntrySize = 24;

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
            string? error = ElfValidator.Validate(file, MaxSegments, MaxImageSize, out ElfHeader header, out ulong imageEnd);
            if (error != null) return error;

            ulong dynamicOffset = 0, dynamicSize = 0;
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ElfSegment ph = ElfValidator.ProgramHeader(file, header, i);
                if (ph.Type == ElfFormat.PtInterp) return "needs a dynamic linker (PT_INTERP); link with --no-dynamic-linker";
                if (ph.Type == ElfFormat.PtDynamic)
                {
                    if (!ElfFormat.InFile(file, ph.FileOffset, ph.FileSize)) return "dynamic section lies outside the file";
                    dynamicOffset = ph.FileOffset; dynamicSize = ph.FileSize;
                }
                else if (ph.Type == ElfFormat.PtLoad) Segments[SegmentCount++] = ph;
            }
            ImageSize = PageUp(imageEnd);
            if (!Inside(header.Entry, 1, true)) return $"entry point {header.Entry:x} is not in an executable segment";
            Entry = header.Entry;
            return dynamicSize == 0 ? null : ValidateDynamic(file, file.Slice((int)dynamicOffset, (int)dynamicSize));
        }

        private string? ValidateDynamic(ReadOnlySpan<byte> file, ReadOnlySpan<byte> dynamic)
        {
            ulong rela = 0, relaSize = 0, relaEntrySize = RelocationEntrySize;
            bool haveRela = false;
            for (int o = 0; o + DynamicEntrySize <= dynamic.Length; o += DynamicEntrySize)
            {
                long tag = (long)ElfFormat.U64(dynamic, o);
                ulong value = ElfFormat.U64(dynamic, o + 8);
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
                ulong offset = ElfFormat.U64(r, 0);
                uint kind = (uint)ElfFormat.U64(r, 8);
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

        private static ulong PageUp(ulong a) => (a + PageSize - 1) & ~(PageSize - 1);
    }
}
