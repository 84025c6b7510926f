using System;

namespace Nooks.Kernel.Net
{
    // The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of
    // 16-bit big-endian words. A block that carries its own correct checksum sums to 0xFFFF,
    // so Compute over it gives zero.
    public static class Checksum
    {
        // Adds the bytes to a running 32-bit sum (an odd last byte is padded with zero).
        public static uint Add(uint sum, ReadOnlySpan<byte> data)
        {
            int i = 0;
            for (; i + 1 < data.Length; i += 2) sum += (uint)((data[i] << 8) | data[i + 1]);
            if (i < data.Length) sum += (uint)(data[i] << 8);
            return sum;
        }

        public static uint Add(uint sum, uint word32) => sum + (word32 >> 16) + (word32 & 0xFFFF);

        public static ushort Finish(uint sum)
        {
            while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
            return (ushort)~sum;
        }

        public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));

        // The sum of the IPv4 pseudo-header UDP and TCP checksums cover.
        public static uint PseudoHeader(uint source, uint destination, byte protocol, int length) =>
            Add(Add(0, source), destination) + protocol + (uint)length;
    }
}
