using System.Globalization;
using Nooks.Kernel.Arch;

namespace Nooks.Tools;

public enum BootMedium
{
    // qemu -kernel: QEMU's own Multiboot1 loader, the fast path.
    Kernel,
    // The GRUB ISO: Multiboot2 through a real bootloader, as on hardware.
    Iso,
}

public enum ConsoleMode
{
    // Serial multiplexed with the monitor on the terminal: ctrl-a x quits, ctrl-a c is the monitor.
    Terminal,
    // Serial alone on stdin/stdout, no monitor: input is piped, so ctrl-a must reach the guest as data.
    Pipe,
}

// The default Nooks.OS machine. Every runner (build.sh run, the system tests, the benchmarks)
// builds its QEMU command line here, so they all boot the same hardware.
public sealed record QemuMachine
{
    public const string Emulator = "qemu-system-x86_64";
    public const int MemoryMiB = 256;
    public const int GuestHttpPort = 80;
    public const int GuestEchoPort = 7;
    public const int DefaultHttpHostPort = 8080;
    public const int DefaultEchoHostPort = 8081;
    public const string HttpPortVariable = "NOOKS_HTTP_PORT";
    public const string EchoPortVariable = "NOOKS_ECHO_PORT";

    public required string KernelPath { get; init; }
    public required string IsoPath { get; init; }
    public required string DiskPath { get; init; }
    public IReadOnlyList<string> BootModules { get; init; } = [];
    public BootMedium Medium { get; init; } = BootMedium.Kernel;
    public ConsoleMode Console { get; init; } = ConsoleMode.Pipe;
    public int HttpHostPort { get; init; } = DefaultHttpHostPort;
    public int EchoHostPort { get; init; } = DefaultEchoHostPort;
    // Where the sound cards' wav files go; null lets QemuProcess use a private directory.
    public string? AudioDirectory { get; init; }
    // Writes go to a temporary overlay, so parallel machines can share the disk image.
    public bool DiskSnapshot { get; init; }
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
    // Passed with -append on kernel boots unless the extra arguments bring their own.
    public string KernelCommandLine { get; init; } = "";

    // What a person gets from ./build.sh run (and the ISO's grub.cfg): the e1000 isolated.
    public const string DefaultCommandLine = "nooks.load=e1000:isolated";

    // The machine for a person at ./build.sh run: fixed ports (overridable), wav files in out/.
    public static QemuMachine Interactive(RepoLayout layout, BootMedium medium, bool stdinIsTerminal) => new()
    {
        KernelPath = layout.Kernel,
        IsoPath = layout.Iso,
        DiskPath = layout.Disk,
        BootModules = layout.BootModules(),
        Medium = medium,
        Console = stdinIsTerminal ? ConsoleMode.Terminal : ConsoleMode.Pipe,
        HttpHostPort = PortFromEnvironment(HttpPortVariable, DefaultHttpHostPort),
        EchoHostPort = PortFromEnvironment(EchoPortVariable, DefaultEchoHostPort),
        AudioDirectory = layout.Out,
        KernelCommandLine = DefaultCommandLine,
    };

    // A machine that can run beside others: its own ports, its own wav files, a read-only disk.
    public static QemuMachine Isolated(RepoLayout layout, BootMedium medium = BootMedium.Kernel) => new()
    {
        KernelPath = layout.Kernel,
        IsoPath = layout.Iso,
        DiskPath = layout.Disk,
        BootModules = layout.BootModules(),
        Medium = medium,
        Console = ConsoleMode.Pipe,
        HttpHostPort = HostPorts.FreeTcpPort(),
        EchoHostPort = HostPorts.FreeUdpPort(),
        DiskSnapshot = true,
    };

    public IReadOnlyList<string> Arguments(string audioDirectory)
    {
        var args = new List<string>
        {
            "-m", MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "-cpu", "max",
            "-no-reboot",
        };
        args.AddRange(Medium switch
        {
            BootMedium.Kernel => KernelBoot(),
            BootMedium.Iso => ["-cdrom", IsoPath, "-boot", "d"],
            _ => throw new ArgumentOutOfRangeException(nameof(Medium)),
        });
        args.AddRange(
        [
            "-netdev", $"user,id=net0,hostfwd=tcp:127.0.0.1:{HttpHostPort}-:{GuestHttpPort},hostfwd=udp:127.0.0.1:{EchoHostPort}-:{GuestEchoPort}",
            "-device", "e1000,netdev=net0",
            "-netdev", "user,id=net1",
            "-device", "pcnet,netdev=net1",
            "-audiodev", $"wav,id=sb16,path={Path.Combine(audioDirectory, "sb16.wav")}",
            "-device", "sb16,audiodev=sb16",
            "-audiodev", $"wav,id=es1370,path={Path.Combine(audioDirectory, "es1370.wav")}",
            "-device", "ES1370,audiodev=es1370",
            "-drive", $"file={DiskPath},format=raw,if=ide,index=0{(DiskSnapshot ? ",snapshot=on" : "")}",
            "-device", $"isa-debug-exit,iobase=0x{QemuDebugExit.Port:x},iosize=0x{QemuDebugExit.PortWidth:x}",
            "-display", "none",
        ]);
        args.AddRange(Console switch
        {
            ConsoleMode.Terminal => ["-serial", "mon:stdio"],
            ConsoleMode.Pipe => ["-serial", "stdio", "-monitor", "none"],
            _ => throw new ArgumentOutOfRangeException(nameof(Console)),
        });
        args.AddRange(ExtraArguments);
        return args;
    }

    private IEnumerable<string> KernelBoot()
    {
        yield return "-kernel";
        yield return KernelPath;
        if (KernelCommandLine.Length > 0 && !ExtraArguments.Contains("-append"))
        {
            yield return "-append";
            yield return KernelCommandLine;
        }
        if (BootModules.Count == 0) yield break;
        yield return "-initrd";
        yield return string.Join(',', BootModules);
    }

    private static int PortFromEnvironment(string variable, int fallback)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value)) return fallback;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= ushort.MaxValue
            ? port
            : throw new ArgumentException($"{variable}={value} is not a port number");
    }
}
