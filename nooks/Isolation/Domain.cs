using Nooks.Extensions;
using Nooks.Kernel.Memory;
using Nooks.Tracking;

namespace Nooks.Isolation
{
    // A lightweight protection domain: the kernel's address space seen through page tables in
    // which all kernel memory is read-only (kernel text stays executable), the interrupt stacks
    // stay writable (the CPU pushes exception frames there whatever tables are live), and of the
    // extension area only this domain's own image, heap, stacks and device mappings are mapped.
    // Other domains' memory is simply absent.
    public sealed unsafe class Domain
    {
        public const int StackCount = 4;
        public const ulong StackSize = 64 * 1024;

        public readonly int Id;
        public readonly Extension Owner;
        public readonly AddressSpace Space;
        private readonly ulong[] stackTops = new ulong[StackCount];
        private readonly bool[] stackInUse = new bool[StackCount];
        public int LocksHeld;
        public readonly DeferredQueue Deferred = new DeferredQueue();
        private TlbTag tlb;
        private readonly ulong ringFrame;
        // The domain's deferred-call ring, as the kernel reaches it (identity-mapped).
        public readonly DeferredRing* Ring;

        // The root of the domain's tables: a CR3 value read inside the domain, less its PCID.
        public ulong Root => Space.Root;
        public ObjectTracker Tracker => Owner.Tracker;

        // The lower half as every domain sees it (KernelPaging.BuildDomainView).
        private static AddressSpace View;

        public static void BuildView() =>
            View = KernelPaging.BuildDomainView(Kernel.Kmain.Boot, FrameAllocator.ExtensionZoneStart, FrameAllocator.ExtensionZoneEnd);

        public Domain(int id, Extension owner)
        {
            Id = id;
            Owner = owner;
            Space = AddressSpace.CreateEmpty();
            AddressSpace kernel = AddressSpace.Kernel;
            Space.SetTopLevel(0, View.TopLevelEntry(0) & ~(ulong)PageFlags.Writable);
            Space.SetTopLevel(KernelStacks.ThreadAreaTopLevelIndex, kernel.TopLevelEntry(KernelStacks.ThreadAreaTopLevelIndex) & ~(ulong)PageFlags.Writable);
            Space.SetTopLevel(KernelStacks.InterruptAreaTopLevelIndex, kernel.TopLevelEntry(KernelStacks.InterruptAreaTopLevelIndex));
            tlb = Pcids.NewTag();
            ringFrame = FrameAllocator.Allocate(1, FrameZone.Extensions);
            if (ringFrame == 0) Kernel.Panic.Halt("no frame for a domain's deferred-call ring");
            Ring = (DeferredRing*)ringFrame;
            *Ring = default;
            Space.Map(DeferredRing.DomainAddress, ringFrame, PageFlags.KernelData);
        }

        // The CR3 value that enters the domain now: its own PCID, keeping the TLB entries tagged
        // with it unless a translation changed since they were last flushed. Load it with
        // interrupts off from here on, so that nothing changes in between.
        public ulong EnterCr3() => Pcids.Enabled ? tlb.EnterCr3(Space.Root, TranslationGeneration.Current) : Space.Root;

        // Maps a page of the extension area into this domain (the kernel maps it separately).
        public void Map(ulong virt, ulong phys, PageFlags flags) => Space.Map(virt, phys, flags);
        public void Unmap(ulong virt) => Space.Unmap(virt);

        public void CreateStacks()
        {
            for (int i = 0; i < StackCount; i++)
            {
                ulong bottom = ExtensionArea.Reserve(StackSize);   // the gap after it is the guard page
                ExtensionMemory.MapFresh(Owner, bottom, StackSize / PageSize.Small, PageFlags.KernelData);
                stackTops[i] = bottom + StackSize;
            }
        }

        public void ReleaseStacks()
        {
            for (int i = 0; i < StackCount; i++)
                if (stackTops[i] != 0)
                {
                    ExtensionMemory.Unmap(Owner, stackTops[i] - StackSize, StackSize / PageSize.Small);
                    stackTops[i] = 0;
                }
        }

        public int TakeStack()
        {
            for (int i = 0; i < StackCount; i++)
                if (!stackInUse[i]) { stackInUse[i] = true; return i; }
            return -1;
        }

        public int StacksInUse
        {
            get
            {
                int n = 0;
                for (int i = 0; i < StackCount; i++) if (stackInUse[i]) n++;
                return n;
            }
        }

        public ulong StackTop(int index) => stackTops[index];
        public void ReturnStack(int index) { if (index >= 0) stackInUse[index] = false; }

        public bool OwnsStackAddress(ulong address)
        {
            for (int i = 0; i < StackCount; i++)
                if (address < stackTops[i] && address >= stackTops[i] - StackSize) return true;
            return false;
        }

        // What a domain may hand the kernel to read: its own memory (image, heap, stacks,
        // mailbox, packets and device mappings it was given), never kernel memory or another
        // domain's, although the domain's tables let it read those itself.
        public bool CanRead(void* pointer, long length) => Check((ulong)pointer, length, false);

        // What a domain may have the kernel write: its own memory where it may write itself.
        public bool CanWrite(void* pointer, long length) => Check((ulong)pointer, length, true);

        private bool Check(ulong start, long length, bool write)
        {
            if (length < 0 || start == 0) return false;
            if (length == 0) return true;
            ulong end = start + (ulong)length;
            if (end < start) return false;
            if (!ExtensionArea.Contains(start) || !ExtensionArea.Contains(end - 1)) return false;
            for (ulong page = PageSize.AlignDown(start); page < end; page += PageSize.Small)
            {
                // Mapped in the domain only: the kernel could not reach it at this address.
                if (page == DeferredRing.DomainAddress) return false;
                if (Space.Translate(page, out PageFlags flags) == AddressSpace.NotMapped) return false;
                if (write && (flags & PageFlags.Writable) == 0) return false;
            }
            return true;
        }

        public bool IsCode(void* function) => Owner.Image.IsCode((ulong)function);

        // Blocking is refused in interrupt context, while the extension holds one of its
        // spinning locks, and when the kernel entered the domain with interrupts off.
        public bool MayBlock() => Gate.MaySleep(Owner);

        public void Destroy()
        {
            // Entries the PCID still holds for the freed tables are flushed by its next owner's
            // first entry.
            Pcids.Release(tlb);
            Space.Unmap(DeferredRing.DomainAddress);
            FrameAllocator.Free(ringFrame);
            // The shared kernel slots are not this domain's to free.
            Space.SetTopLevel(0, 0);
            Space.SetTopLevel(KernelStacks.ThreadAreaTopLevelIndex, 0);
            Space.SetTopLevel(KernelStacks.InterruptAreaTopLevelIndex, 0);
            Space.DestroyTables();
            KernelHeap.FreeObject(Space);
            Deferred.Free();
            KernelHeap.FreeObject(stackTops);
            KernelHeap.FreeObject(stackInUse);
        }
    }
}
