using System.Runtime;
using System.Runtime.CompilerServices;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Time;

namespace Nooks.Kernel.Threading
{
    // A thread of kernel execution: its own kernel stack (guard page below), its saved registers
    // while not running, and optionally the address space of the user process it belongs to.
    public sealed unsafe class KernelThread
    {
        public const ulong DefaultStackSize = 64 * 1024;
        private const int FxStateSize = 512;
        private const int FxStateAlignment = 16;
        private const int FxControlWordOffset = 0, FxMxcsrOffset = 24;
        private const ushort DefaultFpuControlWord = 0x037F;    // all x87 exceptions masked
        private const uint DefaultMxcsr = 0x1F80;               // all SSE exceptions masked

        public int Id { get; private set; }
        public string Name { get; private set; }
        public int Priority { get; private set; }
        public ThreadState State { get; internal set; }
        public ulong KernelStackTop { get; private set; }

        // The user process's address space; null means kernel space only.
        public AddressSpace Space;
        // Whatever the process layer attaches (its process object).
        public object Owner;
        // The innermost crossing into a protection domain this thread is in (nooks/Isolation).
        public ulong XpcChain;
        // The native extension this thread is running a call into, and the crossing that was
        // innermost when that call began (nooks/Isolation/Gate.Current).
        public object NativeCallee;
        public ulong NativeCalleeOver;

        internal ulong SavedRsp;
        internal byte* FxState;
        internal KernelThread Next;             // link in a run queue, wait queue or the sleep list
        internal WaitQueue WaitingOn;
        internal ulong WakeAtNanos;
        internal KernelThread TimedNext;        // link in the scheduler's list of waits with a deadline
        internal ulong WaitDeadlineNanos;
        internal bool WaitTimedOut;
        internal int SliceTicksLeft;
        internal ulong CpuTsc;
        internal ulong Preemptions;
        private void* fxAllocation;
        private ulong stackSize;                // 0 for the boot thread, whose stack is not ours

        public ulong CpuNanos => Clock.Calibrated ? Clock.TscToNanos(CpuTsc) : 0;
        public ulong PreemptionCount => Preemptions;

        private KernelThread() { }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_thread_start_address")]
        private static extern ulong ThreadStartTrampoline();

        // A new thread that will run entry(argument) once started; null (and a log line) if the
        // priority is out of range or the thread table is full.
        public static KernelThread Create(string name, delegate*<ulong, void> entry, ulong argument, int priority = ThreadPriority.Normal, ulong stackSize = DefaultStackSize)
        {
            if (priority < ThreadPriority.Lowest || priority > ThreadPriority.Highest)
            {
                Log.Error("sched", $"thread '{name}': priority {priority} is outside {ThreadPriority.Lowest}-{ThreadPriority.Highest}");
                return null;
            }
            if (entry == null) { Log.Error("sched", $"thread '{name}': no entry point"); return null; }
            Scheduler.ReapDeadThreads();
            var t = new KernelThread { Name = name, Priority = priority, State = ThreadState.Created, stackSize = stackSize };
            t.AllocateFxState();
            t.KernelStackTop = KernelStacks.Allocate(stackSize);

            // The frame k_switch_context pops: r15, r14, r13, r12, rbx, rbp, then the return
            // address k_thread_start, placed so that its call lands on an ABI-aligned stack.
            ulong* frame = (ulong*)(t.KernelStackTop - InitialFrameBytes);
            frame[0] = 0;                                                   // r15
            frame[1] = (ulong)(delegate*<ulong, ulong, void>)&Scheduler.ThreadMain; // r14
            frame[2] = argument;                                            // r13
            frame[3] = (ulong)entry;                                        // r12
            frame[4] = 0;                                                   // rbx
            frame[5] = 0;                                                   // rbp: ends backtraces
            frame[6] = ThreadStartTrampoline();
            frame[7] = frame[8] = 0;
            t.SavedRsp = (ulong)frame;

            if (!Scheduler.Register(t)) { t.Release(); return null; }
            return t;
        }

        private const ulong InitialFrameBytes = 9 * 8;

        // The thread that is already running kernel code at boot, on the boot stack.
        internal static KernelThread Adopt(string name, int priority, ulong stackTop)
        {
            var t = new KernelThread { Name = name, Priority = priority, State = ThreadState.Running, KernelStackTop = stackTop };
            t.AllocateFxState();
            return t;
        }

        // The idle thread runs at a priority no other thread may have.
        internal static KernelThread CreateIdle(delegate*<ulong, void> entry)
        {
            KernelThread t = Create("idle", entry, 0, ThreadPriority.Lowest);
            t.Priority = ThreadPriority.Idle;
            return t;
        }

        internal void AssignId(int id) => Id = id;

        // Makes the thread runnable. Starting it twice, or starting a dead thread, is refused.
        public bool Start()
        {
            if (State != ThreadState.Created)
            {
                Log.Error("sched", $"thread {Id} '{Name}' cannot start: it is {(int)State} ({StateName(State)}), not newly created");
                return false;
            }
            Scheduler.MakeReady(this);
            return true;
        }

        private void AllocateFxState()
        {
            fxAllocation = KernelHeap.Allocate(FxStateSize + FxStateAlignment);
            if (fxAllocation == null) Panic.Halt($"out of memory for thread '{Name}'");
            FxState = (byte*)(((ulong)fxAllocation + FxStateAlignment - 1) & ~(ulong)(FxStateAlignment - 1));
            for (int i = 0; i < FxStateSize; i++) FxState[i] = 0;
            *(ushort*)(FxState + FxControlWordOffset) = DefaultFpuControlWord;
            *(uint*)(FxState + FxMxcsrOffset) = DefaultMxcsr;
        }

        // Frees the stack and saved state of a thread that has exited (never the running one).
        internal void Release()
        {
            if (stackSize != 0) KernelStacks.Free(KernelStackTop, stackSize);
            KernelHeap.Free(fxAllocation);
            fxAllocation = null;
            FxState = null;
            stackSize = 0;
        }

        public static string StateName(ThreadState state) => state switch
        {
            ThreadState.Created => "new",
            ThreadState.Ready => "ready",
            ThreadState.Running => "running",
            ThreadState.Sleeping => "sleeping",
            ThreadState.Blocked => "blocked",
            _ => "dead",
        };
    }
}
