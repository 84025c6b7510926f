using System.Runtime.InteropServices;
using Nooks.Extensions;

namespace Nooks.Isolation
{
    // The calls an isolated extension defers (a packet handed up, a transmitted packet freed)
    // are written here, inside its domain, without a crossing; the kernel takes them over when
    // the outermost crossing into the domain returns (Deferred.TakeOver). One page per domain,
    // mapped in the domain only and at the same address in every domain, so the queuing code
    // (kernel text, run on the domain's page tables: DomainQueue) finds the current domain's
    // ring without reading anything of the kernel's. The kernel reads it through the identity
    // map. The extension can write it, so every entry is checked again when taken over.
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct DeferredRing
    {
        public const ulong DomainAddress = ExtensionArea.DeferredRingAddress;
        // Per entry: the call's index in the kernel API, then up to three arguments.
        public const int Fields = 4;
        private const int HeaderBytes = 8;
        public const int Capacity = (int)((Kernel.Memory.PageSize.Small - HeaderBytes) / (Fields * sizeof(long)));

        public int Count;
        private int reserved;
        public fixed long Entries[Capacity * Fields];
    }
}
