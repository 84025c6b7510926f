using Nooks.Kernel;
using Nooks.Kernel.Memory;

namespace Nooks.Extensions
{
    // The part of the kernel address space where extension images, heaps, stacks and device
    // mappings live (one top-level slot). The kernel maps all of it; an isolated extension's
    // domain maps only its own pieces, at the same addresses, so pointers mean the same thing
    // on both sides of the gate.
    public static class ExtensionArea
    {
        public const int TopLevelIndex = 257;
        public const ulong Base = 0xFFFF808000000000;
        public const ulong Size = 512UL * 1024 * 1024 * 1024;
        private static ulong next = Base;

        public static bool Contains(ulong address) => address >= Base && address < Base + Size;

        // Reserves virtual space (never reused: the slot is 512 GiB).
        public static ulong Reserve(ulong bytes)
        {
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            ulong start = next;
            next += PageSize.AlignUp(bytes) + PageSize.Small;   // an unmapped page between reservations
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
            if (next > Base + Size) Panic.Halt("extension area exhausted");
            return start;
        }
    }
}
