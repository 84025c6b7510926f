using Nooks.Extensions;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Interrupts;

namespace Nooks.Isolation
{
    // One line saying what a domain did wrong, for the log and the agent.
    public static unsafe class FaultDescription
    {
        public static string Of(InterruptFrame* f, Extension e)
        {
            string where = e.Image != null && e.Image.Contains(f->Rip)
                ? $"{e.Name}+0x{f->Rip - e.Image.Base:x}"
                : $"0x{f->Rip:x} (outside the extension)";
            if (f->Vector == ExceptionReport.PageFaultVector)
            {
                ulong address = Cpu.ReadCr2();
                return $"{ExceptionReport.VectorName(f->Vector)}: {ExceptionReport.DescribePageFault(f->ErrorCode)} at 0x{address:x} ({AddressKind(address, e)}), rip {where}";
            }
            return $"{ExceptionReport.VectorName(f->Vector)} (error code {f->ErrorCode:x}), rip {where}";
        }

        private static string AddressKind(ulong address, Extension e)
        {
            if (address < Kernel.Memory.PageSize.Small) return "null pointer";
            if (Kernel.Memory.KernelStacks.IsGuardPage(address) || (e.Domain != null && ExtensionArea.Contains(address) && !e.Domain.CanRead((void*)address, 1) && IsNearStack(address, e))) return "stack guard page: stack overflow";
            if (address >= Kernel.Memory.KernelLayout.TextStart && address < Kernel.Memory.KernelLayout.TextEnd) return "kernel code";
            if (address < Kernel.Memory.KernelPaging.IdentityMappedTop) return "kernel memory";
            if (ExtensionArea.Contains(address))
            {
                Extension owner = ExtensionRegistry.ContainingCode(address);
                return owner != null && owner != e ? $"memory of extension {owner.Name}" : "extension area, not this domain's";
            }
            return "unmapped";
        }

        private static bool IsNearStack(ulong address, Extension e) =>
            e.Domain.OwnsStackAddress(address + Kernel.Memory.PageSize.Small);
    }
}
