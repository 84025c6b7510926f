namespace Nooks.Kernel.Threading
{
    // A counting semaphore. Signal may be called from interrupt handlers; Wait may sleep.
    public sealed class Semaphore
    {
        private SpinLock guard;
        private readonly WaitQueue waiters = new WaitQueue();
        private int count;

        public Semaphore(int initialCount) { count = initialCount; }

        public int Count => count;

        public void Wait()
        {
            Scheduler.AssertMaySleep("Semaphore.Wait");
            guard.Acquire();
            while (count == 0) waiters.Wait(ref guard);
            count--;
            guard.Release();
        }

        public bool TryWait()
        {
            guard.Acquire();
            bool taken = count > 0;
            if (taken) count--;
            guard.Release();
            return taken;
        }

        public void Signal()
        {
            guard.Acquire();
            count++;
            waiters.WakeOne();
            guard.Release();
            Scheduler.PreemptIfNeeded();
        }
    }
}
