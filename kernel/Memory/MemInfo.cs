using Nooks.Kernel.Info;

namespace Nooks.Kernel.Memory
{
    // The "meminfo" report, shaped like Linux's /proc/meminfo: a label padded to 16 columns,
    // the value right-aligned in 8, then the unit (sizes in kB, counts without a unit).
    public static class MemInfo
    {
        private const ulong BytesPerKb = 1024;

        public static unsafe void Register() => KernelInfo.Register("meminfo", &Report);

        // One buffer for the whole report: the kernel has no collector to take the lines.
        private static string Report()
        {
            var text = new System.Text.TextBuilder();
            // MemTotal is the usable RAM the bootloader reported, as Linux's is before reservations.
            Size(text, "MemTotal:", Kmain.Boot.UsableBytes);
            Size(text, "MemFree:", FrameAllocator.FreeBytes);
            Size(text, "ExtensionZone:", FrameAllocator.ExtensionZoneEnd - FrameAllocator.ExtensionZoneStart);
            Size(text, "ExtensionFree:", FrameAllocator.ExtensionZoneFreeBytes);
            Size(text, "KernelImage:", KernelLayout.ImageEnd - KernelLayout.ImageStart);
            Size(text, "HeapReserved:", KernelHeap.BytesReserved);
            Size(text, "HeapUsed:", KernelHeap.BytesInUse);
            Count(text, "HeapAllocations:", KernelHeap.LiveAllocations);
            Count(text, "DmaBuffers:", DmaBuffer.LiveCount);
            Size(text, "DmaBytes:", DmaBuffer.LiveBytes);
            return text.Finish();
        }

        private static void Size(System.Text.TextBuilder text, string label, ulong bytes) => text.Append($"{label,-16}{bytes / BytesPerKb,8} kB\n");
        private static void Count(System.Text.TextBuilder text, string label, ulong count) => text.Append($"{label,-16}{count,8}\n");
    }
}
