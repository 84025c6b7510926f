using Nooks.Diagnostics;
using Nooks.Extensions;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Threading;

namespace Nooks.Recovery
{
    // After a fault: apply the policy; to restart, release everything the extension held,
    // discard its domain, load a fresh image, init it again and replay its configuration.
    // A fault seen in thread context is recovered at once, so the caller that saw the error can
    // use the extension again straight away; one seen in an interrupt handler (a device
    // interrupt, a timer, a transmit from the network stack's receive path) is handed to the
    // recovery thread, since reloading an extension is no work for interrupt context.
    public static unsafe class RecoveryManager
    {
        private const int MaxPending = 32;
        private static readonly Extension[] pending = new Extension[MaxPending];
        private static int pendingCount;
        private static SpinLock pendingLock;
        private static readonly WaitQueue work = new WaitQueue();

        public static void Start() =>
            KernelThread.Create("nooks-recovery", &RecoveryThread, 0, ThreadPriority.Highest).Start();

        public static void Request(Extension ext)
        {
            if (!Irq.InHandler && Scheduler.Current != null && Kernel.Arch.Cpu.InterruptsEnabled)
            {
                Recover(ext);
                return;
            }
            pendingLock.Acquire();
            bool queued = false;
            for (int i = 0; i < pendingCount; i++) queued |= pending[i] == ext;
            if (!queued && pendingCount < MaxPending) pending[pendingCount++] = ext;
            pendingLock.Release();
            work.WakeOne();
        }

        private static void RecoveryThread(ulong unused)
        {
            while (true)
            {
                pendingLock.Acquire();
                while (pendingCount == 0) work.Wait(ref pendingLock);
                Extension ext = pending[--pendingCount];
                pendingLock.Release();
                Recover(ext);
            }
        }

        private static void Recover(Extension ext)
        {
            if (ext.State != ExtensionState.Failed) return;
            // Threads that were asleep in the extension unwind while it is released; seeing it
            // Recovering rather than Failed, they do not ask for a second recovery.
            ext.State = ExtensionState.Recovering;
            FaultLog.Record(ext.Name, $"fault: {ext.LastFault}");
            if (RecoveryPolicy.Decide(ext) == RecoveryAction.Disable)
            {
                ExtensionLifecycle.ReleaseAll(ext);
                ext.State = ExtensionState.Disabled;
                FaultLog.Record(ext.Name, "disabled by the recovery policy");
                Log.Warn("nooks", $"{ext.Name} disabled by the recovery policy after {ext.Faults} faults");
                return;
            }
            Log.Warn("nooks", $"recovering {ext.Name}");
            ExtensionLifecycle.Restart(ext);
            if (ext.IsRunning) FaultLog.Record(ext.Name, $"restarted in {ext.LastRecoveryNanos / 1000} us");
            else FaultLog.Record(ext.Name, "restart failed");
        }
    }
}
