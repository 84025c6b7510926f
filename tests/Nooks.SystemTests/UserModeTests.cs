using Nooks.Tools;

namespace Nooks.SystemTests;

// Ring 3 from the outside: init starts the shell, programs run and fail without taking the
// kernel with them, bad system call arguments are refused.
public class UserModeTests
{
    private const string Prompt = KernelConsole.Prompt;
    // Only `uname` prints the name alone on a line (the banner goes on with the version).
    private const string UnameAnswer = "\nNooks.OS\r\n";

    private static QemuProcess StartShell(params string[] kernelOptions)
    {
        var machine = QemuMachine.Isolated(Boot.Layout) with
        {
            ExtraArguments = kernelOptions.Length == 0 ? [] : ["-append", string.Join(' ', kernelOptions)],
        };
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        var qemu = QemuProcess.Start(machine);
        qemu.WaitFor(Prompt, Boot.KernelTimeout);
        return qemu;
    }

    private static void AssertShellAnswers(QemuProcess qemu)
    {
        qemu.SendLine("uname");
        qemu.WaitFor(UnameAnswer, Boot.KernelTimeout);
    }

    [Fact]
    public void InitStartsTheShellWhichAnswers()
    {
        using var qemu = StartShell();
        Assert.Contains("init: running as pid", qemu.Console);
        AssertShellAnswers(qemu);
    }

    [Fact]
    public void UnknownCommandIsReported()
    {
        using var qemu = StartShell();
        qemu.SendLine("nosuchprogram");
        qemu.WaitFor("sh: nosuchprogram: command not found", Boot.KernelTimeout);
    }

    [Fact]
    public void MalformedArgumentsGetAUsageMessage()
    {
        using var qemu = StartShell();
        qemu.SendLine("uname -z");
        qemu.WaitFor("usage: uname [-a]", Boot.KernelTimeout);
    }

    [Fact]
    public void NullDereferenceKillsOnlyTheProcess()
    {
        using var qemu = StartShell();
        qemu.SendLine("nullderef");
        qemu.WaitFor("(nullderef) killed: page fault (#PF) at 0x0 (read, page not present), rip 0x", Boot.KernelTimeout);
        qemu.WaitFor("sh: nullderef exited with status 142", Boot.KernelTimeout);
        AssertShellAnswers(qemu);
    }

    [Fact]
    public void BadSystemCallArgumentsAreRejected()
    {
        using var qemu = StartShell();
        qemu.SendLine("badsyscall");
        qemu.WaitFor("badsyscall: all bad calls rejected", Boot.KernelTimeout);
        Assert.Contains("write from kernel image: -14", qemu.Console);
        Assert.Contains("unknown system call: -38", qemu.Console);
        AssertShellAnswers(qemu);
    }

    [Fact]
    public void ShellExitMakesInitStartAnother()
    {
        using var qemu = StartShell();
        qemu.SendLine("exit 3");
        qemu.WaitFor("exited with status 3; starting a new one", Boot.KernelTimeout);
        AssertShellAnswers(qemu);
    }

    [Fact]
    public void KernelFaultIsRefusedWithoutTheTestOption()
    {
        using var qemu = StartShell();
        qemu.SendLine("kfault");
        qemu.WaitFor("kfault: refused", Boot.KernelTimeout);
        AssertShellAnswers(qemu);
    }

    [Fact]
    public void KernelFaultGivesAFullExceptionReport()
    {
        using var qemu = StartShell("nooks.test");
        qemu.SendLine("kfault");
        qemu.WaitFor("*** system halted", Boot.KernelTimeout);
        string console = qemu.Console;
        Assert.Contains("KERNEL PANIC: page fault (#PF), vector 14, error code 0", console);
        Assert.Contains("CR2 ", console);
        Assert.Contains("RAX ", console);
        Assert.Contains("MachineCalls__KernelFault", console);
    }

    [Fact]
    public void PowerOffFromTheShellExitsCleanly()
    {
        using var qemu = StartShell();
        qemu.SendLine("poweroff");
        QemuExit exit = qemu.WaitForExit(Boot.KernelTimeout);
        Assert.True(exit.KernelSucceeded, $"{exit}\n{qemu.Console}");
    }
}
