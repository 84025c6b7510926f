using System.Threading;
using Nooks.Api;

namespace Nooks.Drivers.E1000
{
    // The receive and transmit descriptor rings, in DMA memory, and the packets on them. Every
    // buffer is a kernel packet: the device receives into packets posted on the receive ring,
    // which go up the stack as they are (a fresh packet takes each one's place), and transmits
    // straight from the packets the kernel hands over, which go back to the kernel once the
    // device has written the descriptor back.
    public static unsafe class Rings
    {
        public const int RxCount = 64;
        public const int TxCount = 64;

        private static RxDescriptor* rx;
        private static TxDescriptor* tx;
        private static ulong rxPhysical, txPhysical;
        private static readonly long[] rxPackets = new long[RxCount];
        private static readonly long[] txPackets = new long[TxCount];   // 0: the descriptor is free
        private static int rxNext;      // next descriptor the device will fill
        private static int txNext;      // next descriptor to hand to the device
        private static int txClean;     // oldest descriptor handed to the device and not reclaimed
        public static ulong RxFrames, TxFrames, TxRingFull, RxErrors, RxNoPacket;

        // The descriptor rings and a packet for every receive descriptor.
        public static bool Allocate()
        {
            ulong p0, p1;
            rx = (RxDescriptor*)Kernel.AllocateDma(RxCount * sizeof(RxDescriptor), &p0);
            tx = (TxDescriptor*)Kernel.AllocateDma(TxCount * sizeof(TxDescriptor), &p1);
            rxPhysical = p0; txPhysical = p1;
            if (rx == null || tx == null) return false;
            for (int i = 0; i < RxCount; i++)
            {
                PacketInfo info;
                rxPackets[i] = Kernel.AllocatePacket(&info);
                if (rxPackets[i] == 0) return false;
            }
            return true;
        }

        // Points the device at the rings (stopped, or just reset): every receive descriptor owned
        // by the device, and any transmit still on the ring given back.
        public static void Program()
        {
            for (int i = 0; i < RxCount; i++)
            {
                rx[i] = default;
                rx[i].BufferAddress = ((PacketInfo*)rxPackets[i])->Physical;
            }
            for (int i = 0; i < TxCount; i++)
            {
                tx[i] = default;
                if (txPackets[i] != 0) Kernel.FreePacket(txPackets[i]);
                txPackets[i] = 0;
            }
            rxNext = 0;
            txNext = 0;
            txClean = 0;
            Hardware.Write(Registers.RDBAL, (uint)rxPhysical);
            Hardware.Write(Registers.RDBAH, (uint)(rxPhysical >> 32));
            Hardware.Write(Registers.RDLEN, (uint)(RxCount * sizeof(RxDescriptor)));
            Hardware.Write(Registers.RDH, 0);
            Hardware.Write(Registers.RDT, RxCount - 1);
            Hardware.Write(Registers.TDBAL, (uint)txPhysical);
            Hardware.Write(Registers.TDBAH, (uint)(txPhysical >> 32));
            Hardware.Write(Registers.TDLEN, (uint)(TxCount * sizeof(TxDescriptor)));
            Hardware.Write(Registers.TDH, 0);
            Hardware.Write(Registers.TDT, 0);
        }

        // Puts the packet on the next transmit descriptor (no copy: the device reads the packet).
        public static int Transmit(long packet, int length)
        {
            PacketInfo* info = (PacketInfo*)packet;
            if (length <= 0 || length > info->Capacity) return ApiStatus.Invalid;
            Reclaim();
            if (txPackets[txNext] != 0) { TxRingFull++; return ApiStatus.Busy; }
            TxDescriptor* d = &tx[txNext];
            d->BufferAddress = info->Physical;
            d->Length = (ushort)length;
            d->Command = TxDescriptor.CommandEOP | TxDescriptor.CommandIFCS | TxDescriptor.CommandRS;
            Volatile.Write(ref d->Status, (byte)0);
            txPackets[txNext] = packet;
            txNext = (txNext + 1) % TxCount;
            Hardware.Write(Registers.TDT, (uint)txNext);
            TxFrames++;
            return ApiStatus.Ok;
        }

        // Gives the kernel back every packet the device has finished sending.
        public static void Reclaim()
        {
            while (txPackets[txClean] != 0 && (Volatile.Read(ref tx[txClean].Status) & TxDescriptor.StatusDD) != 0)
            {
                Kernel.FreePacket(txPackets[txClean]);
                txPackets[txClean] = 0;
                txClean = (txClean + 1) % TxCount;
            }
        }

        // Hands every completed frame up in its packet and posts a fresh packet in its place;
        // without a fresh one the frame is dropped and its packet reused.
        public static void Receive(long device)
        {
            int given = 0;
            while (true)
            {
                RxDescriptor* d = &rx[rxNext];
                byte status = Volatile.Read(ref d->Status);
                if ((status & RxDescriptor.StatusDD) == 0) break;
                if ((status & RxDescriptor.StatusEOP) != 0 && (d->Errors & RxDescriptor.ErrorsFrame) == 0 && d->Length <= PacketInfo.MaxFrame)
                    HandUp(device, d);
                else RxErrors++;
                d->Status = 0;
                Hardware.Write(Registers.RDT, (uint)rxNext);
                rxNext = (rxNext + 1) % RxCount;
                if (++given == RxCount) break;
            }
        }

        private static void HandUp(long device, RxDescriptor* d)
        {
            PacketInfo fresh;
            long replacement = Kernel.AllocatePacket(&fresh);
            if (replacement == 0) { RxNoPacket++; return; }
            Kernel.ReceivePacket(device, rxPackets[rxNext], d->Length);
            rxPackets[rxNext] = replacement;
            d->BufferAddress = fresh.Physical;
            RxFrames++;
        }
    }
}
