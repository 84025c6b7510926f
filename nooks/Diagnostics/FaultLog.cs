using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Threading;
using Nooks.Kernel.Time;

namespace Nooks.Diagnostics
{
    // Every extension fault and what recovery did about it, numbered, for `nooks events` and for
    // the user-mode agent, which blocks in WaitSince (`nooks wait-events`) until Record tells it
    // of a new event. Record may run in an interrupt handler (the watchdog's recovery): the log
    // is guarded by a SpinLock and the waiters are woken through a WaitQueue, both safe there.
    public static class FaultLog
    {
        private const int Capacity = 64;
        private static readonly string[] lines = new string[Capacity];
        private static long next = 1;
        private static SpinLock guard;
        private static readonly WaitQueue arrivals = new WaitQueue();
        private static int waiters;

        public static long LastSequence => next - 1;

        // Threads blocked in WaitSince right now (init waits for the agent to be one).
        public static int Waiters => waiters;

        public static void Record(string extension, System.Runtime.CompilerServices.DefaultInterpolatedStringHandler what)
        {
            string text = what.ToStringAndClear();
            Record(extension, text);
            KernelHeap.FreeObject(text);
        }

        public static void Record(string extension, string what)
        {
            ulong micros = Log.Now() / 1000;
            guard.Acquire();
            KernelHeap.FreeObject(lines[next % Capacity]);
            lines[next % Capacity] = $"{next} {micros / 1000000}.{micros % 1000000:D6} {extension} {what}";
            next++;
            guard.Release();
            arrivals.WakeAll();
        }

        // Events numbered after `sequence`, oldest first, one a line.
        public static string Since(long sequence)
        {
            guard.Acquire();
            string text = SinceLocked(sequence);
            guard.Release();
            return text;
        }

        // Blocks the calling thread until an event numbered after `sequence` exists or
        // `timeoutMilliseconds` pass (0: no limit), then returns the events after `sequence`
        // ("" on timeout). The caller owns the text.
        public static string WaitSince(long sequence, ulong timeoutMilliseconds)
        {
            Scheduler.AssertMaySleep("FaultLog.WaitSince");
            ulong deadline = timeoutMilliseconds == 0 ? ulong.MaxValue : Clock.UptimeNanos + timeoutMilliseconds * Clock.NanosPerMillisecond;
            guard.Acquire();
            waiters++;
            while (next - 1 <= sequence)
            {
                if (deadline == ulong.MaxValue) arrivals.Wait(ref guard);
                else if (!arrivals.WaitUntil(ref guard, deadline)) break;
            }
            waiters--;
            string text = SinceLocked(sequence);
            guard.Release();
            return text;
        }

        // One allocation: this runs once per fault for the agent, and nothing frees garbage.
        private static string SinceLocked(long sequence)
        {
            long first = sequence + 1;
            if (first < next - Capacity) first = next - Capacity;
            if (first < 1) first = 1;
            int length = 0;
            for (long s = first; s < next; s++) length += lines[s % Capacity].Length + 1;
            if (length == 0) return "";
            string text = new string('\0', length);
            unsafe
            {
                fixed (char* chars = text)
                {
                    int at = 0;
                    for (long s = first; s < next; s++)
                    {
                        string line = lines[s % Capacity];
                        for (int i = 0; i < line.Length; i++) chars[at++] = line[i];
                        chars[at++] = '\n';
                    }
                }
            }
            return text;
        }

        public static string Report()
        {
            if (LastSequence == 0) return "no extension faults\n";
            string events = Since(0);
            string text = "SEQ TIME EXTENSION EVENT\n" + events;
            KernelHeap.FreeObject(events);
            return text;
        }
    }
}
