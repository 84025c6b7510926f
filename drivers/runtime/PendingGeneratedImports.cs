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
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_delay_us")] public static extern int Delay(int microseconds);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_dma_alloc")] public static extern void* AllocateDma(long bytes, ulong* physical);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_dma_free")] public static extern int FreeDma(void* buffer);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_pci_device")] public static extern int GetPciDevice(PciDeviceInfo* info);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_pci_read_config")] public static extern int ReadPciConfig(int offset, int size, uint* value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_pci_write_config")] public static extern int WritePciConfig(int offset, int size, uint value);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_pci_enable_bus_master")] public static extern int EnableBusMastering();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_mmio_map")] public static extern void* MapMmio(int bar);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_irq_register")] public static extern long RegisterIrq(delegate* unmanaged<long, void> handler, long context);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_irq_unregister")] public static extern int UnregisterIrq(long irq);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_netdev_register")] public static extern long RegisterNetDevice(NetDeviceOps* ops, MacAddress* mac, long context);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_netdev_unregister")] public static extern int UnregisterNetDevice(long device);
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nk_netdev_receive")] public static extern int ReceiveFrame(long device, byte* frame, int length);
    }
}
