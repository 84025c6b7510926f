using System;

namespace Nooks.Kernel.Net
{
    // ICMP (RFC 792) echo request and reply: type, code, checksum, identifier, sequence, data.
    public struct IcmpHeader
    {
        public const int Length = 8;
        private const int TypeOffset = 0;
        private const int CodeOffset = 1;
        private const int ChecksumOffset = 2;
        private const int IdentifierOffset = 4;
        private const int SequenceOffset = 6;

        public const byte EchoReply = 0;
        public const byte EchoRequest = 8;

        public byte Type;
        public byte Code;
        public ushort Identifier;
        public ushort Sequence;

        // False if the message is shorter than a header or its checksum is wrong.
        public static bool TryRead(ReadOnlySpan<byte> message, out IcmpHeader h)
        {
            h = default;
            if (message.Length < Length || Checksum.Compute(message) != 0) return false;
            h.Type = message[TypeOffset];
            h.Code = message[CodeOffset];
            h.Identifier = NetBytes.ReadU16(message, IdentifierOffset);
            h.Sequence = NetBytes.ReadU16(message, SequenceOffset);
            return true;
        }

        // Writes an echo header in front of `message`'s data (already in place after the
        // header) and checksums the whole message.
        public static void WriteEcho(Span<byte> message, byte type, ushort identifier, ushort sequence)
        {
            message[TypeOffset] = type;
            message[CodeOffset] = 0;
            NetBytes.WriteU16(message, ChecksumOffset, 0);
            NetBytes.WriteU16(message, IdentifierOffset, identifier);
            NetBytes.WriteU16(message, SequenceOffset, sequence);
            NetBytes.WriteU16(message, ChecksumOffset, Checksum.Compute(message));
        }
    }
}
