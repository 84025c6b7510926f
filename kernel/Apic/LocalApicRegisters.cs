namespace Nooks.Kernel.Apic
{
    // xAPIC MMIO registers and fields (Intel SDM vol. 3A, 11.4 and table 11-1).
    public static class LocalApicRegisters
    {
        public const uint Id = 0x020;
        public const uint Version = 0x030;
        public const uint TaskPriority = 0x080;
        public const uint EndOfInterrupt = 0x0B0;
        public const uint SpuriousInterruptVector = 0x0F0;
        public const uint ErrorStatus = 0x280;
        public const uint LvtTimer = 0x320;
        public const uint LvtLint0 = 0x350;
        public const uint LvtError = 0x370;
        public const uint TimerInitialCount = 0x380;
        public const uint TimerCurrentCount = 0x390;
        public const uint TimerDivideConfiguration = 0x3E0;

        public const int IdShift = 24;
        public const uint SoftwareEnable = 1 << 8;
        public const uint LvtMasked = 1 << 16;
        public const uint TimerOneShot = 0 << 17;
        public const uint TimerPeriodic = 1 << 17;
        public const uint DivideBy16 = 0b0011;

        // IA32_APIC_BASE: global enable and the MMIO base.
        public const uint ApicBaseMsr = 0x1B;
        public const ulong ApicBaseGlobalEnable = 1 << 11;
        public const ulong ApicBaseAddressMask = 0x000FFFFFFFFFF000;
    }
}
