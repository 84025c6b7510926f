using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Kernel.Arch
{
    // Privileged instructions, each a few lines of assembly in boot/cpu.asm.
    public static unsafe class Cpu
    {
        public const ulong InterruptFlag = 1 << 9;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_outb")] public static extern void Out8(ushort port, byte value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_outw")] public static extern void Out16(ushort port, ushort value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_outd")] public static extern void Out32(ushort port, uint value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_inb")] public static extern byte In8(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_inw")] public static extern ushort In16(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_ind")] public static extern uint In32(ushort port);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_read_cr0")] public static extern ulong ReadCr0();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_read_cr2")] public static extern ulong ReadCr2();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_read_cr3")] public static extern ulong ReadCr3();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_read_cr4")] public static extern ulong ReadCr4();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_write_cr0")] public static extern void WriteCr0(ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_write_cr3")] public static extern void WriteCr3(ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_write_cr4")] public static extern void WriteCr4(ulong value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_rdmsr")] public static extern ulong ReadMsr(uint msr);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_wrmsr")] public static extern void WriteMsr(uint msr, ulong value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_rdtsc")] public static extern ulong ReadTsc();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_cpuid")] private static extern void CpuidRaw(uint leaf, uint subleaf, uint* result);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_invlpg")] public static extern void InvalidatePage(ulong address);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_cli")] public static extern void DisableInterrupts();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_sti")] public static extern void EnableInterrupts();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_hlt")] public static extern void Halt();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_sti_hlt")] public static extern void EnableInterruptsAndHalt();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_pause")] public static extern void Pause();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_read_rflags")] public static extern ulong ReadFlags();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_save_disable_interrupts")] public static extern ulong SaveAndDisableInterrupts();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_restore_interrupts")] public static extern void RestoreInterrupts(ulong flags);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_lgdt")] public static extern void LoadGdt(void* pointer);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_lidt")] public static extern void LoadIdt(void* pointer);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_ltr")] public static extern void LoadTaskRegister(ushort selector);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_reload_segments")] public static extern void ReloadSegments(ulong code, ulong data);

        public static bool InterruptsEnabled => (ReadFlags() & InterruptFlag) != 0;

        public struct CpuidResult { public uint Eax, Ebx, Ecx, Edx; }

        public static CpuidResult Cpuid(uint leaf, uint subleaf = 0)
        {
            CpuidResult r;
            CpuidRaw(leaf, subleaf, (uint*)&r);
            return r;
        }

        public static void HaltForever()
        {
            while (true) { DisableInterrupts(); Halt(); }
        }
    }
}
