namespace Nooks.Drivers.E1000
{
    // Register offsets and bits of the Intel 82540EM, named as in the PCI/PCI-X Family of
    // Gigabit Ethernet Controllers Software Developer's Manual (8254x), section 13.
    public static class Registers
    {
        public const uint CTRL = 0x0000;     // Device Control
        public const uint STATUS = 0x0008;   // Device Status
        public const uint EECD = 0x0010;     // EEPROM/Flash Control/Data
        public const uint EERD = 0x0014;     // EEPROM Read
        public const uint ICR = 0x00C0;      // Interrupt Cause Read (clears on read)
        public const uint ICS = 0x00C8;      // Interrupt Cause Set
        public const uint IMS = 0x00D0;      // Interrupt Mask Set/Read
        public const uint IMC = 0x00D8;      // Interrupt Mask Clear
        public const uint RCTL = 0x0100;     // Receive Control
        public const uint TCTL = 0x0400;     // Transmit Control
        public const uint TIPG = 0x0410;     // Transmit Inter Packet Gap
        public const uint RDBAL = 0x2800;    // Receive Descriptor Base Address Low
        public const uint RDBAH = 0x2804;
        public const uint RDLEN = 0x2808;    // Receive Descriptor Length (bytes, multiple of 128)
        public const uint RDH = 0x2810;      // Receive Descriptor Head
        public const uint RDT = 0x2818;      // Receive Descriptor Tail
        public const uint RDTR = 0x2820;     // Receive Delay Timer
        public const uint TDBAL = 0x3800;    // Transmit Descriptor Base Address Low
        public const uint TDBAH = 0x3804;
        public const uint TDLEN = 0x3808;
        public const uint TDH = 0x3810;
        public const uint TDT = 0x3818;
        public const uint MTA = 0x5200;      // Multicast Table Array, 128 registers
        public const int MtaCount = 128;
        public const uint RAL0 = 0x5400;     // Receive Address Low (entry 0)
        public const uint RAH0 = 0x5404;     // Receive Address High (entry 0)
    }

    public static class Ctrl
    {
        public const uint FD = 1u << 0;       // full duplex
        public const uint LRST = 1u << 3;     // link reset
        public const uint ASDE = 1u << 5;     // auto-speed detection enable
        public const uint SLU = 1u << 6;      // set link up
        public const uint RST = 1u << 26;     // device reset (self-clearing)
        public const uint PHY_RST = 1u << 31;
    }

    public static class Status
    {
        public const uint LU = 1u << 1;       // link up
    }

    public static class Eerd
    {
        public const uint START = 1u << 0;
        public const uint DONE = 1u << 4;
        public const int ADDR_SHIFT = 8;
        public const int DATA_SHIFT = 16;
    }

    // Interrupt causes (ICR, IMS, IMC, ICS bits).
    public static class Interrupt
    {
        public const uint TXDW = 1u << 0;     // transmit descriptor written back
        public const uint TXQE = 1u << 1;     // transmit queue empty
        public const uint LSC = 1u << 2;      // link status change
        public const uint RXSEQ = 1u << 3;
        public const uint RXDMT0 = 1u << 4;   // receive descriptor minimum threshold
        public const uint RXO = 1u << 6;      // receiver overrun
        public const uint RXT0 = 1u << 7;     // receiver timer interrupt
        public const uint All = 0xFFFFFFFF;
    }

    public static class Rctl
    {
        public const uint EN = 1u << 1;
        public const uint SBP = 1u << 2;      // store bad packets
        public const uint UPE = 1u << 3;      // unicast promiscuous
        public const uint MPE = 1u << 4;      // multicast promiscuous
        public const uint LPE = 1u << 5;      // long packet enable
        public const uint BAM = 1u << 15;     // broadcast accept mode
        public const uint BSIZE_2048 = 0;     // BSIZE 00 with BSEX 0
        public const uint SECRC = 1u << 26;   // strip Ethernet CRC
    }

    public static class Tctl
    {
        public const uint EN = 1u << 1;
        public const uint PSP = 1u << 3;      // pad short packets
        public const int CT_SHIFT = 4;        // collision threshold
        public const int COLD_SHIFT = 12;     // collision distance
        public const uint CT_DEFAULT = 0x10;
        public const uint COLD_FULL_DUPLEX = 0x40;
    }

    public static class Tipg
    {
        // Recommended IEEE 802.3 values for the 82540EM (copper): IPGT 10, IPGR1 8, IPGR2 6.
        public const uint Default = 10 | (8 << 10) | (6 << 20);
    }

    public static class Eeprom
    {
        public const int MacWord0 = 0;        // Ethernet address, words 0-2, little-endian pairs
    }
}
