using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Memory
{
    // A 4-level page table. Table pages are reached through the identity map of RAM, so a
    // physical address of a table is also where the kernel reads it.
    public sealed unsafe class AddressSpace
    {
        public const ulong AddressMask = 0x000FFFFFFFFFF000;
        private const ulong LeafFlagMask = ~AddressMask;
        private const int EntriesPerTable = 512;
        private const ulong TableFlags = (ulong)(PageFlags.Present | PageFlags.Writable);
        public const ulong NotMapped = ulong.MaxValue;

        public readonly ulong Root;

        public static AddressSpace Kernel { get; private set; }

        private AddressSpace(ulong root) { Root = root; }

        public static AddressSpace CreateEmpty() => new AddressSpace(NewTable());

        private static ulong NewTable()
        {
            ulong phys = FrameAllocator.Allocate();
            if (phys == 0) Panic.Halt("out of memory for page tables");
            ulong* t = (ulong*)phys;
            for (int i = 0; i < EntriesPerTable; i++) t[i] = 0;
            return phys;
        }

        public static void SetKernel(AddressSpace space) => Kernel = space;

        private static int Index(ulong virt, int level) => (int)((virt >> (12 + 9 * level)) & 0x1FF);

        // The table entry for virt at the given level (0 = page table), creating tables on the way.
        private ulong* Walk(ulong virt, int level, bool create, bool user)
        {
            ulong* table = (ulong*)Root;
            for (int l = 3; l > level; l--)
            {
                ulong* entry = &table[Index(virt, l)];
                if ((*entry & (ulong)PageFlags.Present) == 0)
                {
                    if (!create) return null;
                    *entry = NewTable() | TableFlags | (user ? (ulong)PageFlags.User : 0);
                }
                else if ((*entry & (ulong)PageFlags.Large) != 0) return null;
                else if (user) *entry |= (ulong)PageFlags.User;
                table = (ulong*)(*entry & AddressMask);
            }
            return &table[Index(virt, level)];
        }

        public void Map(ulong virt, ulong phys, PageFlags flags)
        {
            ulong* e = Walk(virt, 0, true, (flags & PageFlags.User) != 0);
            if (e == null) Panic.Halt($"map {virt:x}: inside a large page");
            Replace(e, virt, (phys & AddressMask) | (ulong)flags | (ulong)PageFlags.Present);
        }

        public void MapLarge(ulong virt, ulong phys, PageFlags flags)
        {
            ulong* e = Walk(virt, 1, true, (flags & PageFlags.User) != 0);
            *e = (phys & AddressMask) | (ulong)flags | (ulong)(PageFlags.Present | PageFlags.Large);
        }

        // Removes a 4 KiB mapping and returns the frame it pointed at (NotMapped if none).
        public ulong Unmap(ulong virt)
        {
            ulong* e = Walk(virt, 0, false, false);
            if (e == null || (*e & (ulong)PageFlags.Present) == 0) return NotMapped;
            ulong phys = *e & AddressMask;
            Replace(e, virt, 0);
            return phys;
        }

        // A translation that was present may be cached: under PCID 0 (the kernel's and every
        // process's, which leaving a domain keeps, so not only while this space is live) and under
        // any other PCID, which only a new generation reaches (TlbTag). A translation that was not
        // present is never cached. Interrupts stay off so that no domain is entered between the
        // change and the new generation.
        private void Replace(ulong* entry, ulong virt, ulong value)
        {
            ulong interrupts = Cpu.SaveAndDisableInterrupts();
            ulong old = *entry;
            *entry = value;
            if ((old & (ulong)PageFlags.Present) != 0)
            {
                TranslationGeneration.Advance();
                if (this == Kernel || Pcids.Enabled || Cpu.ReadCr3() == Root) Cpu.InvalidatePage(virt);
            }
            Cpu.RestoreInterrupts(interrupts);
        }

        public ulong Translate(ulong virt) => Translate(virt, out _);

        public ulong Translate(ulong virt, out PageFlags flags)
        {
            flags = PageFlags.None;
            ulong* table = (ulong*)Root;
            for (int l = 3; l >= 0; l--)
            {
                ulong entry = table[Index(virt, l)];
                if ((entry & (ulong)PageFlags.Present) == 0) return NotMapped;
                if (l == 0 || (entry & (ulong)PageFlags.Large) != 0)
                {
                    flags = (PageFlags)(entry & LeafFlagMask);
                    ulong pageMask = (1UL << (12 + 9 * l)) - 1;
                    return (entry & AddressMask & ~pageMask) | (virt & pageMask);
                }
                table = (ulong*)(entry & AddressMask);
            }
            return NotMapped;
        }

        // Shares a top-level slot with another space (the kernel half of a process).
        public void ShareTopLevel(AddressSpace from, int index) => ((ulong*)Root)[index] = ((ulong*)from.Root)[index];

        public ulong TopLevelEntry(int index) => ((ulong*)Root)[index];

        public void SetTopLevel(int index, ulong entry) => ((ulong*)Root)[index] = entry;

        // Gives a top-level slot its (empty) table now, so that address spaces that copy the
        // kernel's top-level entries when they are made (processes) see what is mapped there later.
        public void CreateTopLevel(int index)
        {
            ulong* pml4 = (ulong*)Root;
            if ((pml4[index] & (ulong)PageFlags.Present) == 0) pml4[index] = NewTable() | TableFlags;
        }

        // Frees every table page and the root, but no mapped frame: for spaces whose frames are
        // owned and freed elsewhere. Shared slots must be cleared first.
        public void DestroyTables()
        {
            ulong* pml4 = (ulong*)Root;
            for (int i = 0; i < EntriesPerTable; i++)
                if ((pml4[i] & (ulong)PageFlags.Present) != 0) FreeTables(pml4[i] & AddressMask, 2);
            FrameAllocator.Free(Root);
        }

        private static void FreeTables(ulong table, int level)
        {
            ulong* t = (ulong*)table;
            if (level > 0)
                for (int i = 0; i < EntriesPerTable; i++)
                    if ((t[i] & (ulong)PageFlags.Present) != 0 && (t[i] & (ulong)PageFlags.Large) == 0)
                        FreeTables(t[i] & AddressMask, level - 1);
            FrameAllocator.Free(table);
        }

        public void Activate() => Cpu.WriteCr3(Root);

        // Frees the tables under top-level slots [firstIndex, endIndex), the user frames they map,
        // and the root itself. Shared kernel slots must lie outside the range, and the space must
        // not be live. With PCIDs, PCID 0 may still hold its entries (a return from a domain to
        // the kernel's tables keeps them): they go before the frames do.
        public void Destroy(int firstIndex, int endIndex)
        {
            if (Pcids.Enabled) Pcids.FlushKernelTag();
            ulong* pml4 = (ulong*)Root;
            for (int i = firstIndex; i < endIndex; i++)
            {
                if ((pml4[i] & (ulong)PageFlags.Present) == 0) continue;
                FreeTree(pml4[i] & AddressMask, 2);
                pml4[i] = 0;
            }
            FrameAllocator.Free(Root);
        }

        private static void FreeTree(ulong table, int level)
        {
            ulong* t = (ulong*)table;
            for (int i = 0; i < EntriesPerTable; i++)
            {
                ulong e = t[i];
                if ((e & (ulong)PageFlags.Present) == 0) continue;
                if (level == 0) { if ((e & (ulong)PageFlags.User) != 0) FrameAllocator.Free(e & AddressMask); }
                else if ((e & (ulong)PageFlags.Large) == 0) FreeTree(e & AddressMask, level - 1);
            }
            FrameAllocator.Free(table);
        }
    }
}
