using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Processes
{
    public enum ProcessState { Running, Exited }

    // A program running in ring 3 in its own address space.
    public sealed class Process
    {
        public readonly int Id;
        public readonly string Name;
        public Process Parent;           // null once the parent is gone
        public ProcessState State;
        public int ExitStatus;
        public AddressSpace Space;
        public ulong HeapEnd = UserLayout.HeapBase;

        // The kernel stack its system calls and interrupts from ring 3 run on.
        public ulong KernelStackTop;
        // Where the kernel resumes when the process exits (see UserMode.Run).
        public ulong ResumeStackPointer;

        public Process(int id, string name, Process parent)
        {
            Id = id;
            Name = name;
            Parent = parent;
        }
    }
}
