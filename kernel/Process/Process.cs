using Nooks.Kernel.Memory;
using Nooks.Kernel.Threading;

namespace Nooks.Kernel.Processes
{
    public enum ProcessState { Running, Exited }

    // A program running in ring 3 in its own address space, on one kernel thread.
    public sealed class Process
    {
        public readonly int Id;
        public readonly string Name;
        public Process Parent;           // null: started by the kernel, or the parent is gone
        public bool Detached;            // nobody will wait: the table drops it when it exits
        public ProcessState State;
        public int ExitStatus;
        public AddressSpace Space;
        public KernelThread MainThread;
        public ulong HeapEnd = UserLayout.HeapBase;

        public Process(int id, string name, Process parent)
        {
            Id = id;
            Name = name;
            Parent = parent;
        }

        // Where system calls and interrupts from ring 3 land.
        public ulong KernelStackTop => MainThread.KernelStackTop;
    }
}
