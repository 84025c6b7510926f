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

    public static string Run(QemuProcess qemu, string command, TimeSpan timeout) => KernelShellReports.Run(qemu, command, timeout);

    // Sends a command and reports whether the console came back within `timeout`.
    public static bool TryRun(QemuProcess qemu, string command, TimeSpan timeout, out string output) =>
        KernelShellReports.TryRun(qemu, command, timeout, out output);
}
