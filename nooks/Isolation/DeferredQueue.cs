using Nooks.Services;

namespace Nooks.Isolation
{
    // Work an isolated extension handed to the kernel that need not happen at once (received
    // frames and packets going up the stack, packets given back to the pool): queued inside the
    // crossing and done in one batch when the outermost crossing into the domain returns.
    public sealed unsafe class DeferredQueue
    {
        // A whole receive ring handed up and a whole transmit ring completed in one crossing.
        private const int Capacity = 256;
        // Frames of nk_netdev_receive are copied out of the domain: room for a ring of them.
        private const int FrameCapacity = 64;
        private const int MaxFrame = Api.PacketInfo.MaxFrame;

        private enum Work : byte { Frame, Packet, FreePacket }

        private struct Entry
        {
            public Work Kind;
            public int Index;        // the frame copy, or the packet's slot in the pool
            public int Length;
            public long Device;
        }

        private readonly Entry[] entries = new Entry[Capacity];
        private readonly byte[] frames = new byte[FrameCapacity * MaxFrame];
        private int count;
        private int frameCount;
        private bool flushing;
        public int Count => count;
        public ulong Batches;
        public ulong Done;

        // The queue's memory goes back with its domain.
        public void Free()
        {
            Kernel.Memory.KernelHeap.FreeObject(entries);
            Kernel.Memory.KernelHeap.FreeObject(frames);
            Kernel.Memory.KernelHeap.FreeObject(this);
        }

        public bool EnqueueFrame(long device, byte* frame, int length)
        {
            if (count == Capacity || frameCount == FrameCapacity || length > MaxFrame) return false;
            fixed (byte* all = frames)
            {
                byte* copy = all + frameCount * MaxFrame;
                for (int i = 0; i < length; i++) copy[i] = frame[i];
            }
            entries[count++] = new Entry { Kind = Work.Frame, Index = frameCount++, Length = length, Device = device };
            return true;
        }

        public bool EnqueuePacket(long device, int slot, int length) =>
            Add(new Entry { Kind = Work.Packet, Index = slot, Length = length, Device = device });

        public bool EnqueueFree(int slot) => Add(new Entry { Kind = Work.FreePacket, Index = slot });

        private bool Add(Entry e)
        {
            if (count == Capacity) return false;
            entries[count++] = e;
            return true;
        }

        // Delivering a frame may call into the same extension again (a reply transmitted), and
        // that crossing's return flushes too: the inner flush leaves its entries to this loop,
        // which reads `count` afresh. Interrupts stay off, so recovery (which frees this queue)
        // cannot run in between.
        public void Flush(Extensions.Extension owner)
        {
            if (count == 0 || flushing) return;
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            flushing = true;
            Batches++;
            for (int i = 0; i < count; i++)
            {
                Entry e = entries[i];
                if (e.Kind == Work.Frame)
                    fixed (byte* all = frames) KernelServices.DeliverFrame(e.Device, all + e.Index * MaxFrame, e.Length);
                else if (e.Kind == Work.Packet) KernelServices.DeliverPacket(owner, e.Device, e.Index, e.Length);
                else KernelServices.ReturnPacket(owner, e.Index);
                Done++;
            }
            count = 0;
            frameCount = 0;
            flushing = false;
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
        }
    }

    public static unsafe class Deferred
    {
        // When the outermost crossing into the domain returns: the calls in its ring, checked,
        // then everything queued. False if a ring entry was a bad call: the extension has failed.
        public static bool Flush(Domain d)
        {
            if (d.Ring->Count == 0 && d.Deferred.Count == 0) return true;
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            string problem = TakeOver(d);
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
            if (problem != null)
            {
                Gate.Fail(d.Owner, $"bad call: {problem}");
                return false;
            }
            d.Deferred.Flush(d.Owner);
            return true;
        }

        // Moves the calls the domain wrote into its ring over to its DeferredQueue, checking each
        // as its wrapper would have; the first bad one ends it. Interrupts are off.
        public static string TakeOver(Domain d)
        {
            DeferredRing* ring = d.Ring;
            int n = ring->Count;
            ring->Count = 0;
            if ((uint)n > DeferredRing.Capacity) return "the deferred-call ring was overwritten";
            for (int i = 0; i < n; i++)
            {
                long* entry = ring->Entries + i * DeferredRing.Fields;
                string problem = Generated.DeferredCalls.Run(d, entry[0], entry[1], entry[2], entry[3]);
                if (problem != null) return problem;
            }
            return null;
        }
    }
}
