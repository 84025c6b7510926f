namespace Nooks.Kernel.Elf
{
    // One program header. Addresses are relative to the load base (the images are
    // position-independent); for a PT_LOAD segment ElfValidator has checked every field.
    public struct ElfSegment
    {
        public uint Type;
        public uint Flags;
        public ulong FileOffset;
        public ulong VirtualAddress;
        public ulong FileSize;
        public ulong MemorySize;
        public ulong Alignment;

        public bool Writable => (Flags & ElfFormat.PfWrite) != 0;
        public bool Executable => (Flags & ElfFormat.PfExecute) != 0;
        public ulong End => VirtualAddress + MemorySize;
    }
}
