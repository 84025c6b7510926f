using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Memory
{
    // The kernel heap. Small blocks come from power-of-two size classes carved out of pages and
    // return to per-class free lists; large blocks are whole runs of frames. Before the frame
    // allocator exists (class constructors run first) pages come from a static early arena.
    public static unsafe class KernelHeap
    {
        private const int HeaderSize = 16;
        private const int ObjectHeaderSize = 8;          // the word before an object's type pointer
        private const int MinClassShift = 5;             // 32 bytes
        private const int ClassCount = 7;                // 32 .. 2048
        private const uint LiveMagic = 0x4B4E4F4F;       // "NOOK"
        private const uint FreeMagic = 0x45455246;       // "FREE"
        private const uint LargeClass = 0xFF;
        private const ulong EarlyArenaSize = 4 * 1024 * 1024;

        private struct Header
        {
            public ulong Size;       // usable bytes (small) or frame count (large)
            public uint Magic;
            public uint Class;
        }

        private struct FreeBlock { public FreeBlock* Next; }

        // Plain (non-GC) statics only: this code runs while the image's GC statics are being made.
        private struct FreeLists { public fixed ulong Heads[ClassCount]; }
        private static FreeLists lists;
        private static bool framesReady;
        private static ulong earlyUsed;
        private static ulong bytesInUse;
        private static ulong liveAllocations;
        private static ulong pagesOwned;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        [System.Runtime.RuntimeImport("*", "k_early_heap")]
        private static extern byte* EarlyArena();

        public static ulong BytesInUse => bytesInUse;
        public static ulong LiveAllocations => liveAllocations;
        public static ulong BytesReserved => pagesOwned * PageSize.Small;

        public static void FramesAvailable() => framesReady = true;

        private static byte* TakePages(ulong count)
        {
            if (!framesReady || count > 1)
            {
                if (framesReady)
                {
                    ulong phys = FrameAllocator.Allocate(count);
                    if (phys == 0) return null;
                    pagesOwned += count;
                    return (byte*)phys;
                }
                ulong bytes = count * PageSize.Small;
                if (earlyUsed + bytes > EarlyArenaSize) return null;
                byte* p = EarlyArena() + earlyUsed;
                earlyUsed += bytes;
                pagesOwned += count;
                return p;
            }
            ulong frame = FrameAllocator.Allocate(1);
            if (frame == 0) return null;
            pagesOwned++;
            return (byte*)frame;
        }

        private static int ClassFor(ulong size)
        {
            ulong total = size + HeaderSize;
            for (int c = 0; c < ClassCount; c++) if (total <= 1UL << (c + MinClassShift)) return c;
            return -1;
        }

        public static void* Allocate(ulong size)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Header* h;
            int cls = ClassFor(size);
            if (cls < 0)
            {
                ulong pages = (size + HeaderSize + PageSize.Small - 1) / PageSize.Small;
                h = (Header*)TakePages(pages);
                if (h != null) { h->Size = pages; h->Class = LargeClass; bytesInUse += pages * PageSize.Small; }
            }
            else
            {
                if (lists.Heads[cls] == 0) Refill(cls);
                h = (Header*)lists.Heads[cls];
                if (h != null)
                {
                    lists.Heads[cls] = (ulong)((FreeBlock*)h)->Next;
                    h->Size = (1UL << (cls + MinClassShift)) - HeaderSize;
                    h->Class = (uint)cls;
                    bytesInUse += 1UL << (cls + MinClassShift);
                }
            }
            if (h == null) { Cpu.RestoreInterrupts(flags); return null; }
            h->Magic = LiveMagic;
            liveAllocations++;
            Cpu.RestoreInterrupts(flags);
            return (byte*)h + HeaderSize;
        }

        private static void Refill(int cls)
        {
            byte* page = TakePages(1);
            if (page == null) return;
            ulong blockSize = 1UL << (cls + MinClassShift);
            for (ulong off = 0; off + blockSize <= PageSize.Small; off += blockSize)
            {
                FreeBlock* b = (FreeBlock*)(page + off);
                ((Header*)b)->Magic = FreeMagic;
                b->Next = (FreeBlock*)lists.Heads[cls];
                lists.Heads[cls] = (ulong)b;
            }
        }

        public static void Free(void* pointer)
        {
            if (pointer == null) return;
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Header* h = (Header*)((byte*)pointer - HeaderSize);
            if (h->Magic != LiveMagic)
                Panic.Halt(h->Magic == FreeMagic ? $"heap: double free of {(ulong)pointer:x}" : $"heap: free of {(ulong)pointer:x}, not a heap block");
            h->Magic = FreeMagic;
            liveAllocations--;
            if (h->Class == LargeClass)
            {
                ulong pages = h->Size;
                bytesInUse -= pages * PageSize.Small;
                if (InEarlyArena(h))
                    Panic.Halt("heap: early-arena pages cannot be freed");
                FrameAllocator.Free((ulong)h, pages);
                pagesOwned -= pages;
            }
            else
            {
                int cls = (int)h->Class;
                bytesInUse -= 1UL << (cls + MinClassShift);
                FreeBlock* b = (FreeBlock*)h;
                b->Next = (FreeBlock*)lists.Heads[cls];
                lists.Heads[cls] = (ulong)b;
            }
            Cpu.RestoreInterrupts(flags);
        }

        // Returns an object's memory to the heap. There is no collector: code that makes objects
        // on a path that repeats (every system call, every process) frees them here. The object
        // must be unreachable; objects in the kernel image (string literals) are left alone.
        public static void FreeObject(object o)
        {
            if (o == null) return;
            byte* obj = *(byte**)System.Runtime.CompilerServices.Unsafe.AsPointer(ref o);
            bool inImage = (ulong)obj >= KernelLayout.ImageStart && (ulong)obj < KernelLayout.ImageEnd;
            if (inImage && !InEarlyArena(obj)) return;
            Free(obj - ObjectHeaderSize);
        }

        private static bool InEarlyArena(void* p) => (ulong)p >= (ulong)EarlyArena() && (ulong)p < (ulong)EarlyArena() + EarlyArenaSize;

        public static bool IsLiveBlock(void* pointer) =>
            pointer != null && ((Header*)((byte*)pointer - HeaderSize))->Magic == LiveMagic;
    }
}
