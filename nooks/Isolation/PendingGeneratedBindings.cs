using System;
using System.Runtime.InteropServices;
using Nooks.Api;
using Nooks.Services;

namespace Nooks.Isolation.Generated
{
    // Stand-in for what nooks/Generator will emit from IKernelApi, for the calls the first
    // extensions import; removed when the generator is wired into the kernel.
    public static unsafe class KernelApiTable
    {
        public const int Version = 1;
        public const int CallCount = 10;
        private const int Log = 0, Allocate = 1, Free = 2, RegisterCommand = 3, Fail = 4, CreateLock = 5, AcquireLock = 6, ReleaseLock = 7, DestroyLock = 8, Uptime = 9;

        public static string CallName(int index) => index switch
        {
            Log => "nk_log", Allocate => "nk_alloc", Free => "nk_free", RegisterCommand => "nk_command_register", Fail => "nk_fail",
            CreateLock => "nk_lock_create", AcquireLock => "nk_lock_acquire", ReleaseLock => "nk_lock_release", DestroyLock => "nk_lock_destroy", Uptime => "nk_uptime_ns", _ => "?",
        };

        public static int IndexOf(ReadOnlySpan<byte> symbol)
        {
            for (int i = 0; i < CallCount; i++)
            {
                string name = CallName(i);
                if (name.Length != symbol.Length) continue;
                bool same = true;
                for (int c = 0; c < name.Length && same; c++) same = symbol[c] == name[c];
                if (same) return i;
            }
            return -1;
        }

        public static ulong NativeAddress(int index) => index switch
        {
            Log => (ulong)(delegate* unmanaged<LogLevel, byte*, int, void>)&NativeLog,
            Allocate => (ulong)(delegate* unmanaged<long, void*>)&NativeAllocate,
            Free => (ulong)(delegate* unmanaged<void*, int>)&NativeFree,
            RegisterCommand => (ulong)(delegate* unmanaged<byte*, int, delegate* unmanaged<byte*, int, byte*, int, int>, long>)&NativeRegisterCommand,
            CreateLock => (ulong)(delegate* unmanaged<long>)&NativeCreateLock,
            AcquireLock => (ulong)(delegate* unmanaged<long, int>)&NativeAcquireLock,
            ReleaseLock => (ulong)(delegate* unmanaged<long, int>)&NativeReleaseLock,
            DestroyLock => (ulong)(delegate* unmanaged<long, int>)&NativeDestroyLock,
            Uptime => (ulong)(delegate* unmanaged<ulong>)&NativeUptime,
            _ => (ulong)(delegate* unmanaged<int, void>)&NativeFail,
        };

        public static ulong WrapperAddress(int index) => index switch
        {
            Log => (ulong)(delegate* unmanaged<LogLevel, byte*, int, void>)&WrappedLog,
            Allocate => (ulong)(delegate* unmanaged<long, void*>)&WrappedAllocate,
            Free => (ulong)(delegate* unmanaged<void*, int>)&WrappedFree,
            RegisterCommand => (ulong)(delegate* unmanaged<byte*, int, delegate* unmanaged<byte*, int, byte*, int, int>, long>)&WrappedRegisterCommand,
            CreateLock => (ulong)(delegate* unmanaged<long>)&WrappedCreateLock,
            AcquireLock => (ulong)(delegate* unmanaged<long, int>)&WrappedAcquireLock,
            ReleaseLock => (ulong)(delegate* unmanaged<long, int>)&WrappedReleaseLock,
            DestroyLock => (ulong)(delegate* unmanaged<long, int>)&WrappedDestroyLock,
            Uptime => (ulong)(delegate* unmanaged<ulong>)&WrappedUptime,
            _ => (ulong)(delegate* unmanaged<int, void>)&WrappedFail,
        };

        [UnmanagedCallersOnly] private static ulong NativeUptime() => KernelServices.UptimeNanoseconds();

