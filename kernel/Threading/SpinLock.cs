using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Threading
{
    // Mutual exclusion for short critical sections, also against interrupt handlers: holding it
    // keeps interrupts off. On one CPU that is all a lock needs; the held flag catches the
    // self-deadlock a second Acquire would be on several CPUs. Use it as a field, never a copy.
    public struct SpinLock
    {
        private ulong savedFlags;
        private bool held;

        public bool IsHeld => held;

        public void Acquire()
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            if (held) Panic.Halt("SpinLock acquired while already held (self-deadlock)");
            held = true;
            savedFlags = flags;
        }

        public void Release()
        {
            if (!held) Panic.Halt("SpinLock released while not held");
            held = false;
            Cpu.RestoreInterrupts(savedFlags);
        }

        // Whether interrupts were on when the holder took the lock, i.e. whether it may sleep.
        internal bool InterruptsWereEnabled => (savedFlags & Cpu.InterruptFlag) != 0;

        // WaitQueue.Wait gives the lock up while its thread sleeps, interrupts staying off until
        // the switch, and takes it back when the thread runs again.
        internal ulong ReleaseForSleep()
        {
            held = false;
            return savedFlags;
        }

        internal void ReacquireAfterSleep(ulong flags)
        {
            if (held) Panic.Halt("SpinLock taken by another thread across a WaitQueue sleep");
            held = true;
            savedFlags = flags;
        }
    }
}
