using System.Runtime;
using System.Runtime.CompilerServices;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Time;

namespace Nooks.Kernel.Threading
{
    // A preemptive priority scheduler for one CPU: the highest ready priority runs, threads of
    // one priority take turns of SliceTicks timer ticks, and the idle thread halts when nothing
    // is ready. All scheduler state is touched with interrupts off, which on one CPU is the lock.
    public static unsafe class Scheduler
    {
        public const int MaxThreads = 256;
        public const int SliceTicks = 10;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_switch_context")]
        private static extern void SwitchContext(ulong* saveRsp, ulong loadRsp, byte* saveFx, byte* loadFx);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_set_user_entry_stack")]
        private static extern void SetUserEntryStack(ulong top);

        // The XPC gate's copy of the running thread's crossing chain (boot/xpc.asm): interrupt
        // entry and wrapped calls from a domain run on the kernel stack below its innermost crossing.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_set_current_record")]
        private static extern void SetCurrentCrossing(ulong record);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_boot_stack_top")]
        private static extern ulong BootStackTop();

        private static readonly KernelThread[] threads = new KernelThread[MaxThreads];
        private static readonly KernelThread[] readyHeads = new KernelThread[ThreadPriority.LevelCount];
        private static readonly KernelThread[] readyTails = new KernelThread[ThreadPriority.LevelCount];
        private static uint readyLevels;                 // bit n: level n has a ready thread
        private static KernelThread sleepers;            // sorted by wake time
        private static KernelThread timedWaiters;        // blocked on a WaitQueue until a deadline (TimedNext)
        private static KernelThread deadThreads;         // waiting for the reaper
        private static KernelThread current;
        private static KernelThread idle;
        private static bool rescheduleNeeded;
        private static int nextId;
        private static ulong switchedInTsc;
        private static ulong switchCount;

        public static KernelThread Current => current;
        public static bool Running => current != null;
        public static ulong ContextSwitches => switchCount;

        // Turns the code running kmain into the "boot" thread and creates the idle thread.
        public static void Initialize()
        {
            KernelThread boot = KernelThread.Adopt("boot", ThreadPriority.Normal, BootStackTop());
            Register(boot);
            switchedInTsc = Cpu.ReadTsc();
            current = boot;
            current.SliceTicksLeft = SliceTicks;
            idle = KernelThread.CreateIdle(&IdleLoop);
            Gdt.SetKernelStack(boot.KernelStackTop);
            SetUserEntryStack(boot.KernelStackTop);
            Log.Info("sched", $"scheduler running: thread {boot.Id} '{boot.Name}', idle thread {idle.Id}, {SliceTicks}-tick slices");
        }

        internal static bool Register(KernelThread t)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            for (int i = 0; i < MaxThreads; i++)
                if (threads[i] == null)
                {
                    threads[i] = t;
                    t.AssignId(nextId++);
                    Cpu.RestoreInterrupts(flags);
                    return true;
                }
            Cpu.RestoreInterrupts(flags);
            Log.Error("sched", $"thread '{t.Name}': the thread table is full ({MaxThreads})");
            return false;
        }

        // Every live thread, for reports; entries may be null.
        public static KernelThread ThreadAt(int index) => threads[index];

        // Called on the new thread's stack by k_thread_start, interrupts still off.
        internal static void ThreadMain(ulong entry, ulong argument)
        {
            Cpu.EnableInterrupts();
            ((delegate*<ulong, void>)entry)(argument);
            Exit();
        }

        // Panics with a clear message where a thread would block with interrupts off: that is
        // a bug (a sleep inside a SpinLock or an interrupt handler) that would hang the CPU.
        public static void AssertMaySleep(string operation)
        {
            if (current == null) Panic.Halt($"{operation} before the scheduler is running");
            if (Irq.InHandler) Panic.Halt($"{operation} in an interrupt handler (thread {current.Id} '{current.Name}')");
            if (!Cpu.InterruptsEnabled) Panic.Halt($"{operation} with interrupts off (thread {current.Id} '{current.Name}', inside a SpinLock?)");
        }

        public static void Yield()
        {
            AssertMaySleep("Yield");
            ulong flags = Cpu.SaveAndDisableInterrupts();
            current.State = ThreadState.Ready;
            Enqueue(current);
            SwitchAway();
            Cpu.RestoreInterrupts(flags);
        }

