namespace Nooks.Kernel.Elf
{
    // The ELF header fields a loader uses once ElfValidator has checked them.
    public struct ElfHeader
    {
        public ulong Entry;
        public ulong ProgramHeaderOffset;
        public int ProgramHeaderCount;
    }
}
