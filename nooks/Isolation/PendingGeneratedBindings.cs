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
        public const int CallCount = 23;
        private const int Log = 0, Allocate = 1, Free = 2, RegisterCommand = 3, Fail = 4, CreateLock = 5, AcquireLock = 6, ReleaseLock = 7, DestroyLock = 8, Uptime = 9;
        private const int Delay = 10, AllocateDma = 11, FreeDma = 12, GetPciDevice = 13, ReadPciConfig = 14, WritePciConfig = 15, EnableBusMastering = 16, MapMmio = 17, RegisterIrq = 18, UnregisterIrq = 19, RegisterNetDevice = 20, UnregisterNetDevice = 21, ReceiveFrame = 22;

        public static string CallName(int index) => index switch
        {
            Log => "nk_log", Allocate => "nk_alloc", Free => "nk_free", RegisterCommand => "nk_command_register", Fail => "nk_fail",
            CreateLock => "nk_lock_create", AcquireLock => "nk_lock_acquire", ReleaseLock => "nk_lock_release", DestroyLock => "nk_lock_destroy", Uptime => "nk_uptime_ns",
            Delay => "nk_delay_us", AllocateDma => "nk_dma_alloc", FreeDma => "nk_dma_free", GetPciDevice => "nk_pci_device", ReadPciConfig => "nk_pci_read_config", WritePciConfig => "nk_pci_write_config", EnableBusMastering => "nk_pci_enable_bus_master", MapMmio => "nk_mmio_map", RegisterIrq => "nk_irq_register", UnregisterIrq => "nk_irq_unregister", RegisterNetDevice => "nk_netdev_register", UnregisterNetDevice => "nk_netdev_unregister", ReceiveFrame => "nk_netdev_receive", _ => "?",
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
            Delay => (ulong)(delegate* unmanaged<int, int>)&NativeDelay,
            AllocateDma => (ulong)(delegate* unmanaged<long, ulong*, void*>)&NativeAllocateDma,
            FreeDma => (ulong)(delegate* unmanaged<void*, int>)&NativeFreeDma,
            GetPciDevice => (ulong)(delegate* unmanaged<PciDeviceInfo*, int>)&NativeGetPciDevice,
            ReadPciConfig => (ulong)(delegate* unmanaged<int, int, uint*, int>)&NativeReadPciConfig,
            WritePciConfig => (ulong)(delegate* unmanaged<int, int, uint, int>)&NativeWritePciConfig,
            EnableBusMastering => (ulong)(delegate* unmanaged<int>)&NativeEnableBusMastering,
            MapMmio => (ulong)(delegate* unmanaged<int, void*>)&NativeMapMmio,
            RegisterIrq => (ulong)(delegate* unmanaged<delegate* unmanaged<long, void>, long, long>)&NativeRegisterIrq,
            UnregisterIrq => (ulong)(delegate* unmanaged<long, int>)&NativeUnregisterIrq,
            RegisterNetDevice => (ulong)(delegate* unmanaged<NetDeviceOps*, MacAddress*, long, long>)&NativeRegisterNetDevice,
            UnregisterNetDevice => (ulong)(delegate* unmanaged<long, int>)&NativeUnregisterNetDevice,
            ReceiveFrame => (ulong)(delegate* unmanaged<long, byte*, int, int>)&NativeReceiveFrame,
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
            Delay => (ulong)(delegate* unmanaged<int, int>)&WrappedDelay,
            AllocateDma => (ulong)(delegate* unmanaged<long, ulong*, void*>)&WrappedAllocateDma,
            FreeDma => (ulong)(delegate* unmanaged<void*, int>)&WrappedFreeDma,
            GetPciDevice => (ulong)(delegate* unmanaged<PciDeviceInfo*, int>)&WrappedGetPciDevice,
            ReadPciConfig => (ulong)(delegate* unmanaged<int, int, uint*, int>)&WrappedReadPciConfig,
            WritePciConfig => (ulong)(delegate* unmanaged<int, int, uint, int>)&WrappedWritePciConfig,
            EnableBusMastering => (ulong)(delegate* unmanaged<int>)&WrappedEnableBusMastering,
            MapMmio => (ulong)(delegate* unmanaged<int, void*>)&WrappedMapMmio,
            RegisterIrq => (ulong)(delegate* unmanaged<delegate* unmanaged<long, void>, long, long>)&WrappedRegisterIrq,
            UnregisterIrq => (ulong)(delegate* unmanaged<long, int>)&WrappedUnregisterIrq,
            RegisterNetDevice => (ulong)(delegate* unmanaged<NetDeviceOps*, MacAddress*, long, long>)&WrappedRegisterNetDevice,
            UnregisterNetDevice => (ulong)(delegate* unmanaged<long, int>)&WrappedUnregisterNetDevice,
            ReceiveFrame => (ulong)(delegate* unmanaged<long, byte*, int, int>)&WrappedReceiveFrame,
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

        [UnmanagedCallersOnly] private static int NativeDelay(int microseconds) => KernelServices.Delay(microseconds);
        [UnmanagedCallersOnly] private static void* NativeAllocateDma(long bytes, ulong* physical) => KernelServices.AllocateDma(bytes, physical);
        [UnmanagedCallersOnly] private static int NativeFreeDma(void* buffer) => KernelServices.FreeDma(buffer);
        [UnmanagedCallersOnly] private static int NativeGetPciDevice(PciDeviceInfo* info) => KernelServices.GetPciDevice(info);
        [UnmanagedCallersOnly] private static int NativeReadPciConfig(int offset, int size, uint* value) => KernelServices.ReadPciConfig(offset, size, value);
        [UnmanagedCallersOnly] private static int NativeWritePciConfig(int offset, int size, uint value) => KernelServices.WritePciConfig(offset, size, value);
        [UnmanagedCallersOnly] private static int NativeEnableBusMastering() => KernelServices.EnableBusMastering();
        [UnmanagedCallersOnly] private static void* NativeMapMmio(int bar) => KernelServices.MapMmio(bar);
        [UnmanagedCallersOnly] private static long NativeRegisterIrq(delegate* unmanaged<long, void> handler, long context) => KernelServices.RegisterIrq(handler, context);
        [UnmanagedCallersOnly] private static int NativeUnregisterIrq(long irq) => KernelServices.UnregisterIrq(irq);
        [UnmanagedCallersOnly] private static long NativeRegisterNetDevice(NetDeviceOps* ops, MacAddress* mac, long context) => KernelServices.RegisterNetDevice(ops, mac, context);
        [UnmanagedCallersOnly] private static int NativeUnregisterNetDevice(long device) => KernelServices.UnregisterNetDevice(device);
        [UnmanagedCallersOnly] private static int NativeReceiveFrame(long device, byte* frame, int length) => KernelServices.ReceiveFrame(device, frame, length);

        [UnmanagedCallersOnly]
        private static int WrappedDelay(int microseconds)
        {
            Domain d = Gate.EnterKernel(Delay);
            if (!(0 <= microseconds && microseconds <= 1000000)) Gate.BadCall(d, Delay, "nk_delay_us: microseconds out of range");
            int r = KernelServices.Delay(microseconds);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static void* WrappedAllocateDma(long bytes, ulong* physical)
        {
            Domain d = Gate.EnterKernel(AllocateDma);
            if (!(0 <= bytes && bytes <= 4 * 1024 * 1024)) Gate.BadCall(d, AllocateDma, "nk_dma_alloc: bytes out of range");
            if (!d.CanWrite(physical, sizeof(ulong))) Gate.BadCall(d, AllocateDma, "nk_dma_alloc: physical is not writable by the domain");
            void* r = KernelServices.AllocateDma(bytes, physical);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedFreeDma(void* buffer)
        {
            Domain d = Gate.EnterKernel(FreeDma);
            if (!d.Tracker.Holds(ObjectKind.DmaBuffer, (ulong)buffer)) Gate.BadCall(d, FreeDma, "nk_dma_free: buffer is not a DMA buffer this extension holds");
            int r = KernelServices.FreeDma(buffer);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedGetPciDevice(PciDeviceInfo* info)
        {
            Domain d = Gate.EnterKernel(GetPciDevice);
            if (!d.CanWrite(info, sizeof(PciDeviceInfo))) Gate.BadCall(d, GetPciDevice, "nk_pci_device: info is not writable by the domain");
            int r = KernelServices.GetPciDevice(info);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedReadPciConfig(int offset, int size, uint* value)
        {
            Domain d = Gate.EnterKernel(ReadPciConfig);
            if (!(0 <= offset && offset <= 255)) Gate.BadCall(d, ReadPciConfig, "nk_pci_read_config: offset out of range");
            if (!(0 <= size && size <= 4)) Gate.BadCall(d, ReadPciConfig, "nk_pci_read_config: size out of range");
            if (!d.CanWrite(value, sizeof(uint))) Gate.BadCall(d, ReadPciConfig, "nk_pci_read_config: value is not writable by the domain");
            int r = KernelServices.ReadPciConfig(offset, size, value);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedWritePciConfig(int offset, int size, uint value)
        {
            Domain d = Gate.EnterKernel(WritePciConfig);
            if (!(0 <= offset && offset <= 255)) Gate.BadCall(d, WritePciConfig, "nk_pci_write_config: offset out of range");
            if (!(0 <= size && size <= 4)) Gate.BadCall(d, WritePciConfig, "nk_pci_write_config: size out of range");
            int r = KernelServices.WritePciConfig(offset, size, value);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedEnableBusMastering()
        {
            Domain d = Gate.EnterKernel(EnableBusMastering);
            int r = KernelServices.EnableBusMastering();
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static void* WrappedMapMmio(int bar)
        {
            Domain d = Gate.EnterKernel(MapMmio);
            if (!(0 <= bar && bar <= 5)) Gate.BadCall(d, MapMmio, "nk_mmio_map: bar out of range");
            void* r = KernelServices.MapMmio(bar);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static long WrappedRegisterIrq(delegate* unmanaged<long, void> handler, long context)
        {
            Domain d = Gate.EnterKernel(RegisterIrq);
            if (!d.IsCode(handler)) Gate.BadCall(d, RegisterIrq, "nk_irq_register: handler is not code of the extension");
            long r = KernelServices.RegisterIrq(handler, context);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedUnregisterIrq(long irq)
        {
            Domain d = Gate.EnterKernel(UnregisterIrq);
            if (!d.Tracker.Holds(ObjectKind.Irq, (ulong)irq)) Gate.BadCall(d, UnregisterIrq, "nk_irq_unregister: irq is not an interrupt this extension holds");
            int r = KernelServices.UnregisterIrq(irq);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static long WrappedRegisterNetDevice(NetDeviceOps* ops, MacAddress* mac, long context)
        {
            Domain d = Gate.EnterKernel(RegisterNetDevice);
            if (!d.CanRead(ops, sizeof(NetDeviceOps))) Gate.BadCall(d, RegisterNetDevice, "nk_netdev_register: ops is not readable by the domain");
            if (!d.CanRead(mac, sizeof(MacAddress))) Gate.BadCall(d, RegisterNetDevice, "nk_netdev_register: mac is not readable by the domain");
            if (!OptionalCode(d, ops->Open) || !OptionalCode(d, ops->Stop) || !OptionalCode(d, ops->Transmit) || !OptionalCode(d, ops->SetReceiveMode) || !OptionalCode(d, ops->SetMacAddress)) Gate.BadCall(d, RegisterNetDevice, "nk_netdev_register: an operation is not code of the extension");
            long r = KernelServices.RegisterNetDevice(ops, mac, context);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedUnregisterNetDevice(long device)
        {
            Domain d = Gate.EnterKernel(UnregisterNetDevice);
            if (!d.Tracker.Holds(ObjectKind.NetDevice, (ulong)device)) Gate.BadCall(d, UnregisterNetDevice, "nk_netdev_unregister: device is not a network device this extension holds");
            int r = KernelServices.UnregisterNetDevice(device);
            Gate.LeaveKernel(d);
            return r;
        }

        [UnmanagedCallersOnly]
        private static int WrappedReceiveFrame(long device, byte* frame, int length)
        {
            Domain d = Gate.EnterKernel(ReceiveFrame);
            if (!d.Tracker.Holds(ObjectKind.NetDevice, (ulong)device)) Gate.BadCall(d, ReceiveFrame, "nk_netdev_receive: device is not a network device this extension holds");
            if (!(0 <= length && length <= 1518)) Gate.BadCall(d, ReceiveFrame, "nk_netdev_receive: length out of range");
            if (!d.CanRead(frame, length)) Gate.BadCall(d, ReceiveFrame, "nk_netdev_receive: frame is not readable by the domain");
            int r = KernelServices.ReceiveFrame(device, frame, length);
            Gate.LeaveKernel(d);
            return r;
        }

        private static bool OptionalCode(Domain d, void* function) => function == null || d.IsCode(function);

        [UnmanagedCallersOnly]
        private static void WrappedFail(int kind)
        {
            Domain d = Gate.EnterKernel(Fail);
            KernelServices.Fail(kind);
        }
    }
}
