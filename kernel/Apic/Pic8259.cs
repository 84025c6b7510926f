using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Apic
{
    // The legacy 8259 pair. The kernel uses the I/O APIC instead; the PICs are reprogrammed away
    // from the exception vectors (so that a stray interrupt cannot look like a CPU fault) and
    // then fully masked.
    public static class Pic8259
    {
        private const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;
        private const byte Icw1InitWithIcw4 = 0x11;
        private const byte Icw3SlaveOnIrq2 = 1 << 2, Icw3SlaveIdentity = 2;
        private const byte Icw4Mode8086 = 0x01;
        private const byte AllMasked = 0xFF;
        public const int LineCount = 16;

        public static void RemapAndMask(int firstVector)
        {
            Cpu.Out8(MasterCommand, Icw1InitWithIcw4);
            Cpu.Out8(SlaveCommand, Icw1InitWithIcw4);
            Cpu.Out8(MasterData, (byte)firstVector);
            Cpu.Out8(SlaveData, (byte)(firstVector + 8));
            Cpu.Out8(MasterData, Icw3SlaveOnIrq2);
            Cpu.Out8(SlaveData, Icw3SlaveIdentity);
            Cpu.Out8(MasterData, Icw4Mode8086);
            Cpu.Out8(SlaveData, Icw4Mode8086);
            Cpu.Out8(MasterData, AllMasked);
            Cpu.Out8(SlaveData, AllMasked);
        }
    }
}
