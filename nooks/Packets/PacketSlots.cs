namespace Nooks.Packets
{
    // Who has a packet of a pool.
    public enum PacketOwner : byte
    {
        Pool = 0,          // free
        Extension,         // held by the extension (allocated, posted on a ring, being transmitted)
        Kernel,            // handed to the kernel and not yet done with (a deferred receive or free)
    }

    // The bookkeeping of one extension's packet pool, without its memory: which handles exist,
    // which slot each names, and who owns each slot. Ownership moves only along the transitions
    // the API allows, so a packet freed twice or handed up after it was given away is refused
    // here whatever the caller checked before. Fixed-size and allocation-free, so the kernel
    // embeds it in its pool object and the host tests run it as it is.
    public unsafe struct PacketSlots
    {
        public const int PacketsPerChunk = 32;
        public const int MaxChunks = 16;
        public const int MaxPackets = PacketsPerChunk * MaxChunks;
        // Bytes between the handles of neighbouring slots (each handle names a PacketInfo).
        public const int HandleStride = 32;

        private fixed byte owners[MaxPackets];
        private fixed ulong chunkHandles[MaxChunks];   // the handle of each chunk's first slot
        private int chunks;
        private int next;                              // where the search for a free slot starts
        private int held, queued;

        public int Chunks => chunks;
        public int Capacity => chunks * PacketsPerChunk;
        public int HeldByExtension => held;
        public int HeldByKernel => queued;
        public int Free => Capacity - held - queued;

        // A new chunk whose slots' handles start at `firstHandle` (HandleStride apart); false when
        // the pool is at its size limit or the handles are not aligned to the stride.
        public bool AddChunk(ulong firstHandle)
        {
            if (chunks == MaxChunks || firstHandle == 0 || firstHandle % HandleStride != 0) return false;
            chunkHandles[chunks++] = firstHandle;
            return true;
        }

        // A free slot, now the extension's; -1 if every slot is taken (the caller may add a chunk).
        public int Take()
        {
            int capacity = Capacity;
            for (int i = 0; i < capacity; i++)
            {
                int slot = (next + i) % capacity;
                if (owners[slot] != (byte)PacketOwner.Pool) continue;
                owners[slot] = (byte)PacketOwner.Extension;
                held++;
                next = (slot + 1) % capacity;
                return slot;
            }
            return -1;
        }

        // Moves a slot from one owner to another; false (and nothing changes) if the slot does
        // not exist or is not `from`'s.
        public bool Move(int slot, PacketOwner from, PacketOwner to)
        {
            if (slot < 0 || slot >= Capacity || owners[slot] != (byte)from || from == to) return false;
            owners[slot] = (byte)to;
            Count(from, -1);
            Count(to, 1);
            return true;
        }

        public PacketOwner OwnerOf(int slot) => slot >= 0 && slot < Capacity ? (PacketOwner)owners[slot] : PacketOwner.Pool;

        public ulong HandleOf(int slot) => chunkHandles[slot / PacketsPerChunk] + (ulong)(slot % PacketsPerChunk * HandleStride);

        // The slot a handle names, or -1 for anything that is not exactly some slot's handle.
        public int SlotOf(ulong handle)
        {
            for (int c = 0; c < chunks; c++)
            {
                ulong first = chunkHandles[c];
                if (handle < first || handle >= first + PacketsPerChunk * HandleStride) continue;
                ulong offset = handle - first;
                return offset % HandleStride == 0 ? c * PacketsPerChunk + (int)(offset / HandleStride) : -1;
            }
            return -1;
        }

        private void Count(PacketOwner owner, int delta)
        {
            if (owner == PacketOwner.Extension) held += delta;
            else if (owner == PacketOwner.Kernel) queued += delta;
        }
    }
}
