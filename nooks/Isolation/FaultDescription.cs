using Nooks.Extensions;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Memory;

namespace Nooks.Isolation
{
    // One line saying what a domain did wrong, for the log and the agent.
    public static unsafe class FaultDescription
    {
        public static string Of(InterruptFrame* f, Extension e)
        {
            if (f->Rip == XpcGate.InjectedFaultAddress()) return "injected fault: invalid opcode (#UD) on entry";
            string where = e.Image != null && e.Image.Contains(f->Rip)
                ? $"{e.Name}+0x{f->Rip - e.Image.Base:x}"
                : $"0x{f->Rip:x} (outside the extension)";
            string text;
            if (f->Vector == ExceptionReport.PageFaultVector)
            {
                ulong address = Cpu.ReadCr2();
                string access = ExceptionReport.DescribePageFault(f->ErrorCode);
                string kind = AddressKind(address, e);
                text = $"{ExceptionReport.VectorName(f->Vector)}: {access} at 0x{address:x} ({kind}), rip {where}";
                KernelHeap.FreeObject(access);
                KernelHeap.FreeObject(kind);
            }
            else text = $"{ExceptionReport.VectorName(f->Vector)} (error code {f->ErrorCode:x}), rip {where}";
            KernelHeap.FreeObject(where);
            return text;
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
