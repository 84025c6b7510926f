using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Isolation
{
    // The assembly half of the gate (boot/xpc.asm).
    internal static unsafe class XpcGate
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_call")]
        public static extern long Call(XpcRecord* record, void* function, long a0, long a1, long a2, long a3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_set_current_record")]
        public static extern void SetCurrentRecord(XpcRecord* record);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_set_wrapper_target")]
        public static extern void SetWrapperTarget(int index, ulong wrapper);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_wrapped_call_entry")]
        public static extern ulong WrappedCallEntry(int index);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "xpc_max_calls")]
        public static extern int MaxCalls();

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
