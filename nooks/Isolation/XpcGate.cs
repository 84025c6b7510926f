using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Isolation
{
    // The assembly half of the gate (boot/xpc.asm).
    internal static unsafe class XpcGate
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_call")]
        public static extern long Call(XpcRecord* record, void* function, long a0, long a1, long a2, long a3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_enter_kernel")]
        public static extern void EnterKernel();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_leave_kernel")]
        public static extern void LeaveKernel(ulong domainCr3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_set_kernel_cr3")]
        public static extern void SetKernelCr3(ulong cr3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_abort")]
        public static extern void Abort(XpcRecord* record, long status);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_injected_fault_address")]
        public static extern ulong InjectedFaultAddress();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_abort_landing_address")]
        public static extern ulong AbortLandingAddress();
    }
}
