using System.Diagnostics;
using System.Text;

namespace Nooks.Tools;

// One running QEMU with its serial console on pipes: wait for text, send lines, read everything
// said so far. Disposing kills QEMU if it still runs.
public sealed class QemuProcess : IDisposable
{
    private const int ReadBufferSize = 4096;
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly Stopwatch sinceStart;
    private readonly string? privateAudioDirectory;
    private readonly object gate = new();
    private readonly StringBuilder console = new();
    private readonly StringBuilder errors = new();
    private readonly Task consolePump, errorPump;
    private int searchFrom;
    private bool consoleClosed;

    private QemuProcess(Process process, Stopwatch sinceStart, string? privateAudioDirectory)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        this.privateAudioDirectory = privateAudioDirectory;
        process.StandardInput.AutoFlush = true;
        consolePump = Task.Run(() => Pump(process.StandardOutput.BaseStream, console, closesConsole: true));
        errorPump = Task.Run(() => Pump(process.StandardError.BaseStream, errors, closesConsole: false));
    }

    public static QemuProcess Start(QemuMachine machine)
    {
        string? privateAudioDirectory = machine.AudioDirectory is null ? Directory.CreateTempSubdirectory("nooks-qemu-").FullName : null;
        var startInfo = new ProcessStartInfo(QemuMachine.Emulator)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in machine.Arguments(machine.AudioDirectory ?? privateAudioDirectory!))
            startInfo.ArgumentList.Add(argument);
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {QemuMachine.Emulator}");
        return new QemuProcess(process, sinceStart, privateAudioDirectory);
    }

    // Runs QEMU on this process's own stdin and stdout (a person's terminal, or a pipe) until it
    // exits. Only stderr is read here, to tell QEMU's failures from the kernel's exit.
    public static QemuExit RunAttached(QemuMachine machine)
    {
        if (machine.AudioDirectory is null) throw new ArgumentException("an attached machine needs an audio directory", nameof(machine));
        var startInfo = new ProcessStartInfo(QemuMachine.Emulator) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in machine.Arguments(machine.AudioDirectory))
            startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {QemuMachine.Emulator}");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (errors) errors.AppendLine(line.Data);
            System.Console.Error.WriteLine(line.Data);
        };
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (errors) return new QemuExit(process.ExitCode, errors.ToString());
    }

    public TimeSpan Elapsed => sinceStart.Elapsed;

    public string Console
    {
        get { lock (gate) return console.ToString(); }
    }

    public string Errors
    {
        get { lock (gate) return errors.ToString(); }
    }

    // Waits until text appears after the previous match; returns the time since QEMU started.
    public TimeSpan WaitFor(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        lock (gate)
        {
            while (true)
            {
                int found = console.ToString(searchFrom, console.Length - searchFrom).IndexOf(text, StringComparison.Ordinal);
                if (found >= 0)
                {
                    searchFrom += found + text.Length;
                    return sinceStart.Elapsed;
                }
                TimeSpan left = timeout - deadline.Elapsed;
                if (consoleClosed || left <= TimeSpan.Zero)
                {
                    string why = consoleClosed ? "QEMU closed the console" : $"nothing after {timeout.TotalSeconds:0.#} s";
                    throw new QemuConsoleException($"waiting for \"{text}\": {why}\n--- console ---\n{console}\n--- stderr ---\n{errors}");
                }
                Monitor.Wait(gate, left);
            }
        }
    }

    // Sends a line to the guest's serial input. False if QEMU has already gone.
    public bool SendLine(string line)
    {
        try
        {
            process.StandardInput.Write(line + "\n");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public QemuExit WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
            throw new QemuConsoleException($"QEMU still running after {timeout.TotalSeconds:0.#} s\n--- console ---\n{Console}\n--- stderr ---\n{Errors}");
        Task.WaitAll(consolePump, errorPump);
        return new QemuExit(process.ExitCode, Errors);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(KillGrace);
        }
        process.Dispose();
        if (privateAudioDirectory is not null) Directory.Delete(privateAudioDirectory, recursive: true);
    }

    private async Task Pump(Stream from, StringBuilder into, bool closesConsole)
    {
        var buffer = new byte[ReadBufferSize];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            // Latin-1 maps every byte to one char: a guest's stray bytes never break decoding.
            string text = Encoding.Latin1.GetString(buffer, 0, read);
            lock (gate)
            {
                into.Append(text);
                Monitor.PulseAll(gate);
            }
        }
        lock (gate)
        {
            if (closesConsole) consoleClosed = true;
            Monitor.PulseAll(gate);
        }
    }
}
