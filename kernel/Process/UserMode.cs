using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Kernel.Processes
{
    // The way into ring 3 and back (boot/usermode.asm).
    public static unsafe class UserMode
    {
        private const ulong ReservedFlag = 1 << 1;

        // Enters ring 3 at `entry` with the given stack and two arguments (RDI, RSI) and returns
        // only when ResumeKernel is called with the stack pointer it saved in *resume.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_run_user")]
        private static extern void RunRaw(ulong* resume, ulong entry, ulong stack, ulong argument0, ulong argument1, ulong flags);

        // Continues after the RunRaw that saved `resume`, abandoning the current stack.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_resume_kernel")]
        public static extern void ResumeKernel(ulong resume);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_set_user_entry_stack")]
        private static extern void SetInterruptEntryStack(ulong top);

        // Where the CPU lands when the process makes a system call or is interrupted: the top of
        // its kernel stack (the TSS for interrupts, a variable for `syscall`).
        public static void SetEntryStack(ulong top)
        {
            Arch.Gdt.SetKernelStack(top);
            SetInterruptEntryStack(top);
        }

        public static void Run(Process process, ulong entry, ulong stack, ulong argument0, ulong argument1)
        {
            // A process runs with interrupts on once the kernel has them on (the scheduler's timer
            // preempts it); until then it runs with them off, like the boot thread.
            ulong flags = ReservedFlag | (Arch.Cpu.ReadFlags() & Arch.Cpu.InterruptFlag);
            fixed (ulong* resume = &process.ResumeStackPointer)
                RunRaw(resume, entry, stack, argument0, argument1, flags);
        }
    }
}
