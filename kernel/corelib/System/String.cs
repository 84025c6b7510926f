using System.Runtime.CompilerServices;

namespace System
{
    // Layout fixed by ILC: a length followed by inline UTF-16 characters. String literals are
    // frozen objects in the image; strings built at run time come from the image's heap.
    public sealed unsafe class String
    {
#pragma warning disable 649
        private int _stringLength;
        private char _firstChar;
#pragma warning restore 649

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;

        internal static string FastAllocate(int length)
        {
            if (length == 0) return Empty;
            return (string)System.Runtime.RuntimeExports.AllocateString(length);
        }

        public static implicit operator ReadOnlySpan<char>(string value) =>
            (object)value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

        // ILC turns `new string(...)` into a call to the matching static Ctor.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        private static string Ctor(ReadOnlySpan<char> value) => FromSpan(value);
        private static string Ctor(char[] value) => FromSpan(value);
        private static string Ctor(char c, int count)
        {
            string s = FastAllocate(count);
            if (count == 0) return s;
            fixed (char* dst = &s._firstChar)
                for (int i = 0; i < count; i++) dst[i] = c;
            return s;
        }

        public static string FromSpan(ReadOnlySpan<char> chars)
        {
            string s = FastAllocate(chars.Length);
            if (chars.Length == 0) return s;
            fixed (char* dst = &s._firstChar)
                for (int i = 0; i < chars.Length; i++) dst[i] = chars[i];
            return s;
        }

        public string Substring(int start, int length) => FromSpan(((ReadOnlySpan<char>)this).Slice(start, length));
        public string Substring(int start) => Substring(start, _stringLength - start);

        public static string Concat(string a, string b)
        {
            a ??= Empty; b ??= Empty;
            string s = FastAllocate(a.Length + b.Length);
            if (s.Length == 0) return s;
            fixed (char* dst = &s._firstChar)
            {
                for (int i = 0; i < a.Length; i++) dst[i] = a[i];
                for (int i = 0; i < b.Length; i++) dst[a.Length + i] = b[i];
            }
            return s;
        }
        public static string Concat(string a, string b, string c) => Concat(Concat(a, b), c);
        public static string Concat(string a, string b, string c, string d) => Concat(Concat(a, b), Concat(c, d));

        // C# lowers a + b + ... with more than four operands to this: one allocation for all.
        public static string Concat(params string[] values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++) if (values[i] != null) length += values[i].Length;
            string s = FastAllocate(length);
            if (length == 0) return s;
            fixed (char* dst = &s._firstChar)
            {
                int at = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    string v = values[i];
                    if (v == null) continue;
                    for (int j = 0; j < v.Length; j++) dst[at++] = v[j];
                }
            }
            return s;
        }

        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);
        public override bool Equals(object o) => o is string s && Equals(this, s);
        public override int GetHashCode()
        {
            uint h = 2166136261;
            for (int i = 0; i < _stringLength; i++) h = (h ^ this[i]) * 16777619;
            return (int)h;
        }
        public override string ToString() => this;

        public static bool Equals(string a, string b)
        {
            if ((object)a == (object)b) return true;
            if ((object)a == null || (object)b == null) return false;
            return ((ReadOnlySpan<char>)a).SequenceEqual(b);
        }

        public bool StartsWith(string prefix) =>
            prefix.Length <= _stringLength && ((ReadOnlySpan<char>)this).Slice(0, prefix.Length).SequenceEqual(prefix);
    }
}
