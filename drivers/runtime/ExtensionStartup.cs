using System.Runtime;
using System.Runtime.InteropServices;

namespace Nooks.Extension
{
    // Every extension exports nx_startup: the loader calls it once, before nx_init, with the
    // image's ReadyToRun header so the image can make its own statics in its own heap.
    public static unsafe class ExtensionStartup
    {
        [UnmanagedCallersOnly(EntryPoint = "nx_startup")]
        private static int Startup(void* readyToRunHeader) =>
            ImageStartup.Run(readyToRunHeader) ? Nooks.Api.ApiStatus.Ok : Nooks.Api.ApiStatus.Invalid;
    }
}
