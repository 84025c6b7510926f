using System;

namespace Nooks.Kernel.Net
{
    public enum Ipv4Error { None, TooShort, NotVersion4, BadHeaderLength, BadTotalLength, BadChecksum, Fragment }

    // The IPv4 header (RFC 791). Options are accepted and skipped; fragments are refused.
    public struct Ipv4Header
    {
        public const int MinimumLength = 20;
        private const int VersionLengthOffset = 0;
        private const int TotalLengthOffset = 2;
        private const int IdentificationOffset = 4;
        private const int FlagsFragmentOffset = 6;
        private const int TtlOffset = 8;
        private const int ProtocolOffset = 9;
        private const int ChecksumOffset = 10;
        private const int SourceOffset = 12;
        private const int DestinationOffset = 16;
        private const ushort MoreFragments = 0x2000;
        private const ushort DontFragment = 0x4000;
        private const ushort FragmentOffsetMask = 0x1FFF;

        public const byte ProtocolIcmp = 1;
        public const byte ProtocolTcp = 6;
        public const byte ProtocolUdp = 17;
        public const byte DefaultTtl = 64;

        public int HeaderLength;
        public int TotalLength;
        public ushort Identification;
        public byte Ttl;
        public byte Protocol;
        public uint Source;
        public uint Destination;

        public int PayloadLength => TotalLength - HeaderLength;

        // Validates a packet as it arrived (after the Ethernet header; the frame may carry padding
        // after TotalLength).
        public static Ipv4Error TryRead(ReadOnlySpan<byte> p, out Ipv4Header h)
        {
            h = default;
            if (p.Length < MinimumLength) return Ipv4Error.TooShort;
            if ((p[VersionLengthOffset] >> 4) != 4) return Ipv4Error.NotVersion4;
            h.HeaderLength = (p[VersionLengthOffset] & 0xF) * 4;
            if (h.HeaderLength < MinimumLength || h.HeaderLength > p.Length) return Ipv4Error.BadHeaderLength;
            h.TotalLength = NetBytes.ReadU16(p, TotalLengthOffset);
            if (h.TotalLength < h.HeaderLength || h.TotalLength > p.Length) return Ipv4Error.BadTotalLength;
            if (Checksum.Compute(p.Slice(0, h.HeaderLength)) != 0) return Ipv4Error.BadChecksum;
            ushort flags = NetBytes.ReadU16(p, FlagsFragmentOffset);
            if ((flags & MoreFragments) != 0 || (flags & FragmentOffsetMask) != 0) return Ipv4Error.Fragment;
            h.Identification = NetBytes.ReadU16(p, IdentificationOffset);
            h.Ttl = p[TtlOffset];
            h.Protocol = p[ProtocolOffset];
            h.Source = NetBytes.ReadU32(p, SourceOffset);
            h.Destination = NetBytes.ReadU32(p, DestinationOffset);
            return Ipv4Error.None;
        }

        // Writes a 20-byte header with its checksum; returns the header length.
        public static int Write(Span<byte> p, byte protocol, uint source, uint destination, int payloadLength, ushort identification, byte ttl)
        {
            p[VersionLengthOffset] = 0x45;
            p[1] = 0;
            NetBytes.WriteU16(p, TotalLengthOffset, (ushort)(MinimumLength + payloadLength));
            NetBytes.WriteU16(p, IdentificationOffset, identification);
            NetBytes.WriteU16(p, FlagsFragmentOffset, DontFragment);
            p[TtlOffset] = ttl;
            p[ProtocolOffset] = protocol;
            NetBytes.WriteU16(p, ChecksumOffset, 0);
            NetBytes.WriteU32(p, SourceOffset, source);
            NetBytes.WriteU32(p, DestinationOffset, destination);
            NetBytes.WriteU16(p, ChecksumOffset, Checksum.Compute(p.Slice(0, MinimumLength)));
            return MinimumLength;
        }

        public static string ErrorName(Ipv4Error e) => e switch
        {
            Ipv4Error.TooShort => "too short",
            Ipv4Error.NotVersion4 => "not version 4",
            Ipv4Error.BadHeaderLength => "bad header length",
            Ipv4Error.BadTotalLength => "bad total length",
            Ipv4Error.BadChecksum => "bad checksum",
            Ipv4Error.Fragment => "fragment",
            _ => "ok",
        };
    }
}