        [UnmanagedCallersOnly]
        private static ulong WrappedUptime()
        {
            Domain d = Gate.EnterKernel(Uptime);
            ulong r = KernelServices.UptimeNanoseconds();
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly] private static long NativeCreateLock() => KernelServices.CreateLock();
        [UnmanagedCallersOnly] private static int NativeAcquireLock(long l) => KernelServices.AcquireLock(l);
        [UnmanagedCallersOnly] private static int NativeReleaseLock(long l) => KernelServices.ReleaseLock(l);
        [UnmanagedCallersOnly] private static int NativeDestroyLock(long l) => KernelServices.DestroyLock(l);

        [UnmanagedCallersOnly]
        private static long WrappedCreateLock()
        {
            Domain d = Gate.EnterKernel(CreateLock);
            long r = KernelServices.CreateLock();
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedAcquireLock(long l)
        {
            Domain d = Gate.EnterKernel(AcquireLock);
            if (!d.Tracker.Holds(ObjectKind.Lock, (ulong)l)) Gate.BadCall(d, AcquireLock, "nk_lock_acquire: lock is not a handle this extension holds");
            int r = KernelServices.AcquireLock(l);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedReleaseLock(long l)
        {
            Domain d = Gate.EnterKernel(ReleaseLock);
            if (!d.Tracker.Holds(ObjectKind.Lock, (ulong)l)) Gate.BadCall(d, ReleaseLock, "nk_lock_release: lock is not a handle this extension holds");
            int r = KernelServices.ReleaseLock(l);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedDestroyLock(long l)
        {
            Domain d = Gate.EnterKernel(DestroyLock);
            if (!d.Tracker.Holds(ObjectKind.Lock, (ulong)l)) Gate.BadCall(d, DestroyLock, "nk_lock_destroy: lock is not a handle this extension holds");
            int r = KernelServices.DestroyLock(l);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly] private static void NativeLog(LogLevel level, byte* text, int length) => KernelServices.Log(level, text, length);
        [UnmanagedCallersOnly] private static void* NativeAllocate(long bytes) => KernelServices.Allocate(bytes);
        [UnmanagedCallersOnly] private static int NativeFree(void* memory) => KernelServices.Free(memory);
        [UnmanagedCallersOnly] private static long NativeRegisterCommand(byte* name, int length, delegate* unmanaged<byte*, int, byte*, int, int> handler) => KernelServices.RegisterCommand(name, length, handler);
        [UnmanagedCallersOnly] private static void NativeFail(int kind) => KernelServices.Fail(kind);

        [UnmanagedCallersOnly]
        private static void WrappedLog(LogLevel level, byte* text, int length)
        {
            Domain d = Gate.EnterKernel(Log);
            if (!(0 <= length && length <= 1024)) Gate.BadCall(d, Log, "nk_log: length out of range");
            if (!d.CanRead(text, length)) Gate.BadCall(d, Log, "nk_log: text is not readable by the domain");
            KernelServices.Log(level, text, length);
            Gate.LeaveKernel(d);
        }

        [UnmanagedCallersOnly]
        private static void* WrappedAllocate(long bytes)
        {
            Domain d = Gate.EnterKernel(Allocate);
            if (!(0 <= bytes && bytes <= 16 * 1024 * 1024)) Gate.BadCall(d, Allocate, "nk_alloc: bytes out of range");
            void* r = KernelServices.Allocate(bytes);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedFree(void* memory)
        {
            Domain d = Gate.EnterKernel(Free);
            if (!d.Tracker.Holds(ObjectKind.Memory, (ulong)memory)) Gate.BadCall(d, Free, "nk_free: memory is not a block this extension holds");
            int r = KernelServices.Free(memory);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static long WrappedRegisterCommand(byte* name, int length, delegate* unmanaged<byte*, int, byte*, int, int> handler)
        {
            Domain d = Gate.EnterKernel(RegisterCommand);
            if (!(0 <= length && length <= 32)) Gate.BadCall(d, RegisterCommand, "nk_command_register: nameLength out of range");
            if (!d.CanRead(name, length)) Gate.BadCall(d, RegisterCommand, "nk_command_register: name is not readable by the domain");
            if (!d.IsCode(handler)) Gate.BadCall(d, RegisterCommand, "nk_command_register: handler is not code of the extension");
            long r = KernelServices.RegisterCommand(name, length, handler);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static void WrappedFail(int kind)
        {
            Domain d = Gate.EnterKernel(Fail);
            KernelServices.Fail(kind);
        }
    }
}
