using System.Threading;
using Nooks.Api;

namespace Nooks.Drivers.E1000
{
    // The receive and transmit descriptor rings and their packet buffers, in DMA memory.
    public static unsafe class Rings
    {
        public const int RxCount = 64;
        public const int TxCount = 64;
        public const int BufferSize = 2048;     // RCTL.BSIZE 2048

        private static RxDescriptor* rx;
        private static TxDescriptor* tx;
        private static byte* rxBuffers, txBuffers;
        private static ulong rxPhysical, txPhysical, rxBuffersPhysical, txBuffersPhysical;
        private static int rxNext;      // next descriptor the device will fill
        private static int txNext;      // next descriptor to hand to the device
        public static ulong RxFrames, TxFrames, TxRingFull, RxErrors;

        public static bool Allocate()
        {
            ulong p0, p1, p2, p3;
            rx = (RxDescriptor*)Kernel.AllocateDma(RxCount * sizeof(RxDescriptor), &p0);
            tx = (TxDescriptor*)Kernel.AllocateDma(TxCount * sizeof(TxDescriptor), &p1);
            rxBuffers = (byte*)Kernel.AllocateDma(RxCount * BufferSize, &p2);
            txBuffers = (byte*)Kernel.AllocateDma(TxCount * BufferSize, &p3);
            rxPhysical = p0; txPhysical = p1; rxBuffersPhysical = p2; txBuffersPhysical = p3;
            return rx != null && tx != null && rxBuffers != null && txBuffers != null;
        }

        // Points the device at the rings; every receive descriptor owned by the device.
        public static void Program()
        {
            for (int i = 0; i < RxCount; i++)
            {
                rx[i] = default;
                rx[i].BufferAddress = rxBuffersPhysical + (ulong)(i * BufferSize);
            }
            for (int i = 0; i < TxCount; i++)
            {
                tx[i] = default;
                tx[i].BufferAddress = txBuffersPhysical + (ulong)(i * BufferSize);
                tx[i].Status = TxDescriptor.StatusDD;     // free
            }
            rxNext = 0;
            txNext = 0;
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

        // Copies the frame into the next free transmit buffer and hands it to the device.
        public static int Transmit(byte* frame, int length)
        {
            if (length <= 0 || length > BufferSize) return ApiStatus.Invalid;
            TxDescriptor* d = &tx[txNext];
            if ((Volatile.Read(ref d->Status) & TxDescriptor.StatusDD) == 0) { TxRingFull++; return ApiStatus.Busy; }
            byte* buffer = txBuffers + txNext * BufferSize;
            for (int i = 0; i < length; i++) buffer[i] = frame[i];
            d->Length = (ushort)length;
            d->Command = TxDescriptor.CommandEOP | TxDescriptor.CommandIFCS | TxDescriptor.CommandRS;
            Volatile.Write(ref d->Status, (byte)0);
            txNext = (txNext + 1) % TxCount;
            Hardware.Write(Registers.TDT, (uint)txNext);
            TxFrames++;
            return ApiStatus.Ok;
        }

        // Hands every completed frame up and gives its descriptor back to the device.
        public static void Receive(long device)
        {
            int given = 0;
            while (true)
            {
                RxDescriptor* d = &rx[rxNext];
                byte status = Volatile.Read(ref d->Status);
                if ((status & RxDescriptor.StatusDD) == 0) break;
                if ((status & RxDescriptor.StatusEOP) != 0 && (d->Errors & RxDescriptor.ErrorsFrame) == 0 && d->Length <= BufferSize)
                {
                    Kernel.ReceiveFrame(device, rxBuffers + rxNext * BufferSize, d->Length);
                    RxFrames++;
                }
                else RxErrors++;
                d->Status = 0;
                Hardware.Write(Registers.RDT, (uint)rxNext);
                rxNext = (rxNext + 1) % RxCount;
                if (++given == RxCount) break;
            }
        }
    }
}
