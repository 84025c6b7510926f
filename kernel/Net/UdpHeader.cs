using System;

namespace Nooks.Kernel.Net
{
    public enum UdpError { None, TooShort, BadLength, BadChecksum }

    // The UDP header (RFC 768). The checksum covers a pseudo-header from the IPv4 header.
    public struct UdpHeader
    {
        public const int Length = 8;
        private const int SourcePortOffset = 0;
        private const int DestinationPortOffset = 2;
        private const int LengthOffset = 4;
        private const int ChecksumOffset = 6;

        public ushort SourcePort;
        public ushort DestinationPort;
        public int DatagramLength;          // header and data

        public int DataLength => DatagramLength - Length;

        // `datagram` is the IPv4 payload; a zero checksum means the sender did not compute one.
        public static UdpError TryRead(ReadOnlySpan<byte> datagram, uint source, uint destination, out UdpHeader h)
        {
            h = default;
            if (datagram.Length < Length) return UdpError.TooShort;
            h.SourcePort = NetBytes.ReadU16(datagram, SourcePortOffset);
            h.DestinationPort = NetBytes.ReadU16(datagram, DestinationPortOffset);
            h.DatagramLength = NetBytes.ReadU16(datagram, LengthOffset);
            if (h.DatagramLength < Length || h.DatagramLength > datagram.Length) return UdpError.BadLength;
            if (NetBytes.ReadU16(datagram, ChecksumOffset) != 0)
            {
                uint sum = Checksum.PseudoHeader(source, destination, Ipv4Header.ProtocolUdp, h.DatagramLength);
                if (Checksum.Finish(Checksum.Add(sum, datagram.Slice(0, h.DatagramLength))) != 0) return UdpError.BadChecksum;
            }
            return UdpError.None;
        }

        // Writes the header in front of the data already in place and checksums the datagram.
        public static void Write(Span<byte> datagram, ushort sourcePort, ushort destinationPort, int dataLength, uint source, uint destination)
        {
            int length = Length + dataLength;
            NetBytes.WriteU16(datagram, SourcePortOffset, sourcePort);
            NetBytes.WriteU16(datagram, DestinationPortOffset, destinationPort);
            NetBytes.WriteU16(datagram, LengthOffset, (ushort)length);
            NetBytes.WriteU16(datagram, ChecksumOffset, 0);
            uint sum = Checksum.PseudoHeader(source, destination, Ipv4Header.ProtocolUdp, length);
            ushort c = Checksum.Finish(Checksum.Add(sum, datagram.Slice(0, length)));
            NetBytes.WriteU16(datagram, ChecksumOffset, c == 0 ? (ushort)0xFFFF : c);
        }
    }
}
