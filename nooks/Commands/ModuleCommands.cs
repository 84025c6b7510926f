using Nooks.Extensions;

namespace Nooks.Commands
{
    // insmod, rmmod, lsmod: the shell's view of extensions.
    public static unsafe class ModuleCommands
    {
        public static void Register()
        {
            KernelCommands.Register("insmod", "insmod NAME [--native|--isolated] [--as ALIAS]  load an extension (isolated by default)", &Insmod);
            KernelCommands.Register("rmmod", "rmmod NAME  unload an extension, releasing what it holds", &Rmmod);
            KernelCommands.Register("lsmod", "lsmod  list extensions: mode, state, faults, restarts, XPCs", &Lsmod);
        }

        public static bool TryParseMode(string text, out ExtensionMode mode)
        {
            mode = ExtensionMode.Isolated;
            if (text == "isolated" || text == "--isolated") return true;
            if (text == "native" || text == "--native") { mode = ExtensionMode.Native; return true; }
            return false;
        }

        private const string InsmodUsage = "usage: insmod NAME [--native|--isolated] [--as ALIAS]\n";

        private static string Insmod(string args)
        {
            ReadOnlySpanHelpers.SplitFirstWord(args, out string name, out string rest);
            if (name.Length == 0) return InsmodUsage;
            ExtensionMode mode = ExtensionMode.Isolated;
            string alias = null;
            while (rest.Length > 0)
            {
                ReadOnlySpanHelpers.SplitFirstWord(rest, out string option, out rest);
                if (option == "--as")
                {
                    ReadOnlySpanHelpers.SplitFirstWord(rest, out alias, out rest);
                    if (alias.Length == 0) return InsmodUsage;
                }
                else if (!TryParseMode(option, out mode)) return $"insmod: unknown option '{option}'\n" + InsmodUsage;
            }
            string error = ExtensionLifecycle.Load(name, mode, alias);
            return error == null ? $"{alias ?? name}: loaded ({ExtensionNames.Of(mode)})\n" : $"insmod: {alias ?? name}: {error}\n";
        }

        private static string Rmmod(string args)
        {
            if (args.Length == 0) return "usage: rmmod NAME\n";
            Extension ext = ExtensionRegistry.Find(args);
            if (ext == null || ext.State == ExtensionState.Unloaded) return $"rmmod: {args}: not loaded\n";
            string error = ExtensionLifecycle.Unload(ext);
            return error == null ? $"{args}: unloaded\n" : $"rmmod: {args}: {error}\n";
        }

        private static string Lsmod(string args)
        {
            var text = new System.Text.TextBuilder();
            text.Append("NAME         MODE      STATE       FAULTS RESTARTS       XPCS\n");
            for (int i = 0; i < ExtensionRegistry.Count; i++)
            {
                Extension e = ExtensionRegistry.At(i);
                if (e.State == ExtensionState.Unloaded) continue;
                text.Append($"{e.Name,-12} {ExtensionNames.Of(e.Mode),-9} {ExtensionNames.Of(e.State),-10} {e.Faults,7} {e.Restarts,8} {e.Crossings,10}\n");
            }
            return text.Finish();
        }
    }
}
