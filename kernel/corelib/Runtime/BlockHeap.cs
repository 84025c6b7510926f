namespace System.Runtime
{
    // A heap over memory that only grows (a process's heap region, an extension's chunks):
    // power-of-two size classes from 32 to 2048 bytes with free lists, and larger blocks on a
    // first-fit free list. Frees are checked: a block freed twice or not from this heap is a
    // failure, not silent corruption. Plain statics only in users of it: it runs while an image's
    // statics are being made.
    public unsafe struct BlockHeap
    {
        private const int HeaderSize = 16;
        private const int MinClassShift = 5;
        private const int ClassCount = 7;
        private const uint LiveMagic = 0x4B4F4C42;   // "BLOK"
        private const uint FreeMagic = 0x45455246;   // "FREE"
        private const uint LargeClass = 0xFF;
        private const ulong GrowBytes = 64 * 1024;

        private struct Header { public ulong Size; public uint Magic; public uint Class; }
        private struct FreeBlock { public FreeBlock* Next; }

        private fixed ulong heads[ClassCount];
        private FreeBlock* large;
        private byte* next, limit;
        public ulong BytesInUse;

        // `grow(bytes)` returns fresh memory of at least that size, or null.
        public void* Allocate(ulong size, delegate*<ulong, void*> grow)
        {
            int cls = -1;
            for (int c = 0; c < ClassCount; c++) if (size + HeaderSize <= 1UL << (c + MinClassShift)) { cls = c; break; }
            Header* h;
            if (cls >= 0)
            {
                ulong blockSize = 1UL << (cls + MinClassShift);
                if (heads[cls] != 0)
                {
                    h = (Header*)heads[cls];
                    heads[cls] = (ulong)Link(h)->Next;
                }
                else
                {
                    h = (Header*)Carve(blockSize, grow);
                    if (h == null) return null;
                }
                h->Size = blockSize;
                h->Class = (uint)cls;
            }
            else
            {
                ulong blockSize = (size + HeaderSize + 15) & ~15UL;
                h = TakeLarge(blockSize);
                if (h == null)
                {
                    h = (Header*)Carve(blockSize, grow);
                    if (h == null) return null;
                    h->Size = blockSize;
                }
                h->Class = LargeClass;
            }
            h->Magic = LiveMagic;
            BytesInUse += h->Size;
            return (byte*)h + HeaderSize;
        }

        public enum FreeResult { Freed, AlreadyFree, NotABlock }

        // NotABlock for memory this heap never handed out (an object in the image itself, such
        // as a string literal); AlreadyFree for a double free.
        public FreeResult Free(void* pointer)
        {
            if (pointer == null) return FreeResult.NotABlock;
            Header* h = (Header*)((byte*)pointer - HeaderSize);
            if (h->Magic == FreeMagic) return FreeResult.AlreadyFree;
            if (h->Magic != LiveMagic) return FreeResult.NotABlock;
            h->Magic = FreeMagic;
            BytesInUse -= h->Size;
            // The link goes in the freed payload, not over the header: TakeLarge needs Size.
            FreeBlock* b = Link(h);
            if (h->Class == LargeClass) { b->Next = (FreeBlock*)large; large = (FreeBlock*)h; }
            else { b->Next = (FreeBlock*)heads[h->Class]; heads[h->Class] = (ulong)h; }
            return FreeResult.Freed;
        }

        // Free lists hold headers; each free block's link to the next header is its first
        // payload word.
        private static FreeBlock* Link(Header* h) => (FreeBlock*)((byte*)h + HeaderSize);

        private Header* TakeLarge(ulong size)
        {
            Header* previous = null;
            for (Header* h = (Header*)large; h != null; previous = h, h = (Header*)Link(h)->Next)
            {
                if (h->Size < size) continue;
                if (previous == null) large = Link(h)->Next; else Link(previous)->Next = Link(h)->Next;
                return h;
            }
            return null;
        }

        private byte* Carve(ulong size, delegate*<ulong, void*> grow)
        {
            if (next == null || (ulong)(limit - next) < size)
            {
                ulong bytes = size > GrowBytes ? (size + GrowBytes - 1) & ~(GrowBytes - 1) : GrowBytes;
                byte* fresh = (byte*)grow(bytes);
                if (fresh == null) return null;
                if (fresh != limit) next = fresh;   // not contiguous with the last chunk: the tail is abandoned
                limit = fresh + bytes;
            }
            byte* result = next;
            next += size;
            return result;
        }
    }
}
