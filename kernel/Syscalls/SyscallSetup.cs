using System.Runtime;
using System.Runtime.CompilerServices;
using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Syscalls
{
    // Turns on the `syscall` instruction and points it at k_syscall_entry (boot/usermode.asm).
    public static unsafe class SyscallSetup
    {
        private const uint Efer = 0xC0000080, Star = 0xC0000081, LStar = 0xC0000082, SfMask = 0xC0000084;
        private const ulong EferSyscallEnable = 1;
        private const ulong FlagTrap = 1 << 8, FlagInterrupt = 1 << 9, FlagDirection = 1 << 10, FlagAlignmentCheck = 1 << 18;
        private const ushort SelectorPrivilegeMask = 3;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_syscall_entry_address")]
        private static extern ulong EntryAddress();

        public static void Initialize()
        {
            Cpu.WriteMsr(Efer, Cpu.ReadMsr(Efer) | EferSyscallEnable);
            // syscall loads CS = STAR[47:32], SS = that + 8; sysret loads SS = STAR[63:48] + 8 and
            // CS = STAR[63:48] + 16, which is why Gdt puts user data just below user code.
            ulong sysretBase = (ulong)(Gdt.UserData & ~SelectorPrivilegeMask) - 8;
            Cpu.WriteMsr(Star, ((ulong)Gdt.KernelCode << 32) | (sysretBase << 48));
            Cpu.WriteMsr(LStar, EntryAddress());
            // The entry must start with interrupts off (it is still on the user stack), with
            // string operations going up, and without single-stepping or alignment checks.
            Cpu.WriteMsr(SfMask, FlagInterrupt | FlagDirection | FlagTrap | FlagAlignmentCheck);
        }
    }
}
