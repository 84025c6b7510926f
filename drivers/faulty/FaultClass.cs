namespace Nooks.Drivers.Faulty
{
    // The faults this extension commits on request, one per class of extension bug in the
    // Nooks papers' fault model.
    public static class FaultClass
    {
        public static readonly string[] Names =
        {
            "null-deref", "wild-write", "cross-domain-write", "write-text", "stack-overflow", "div-zero",
            "invalid-opcode", "bad-pointer-arg", "foreign-free", "double-free", "lock-held", "leak",
            "throw", "loop", "loop-cli", "sleep-with-lock", "fault-while-asleep",
            "queued-bad-free", "smash-sleeper", "deadlock", "loop-in-kernel-call",
            "wild-read",
        };

        public static readonly string[] Descriptions =
        {
            "read through a null pointer",
            "write to kernel data at ADDRESS (default: the kernel canary, see `nooks checksum`)",
            "write to another extension's memory at ADDRESS (see `nooks extensions`)",
            "write to kernel code at ADDRESS (default: the start of kernel text)",
            "recurse until the stack runs into its guard page",
            "divide an integer by zero",
            "execute an undefined instruction (ud2)",
            "pass the kernel a pointer to memory it does not own (ADDRESS, default: unmapped)",
            "free memory the extension never allocated",
            "free the same block twice",
            "return to the kernel while holding a lock",
            "allocate memory and never free it",
            "index an array out of range (a managed exception)",
            "spin forever with interrupts on",
            "spin forever with interrupts off",
            "sleep on a wait queue while holding a lock",
            "sleep on a wait queue while a timer faults the extension (the sleeper must be woken and unwound)",
            "free a packet never held through a call queued in the domain (checked when the kernel takes the queue over)",
            "sleep on a wait queue while a timer zeroes the sleeper's stack below its frame, then wakes it",
            "acquire a lock it already holds",
            "call nk_delay_us forever with interrupts off (the time passes in the kernel)",
            "read physical memory through the kernel's identity map at ADDRESS (default: the local APIC's registers)",
        };
    }
}
