using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nooks.Api
{
    // Stand-in for the imports nooks/Generator will emit from IKernelApi, until it lands.
    public static unsafe partial class Kernel
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_log")] public static extern void Log(LogLevel level, byte* text, int length);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_alloc")] public static extern void* Allocate(long bytes);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_uptime_ns")] public static extern ulong UptimeNanoseconds();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_free")] public static extern int Free(void* memory);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_lock_create")] public static extern long CreateLock();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_lock_acquire")] public static extern int AcquireLock(long @lock);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_lock_release")] public static extern int ReleaseLock(long @lock);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_lock_destroy")] public static extern int DestroyLock(long @lock);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_fail")] public static extern void Fail(int exceptionKind);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_command_register")] public static extern long RegisterCommand(byte* name, int nameLength, delegate* unmanaged<byte*, int, byte*, int, int> handler);
    }
}
