using System.Threading;
using Nooks.Api;

namespace Nooks.Drivers.E1000
{
    // Register access, reset, and the station address of one 82540EM.
    public static unsafe class Hardware
    {
        private const int ResetWaitMicroseconds = 1000;
        private const int EepromPolls = 10000;
        public static byte* Registers;

        public static uint Read(uint register) => Volatile.Read(ref *(uint*)(Registers + register));
        public static void Write(uint register, uint value) => Volatile.Write(ref *(uint*)(Registers + register), value);

        // Global reset with interrupts masked, then the link set up (auto-negotiated speed).
        public static bool Reset()
        {
            Write(E1000.Registers.IMC, Interrupt.All);
            Write(E1000.Registers.CTRL, Read(E1000.Registers.CTRL) | Ctrl.RST);
            Kernel.Delay(ResetWaitMicroseconds);
            for (int i = 0; i < 100 && (Read(E1000.Registers.CTRL) & Ctrl.RST) != 0; i++) Kernel.Delay(100);
            if ((Read(E1000.Registers.CTRL) & Ctrl.RST) != 0) return false;
            Write(E1000.Registers.IMC, Interrupt.All);
            Read(E1000.Registers.ICR);
            uint ctrl = Read(E1000.Registers.CTRL);
            ctrl &= ~(Ctrl.LRST | Ctrl.PHY_RST);
            ctrl |= Ctrl.SLU | Ctrl.ASDE;
            Write(E1000.Registers.CTRL, ctrl);
            for (int i = 0; i < E1000.Registers.MtaCount; i++) Write(E1000.Registers.MTA + (uint)(i * 4), 0);
            return true;
        }

        // The address from the EEPROM (words 0-2), or from RAL0/RAH0 if the EEPROM does not answer.
        public static ulong ReadMac()
        {
            ulong mac = 0;
            for (int w = 0; w < 3; w++)
            {
                if (!ReadEeprom(Eeprom.MacWord0 + w, out ushort word)) return ReceiveAddress();
                mac = (mac << 16) | ((ulong)(word & 0xFF) << 8) | (ulong)(word >> 8);
            }
            return mac;
        }

        private static bool ReadEeprom(int address, out ushort word)
        {
            Write(E1000.Registers.EERD, Eerd.START | ((uint)address << Eerd.ADDR_SHIFT));
            for (int i = 0; i < EepromPolls; i++)
            {
                uint v = Read(E1000.Registers.EERD);
                if ((v & Eerd.DONE) != 0) { word = (ushort)(v >> Eerd.DATA_SHIFT); return true; }
            }
            word = 0;
            return false;
        }

        // The unicast address the receive filter accepts now (RAL0/RAH0).
        public static ulong ReceiveAddress()
        {
            uint low = Read(E1000.Registers.RAL0), high = Read(E1000.Registers.RAH0);
            return ((ulong)(low & 0xFF) << 40) | ((ulong)((low >> 8) & 0xFF) << 32) | ((ulong)((low >> 16) & 0xFF) << 24)
                | ((ulong)(low >> 24) << 16) | ((ulong)(high & 0xFF) << 8) | ((high >> 8) & 0xFF);
        }

        // Receive address 0, marked valid: the unicast address the filter accepts.
        public static void WriteMac(ulong mac)
        {
            uint low = (uint)((mac >> 40) & 0xFF) | (uint)((mac >> 32) & 0xFF) << 8 | (uint)((mac >> 24) & 0xFF) << 16 | (uint)((mac >> 16) & 0xFF) << 24;
            uint high = (uint)((mac >> 8) & 0xFF) | (uint)(mac & 0xFF) << 8 | 1u << 31;   // AV
            Write(E1000.Registers.RAL0, low);
            Write(E1000.Registers.RAH0, high);
        }

        public static bool LinkUp => (Read(E1000.Registers.STATUS) & Status.LU) != 0;
    }
}
