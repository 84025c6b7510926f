namespace Nooks.Loader
{
    // ELF64 constants the extension loader needs beyond the header and program headers
    // (kernel/Elf/ElfFormat): dynamic section, symbols, relocations, sections (System V gABI and
    // the x86-64 psABI).
    public static class Elf
    {
        public const int SectionHeaderSize = 64;
        public const int SymbolSize = 24;
        public const int RelaSize = 24;
        public const int DynamicEntrySize = 16;

        public const long DtNull = 0, DtHash = 4, DtStrtab = 5, DtSymtab = 6, DtRela = 7, DtRelasz = 8,
            DtRelaent = 9, DtStrsz = 10, DtSyment = 11, DtPltrelsz = 2, DtJmprel = 23, DtPltrel = 20, DtTextrel = 22;

        public const uint RX86_64_None = 0, RX86_64_64 = 1, RX86_64_GlobDat = 6, RX86_64_JumpSlot = 7, RX86_64_Relative = 8;

        public const ushort ShnUndef = 0;
    }
}
