using Nooks.Tools;

namespace Nooks.SystemTests;

// Talking to the console of a booted kernel: one command, its output up to the next prompt.
public static class KernelShell
{
    public static QemuProcess Boot(string commandLine)
    {
        SystemTests.Boot.Layout.RequireBuilt(SystemTests.Boot.Layout.Kernel);
        SystemTests.Boot.Layout.RequireBuilt(SystemTests.Boot.Layout.Disk);
        var qemu = QemuProcess.Start(QemuMachine.Isolated(SystemTests.Boot.Layout) with { ExtraArguments = ["-append", commandLine] });
        qemu.WaitFor(KernelConsole.Prompt, SystemTests.Boot.KernelTimeout);
        return qemu;
    }

    public static string Run(QemuProcess qemu, string command) => Run(qemu, command, SystemTests.Boot.KernelTimeout);

    public static string Run(QemuProcess qemu, string command, TimeSpan timeout)
    {
        int before = qemu.Console.Length;
        qemu.SendLine(command);
        qemu.WaitFor(KernelConsole.Prompt, timeout);
        string output = qemu.Console[before..];
        return output[..output.LastIndexOf(KernelConsole.Prompt, StringComparison.Ordinal)];
    }

    // Sends a command and reports whether the console came back within `timeout`.
    public static bool TryRun(QemuProcess qemu, string command, TimeSpan timeout, out string output)
    {
        int before = qemu.Console.Length;
        qemu.SendLine(command);
        try
        {
            qemu.WaitFor(KernelConsole.Prompt, timeout);
            output = qemu.Console[before..];
            return true;
        }
        catch (QemuConsoleException)
        {
            output = qemu.Console[before..];
            return false;
        }
    }
}
