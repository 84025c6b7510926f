using System.Runtime.InteropServices;
using Nooks.Api;
using Nooks.Extension;

namespace Nooks.Drivers.Null
{
    // An extension that does nothing, so that `nooks bench` can measure what the isolation path
    // itself costs (RedLeaf's nullnet, for Nooks): an empty entry point the kernel calls, and a
    // loop of the cheapest kernel call. Loaded twice (native and isolated) in one run.
    public static unsafe class NullExtension
    {
        [UnmanagedCallersOnly(EntryPoint = "nx_init")]
        private static int Init() => ApiStatus.Ok;

        [UnmanagedCallersOnly(EntryPoint = "nx_exit")]
        private static void Exit() { }

        // The empty call into the extension.
        [UnmanagedCallersOnly(EntryPoint = "nx_null")]
        private static long Null(long value) => value;

        // `count` calls out of the extension into the kernel.
        [UnmanagedCallersOnly(EntryPoint = "nx_call_kernel")]
        private static long CallKernel(long count)
        {
            ulong sum = 0;
            for (long i = 0; i < count; i++) sum += Kernel.UptimeNanoseconds();
            return (long)(sum & 1);
        }
    }
}
