using System;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Info;

namespace Nooks.Kernel.Console
{
    // The pre-init console: a minimal kernel-side command loop on COM1 that keeps the system
    // usable until the ring-3 shell exists. It prints kernel info reports by name and powers
    // off; it is not the shell and will go once init runs in user mode.
    public static class BootConsole
    {
        private const string Prompt = "nooks> ";
        private const int MaxLine = 128;

        public static void Run()
        {
            var line = new char[MaxLine];
            Terminal.Write("pre-init console: 'help' lists commands\n");
            while (true)
            {
                Terminal.Write(Prompt);
                int length = ConsoleInput.ReadLine(line);
                Execute(((ReadOnlySpan<char>)line).Slice(0, length).Trim());
            }
        }

        private static void Execute(ReadOnlySpan<char> command)
        {
            if (command.IsEmpty) return;
            if (command.SequenceEqual("help"))
            {
                Terminal.Write("commands: help, poweroff, and the kernel reports:");
                for (int i = 0; i < KernelInfo.Count; i++) { Terminal.Write(" "); Terminal.Write(KernelInfo.NameAt(i)); }
                Terminal.Write("\nkernel commands:\n");
                Terminal.Write(Nooks.Commands.KernelCommands.Help());
                return;
            }
            if (command.SequenceEqual("poweroff"))
            {
                Log.Info("console", "powering off");
                Cpu.Out32(QemuDebugExit.Port, QemuDebugExit.Success);
                Cpu.HaltForever();
            }
            string name = new string(command);
            string output = Nooks.Commands.KernelCommands.Execute(name);
            string report = output == null ? KernelInfo.Read(name) : null;
            if (output != null) Terminal.Write(output);
            else if (report != null) Terminal.Write(report);
            else Terminal.Write($"unknown command '{name}'; try 'help'\n");
            Memory.KernelHeap.FreeObject(output);
            Memory.KernelHeap.FreeObject(report);
            Memory.KernelHeap.FreeObject(name);
        }
    }
}
