using System.Runtime.InteropServices;

namespace Nooks.Drivers.E1000
{
    // Legacy receive descriptor (8254x manual 3.2.3): 16 bytes.
    [StructLayout(LayoutKind.Sequential)]
    public struct RxDescriptor
    {
        public ulong BufferAddress;
        public ushort Length;
        public ushort Checksum;
        public byte Status;
        public byte Errors;
        public ushort Special;

        public const byte StatusDD = 1 << 0;      // descriptor done
        public const byte StatusEOP = 1 << 1;     // end of packet
        public const byte ErrorsFrame = 0x97;     // CE, SE, SEQ, CXE, RXE: frame errors
    }

    // Legacy transmit descriptor (8254x manual 3.3.3): 16 bytes.
    [StructLayout(LayoutKind.Sequential)]
    public struct TxDescriptor
    {
        public ulong BufferAddress;
        public ushort Length;
        public byte ChecksumOffset;
        public byte Command;
        public byte Status;
        public byte ChecksumStart;
        public ushort Special;

        public const byte CommandEOP = 1 << 0;    // end of packet
        public const byte CommandIFCS = 1 << 1;   // insert FCS
        public const byte CommandRS = 1 << 3;     // report status
        public const byte StatusDD = 1 << 0;      // descriptor done
    }
}
