using System;

namespace Nooks.Kernel.Net
{
    // Ethernet II header (IEEE 802.3 with an EtherType): destination, source, type.
    public struct EthernetHeader
    {
        public const int Length = 14;
        public const int DestinationOffset = 0;
        public const int SourceOffset = 6;
        public const int TypeOffset = 12;
        public const int MinimumFrame = 60;      // without the FCS, which the NIC adds and strips
        public const int MaximumFrame = 1514;
        public const int Mtu = MaximumFrame - Length;

        public const ushort TypeIpv4 = 0x0800;
        public const ushort TypeArp = 0x0806;

        public ulong Destination;
        public ulong Source;
        public ushort Type;

        public static bool TryRead(ReadOnlySpan<byte> frame, out EthernetHeader h)
        {
            h = default;
            if (frame.Length < Length) return false;
            h.Destination = EthernetAddress.Read(frame, DestinationOffset);
            h.Source = EthernetAddress.Read(frame, SourceOffset);
            h.Type = NetBytes.ReadU16(frame, TypeOffset);
            return true;
        }

        public static void Write(Span<byte> frame, ulong destination, ulong source, ushort type)
        {
            EthernetAddress.Write(frame, DestinationOffset, destination);
            EthernetAddress.Write(frame, SourceOffset, source);
            NetBytes.WriteU16(frame, TypeOffset, type);
        }
    }
}
