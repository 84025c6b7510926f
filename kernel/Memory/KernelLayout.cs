using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Kernel.Memory
{
    // Where the linker put the kernel image (boot/kernel.ld), read from a table in boot/entry.asm.
    public static unsafe class KernelLayout
    {
        private struct Table { public ulong ImageStart, TextStart, TextEnd, RodataStart, RodataEnd, DataStart, ImageEnd, BootStackGuard; }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_kernel_layout")]
        private static extern Table* Get();

        public static ulong ImageStart => Get()->ImageStart;
        public static ulong TextStart => Get()->TextStart;
        public static ulong TextEnd => Get()->TextEnd;
        public static ulong RodataStart => Get()->RodataStart;
        public static ulong RodataEnd => Get()->RodataEnd;
        public static ulong DataStart => Get()->DataStart;
        public static ulong ImageEnd => Get()->ImageEnd;
        public static ulong BootStackGuard => Get()->BootStackGuard;

        public static bool IsText(ulong address) => address >= TextStart && address < TextEnd;
    }
}
