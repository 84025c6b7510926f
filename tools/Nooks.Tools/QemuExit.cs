using Nooks.Kernel.Arch;

namespace Nooks.Tools;

// How a QEMU run ended, and the shell exit code that tells it: the kernel's own code when it
// exited through isa-debug-exit (0 = success), else one of the codes below.
public readonly record struct QemuExit(int Status, string Errors)
{
    // The kernel's codes fit in 7 bits (QEMU's status is 8), so these cannot be mistaken for one.
    public const int EndedWithoutKernelExit = 124;
    public const int EmulatorFailed = 125;
    private const string ErrorPrefix = QemuMachine.Emulator + ": ";
    private const string WarningPrefix = ErrorPrefix + "warning:";

    public int KernelCode => QemuDebugExit.CodeFromStatus(Status);

    // QEMU reports its own failures (bad option, missing file) with status 1, which is also the
    // status of a kernel writing Success: its message on stderr tells the two apart.
    public bool EmulatorReportedError => Errors
        .Split('\n')
        .Any(line => line.StartsWith(ErrorPrefix, StringComparison.Ordinal) && !line.StartsWith(WarningPrefix, StringComparison.Ordinal));

    public bool KernelSucceeded => ShellExitCode == (int)QemuDebugExit.Success;

    public int ShellExitCode =>
        EmulatorReportedError ? EmulatorFailed
        : KernelCode == QemuDebugExit.NotFromDevice ? EndedWithoutKernelExit
        : KernelCode;

    public override string ToString() =>
        EmulatorReportedError ? $"QEMU failed (status {Status}): {Errors.Trim()}"
        : KernelCode == QemuDebugExit.NotFromDevice ? $"QEMU ended without the kernel exiting (status {Status})"
        : $"kernel exited with code {KernelCode}";
}
