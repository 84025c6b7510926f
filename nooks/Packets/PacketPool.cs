using Nooks.Api;
using Nooks.Extensions;
using Nooks.Kernel.Memory;

namespace Nooks.Packets
{
    // One extension's packet buffers. The pool grows a chunk at a time and a chunk is mapped
    // into the extension's domain once, when it is added: allocating and freeing a packet only
    // changes its owner (PacketSlots), never a page table, because a mapping change would cost
    // a TLB flush per packet. A chunk is one page of PacketInfo records (the packets' handles;
    // the kernel writes them, the domain may only read them) followed by its packets' data in
    // one physically contiguous DMA buffer below 4 GiB, mapped writable in the domain.
    public sealed unsafe class PacketPool
    {
        private const ulong DataPagesPerChunk = PacketSlots.PacketsPerChunk * (ulong)PacketInfo.Size / PageSize.Small;
        private const ulong ChunkPages = 1 + DataPagesPerChunk;

        private PacketSlots slots;
        private readonly DmaBuffer[] data = new DmaBuffer[PacketSlots.MaxChunks];
        private readonly ulong[] infoFrames = new ulong[PacketSlots.MaxChunks];

        public int Capacity => slots.Capacity;
        public int HeldByExtension => slots.HeldByExtension;
        public int HeldByKernel => slots.HeldByKernel;
        public int Free => slots.Free;
        public int Chunks => slots.Chunks;

        // A free packet, now the extension's (the pool grows if none is free); -1 if the pool is
        // at its limit or memory is short.
        public int Take(Extension owner)
        {
            int slot = slots.Take();
            if (slot < 0 && Grow(owner)) slot = slots.Take();
            return slot;
        }

        public bool Move(int slot, PacketOwner from, PacketOwner to) => slots.Move(slot, from, to);
        public int SlotOf(long handle) => slots.SlotOf((ulong)handle);
        public PacketOwner OwnerOf(int slot) => slots.OwnerOf(slot);
        public long HandleOf(int slot) => (long)slots.HandleOf(slot);

        // The kernel's own idea of where a packet is, never read back from the PacketInfo page.
        public byte* Data(int slot) => (byte*)(ChunkBase(slot) + PageSize.Small + Offset(slot));

        public ulong Physical(int slot) => data[slot / PacketSlots.PacketsPerChunk].PhysicalAddress + Offset(slot);

        private ulong ChunkBase(int slot) => PageSize.AlignDown(slots.HandleOf(slot));
        private static ulong Offset(int slot) => (ulong)(slot % PacketSlots.PacketsPerChunk) * PacketInfo.Size;

        private bool Grow(Extension owner)
        {
            int chunk = slots.Chunks;
            if (chunk == PacketSlots.MaxChunks) return false;
            DmaBuffer buffer = DmaBuffer.Allocate(DataPagesPerChunk * PageSize.Small, FrameZone.Extensions);
            if (buffer == null) return false;
            ulong infoFrame = FrameAllocator.Allocate(1, FrameZone.Extensions);
            if (infoFrame == 0)
            {
                buffer.Free();
                KernelHeap.FreeObject(buffer);
                return false;
            }
            // The domain reads the whole page: nothing of the frame's past may show.
            new System.Span<byte>((void*)infoFrame, (int)PageSize.Small).Clear();
            ulong virt = ExtensionArea.Reserve(ChunkPages * PageSize.Small);
            AddressSpace.Kernel.Map(virt, infoFrame, PageFlags.KernelData);
            owner.Domain?.Map(virt, infoFrame, PageFlags.KernelReadOnly);
            for (ulong p = 0; p < DataPagesPerChunk; p++)
                ExtensionMemory.MapOne(owner, virt + (1 + p) * PageSize.Small, buffer.PhysicalAddress + p * PageSize.Small, PageFlags.KernelData);
            data[chunk] = buffer;
            infoFrames[chunk] = infoFrame;
            slots.AddChunk(virt);
            for (int i = 0; i < PacketSlots.PacketsPerChunk; i++)
            {
                int slot = chunk * PacketSlots.PacketsPerChunk + i;
                var info = (PacketInfo*)slots.HandleOf(slot);
                info->Data = Data(slot);
                info->Physical = Physical(slot);
                info->Capacity = PacketInfo.Size;
            }
            return true;
        }

        // Unmaps and frees every chunk and the pool itself. The device must no longer reach
        // the packets (bus mastering off), whoever held them.
        public void Destroy(Extension owner)
        {
            for (int c = 0; c < slots.Chunks; c++)
            {
                ulong virt = PageSize.AlignDown(slots.HandleOf(c * PacketSlots.PacketsPerChunk));
                // The frames are the DMA buffer's and the info frame, freed below.
                ExtensionMemory.UnmapDevice(owner, virt, ChunkPages);
                FrameAllocator.Free(infoFrames[c]);
                data[c].Free();
                KernelHeap.FreeObject(data[c]);
            }
            KernelHeap.FreeObject(data);
            KernelHeap.FreeObject(infoFrames);
            KernelHeap.FreeObject(this);
        }
    }
}
