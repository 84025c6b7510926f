using System;
using Nooks.Commands;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Console;

namespace Nooks
{
    // Brings up the isolation manager and loads the extensions named on the kernel command line:
    // `nooks.load=NAME[:native|:isolated],...` (isolated unless it says otherwise).
    public static class NooksManager
    {
        private const string LoadOption = "nooks.load=";

        public static void Initialize()
        {
            Gate.Initialize();
            Diagnostics.KernelIntegrity.Initialize();
            Watchdog.Start();
            Services.KernelServices.StartTimers();
            Recovery.RecoveryManager.Start();
            KernelCommands.RegisterListing();
            ModuleCommands.Register();
            NooksCommand.Register();
            Log.Info("nooks", "isolation manager ready");
        }

        public static void LoadFromCommandLine(string commandLine)
        {
            string list = Kernel.Boot.CommandLineOptions.Value(commandLine, LoadOption);
            if (list == null) return;
            ReadOnlySpan<char> rest = list;
            while (rest.Length > 0)
            {
                int comma = rest.IndexOf(',');
                ReadOnlySpan<char> item = comma < 0 ? rest : rest.Slice(0, comma);
                rest = comma < 0 ? default : rest.Slice(comma + 1);
                if (item.Length == 0) continue;
                int colon = item.IndexOf(':');
                string name = new string(colon < 0 ? item : item.Slice(0, colon));
                ExtensionMode mode = ExtensionMode.Isolated;
                if (colon >= 0 && !ModuleCommands.TryParseMode(new string(item.Slice(colon + 1)), out mode))
                {
                    Log.Error("nooks", $"{LoadOption}: '{new string(item)}': mode must be native or isolated");
                    continue;
                }
                string error = ExtensionLifecycle.Load(name, mode);
                if (error != null) Log.Error("nooks", $"cannot load {name}: {error}");
            }
        }
    }
}