        public static void Sleep(ulong milliseconds)
        {
            AssertMaySleep("Sleep");
            if (milliseconds == 0) { Yield(); return; }
            ulong flags = Cpu.SaveAndDisableInterrupts();
            current.WakeAtNanos = Clock.UptimeNanos + milliseconds * Clock.NanosPerMillisecond;
            current.State = ThreadState.Sleeping;
            InsertSleeper(current);
            SwitchAway();
            Cpu.RestoreInterrupts(flags);
        }

        // Switches the running thread to another address space (null: the kernel's), as the
        // process layer does before it frees a process's page tables.
        public static void SetCurrentSpace(AddressSpace space)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            current.Space = space;
            ulong root = space != null ? space.Root : AddressSpace.Kernel.Root;
            if (root != Cpu.ReadCr3()) Cpu.WriteCr3(root);
            Cpu.RestoreInterrupts(flags);
        }

        // Ends the calling thread; the reaper frees its stack once another thread runs.
        public static void Exit()
        {
            if (current == null) Panic.Halt("Scheduler.Exit before the scheduler is running");
            if (current == idle) Panic.Halt("the idle thread tried to exit");
            Cpu.DisableInterrupts();
            current.State = ThreadState.Dead;
            current.Next = deadThreads;
            deadThreads = current;
            SwitchAway();
            Panic.Halt("a dead thread was scheduled again");
        }

        // Blocks the current thread, already queued on a WaitQueue; interrupts must be off.
        internal static void BlockCurrent()
        {
            current.State = ThreadState.Blocked;
            SwitchAway();
        }

        // Blocks the current thread, already queued on a WaitQueue, until it is woken or the clock
        // reaches `deadlineNanos`; interrupts must be off. False if the deadline ended the wait
        // (the timer tick has then taken the thread off its queue).
        internal static bool BlockCurrentUntil(ulong deadlineNanos)
        {
            current.WaitDeadlineNanos = deadlineNanos;
            current.WaitTimedOut = false;
            current.TimedNext = timedWaiters;
            timedWaiters = current;
            current.State = ThreadState.Blocked;
            SwitchAway();
            RemoveTimedWaiter(current);   // still listed if a wakeup came first
            return !current.WaitTimedOut;
        }

        private static void RemoveTimedWaiter(KernelThread t)
        {
            KernelThread previous = null;
            for (KernelThread p = timedWaiters; p != null; previous = p, p = p.TimedNext)
                if (p == t)
                {
                    if (previous == null) timedWaiters = p.TimedNext; else previous.TimedNext = p.TimedNext;
                    t.TimedNext = null;
                    return;
                }
        }

        // Puts a thread in its run queue, and asks for a switch if it outranks the current one.
        internal static void MakeReady(KernelThread t)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            t.State = ThreadState.Ready;
            Enqueue(t);
            if (current != null && t.Priority > current.Priority) rescheduleNeeded = true;
            Cpu.RestoreInterrupts(flags);
        }

        // From the timer interrupt: charge the tick, wake sleepers whose time has come.
        internal static void Tick()
        {
            if (current == null) return;
            ulong now = Clock.UptimeNanos;
            while (sleepers != null && sleepers.WakeAtNanos <= now)
            {
                KernelThread t = sleepers;
                sleepers = t.Next;
                t.Next = null;
                MakeReady(t);
            }
            for (KernelThread t = timedWaiters, previous = null; t != null;)
            {
                KernelThread next = t.TimedNext;
                // WaitingOn is null once a wakeup has made the thread ready: leave it be.
                if (t.WaitDeadlineNanos <= now && t.WaitingOn != null)
                {
                    if (previous == null) timedWaiters = next; else previous.TimedNext = next;
                    t.TimedNext = null;
                    t.WaitingOn.Remove(t);
                    t.WaitTimedOut = true;
                    MakeReady(t);
                }
                else previous = t;
                t = next;
            }
            if (current == idle) { if (readyLevels != 0) rescheduleNeeded = true; }
            else if (--current.SliceTicksLeft <= 0) rescheduleNeeded = true;
        }

        // Switches if a tick or a wakeup asked for it; a no-op inside interrupt handlers (the
        // device interrupt path calls this again after EOI).
        public static void PreemptIfNeeded()
        {
            if (!rescheduleNeeded || current == null || Irq.InHandler) return;
            ulong flags = Cpu.SaveAndDisableInterrupts();
            rescheduleNeeded = false;
            if (current != idle)
            {
                // Round-robin: a thread whose slice ran out goes behind its equals; one that was
                // only outranked keeps its turn at the head of its level.
                current.State = ThreadState.Ready;
                if (current.SliceTicksLeft <= 0) Enqueue(current); else EnqueueFront(current);
            }
            SwitchAway(preempting: true);
            Cpu.RestoreInterrupts(flags);
        }

        // Runs the best ready thread (or idle). Interrupts are off; returns when the caller is
        // scheduled again.
        private static void SwitchAway(bool preempting = false)
        {
            KernelThread next = DequeueBest() ?? idle;
            if (next == current) { current.State = ThreadState.Running; return; }
            KernelThread previous = current;
            if (preempting && previous != idle) previous.Preemptions++;
            if (previous == idle) previous.State = ThreadState.Ready;
            ulong now = Cpu.ReadTsc();
            previous.CpuTsc += now - switchedInTsc;
            switchedInTsc = now;
            switchCount++;

            next.State = ThreadState.Running;
            if (next.SliceTicksLeft <= 0) next.SliceTicksLeft = SliceTicks;
            current = next;
            Gdt.SetKernelStack(next.KernelStackTop);
            SetUserEntryStack(next.KernelStackTop);
            SetCurrentCrossing(next.XpcChain);
            ulong root = next.Space != null ? next.Space.Root : AddressSpace.Kernel.Root;
            // CR3 is read, not cached: the XPC gate and the interrupt path also switch it.
            if (root != Cpu.ReadCr3()) Cpu.WriteCr3(root);
            fixed (ulong* save = &previous.SavedRsp)
                SwitchContext(save, next.SavedRsp, previous.FxState, next.FxState);
        }

        private static void Enqueue(KernelThread t)
        {
            t.Next = null;
            int level = t.Priority;
            if (readyTails[level] == null) readyHeads[level] = t; else readyTails[level].Next = t;
            readyTails[level] = t;
            readyLevels |= 1u << level;
        }

        private static void EnqueueFront(KernelThread t)
        {
            int level = t.Priority;
            t.Next = readyHeads[level];
            readyHeads[level] = t;
            if (readyTails[level] == null) readyTails[level] = t;
            readyLevels |= 1u << level;
        }

        private static KernelThread DequeueBest()
        {
            for (int level = ThreadPriority.Highest; level > ThreadPriority.Idle; level--)
            {
                KernelThread t = readyHeads[level];
                if (t == null) continue;
                readyHeads[level] = t.Next;
                if (t.Next == null) { readyTails[level] = null; readyLevels &= ~(1u << level); }
                t.Next = null;
                return t;
            }
            return null;
        }

        private static void InsertSleeper(KernelThread t)
        {
            if (sleepers == null || t.WakeAtNanos < sleepers.WakeAtNanos) { t.Next = sleepers; sleepers = t; return; }
            KernelThread p = sleepers;
            while (p.Next != null && p.Next.WakeAtNanos <= t.WakeAtNanos) p = p.Next;
            t.Next = p.Next;
            p.Next = t;
        }

        // Frees the stacks of exited threads. Runs in thread context (idle, Create), never on
        // the stack being freed.
        public static void ReapDeadThreads()
        {
            if (deadThreads == null) return;
            ulong flags = Cpu.SaveAndDisableInterrupts();
            KernelThread dead = deadThreads;
            deadThreads = null;
            for (KernelThread t = dead; t != null; t = t.Next)
                for (int i = 0; i < MaxThreads; i++) if (threads[i] == t) threads[i] = null;
            Cpu.RestoreInterrupts(flags);
            while (dead != null)
            {
                KernelThread next = dead.Next;
                dead.Next = null;
                dead.Release();
                dead = next;
            }
        }

        private static void IdleLoop(ulong unused)
        {
            while (true)
            {
                ReapDeadThreads();
                Cpu.DisableInterrupts();
                // sti;hlt is atomic: a wakeup between the check and the halt still ends the halt.
                if (rescheduleNeeded) { Cpu.EnableInterrupts(); PreemptIfNeeded(); }
                else Cpu.EnableInterruptsAndHalt();
            }
        }
    }
}
