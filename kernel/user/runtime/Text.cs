using System;

namespace Nooks.User
{
    // The system call interface carries text as bytes (ASCII; other characters become '?'),
    // programs work with strings.
    internal static unsafe class Text
    {
        private const byte Unrepresentable = (byte)'?';
        private const char Ascii = (char)0x80;

        public static void Encode(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            for (int i = 0; i < chars.Length; i++) bytes[i] = chars[i] < Ascii ? (byte)chars[i] : Unrepresentable;
        }

        public static string Decode(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == 0) return "";
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}
