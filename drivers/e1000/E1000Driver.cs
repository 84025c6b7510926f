using System.Runtime.InteropServices;
using Nooks.Api;
using Nooks.Extension;

namespace Nooks.Drivers.E1000
{
    // The Intel 82540EM (QEMU's e1000) as an extension: the kernel binds it to its PCI
    // function; it registers a network device whose operations the kernel calls (through
    // XPC when isolated), receives into packets from its packet pool and hands them up with
    // nk_netdev_receive_packet, and transmits the packets the kernel hands it without a copy.
    public static unsafe class E1000Driver
    {
        private const uint InterruptsEnabled = Interrupt.RXT0 | Interrupt.RXO | Interrupt.RXDMT0 | Interrupt.TXDW | Interrupt.LSC;
        private static long device;
        private static long irq;
        private static int receiveMode;
        private static bool open;
        private static bool linkUp;

        [UnmanagedCallersOnly(EntryPoint = "nx_init")]
        private static int Init()
        {
            PciDeviceInfo info;
            int status = Kernel.GetPciDevice(&info);
            if (status != ApiStatus.Ok) { Klog.Error("no PCI device bound"); return status; }
            Hardware.Registers = (byte*)Kernel.MapMmio(0);
            if (Hardware.Registers == null) { Klog.Error("cannot map BAR0"); return ApiStatus.NoDevice; }
            Kernel.EnableBusMastering();
            if (!Hardware.Reset()) { Klog.Error("device did not come out of reset"); return ApiStatus.TimedOut; }
            ulong mac = Hardware.ReadMac();
            Hardware.WriteMac(mac);
            if (!Rings.Allocate()) { Klog.Error("out of DMA memory or packets for the rings"); return ApiStatus.NoMemory; }
            Rings.Program();

            irq = Kernel.RegisterIrq(&OnInterrupt, 0);
            if (irq < 0) { Klog.Error($"cannot register the interrupt ({irq})"); return (int)irq; }

            NetDeviceOps ops = default;
            ops.Open = &Open;
            ops.Stop = &Stop;
            ops.Transmit = &Transmit;
            ops.SetReceiveMode = &SetReceiveMode;
            ops.SetMacAddress = &SetMacAddress;
            MacAddress m = default;
            m.B0 = (byte)(mac >> 40); m.B1 = (byte)(mac >> 32); m.B2 = (byte)(mac >> 24);
            m.B3 = (byte)(mac >> 16); m.B4 = (byte)(mac >> 8); m.B5 = (byte)mac;
            device = Kernel.RegisterNetDevice(&ops, &m, 0);
            if (device < 0) { Klog.Error($"cannot register the network device ({device})"); return (int)device; }
            linkUp = Hardware.LinkUp;
            Diagnostics.Register();
            Klog.Info($"82540EM {(uint)info.Bus:x2}:{(uint)info.Device:x2}.{(uint)info.Function} IRQ {(uint)info.InterruptLine}, link {(linkUp ? "up" : "down")}");
            return ApiStatus.Ok;
        }

        [UnmanagedCallersOnly(EntryPoint = "nx_exit")]
        private static void Exit()
        {
            StopDevice();
            Hardware.Reset();
        }

        // Note: QEMU's e1000 holds received frames back for a second after every RCTL write
        // that leaves EN set (its flush_queue_timer), so the first replies after Open or a
        // receive-mode change arrive late; they are not lost.
        [UnmanagedCallersOnly]
        private static int Open(long dev)
        {
            Rings.Program();
            Hardware.Write(Registers.RDTR, 0);
            Hardware.Write(Registers.RCTL, ReceiveControl());
            Hardware.Write(Registers.TIPG, Tipg.Default);
            Hardware.Write(Registers.TCTL, Tctl.EN | Tctl.PSP | (Tctl.CT_DEFAULT << Tctl.CT_SHIFT) | (Tctl.COLD_FULL_DUPLEX << Tctl.COLD_SHIFT));
            Hardware.Read(Registers.ICR);
            Hardware.Write(Registers.IMS, InterruptsEnabled);
            open = true;
            return ApiStatus.Ok;
        }

        [UnmanagedCallersOnly]
        private static int Stop(long dev)
        {
            StopDevice();
            return ApiStatus.Ok;
        }

        private static void StopDevice()
        {
            Hardware.Write(Registers.IMC, Interrupt.All);
            Hardware.Write(Registers.RCTL, 0);
            Hardware.Write(Registers.TCTL, 0);
            open = false;
        }

        [UnmanagedCallersOnly]
        private static int Transmit(long dev, long packet, int length) =>
            open ? Rings.Transmit(packet, length) : ApiStatus.NoDevice;

        [UnmanagedCallersOnly]
        private static int SetReceiveMode(long dev, int mode)
        {
            if (mode != ReceiveMode.Unicast && mode != ReceiveMode.Promiscuous && mode != ReceiveMode.AllMulticast) return ApiStatus.Invalid;
            receiveMode = mode;
            if (open) Hardware.Write(Registers.RCTL, ReceiveControl());
            return ApiStatus.Ok;
        }

        [UnmanagedCallersOnly]
        private static int SetMacAddress(long dev, long mac)
        {
            Hardware.WriteMac((ulong)mac);
            return ApiStatus.Ok;
        }

        private static uint ReceiveControl()
        {
            uint rctl = Rctl.EN | Rctl.BAM | Rctl.SECRC | Rctl.BSIZE_2048;
            if (receiveMode == ReceiveMode.Promiscuous) rctl |= Rctl.UPE | Rctl.MPE;
            else if (receiveMode == ReceiveMode.AllMulticast) rctl |= Rctl.MPE;
            return rctl;
        }

        [UnmanagedCallersOnly]
        private static void OnInterrupt(long context)
        {
            uint cause = Hardware.Read(Registers.ICR);
            if (cause == 0) return;   // a shared line: not ours
            if ((cause & Interrupt.LSC) != 0)
            {
                bool up = Hardware.LinkUp;
                if (up != linkUp) Klog.Info($"link {(up ? "up" : "down")}");
                linkUp = up;
            }
            if ((cause & (Interrupt.RXT0 | Interrupt.RXO | Interrupt.RXDMT0)) != 0) Rings.Receive(device);
            if ((cause & Interrupt.TXDW) != 0) Rings.Reclaim();
        }
    }
}
