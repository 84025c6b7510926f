using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Threading
{
    // Threads waiting for something. The waiter checks its condition under a SpinLock and calls
    // Wait with that lock held: the thread is queued before the lock (and with it the interrupt
    // flag) is let go, so a wakeup from another thread or an interrupt handler cannot fall
    // between the check and the sleep. Wakers may run anywhere, interrupt handlers included.
    public sealed class WaitQueue
    {
        private KernelThread head, tail;

        public bool IsEmpty => head == null;

        // Sleeps until woken; returns with `held` locked again. Recheck the condition: another
        // thread may have consumed what the wakeup announced.
        public void Wait(ref SpinLock held)
        {
            KernelThread self = Scheduler.Current;
            if (self == null) Panic.Halt("WaitQueue.Wait before the scheduler is running");
            if (!held.IsHeld) Panic.Halt($"WaitQueue.Wait by thread {self.Id} '{self.Name}' without holding the lock that guards the condition");
            if (!held.InterruptsWereEnabled || Interrupts.Irq.InHandler)
                Panic.Halt($"WaitQueue.Wait by thread {self.Id} '{self.Name}' with interrupts off: it would never wake");
            self.Next = null;
            self.WaitingOn = this;
            if (tail == null) head = self; else tail.Next = self;
            tail = self;
            ulong flags = held.ReleaseForSleep();
            Scheduler.BlockCurrent();
            held.ReacquireAfterSleep(flags);
        }

        // As Wait, but gives up when the clock reaches `deadlineNanos` (Clock.UptimeNanos); false
        // if it did (the thread is then off the queue). The timer tick ends the wait, so the
        // deadline is met to within a tick.
        public bool WaitUntil(ref SpinLock held, ulong deadlineNanos)
        {
            KernelThread self = Scheduler.Current;
            if (self == null) Panic.Halt("WaitQueue.WaitUntil before the scheduler is running");
            if (!held.IsHeld) Panic.Halt($"WaitQueue.WaitUntil by thread {self.Id} '{self.Name}' without holding the lock that guards the condition");
            if (!held.InterruptsWereEnabled || Interrupts.Irq.InHandler)
                Panic.Halt($"WaitQueue.WaitUntil by thread {self.Id} '{self.Name}' with interrupts off: it would never wake");
            self.Next = null;
            self.WaitingOn = this;
            if (tail == null) head = self; else tail.Next = self;
            tail = self;
            ulong flags = held.ReleaseForSleep();
            bool woken = Scheduler.BlockCurrentUntil(deadlineNanos);
            held.ReacquireAfterSleep(flags);
            return woken;
        }

        // Takes a waiter off the queue (its wait timed out); interrupts are off.
        internal void Remove(KernelThread t)
        {
            KernelThread previous = null;
            for (KernelThread p = head; p != null; previous = p, p = p.Next)
                if (p == t)
                {
                    if (previous == null) head = p.Next; else previous.Next = p.Next;
                    if (tail == p) tail = previous;
                    t.Next = null;
                    t.WaitingOn = null;
                    return;
                }
        }

        // Wakes the longest waiter; false if nobody waited.
        public bool WakeOne()
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            KernelThread t = head;
            if (t != null)
            {
                head = t.Next;
                if (head == null) tail = null;
                t.Next = null;
                t.WaitingOn = null;
                Scheduler.MakeReady(t);
            }
            Cpu.RestoreInterrupts(flags);
            return t != null;
        }

        public int WakeAll()
        {
            int woken = 0;
            while (WakeOne()) woken++;
            return woken;
        }
    }
}
