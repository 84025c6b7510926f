using Nooks.Extensions;
using Nooks.Kernel.Console;

namespace Nooks.Recovery
{
    // After a fault: release what the extension held, discard its domain, reload a fresh image,
    // init it again and replay the configuration the kernel had given it.
    public static class RecoveryManager
    {
        public static void Request(Extension ext)
        {
            Log.Warn("nooks", $"recovering {ext.Name}: {ext.LastFault}");
            ExtensionLifecycle.Restart(ext);
        }
    }
}
