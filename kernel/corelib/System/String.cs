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

        // One allocation each: C# lowers `+` chains and interpolations whose holes are all
        // strings to these, and there is no collector to clean up intermediate strings.
        public static string Concat(string a, string b) => Concat(a, b, null, null);
        public static string Concat(string a, string b, string c) => Concat(a, b, c, null);

        public static string Concat(string a, string b, string c, string d)
        {
            int length = Len(a) + Len(b) + Len(c) + Len(d);
            string s = FastAllocate(length);
            if (length == 0) return s;
            fixed (char* dst = &s._firstChar)
            {
                int at = Append(dst, 0, a);
                at = Append(dst, at, b);
                at = Append(dst, at, c);
                Append(dst, at, d);
            }
            return s;
        }

        private static int Len(string s) => (object)s == null ? 0 : s._stringLength;

        private static int Append(char* dst, int at, string s)
        {
            for (int i = 0; i < Len(s); i++) dst[at++] = s[i];
            return at;
        }

        // C# lowers a + b + ... with more than four operands to this: one allocation for all.
        // The array is the compiler's, made for this call, so it goes back here.
        public static string Concat(params string[] values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++) length += Len(values[i]);
            string s = FastAllocate(length);
            if (length != 0)
                fixed (char* dst = &s._firstChar)
                {
                    int at = 0;
                    for (int i = 0; i < values.Length; i++) at = Append(dst, at, values[i]);
                }
            Internal.Runtime.RuntimeMemory.Free(values);
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
