using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Time
{
    // The 8254 PIT, used only as a known-frequency reference to calibrate the TSC and the local
    // APIC timer. Channel 2 (gated through port 0x61, readable without interrupts) does the
    // measuring; channel 0 and its IRQ are left alone for the NMI watchdog.
    public static class Pit
    {
        public const ulong FrequencyHz = 1193182;
        public const ushort MaxCount = 0xFFFF;

        private const ushort Channel0Data = 0x40, Channel2Data = 0x42, Command = 0x43, SystemControlB = 0x61;
        private const byte SelectChannel0 = 0 << 6, SelectChannel2 = 2 << 6, AccessLowHigh = 3 << 4;
        private const byte Mode0InterruptOnTerminalCount = 0 << 1, Mode2RateGenerator = 2 << 1;
        private const byte Gate2 = 1 << 0, SpeakerData = 1 << 1, Out2 = 1 << 5;

        // Loads channel 2 with `count` while its gate is low, so that counting starts at Start.
        public static void PrepareOneShot(ushort count)
        {
            byte control = Cpu.In8(SystemControlB);
            Cpu.Out8(SystemControlB, (byte)(control & ~(Gate2 | SpeakerData)));
            Cpu.Out8(Command, SelectChannel2 | AccessLowHigh | Mode0InterruptOnTerminalCount);
            Cpu.Out8(Channel2Data, (byte)count);
            Cpu.Out8(Channel2Data, (byte)(count >> 8));
        }

        public static void StartOneShot()
        {
            byte control = Cpu.In8(SystemControlB);
            Cpu.Out8(SystemControlB, (byte)((control & ~SpeakerData) | Gate2));
        }

        // Channel 0 ticking at `hz` on ISA IRQ 0 (the NMI watchdog's heartbeat).
        public static void StartPeriodic(uint hz)
        {
            ulong count = FrequencyHz / hz;
            if (count > MaxCount) count = MaxCount;
            Cpu.Out8(Command, SelectChannel0 | AccessLowHigh | Mode2RateGenerator);
            Cpu.Out8(Channel0Data, (byte)count);
            Cpu.Out8(Channel0Data, (byte)(count >> 8));
        }

        public static bool OneShotExpired => (Cpu.In8(SystemControlB) & Out2) != 0;

        public static void StopOneShot()
        {
            byte control = Cpu.In8(SystemControlB);
            Cpu.Out8(SystemControlB, (byte)(control & ~(Gate2 | SpeakerData)));
        }
    }
}
