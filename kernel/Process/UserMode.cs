using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Kernel.Processes
{
    // The way into ring 3 (boot/usermode.asm).
    public static unsafe class UserMode
    {
        private const ulong ReservedFlag = 1 << 1;

        // Enters ring 3 at `entry` with the given stack and two arguments (RDI, RSI). Does not
        // return: the process leaves through ProcessTable.ExitCurrent.
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_enter_user")]
        private static extern void EnterRaw(ulong entry, ulong stack, ulong argument0, ulong argument1, ulong flags);

        // Processes always run with interrupts on, so that the timer can preempt them.
        public static void Enter(ulong entry, ulong stack, ulong argument0, ulong argument1) =>
            EnterRaw(entry, stack, argument0, argument1, ReservedFlag | Arch.Cpu.InterruptFlag);
    }
}
