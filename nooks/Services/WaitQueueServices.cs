using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Threading;

namespace Nooks.Services
{
    // Wait queues for extensions, with counted wakeups (a wakeup given while nobody sleeps waits
    // for the next sleeper). The kernel owns the queues, so recovery can wake every thread asleep
    // in a failed extension and let it unwind out of the domain before the domain's stacks go.
    public static unsafe partial class KernelServices
    {
        private const int MaxWaitQueues = 64;
        private const int MaxPendingWakeups = 1 << 20;

        private struct ExtensionWaitQueue
        {
            public Extension Owner;
            public WaitQueue Sleepers;     // made once per slot and kept: a woken sleeper may still touch it
            public SpinLock Guard;
            public int Sleeping;
            public int Pending;
            // The owner is being released: sleepers leave with ExtensionFailed, and the last one
            // out frees the slot.
            public bool Closing;
        }
        private static readonly ExtensionWaitQueue[] waitQueues = new ExtensionWaitQueue[MaxWaitQueues];

        public static long CreateWaitQueue()
        {
            Extension caller = Gate.Current;
            ulong flags = Cpu.SaveAndDisableInterrupts();
            long handle = ApiStatus.NoMemory;
            for (int i = 0; i < MaxWaitQueues; i++)
            {
                ref ExtensionWaitQueue q = ref waitQueues[i];
                if (q.Owner != null) continue;
                if (q.Sleepers == null) q.Sleepers = new WaitQueue();
                q.Owner = caller;
                q.Pending = 0;
                q.Sleeping = 0;
                q.Closing = false;
                handle = i + 1;
                break;
            }
            Cpu.RestoreInterrupts(flags);
            if (handle > 0) caller.Tracker.Add(ObjectKind.WaitQueue, (ulong)handle, CallOrigin.CreateWaitQueue);
            return handle;
        }

        public static int WaitOnQueue(long queue, int timeoutMilliseconds)
        {
            Extension caller = Gate.Current;
            if (!IsWaitQueueOf(caller, queue)) return ApiStatus.BadHandle;
            if (timeoutMilliseconds < 0) return ApiStatus.Invalid;
            if (!Gate.MaySleep(caller))
            {
                Kernel.Console.Log.Warn("nooks", $"{caller.Name}: nk_waitq_wait refused: the caller may not sleep here");
                return ApiStatus.WouldBlock;
            }
            ref ExtensionWaitQueue q = ref waitQueues[queue - 1];
            ulong deadline = timeoutMilliseconds == 0 ? 0 : Kernel.Console.Log.Now() + (ulong)timeoutMilliseconds * NanosPerMillisecond;
            // An isolated caller arrives with interrupts off (domains run with them off); they
            // must be on to sleep, and are off again before the wrapper re-enters the domain.
            ulong entryFlags = Cpu.ReadFlags();
            ulong started = Cpu.ReadTsc();
            Cpu.EnableInterrupts();
            q.Guard.Acquire();
            int status = ApiStatus.Ok;
            q.Sleeping++;
            while (q.Pending == 0 && !q.Closing)
            {
                if (deadline == 0) q.Sleepers.Wait(ref q.Guard);
                else if (!q.Sleepers.WaitUntil(ref q.Guard, deadline) && q.Pending == 0) { status = ApiStatus.TimedOut; break; }
            }
            q.Sleeping--;
            if (q.Closing)
            {
                status = ApiStatus.ExtensionFailed;
                if (q.Sleeping == 0) q.Owner = null;
            }
            else if (status == ApiStatus.Ok) q.Pending--;
            q.Guard.Release();
            Cpu.RestoreInterrupts(entryFlags);
            Gate.ExcludeFromWatchdog(Cpu.ReadTsc() - started);
            return status;
        }

        public static int WakeQueue(long queue, int count)
        {
            Extension caller = Gate.Current;
            if (!IsWaitQueueOf(caller, queue)) return ApiStatus.BadHandle;
            if (count < 0) return ApiStatus.Invalid;
            ref ExtensionWaitQueue q = ref waitQueues[queue - 1];
            q.Guard.Acquire();
            q.Pending = q.Pending + count > MaxPendingWakeups ? MaxPendingWakeups : q.Pending + count;
            int woken = 0;
            while (woken < count && woken < q.Sleeping && q.Sleepers.WakeOne()) woken++;
            q.Guard.Release();
            return woken;
        }

        public static int DestroyWaitQueue(long queue)
        {
            Extension caller = Gate.Current;
            if (!IsWaitQueueOf(caller, queue)) return ApiStatus.BadHandle;
            ref ExtensionWaitQueue q = ref waitQueues[queue - 1];
            q.Guard.Acquire();
            bool busy = q.Sleeping > 0;
            if (!busy) q.Owner = null;
            q.Guard.Release();
            if (busy) return ApiStatus.Busy;
            caller.Tracker.Remove(ObjectKind.WaitQueue, (ulong)queue);
            return ApiStatus.Ok;
        }

        // Recovery and unload: wake every sleeper with ExtensionFailed; the slot is free once
        // the last of them has left.
        private static void ReleaseWaitQueue(Extension owner, long queue)
        {
            if (!IsWaitQueueOf(owner, queue)) return;
            ref ExtensionWaitQueue q = ref waitQueues[queue - 1];
            q.Guard.Acquire();
            if (q.Sleeping == 0) q.Owner = null;
            else
            {
                q.Closing = true;
                q.Sleepers.WakeAll();
            }
            int sleeping = q.Sleeping;
            q.Guard.Release();
            if (sleeping > 0) Kernel.Console.Log.Info("nooks", $"{owner.Name}: woke {sleeping} thread(s) asleep in it; they unwind before its memory goes");
        }

        // Threads asleep in this extension's wait queues (a native extension cannot be unloaded
        // under them: they would wake into freed code).
        public static int SleepingIn(Extension e)
        {
            int sleeping = 0;
            for (int i = 0; i < MaxWaitQueues; i++)
                if (waitQueues[i].Owner == e) sleeping += waitQueues[i].Sleeping;
            return sleeping;
        }

        private static bool IsWaitQueueOf(Extension e, long handle) =>
            handle >= 1 && handle <= MaxWaitQueues && waitQueues[handle - 1].Owner == e && !waitQueues[handle - 1].Closing;
    }
}
