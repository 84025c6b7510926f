using System.Runtime.InteropServices;
using Nooks.Api;
using Nooks.Extension;

namespace Nooks.Drivers.Null
{
    // An extension that does nothing, to measure what the isolation path itself costs: its
    // command `null` is an empty call into the extension, and `null kernel` makes one empty
    // call back into the kernel.
    public static unsafe class NullExtension
    {
        [UnmanagedCallersOnly(EntryPoint = "nx_init")]
        private static int Init()
        {
            byte* name = stackalloc byte[4] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };
            long command = Kernel.RegisterCommand(name, 4, &Command);
            if (command <= 0) return (int)command;
            Klog.Info("ready");
            return ApiStatus.Ok;
        }

        [UnmanagedCallersOnly(EntryPoint = "nx_exit")]
        private static void Exit() { }

        [UnmanagedCallersOnly]
        private static int Command(byte* args, int argsLength, byte* output, int capacity) => 0;
    }
}
