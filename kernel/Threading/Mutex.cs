namespace Nooks.Kernel.Threading
{
    // A sleeping lock with an owner, for sections that may block or run long. Only the owner may
    // unlock it; a thread locking it twice would deadlock. Both are kernel bugs and panic.
    public sealed class Mutex
    {
        private SpinLock guard;
        private readonly WaitQueue waiters = new WaitQueue();
        private KernelThread owner;

        public readonly string Name;

        public Mutex(string name) { Name = name; }

        public KernelThread Owner => owner;

        public void Lock()
        {
            Scheduler.AssertMaySleep("Mutex.Lock");
            KernelThread self = Scheduler.Current;
            guard.Acquire();
            if (owner == self)
            {
                guard.Release();
                Panic.Halt($"thread {self.Id} '{self.Name}' locks mutex '{Name}' that it already holds (deadlock)");
            }
            while (owner != null) waiters.Wait(ref guard);
            owner = self;
            guard.Release();
        }

        public bool TryLock()
        {
            guard.Acquire();
            bool taken = owner == null;
            if (taken) owner = Scheduler.Current;
            guard.Release();
            return taken;
        }

        public void Unlock()
        {
            KernelThread self = Scheduler.Current;
            guard.Acquire();
            if (owner != self)
            {
                KernelThread holder = owner;
                guard.Release();
                Panic.Halt($"{Describe(self)} unlocks mutex '{Name}' held by {(holder == null ? "nobody" : Describe(holder))}");
            }
            owner = null;
            waiters.WakeOne();
            guard.Release();
            Scheduler.PreemptIfNeeded();
        }

        private static string Describe(KernelThread t) => t == null ? "code outside any thread" : $"thread {t.Id} '{t.Name}'";
    }
}
