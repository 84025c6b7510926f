using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Time;

namespace Nooks.Kernel.Threading
{
    // Boot-time checks of the scheduler, run with "selftest" on the kernel command line, that
    // print their verdict in the log: two threads interleave numbered lines, a 1000 ms sleep is
    // timed against the TSC, and two threads sum series with integer and SSE registers while
    // the timer preempts them, against the closed forms.
    public static unsafe class ThreadSelfTest
    {
        private const int InterleaveLines = 4;
        private const ulong SleepCheckMillis = 1000;
        private const int ChecksumRounds = 16;
        private const ulong ChecksumTerms = 1 << 20;

        private static Semaphore finished;

        // Only with `selftest` on the kernel command line: an ordinary boot stays quiet.
        public static void Start()
        {
            KernelThread.Create("ping", &Interleave, 30, ThreadPriority.Normal).Start();
            KernelThread.Create("pong", &Interleave, 45, ThreadPriority.Normal).Start();
            finished = new Semaphore(0);
            KernelThread.Create("selftest", &RunChecks, 0, ThreadPriority.Normal).Start();
        }

        private static void Interleave(ulong sleepMillis)
        {
            KernelThread self = Scheduler.Current;
            for (int i = 1; i <= InterleaveLines; i++)
            {
                Log.Info("demo", $"{self.Name} line {i}/{InterleaveLines}");
                Scheduler.Sleep(sleepMillis);
            }
        }

        private static void RunChecks(ulong unused)
        {
            ulong start = Cpu.ReadTsc();
            Scheduler.Sleep(SleepCheckMillis);
            ulong micros = Clock.TscToNanos(Cpu.ReadTsc() - start) / 1000;
            Log.Info("selftest", $"Sleep({SleepCheckMillis}) took {micros / 1000}.{micros % 1000:D3} ms");

            KernelThread.Create("sum-a", &Checksum, 1, ThreadPriority.Low).Start();
            KernelThread.Create("sum-b", &Checksum, 2, ThreadPriority.Low).Start();
            finished.Wait();
            finished.Wait();
            Log.Info("selftest", "done");
        }

        // Sums k*k (integer registers) and k*seed (SSE) for k < ChecksumTerms, round after round;
        // both fit their types exactly, so any register corrupted by a preemption shows.
        private static void Checksum(ulong seed)
        {
            KernelThread self = Scheduler.Current;
            ulong n = ChecksumTerms;
            ulong expectedSquares = (n - 1) * n * (2 * n - 1) / 6;
            double expectedLinear = (double)((n - 1) * n / 2 * seed);
            int bad = 0;
            for (int round = 0; round < ChecksumRounds; round++)
            {
                ulong squares = 0;
                double linear = 0;
                double step = seed;
                for (ulong k = 0; k < n; k++)
                {
                    squares += k * k;
                    linear += k * step;
                }
                if (squares != expectedSquares || linear != expectedLinear) bad++;
            }
            if (bad == 0) Log.Info("selftest", $"{self.Name}: {ChecksumRounds} rounds correct, preempted {self.PreemptionCount} times");
            else Log.Error("selftest", $"{self.Name}: {bad} of {ChecksumRounds} rounds WRONG after {self.PreemptionCount} preemptions");
            finished.Signal();
        }
    }
}
