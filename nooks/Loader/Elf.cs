namespace Nooks.Loader
{
    // ELF64 constants used by the extension loader (System V gABI and the x86-64 psABI).
    public static class Elf
    {
        public const uint Magic = 0x464C457F;          // "\x7FELF"
        public const byte Class64 = 2;
        public const byte LittleEndian = 1;
        public const ushort TypeSharedObject = 3;
        public const ushort MachineX86_64 = 62;
        public const int HeaderSize = 64;
        public const int ProgramHeaderSize = 56;
        public const int SectionHeaderSize = 64;
        public const int SymbolSize = 24;
        public const int RelaSize = 24;
        public const int DynamicEntrySize = 16;

        public const uint PtLoad = 1, PtDynamic = 2;
        public const uint PfExecute = 1, PfWrite = 2, PfRead = 4;

        public const long DtNull = 0, DtHash = 4, DtStrtab = 5, DtSymtab = 6, DtRela = 7, DtRelasz = 8,
            DtRelaent = 9, DtStrsz = 10, DtSyment = 11, DtPltrelsz = 2, DtJmprel = 23, DtPltrel = 20, DtTextrel = 22;

        public const uint RX86_64_None = 0, RX86_64_64 = 1, RX86_64_GlobDat = 6, RX86_64_JumpSlot = 7, RX86_64_Relative = 8;

        public const ushort ShnUndef = 0;
    }
}
