using Nooks.Kernel.Info;
using Nooks.Kernel.Time;

namespace Nooks.Kernel.Threading
{
    // The "threads" report: one line per thread, like ps.
    public static unsafe class ThreadsReport
    {
        public static void Register() => KernelInfo.Register("threads", &Build);

        private static string Build()
        {
            string text = " ID PRI STATE       CPU ms  PREEMPTED  NAME\n";
            for (int i = 0; i < Scheduler.MaxThreads; i++)
            {
                KernelThread t = Scheduler.ThreadAt(i);
                if (t == null) continue;
                text = string.Concat(text, $"{t.Id,3} {t.Priority,3} {KernelThread.StateName(t.State),-8} {t.CpuNanos / Clock.NanosPerMillisecond,9} {t.PreemptionCount,10}  {t.Name}\n");
            }
            return string.Concat(text, $"{Scheduler.ContextSwitches} context switches\n");
        }
    }
}
