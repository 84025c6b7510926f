using Nooks.Kernel;
using Nooks.Kernel.Memory;

namespace Nooks.Extensions
{
    // The part of the kernel address space where extension images, heaps, stacks and device
    // mappings live (one top-level slot). The kernel maps all of it; an isolated extension's
    // domain maps only its own pieces, at the same addresses, so pointers mean the same thing
    // on both sides of the gate. Ranges given back are reused, so that restarting an extension
    // again and again does not keep growing the kernel's page tables.
    public static class ExtensionArea
    {
        public const int TopLevelIndex = 257;
        public const ulong Base = 0xFFFF808000000000;
        public const ulong Size = 512UL * 1024 * 1024 * 1024;
        // The area's last page is never handed out: every domain maps its own deferred-call ring
        // there (Isolation/DeferredRing), and the kernel's tables leave it unmapped.
        public const ulong DeferredRingAddress = Base + Size - PageSize.Small;
        private const int MaxFreeRanges = 512;
        private static ulong next = Base;

        private struct Range { public ulong Start, Bytes; }
        private static readonly Range[] free = new Range[MaxFreeRanges];
        private static int freeCount;

        public static bool Contains(ulong address) => address >= Base && address < Base + Size;

        // Reserves page-aligned virtual space followed by an unmapped page (a guard between
        // neighbours).
        public static ulong Reserve(ulong bytes)
        {
            ulong span = PageSize.AlignUp(bytes) + PageSize.Small;
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            ulong start = 0;
            for (int i = 0; i < freeCount; i++)
            {
                if (free[i].Bytes < span) continue;
                start = free[i].Start;
                free[i].Start += span;
                free[i].Bytes -= span;
                if (free[i].Bytes == 0) free[i] = free[--freeCount];
                break;
            }
            if (start == 0)
            {
                start = next;
                next += span;
            }
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
            if (next > DeferredRingAddress) Panic.Halt("extension area exhausted");
            return start;
        }

        // Gives back a range from Reserve (already unmapped), with its guard page.
        public static void Release(ulong start, ulong bytes)
        {
            ulong span = PageSize.AlignUp(bytes) + PageSize.Small;
            ulong flags = Kernel.Arch.Cpu.SaveAndDisableInterrupts();
            for (int i = 0; i < freeCount; i++)
            {
                if (free[i].Start + free[i].Bytes == start) { free[i].Bytes += span; start = 0; break; }
                if (start + span == free[i].Start) { free[i].Start = start; free[i].Bytes += span; start = 0; break; }
            }
            if (start != 0)
            {
                if (freeCount < MaxFreeRanges) free[freeCount++] = new Range { Start = start, Bytes = span };
                // With the table full the range is simply not reused: address space is plentiful.
            }
            Kernel.Arch.Cpu.RestoreInterrupts(flags);
        }
    }
}
