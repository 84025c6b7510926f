using System;

namespace Nooks.Kernel.Net
{
    // Network byte order (big-endian) reads and writes on spans.
    public static class NetBytes
    {
        public static ushort ReadU16(ReadOnlySpan<byte> s, int offset) => (ushort)((s[offset] << 8) | s[offset + 1]);

        public static uint ReadU32(ReadOnlySpan<byte> s, int offset) =>
            ((uint)s[offset] << 24) | ((uint)s[offset + 1] << 16) | ((uint)s[offset + 2] << 8) | s[offset + 3];

        public static void WriteU16(Span<byte> s, int offset, ushort value)
        {
            s[offset] = (byte)(value >> 8);
            s[offset + 1] = (byte)value;
        }

        public static void WriteU32(Span<byte> s, int offset, uint value)
        {
            s[offset] = (byte)(value >> 24);
            s[offset + 1] = (byte)(value >> 16);
            s[offset + 2] = (byte)(value >> 8);
            s[offset + 3] = (byte)value;
        }

        public static void Copy(ReadOnlySpan<byte> from, Span<byte> to)
        {
            for (int i = 0; i < from.Length; i++) to[i] = from[i];
        }
    }
}
