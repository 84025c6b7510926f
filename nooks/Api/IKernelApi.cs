namespace Nooks.Api
{
    // The kernel API extensions import, declared once. Never implemented as an interface: the
    // generator turns each method into an import (extension side) and into a native binding and
    // a checking wrapper (kernel side) around the kernel's implementation in nooks/Services.
    [KernelApi(2)]
    public unsafe interface IKernelApi
    {
        [KernelCall("nk_log")]
        void Log(LogLevel level, [InBuffer("length")] byte* text, [AtMost(1024)] int length);

        [KernelCall("nk_uptime_ns")]
        ulong UptimeNanoseconds();

        [KernelCall("nk_delay_us", MayBlock = true)]
        int Delay([AtMost(1000000)] int microseconds);

        // Memory for the extension's own heap: mapped writable in its domain.
        [KernelCall("nk_alloc"), Creates(ObjectKind.Memory)]
        void* Allocate([AtMost(16 * 1024 * 1024)] long bytes);

        [KernelCall("nk_free")]
        int Free([Handle(ObjectKind.Memory, Releases = true)] void* memory);

        // Physically contiguous memory below 4 GiB for device DMA; its bus address is written to *physical.
        [KernelCall("nk_dma_alloc"), Creates(ObjectKind.DmaBuffer)]
        void* AllocateDma([AtMost(4 * 1024 * 1024)] long bytes, [OutStruct] ulong* physical);

        [KernelCall("nk_dma_free")]
        int FreeDma([Handle(ObjectKind.DmaBuffer, Releases = true)] void* buffer);

        // The PCI device this extension was loaded for.
        [KernelCall("nk_pci_device")]
        int GetPciDevice([OutStruct] PciDeviceInfo* info);

        [KernelCall("nk_pci_read_config")]
        int ReadPciConfig([AtMost(255)] int offset, [AtMost(4)] int size, [OutStruct] uint* value);

        [KernelCall("nk_pci_write_config")]
        int WritePciConfig([AtMost(255)] int offset, [AtMost(4)] int size, uint value);

        [KernelCall("nk_pci_enable_bus_master")]
        int EnableBusMastering();

        // Maps a memory BAR of the extension's own device into its domain; returns its address.
        [KernelCall("nk_mmio_map"), Creates(ObjectKind.MmioMapping)]
        void* MapMmio([AtMost(5)] int bar);

        // Reads/writes an I/O port of one of the device's I/O BARs (size 1, 2 or 4).
        [KernelCall("nk_port_read")]
        int ReadPort(ushort port, [AtMost(4)] int size, [OutStruct] uint* value);

        [KernelCall("nk_port_write")]
        int WritePort(ushort port, [AtMost(4)] int size, uint value);

        // The device's interrupt calls `handler(context)`.
        [KernelCall("nk_irq_register"), Creates(ObjectKind.Irq)]
        long RegisterIrq([EntryPoint] delegate* unmanaged<long, void> handler, long context);

        [KernelCall("nk_irq_unregister")]
        int UnregisterIrq([Handle(ObjectKind.Irq, Releases = true)] long irq);

        [KernelCall("nk_timer_create"), Creates(ObjectKind.Timer)]
        long CreateTimer([EntryPoint] delegate* unmanaged<long, void> callback, long context);

        [KernelCall("nk_timer_arm")]
        int ArmTimer([Handle(ObjectKind.Timer)] long timer, [AtMost(3600000)] int milliseconds);

        [KernelCall("nk_timer_destroy")]
        int DestroyTimer([Handle(ObjectKind.Timer, Releases = true)] long timer);

        // A spinning lock that also keeps interrupts off while held.
        [KernelCall("nk_lock_create"), Creates(ObjectKind.Lock)]
        long CreateLock();

        [KernelCall("nk_lock_acquire")]
        int AcquireLock([Handle(ObjectKind.Lock)] long @lock);

        [KernelCall("nk_lock_release")]
        int ReleaseLock([Handle(ObjectKind.Lock)] long @lock);

        [KernelCall("nk_lock_destroy")]
        int DestroyLock([Handle(ObjectKind.Lock, Releases = true)] long @lock);

        [KernelCall("nk_netdev_register"), Creates(ObjectKind.NetDevice)]
        long RegisterNetDevice([InStruct] NetDeviceOps* ops, [InStruct] MacAddress* mac, long context);

        [KernelCall("nk_netdev_unregister")]
        int UnregisterNetDevice([Handle(ObjectKind.NetDevice, Releases = true)] long device);

        // Hands a received frame to the network stack (copied before the call returns).
        [KernelCall("nk_netdev_receive", Deferrable = true)]
        int ReceiveFrame([Handle(ObjectKind.NetDevice)] long device, [InBuffer("length")] byte* frame, [AtMost(1518)] int length);

        // A shell command `name args...` that calls handler(args, argsLength, output, outputCapacity)
        // and prints what it wrote to output (its return value is the length written, or an error).
        [KernelCall("nk_command_register"), Creates(ObjectKind.Command)]
        long RegisterCommand([InBuffer("nameLength")] byte* name, [AtMost(32)] int nameLength,
            [EntryPoint] delegate* unmanaged<byte*, int, byte*, int, int> handler);

        // A managed failure inside the extension (throw, bounds or null check, cast): never returns.
        [KernelCall("nk_fail")]
        void Fail(int exceptionKind);

        // A queue the extension's threads sleep on until an interrupt handler, a timer or another
        // thread wakes them. Wakeups are counted: one given while nobody sleeps is kept for the
        // next waiter, so none is lost between a caller's check of its condition and its wait.
        [KernelCall("nk_waitq_create"), Creates(ObjectKind.WaitQueue)]
        long CreateWaitQueue();

        // Sleeps until a wakeup is given (Ok), `timeoutMilliseconds` pass (TimedOut; 0 waits
        // without limit), or the extension is being recovered or unloaded (ExtensionFailed).
        // Refused from interrupt handlers and timers, while holding a lock, and when the kernel
        // entered the extension with interrupts off.
        [KernelCall("nk_waitq_wait", MayBlock = true)]
        int WaitOnQueue([Handle(ObjectKind.WaitQueue)] long queue, [AtMost(3600000)] int timeoutMilliseconds);

        // Gives `count` wakeups; returns how many sleeping threads it woke. Callable anywhere.
        [KernelCall("nk_waitq_wake")]
        int WakeQueue([Handle(ObjectKind.WaitQueue)] long queue, [AtMost(1024)] int count);

        // Busy while threads sleep on it.
        [KernelCall("nk_waitq_destroy")]
        int DestroyWaitQueue([Handle(ObjectKind.WaitQueue, Releases = true)] long queue);

        // A packet buffer from the extension's packet pool: DMA-able memory mapped writable in
        // its domain. Returns the handle (0 when the pool is exhausted) and describes the packet
        // in *info. The handle is itself the address of a PacketInfo the kernel keeps for the
        // packet, readable by the extension, so a driver handed a packet (Transmit) finds its
        // physical address there without a call.
        [KernelCall("nk_packet_alloc"), Creates(ObjectKind.Packet)]
        long AllocatePacket([OutStruct] PacketInfo* info);

        // Gives a packet back to the pool (a transmit completion, a buffer no longer needed).
        [KernelCall("nk_packet_free", Deferrable = true)]
        int FreePacket([Handle(ObjectKind.Packet, Releases = true)] long packet);

        // Hands a received frame up the stack in its packet, without a copy. The packet is the
        // kernel's from this call on, whatever it returns; it goes back to the pool once the
        // stack has read it.
        [KernelCall("nk_netdev_receive_packet", Deferrable = true)]
        int ReceivePacket([Handle(ObjectKind.NetDevice)] long device, [Handle(ObjectKind.Packet, Releases = true)] long packet,
            [AtMost(PacketInfo.MaxFrame)] int length);
    }
}
