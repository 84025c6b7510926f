using Nooks.Kernel.Info;

namespace Nooks.Kernel.Memory
{
    // The "meminfo" report, shaped like Linux's /proc/meminfo: a label padded to 16 columns,
    // the value right-aligned in 8, then the unit (sizes in kB, counts without a unit).
    public static class MemInfo
    {
        private const ulong BytesPerKb = 1024;

        public static unsafe void Register() => KernelInfo.Register("meminfo", &Report);

        private static string Report()
        {
            // MemTotal is the usable RAM the bootloader reported, as Linux's is before reservations.
            return Size("MemTotal:", Kmain.Boot.UsableBytes)
                + Size("MemFree:", FrameAllocator.FreeBytes)
                + Size("KernelImage:", KernelLayout.ImageEnd - KernelLayout.ImageStart)
                + Size("HeapReserved:", KernelHeap.BytesReserved)
                + Size("HeapUsed:", KernelHeap.BytesInUse)
                + Count("HeapAllocations:", KernelHeap.LiveAllocations)
                + Count("DmaBuffers:", DmaBuffer.LiveCount)
                + Size("DmaBytes:", DmaBuffer.LiveBytes);
        }

        private static string Size(string label, ulong bytes) => $"{label,-16}{bytes / BytesPerKb,8} kB\n";
        private static string Count(string label, ulong count) => $"{label,-16}{count,8}\n";
    }
}
