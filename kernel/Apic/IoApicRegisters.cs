namespace Nooks.Kernel.Apic
{
    // 82093AA I/O APIC registers: an index/data window, and 64-bit redirection entries.
    public static class IoApicRegisters
    {
        public const uint RegisterSelect = 0x00;   // IOREGSEL
        public const uint Window = 0x10;           // IOWIN

        public const uint Version = 0x01;          // IOAPICVER
        public const uint RedirectionTable = 0x10; // IOREDTBL[n] low dword at 0x10 + 2n, high at + 1

        public const int MaxRedirectionEntryShift = 16;
        public const uint MaxRedirectionEntryMask = 0xFF;

        public const uint DeliveryFixed = 0 << 8;
        public const uint DeliveryNmi = 4 << 8;
        public const uint DestinationPhysical = 0 << 11;
        public const uint ActiveLow = 1 << 13;
        public const uint LevelTriggered = 1 << 15;
        public const uint Masked = 1 << 16;
        public const int DestinationShift = 24;      // in the high dword
    }
}
