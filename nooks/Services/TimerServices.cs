using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;

namespace Nooks.Services
{
    // One-shot timers for extensions, checked on every timer tick: a due timer calls the
    // extension's callback (through the gate when it is isolated) in interrupt context.
    public static unsafe partial class KernelServices
    {
        private const int MaxTimers = 64;
        private struct ExtensionTimer
        {
            public Extension Owner;
            public ulong Callback;
            public long Context;
            public ulong DueNanos;   // 0: not armed
        }
        private static readonly ExtensionTimer[] timers = new ExtensionTimer[MaxTimers];
        private const ulong NanosPerMillisecond = 1000000;

        public static void StartTimers() => Kernel.Time.SystemTimer.AddTickHook(&RunDueTimers);

        public static long CreateTimer(delegate* unmanaged<long, void> callback, long context)
        {
            Extension caller = Gate.Current;
            for (int i = 0; i < MaxTimers; i++)
            {
                if (timers[i].Owner != null) continue;
                timers[i] = new ExtensionTimer { Owner = caller, Callback = (ulong)callback, Context = context };
                long handle = i + 1;
                caller.Tracker.Add(ObjectKind.Timer, (ulong)handle, CallOrigin.CreateTimer);
                caller.Tracker.AddEntryPoint((ulong)callback, CallOrigin.CreateTimer);
                return handle;
            }
            return ApiStatus.NoMemory;
        }

        public static int ArmTimer(long timer, int milliseconds)
        {
            Extension caller = Gate.Current;
            if (!IsTimerOf(caller, timer)) return ApiStatus.BadHandle;
            if (milliseconds < 0) return ApiStatus.Invalid;
            timers[timer - 1].DueNanos = Kernel.Console.Log.Now() + (ulong)milliseconds * NanosPerMillisecond + 1;
            return ApiStatus.Ok;
        }

        public static int DestroyTimer(long timer)
        {
            Extension caller = Gate.Current;
            if (!IsTimerOf(caller, timer)) return ApiStatus.BadHandle;
            timers[timer - 1] = default;
            caller.Tracker.Remove(ObjectKind.Timer, (ulong)timer);
            return ApiStatus.Ok;
        }

        private static void ReleaseTimer(Extension owner, long timer)
        {
            if (IsTimerOf(owner, timer)) timers[timer - 1] = default;
        }

        private static bool IsTimerOf(Extension e, long handle) =>
            handle >= 1 && handle <= MaxTimers && timers[handle - 1].Owner == e;

        private static void RunDueTimers()
        {
            ulong now = Kernel.Console.Log.Now();
            for (int i = 0; i < MaxTimers; i++)
            {
                ExtensionTimer t = timers[i];
                if (t.Owner == null || t.DueNanos == 0 || t.DueNanos > now || !t.Owner.IsRunning) continue;
                timers[i].DueNanos = 0;
                Gate.Call(t.Owner, t.Callback, t.Context);
            }
        }
    }
}
