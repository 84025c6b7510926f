using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Arch;

namespace Nooks.Services
{
    // Spinning locks for extensions. The kernel owns the lock words (an extension only holds a
    // handle), so it always knows which locks an extension holds: an isolated extension that
    // returns to the kernel holding one has failed, and recovery can let go of them.
    public static unsafe partial class KernelServices
    {
        private const int MaxLocks = 128;
        private struct ExtensionLock
        {
            public Extension Owner;
            public bool Held;
            public ulong SavedFlags;
        }
        private static readonly ExtensionLock[] locks = new ExtensionLock[MaxLocks];

        public static long CreateLock()
        {
            Extension caller = Gate.Current;
            for (int i = 0; i < MaxLocks; i++)
            {
                if (locks[i].Owner != null) continue;
                locks[i] = new ExtensionLock { Owner = caller };
                long handle = i + 1;
                caller.Tracker.Add(ObjectKind.Lock, (ulong)handle, CallOrigin.CreateLock);
                return handle;
            }
            return ApiStatus.NoMemory;
        }

        public static int AcquireLock(long @lock)
        {
            Extension caller = Gate.Current;
            if (!IsLockOf(caller, @lock)) return ApiStatus.BadHandle;
            ref ExtensionLock l = ref locks[@lock - 1];
            // One CPU: a held lock can only be released by code this one would have to wait for.
            // A native extension that acquires its own held lock therefore hangs the kernel,
            // exactly as it would on Linux; an isolated one fails instead of waiting.
            if (l.Held && caller.Domain != null)
                Gate.FailCall(caller.Domain, "nk_lock_acquire: the lock is already held, and on one CPU its holder cannot run until this call returns");
            ulong flags = Cpu.SaveAndDisableInterrupts();
            while (l.Held) Cpu.Pause();
            l.Held = true;
            l.SavedFlags = flags;
            if (caller.Domain != null) caller.Domain.LocksHeld++;
            return ApiStatus.Ok;
        }

        public static int ReleaseLock(long @lock)
        {
            Extension caller = Gate.Current;
            if (!IsLockOf(caller, @lock)) return ApiStatus.BadHandle;
            ref ExtensionLock l = ref locks[@lock - 1];
            if (!l.Held) return ApiStatus.Invalid;
            l.Held = false;
            if (caller.Domain != null) caller.Domain.LocksHeld--;
            Cpu.RestoreInterrupts(l.SavedFlags);
            return ApiStatus.Ok;
        }

        public static int DestroyLock(long @lock)
        {
            Extension caller = Gate.Current;
            if (!IsLockOf(caller, @lock)) return ApiStatus.BadHandle;
            if (locks[@lock - 1].Held) return ApiStatus.Busy;
            locks[@lock - 1] = default;
            caller.Tracker.Remove(ObjectKind.Lock, (ulong)@lock);
            return ApiStatus.Ok;
        }

        // Recovery: the lock goes, held or not.
        private static void ReleaseLockObject(Extension owner, long @lock)
        {
            if (IsLockOf(owner, @lock)) locks[@lock - 1] = default;
        }

        private static bool IsLockOf(Extension e, long handle) =>
            handle >= 1 && handle <= MaxLocks && locks[handle - 1].Owner == e;
    }
}
