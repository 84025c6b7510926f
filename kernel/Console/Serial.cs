using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Console
{
    // The 16550 UART on COM1: the kernel log and the shell's console.
    public static unsafe class Serial
    {
        private const ushort Com1 = 0x3F8;
        private const ushort Data = 0, InterruptEnable = 1, LineControl = 3, ModemControl = 4, LineStatus = 5;
        private const byte DivisorLatch = 0x80, EightNoneOne = 0x03, Divisor115200 = 1;
        private const byte DtrRtsOut2 = 0x0B, ReceivedDataAvailable = 0x01;
        private const byte TransmitHoldingEmpty = 0x20, DataReady = 0x01;

        // Input that arrived before the kernel took over the UART, read out and kept for the
        // console. Plain statics: this runs before the image's statics exist. The FIFO is left
        // as the firmware set it: changing its enable bit clears the receiver, and a character
        // typed between this read-out and that write was lost (the second letter of piped input,
        // now and then).
        private const int EarlyCapacity = 256;
        private struct EarlyInput { public fixed byte Bytes[EarlyCapacity]; public int Count; }
        private static EarlyInput early;

        public static unsafe bool TryTakeEarly(int index, out byte b)
        {
            b = index < early.Count ? early.Bytes[index] : (byte)0;
            return index < early.Count;
        }

        public static unsafe void Initialize()
        {
            while (early.Count < EarlyCapacity && (Cpu.In8(Com1 + LineStatus) & DataReady) != 0)
                early.Bytes[early.Count++] = Cpu.In8(Com1 + Data);
            Cpu.Out8(Com1 + InterruptEnable, 0);
            Cpu.Out8(Com1 + LineControl, DivisorLatch);
            Cpu.Out8(Com1 + Data, Divisor115200);
            Cpu.Out8(Com1 + InterruptEnable, 0);
            Cpu.Out8(Com1 + LineControl, EightNoneOne);
            Cpu.Out8(Com1 + ModemControl, DtrRtsOut2);
        }

        // Received characters raise IRQ 4 once interrupts are routed.
        public static void EnableReceiveInterrupt() => Cpu.Out8(Com1 + InterruptEnable, ReceivedDataAvailable);

        public static void Write(byte b)
        {
            while ((Cpu.In8(Com1 + LineStatus) & TransmitHoldingEmpty) == 0) Cpu.Pause();
            Cpu.Out8(Com1 + Data, b);
        }

        public static bool TryRead(out byte b)
        {
            if ((Cpu.In8(Com1 + LineStatus) & DataReady) == 0) { b = 0; return false; }
            b = Cpu.In8(Com1 + Data);
            return true;
        }
    }
}
