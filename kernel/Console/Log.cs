using System.Runtime.CompilerServices;
using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Console
{
    public enum LogLevel { Debug, Info, Warn, Error }

    // The kernel log: every line goes to COM1 with a timestamp and level, and into a ring buffer
    // that `dmesg` reads back.
    public static class Log
    {
        private const int RingCapacity = 32 * 1024;
        private static readonly char[] ring = new char[RingCapacity];
        private static long written;

        public static LogLevel ConsoleLevel = LogLevel.Info;

        // Nanoseconds since boot; set once the clock is calibrated.
        public static unsafe delegate*<ulong> Clock;

        public static unsafe ulong Now() => Clock != null ? Clock() : 0;

        public static void Debug(string subsystem, string message) => Write(LogLevel.Debug, subsystem, message);
        public static void Info(string subsystem, string message) => Write(LogLevel.Info, subsystem, message);
        public static void Warn(string subsystem, string message) => Write(LogLevel.Warn, subsystem, message);
        public static void Error(string subsystem, string message) => Write(LogLevel.Error, subsystem, message);

        // $"..." messages build here and their text goes back to the heap once written: the
        // kernel has no collector, and log lines are its most frequent allocation.
        public static void Debug(string subsystem, DefaultInterpolatedStringHandler message) => WriteOnce(LogLevel.Debug, subsystem, ref message);
        public static void Info(string subsystem, DefaultInterpolatedStringHandler message) => WriteOnce(LogLevel.Info, subsystem, ref message);
        public static void Warn(string subsystem, DefaultInterpolatedStringHandler message) => WriteOnce(LogLevel.Warn, subsystem, ref message);
        public static void Error(string subsystem, DefaultInterpolatedStringHandler message) => WriteOnce(LogLevel.Error, subsystem, ref message);

        private static void WriteOnce(LogLevel level, string subsystem, ref DefaultInterpolatedStringHandler message)
        {
            string text = message.ToStringAndClear();
            Write(level, subsystem, text);
            Memory.KernelHeap.FreeObject(text);
        }

        public static unsafe void Write(LogLevel level, string subsystem, string message)
        {
            ulong nanos = Clock != null ? Clock() : 0;
            ulong micros = nanos / 1000;
            string line = $"[{micros / 1000000,5}.{micros % 1000000:D6}] {LevelTag(level)}{subsystem}: {message}\n";
            ulong flags = Cpu.SaveAndDisableInterrupts();
            for (int i = 0; i < line.Length; i++) ring[(int)(written++ % RingCapacity)] = line[i];
            if (level >= ConsoleLevel) Terminal.WriteRaw(line);
            Cpu.RestoreInterrupts(flags);
            Memory.KernelHeap.FreeObject(line);
        }

        private static string LevelTag(LogLevel level) => level switch
        {
            LogLevel.Debug => "debug: ",
            LogLevel.Warn => "warning: ",
            LogLevel.Error => "error: ",
            _ => "",
        };

        // Copies the retained log (oldest first) into destination; returns the count copied.
        public static int CopyTo(System.Span<char> destination)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            long start = written > RingCapacity ? written - RingCapacity : 0;
            // Skip a partial first line when the ring has wrapped.
            if (start > 0) while (start < written && ring[(int)(start++ % RingCapacity)] != '\n') { }
            int n = 0;
            for (long i = start; i < written && n < destination.Length; i++) destination[n++] = ring[(int)(i % RingCapacity)];
            Cpu.RestoreInterrupts(flags);
            return n;
        }

        public static int RetainedLength => (int)(written > RingCapacity ? RingCapacity : written);
    }
}
