using Nooks.Kernel.Memory;

namespace Nooks.Diagnostics
{
    // Reveals silent kernel corruption: a checksum over kernel code and over a canary block of
    // kernel data that nothing in the kernel ever writes after boot. A wild write from a native
    // extension changes it; the same write from an isolated one faults instead.
    public static unsafe class KernelIntegrity
    {
        public const int CanaryBytes = 64 * 1024;
        private const uint FnvOffset = 2166136261, FnvPrime = 16777619;
        private static byte* canary;

        public static ulong CanaryAddress => (ulong)canary;

        public static void Initialize()
        {
            canary = (byte*)KernelHeap.Allocate(CanaryBytes);
            for (int i = 0; i < CanaryBytes; i++) canary[i] = (byte)(i * 31 + 7);
        }

        public static uint Checksum()
        {
            uint h = FnvOffset;
            for (int i = 0; i < CanaryBytes; i++) h = (h ^ canary[i]) * FnvPrime;
            for (byte* p = (byte*)KernelLayout.TextStart; p < (byte*)KernelLayout.TextEnd; p++) h = (h ^ *p) * FnvPrime;
            return h;
        }
    }
}
