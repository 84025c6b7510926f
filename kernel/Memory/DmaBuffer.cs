using System;

namespace Nooks.Kernel.Memory
{
    // Memory a device reads and writes by itself: physically contiguous whole frames, zeroed,
    // below 4 GiB by default so that devices with 32-bit address registers reach all of it.
    // The kernel sees it through the identity map of RAM. x86 keeps DMA coherent with the caches.
    public sealed unsafe class DmaBuffer
    {
        public const ulong Limit32Bit = 1UL << 32;

        private static ulong liveCount;
        private static ulong liveBytes;

        public static ulong LiveCount => liveCount;
        public static ulong LiveBytes => liveBytes;

        public readonly ulong PhysicalAddress;
        public readonly ulong Length;
        private readonly ulong frames;
        private bool freed;

        private DmaBuffer(ulong physicalAddress, ulong length, ulong frames)
        {
            PhysicalAddress = physicalAddress;
            Length = length;
            this.frames = frames;
        }

        // A buffer of at least `length` bytes, or null if no run of frames that long is free
        // below `limit` (the caller decides whether that is fatal).
        public static DmaBuffer Allocate(ulong length, FrameZone zone = FrameZone.Kernel, ulong limit = Limit32Bit)
        {
            if (length == 0 || length > int.MaxValue) Panic.Halt($"DMA buffer of {length} bytes requested");
            ulong frames = PageSize.AlignUp(length) / PageSize.Small;
            ulong physical = FrameAllocator.AllocateBelow(frames, limit, zone);
            if (physical == 0) return null;
            var buffer = new DmaBuffer(physical, frames * PageSize.Small, frames);
            buffer.Span.Clear();
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            liveCount++;
            liveBytes += buffer.Length;
            Arch.Cpu.RestoreInterrupts(flags);
            return buffer;
        }

        public Span<byte> Span
        {
            get
            {
                if (freed) Panic.Halt($"DMA buffer at {PhysicalAddress:x} used after free");
                return new Span<byte>((void*)PhysicalAddress, (int)Length);
            }
        }

        // The device must have stopped using the buffer before it is freed.
        public void Free()
        {
            if (freed) Panic.Halt($"DMA buffer at {PhysicalAddress:x} freed twice");
            freed = true;
            FrameAllocator.Free(PhysicalAddress, frames);
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            liveCount--;
            liveBytes -= Length;
            Arch.Cpu.RestoreInterrupts(flags);
        }
    }
}
