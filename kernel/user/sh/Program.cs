using System;
using Nooks.Abi;

namespace Nooks.User
{
    // The shell: reads a command per line; runs a builtin or the program of that name.
    public static partial class Program
    {
        private const string Prompt = "nooks# ";

        public static partial int Main(string arguments)
        {
            while (true)
            {
                Console.Write(Prompt);
                string line = Console.ReadLine();
                if (line == null)
                {
                    Console.Error("sh: cannot read the console\n");
                    return 1;
                }
                ReadOnlySpan<char> text = line.AsSpan().Trim();
                if (text.Length == 0) continue;
                int space = text.IndexOf(' ');
                string command = new string(space < 0 ? text : text.Slice(0, space));
                string rest = space < 0 ? "" : new string(text.Slice(space + 1).Trim());
                if (command == "exit")
                {
                    if (rest.Length == 0) return 0;
                    if (!Number.TryParse(rest, out long status)) { Console.Error("usage: exit [status]\n"); continue; }
                    return (int)status;
                }
                if (!Builtins.Run(command, rest) && !RunKernelCommand(new string(text))) RunProgram(command, rest);
            }
        }

        // Commands the kernel itself carries out (insmod, lsmod, nooks, fault, ping, ...).
        private static bool RunKernelCommand(string line)
        {
            string output = Machine.Command(line, out long error);
            if (error == Errno.NoSuchEntry) return false;
            if (output == null) Console.Error($"sh: {Errno.Name(error)}\n");
            else Console.Write(output);
            return true;
        }

        private static void RunProgram(string name, string arguments)
        {
            long pid = Process.Spawn(name, arguments);
            if (pid == Errno.NoSuchEntry) { Console.Error($"sh: {name}: command not found\n"); return; }
            if (pid < 0) { Console.Error($"sh: {name}: {Errno.Name(pid)}\n"); return; }
            long status = Process.Wait(pid);
            if (status < 0) Console.Error($"sh: {name}: wait failed: {Errno.Name(status)}\n");
            else if (status != 0) Console.Error($"sh: {name} exited with status {status}{Signal(status)}\n");
        }

        private static string Signal(long status) =>
            status > ExitStatus.KilledByException ? $" (killed by CPU exception {status - ExitStatus.KilledByException})" : "";
    }
}
