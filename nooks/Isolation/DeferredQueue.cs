using Nooks.Api;

namespace Nooks.Isolation
{
    // Work an isolated extension handed to the kernel that need not happen at once (received
    // frames going up the stack): queued inside the crossing and delivered in one batch when the
    // outermost crossing into the domain returns, instead of one crossing each.
    public sealed unsafe class DeferredQueue
    {
        private const int Capacity = 64;
        private const int MaxFrame = 1518;
        private readonly long[] devices = new long[Capacity];
        private readonly int[] lengths = new int[Capacity];
        private readonly byte[] frames = new byte[Capacity * MaxFrame];
        private int count;
        public ulong Dropped;
        public ulong Batches;
        public ulong Delivered;

        public int Count => count;

        // The queue's memory goes back with its domain.
        public void Free()
        {
            Kernel.Memory.KernelHeap.FreeObject(devices);
            Kernel.Memory.KernelHeap.FreeObject(lengths);
            Kernel.Memory.KernelHeap.FreeObject(frames);
            Kernel.Memory.KernelHeap.FreeObject(this);
        }

        public bool Enqueue(long device, byte* frame, int length)
        {
            if (count == Capacity || length > MaxFrame) { Dropped++; return false; }
            devices[count] = device;
            lengths[count] = length;
            for (int i = 0; i < length; i++) frames[count * MaxFrame + i] = frame[i];
            count++;
            return true;
        }

        public void Flush(delegate*<long, byte*, int, int> deliver)
        {
            if (count == 0) return;
            Batches++;
            int n = count;
            count = 0;
            fixed (byte* all = frames)
                for (int i = 0; i < n; i++)
                {
                    deliver(devices[i], all + i * MaxFrame, lengths[i]);
                    Delivered++;
                }
        }
    }

    public static unsafe class Deferred
    {
        public static void Flush(Domain d) => d.Deferred.Flush(&Services.KernelServices.DeliverFrame);
    }
}
