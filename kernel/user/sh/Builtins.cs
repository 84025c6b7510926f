using Nooks.Abi;

namespace Nooks.User
{
    // Commands the shell carries out itself.
    internal static class Builtins
    {
        private const string Help =
            "builtins:\n" +
            "  help              this list\n" +
            "  uname [-a]        the system's name (-a: all about the kernel)\n" +
            "  lspci             PCI devices\n" +
            "  meminfo           memory use\n" +
            "  ps                processes\n" +
            "  threads           kernel threads\n" +
            "  interrupts        interrupt counts per vector\n" +
            "  uptime            time since boot\n" +
            "  dmesg             the kernel log\n" +
            "  echo [text]       print text\n" +
            "  exit [status]     leave the shell (init starts a new one)\n" +
            "  poweroff, reboot  turn the machine off or restart it\n" +
            "  kfault            make the kernel fault (only when booted with nooks.test)\n" +
            "kernel commands (`commands` lists them): insmod, rmmod, lsmod, nooks, ...\n" +
            "any other word runs the program of that name, e.g. nullderef, badsyscall\n";

        // True if `command` was a builtin (whatever its outcome).
        public static bool Run(string command, string arguments)
        {
            switch (command)
            {
                case "help": if (NoArguments(command, arguments)) Console.Write(Help); return true;
                case "uname":
                    if (arguments == "") Console.WriteLine("Nooks.OS");
                    else if (arguments == "-a") Report("uname", command);
                    else Console.Error("usage: uname [-a]\n");
                    return true;
                case "lspci": if (NoArguments(command, arguments)) Report("pci", command); return true;
                case "meminfo": if (NoArguments(command, arguments)) Report("meminfo", command); return true;
                case "ps": if (NoArguments(command, arguments)) Report("ps", command); return true;
                case "threads": if (NoArguments(command, arguments)) Report("threads", command); return true;
                case "interrupts": if (NoArguments(command, arguments)) Report("interrupts", command); return true;
                case "dmesg": if (NoArguments(command, arguments)) Report("dmesg", command); return true;
                case "uptime": if (NoArguments(command, arguments)) Uptime(); return true;
                case "echo": Console.WriteLine(arguments); return true;
                case "poweroff": if (NoArguments(command, arguments)) Failed("poweroff", Machine.PowerOff()); return true;
                case "reboot": if (NoArguments(command, arguments)) Failed("reboot", Machine.Reboot()); return true;
                case "kfault": if (NoArguments(command, arguments)) KernelFault(); return true;
                default: return false;
            }
        }

        // True if there are none; otherwise prints the usage.
        private static bool NoArguments(string command, string arguments)
        {
            if (arguments.Length == 0) return true;
            Console.Error($"usage: {command} (takes no arguments)\n");
            return false;
        }

        private static void Report(string name, string command)
        {
            string text = Machine.Info(name, out long error);
            if (text == null) Console.Error(error == Errno.NoSuchEntry ? $"{command}: the kernel has no '{name}' report\n" : $"{command}: {Errno.Name(error)}\n");
            else Console.Write(text);
        }

        private static void Uptime()
        {
            long nanos = (long)Machine.UptimeNanoseconds;
            if (nanos < 0) { Console.Error($"uptime: {Errno.Name(nanos)}\n"); return; }
            long millis = nanos / 1000000;
            Console.WriteLine($"up {millis / 1000}.{millis % 1000:D3} s");
        }

        private static void KernelFault()
        {
            long result = Machine.KernelFault();
            Console.Error(result == Errno.NotPermitted ? "kfault: refused: the kernel was not booted with nooks.test\n" : $"kfault: {Errno.Name(result)}\n");
        }

        private static void Failed(string command, long result) => Console.Error($"{command}: {Errno.Name(result)}\n");
    }
}
