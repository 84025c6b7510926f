using System.Text;

namespace System.Runtime.CompilerServices
{
    public sealed class InterpolatedStringHandlerAttribute : Attribute { }
    public sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) { }
    }

    // Lets $"..." build strings: integers with .NET format specifiers ("x8", "D3"), strings,
    // chars and booleans. Other types do not compile, which is deliberate: there is no boxing
    // or ToString dispatch to fall back on.
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private char[] _buffer;
        private int _length;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _buffer = new char[literalLength + formattedCount * 16 + 16];
            _length = 0;
        }

        private void Ensure(int extra)
        {
            if (_length + extra <= _buffer.Length) return;
            int size = _buffer.Length * 2;
            if (size < _length + extra) size = _length + extra;
            char[] bigger = new char[size];
            for (int i = 0; i < _length; i++) bigger[i] = _buffer[i];
            Internal.Runtime.RuntimeMemory.Free(_buffer);
            _buffer = bigger;
        }

        public void AppendLiteral(string value) => AppendFormatted((ReadOnlySpan<char>)value);

        public void AppendFormatted(scoped ReadOnlySpan<char> value)
        {
            Ensure(value.Length);
            for (int i = 0; i < value.Length; i++) _buffer[_length++] = value[i];
        }

        public void AppendFormatted(scoped ReadOnlySpan<char> value, int alignment)
        {
            int pad = (alignment < 0 ? -alignment : alignment) - value.Length;
            if (alignment > 0) Pad(pad);
            AppendFormatted(value);
            if (alignment < 0) Pad(pad);
        }

        private void Pad(int count)
        {
            for (int i = 0; i < count; i++) AppendFormatted((ReadOnlySpan<char>)" ");
        }

        public void AppendFormatted(string value) => AppendFormatted((ReadOnlySpan<char>)value);
        public void AppendFormatted(string value, int alignment) => AppendFormatted((ReadOnlySpan<char>)value, alignment);
        public void AppendFormatted(char value) { Ensure(1); _buffer[_length++] = value; }
        public void AppendFormatted(bool value) => AppendFormatted(value ? "true" : "false");

        public void AppendFormatted(long value) => AppendNumber(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, value < 0, default, 0);
        public void AppendFormatted(long value, string format) => AppendNumber(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, value < 0, format, 0);
        public void AppendFormatted(long value, int alignment) => AppendNumber(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, value < 0, default, alignment);
        public void AppendFormatted(long value, int alignment, string format) => AppendNumber(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, value < 0, format, alignment);
        public void AppendFormatted(ulong value) => AppendNumber(value, false, default, 0);
        public void AppendFormatted(ulong value, string format) => AppendNumber(value, false, format, 0);
        public void AppendFormatted(ulong value, int alignment) => AppendNumber(value, false, default, alignment);
        public void AppendFormatted(ulong value, int alignment, string format) => AppendNumber(value, false, format, alignment);
        public void AppendFormatted(int value) => AppendFormatted((long)value);
        public void AppendFormatted(int value, string format) => AppendFormatted(value < 0 && format != null && format.Length > 0 && (format[0] == 'x' || format[0] == 'X') ? (uint)value : (long)value, format);
        public void AppendFormatted(int value, int alignment) => AppendFormatted((long)value, alignment);
        public void AppendFormatted(uint value) => AppendFormatted((ulong)value);
        public void AppendFormatted(uint value, string format) => AppendFormatted((ulong)value, format);
        public void AppendFormatted(uint value, int alignment) => AppendFormatted((ulong)value, alignment);

        private void AppendNumber(ulong magnitude, bool negative, ReadOnlySpan<char> format, int alignment)
        {
            Span<char> digits = stackalloc char[66];
            int n = NumberFormat.Format(magnitude, negative, format, digits);
            AppendFormatted(digits.Slice(0, n), alignment);
        }

        public override string ToString() => string.FromSpan(new ReadOnlySpan<char>(_buffer).Slice(0, _length));

        // What the compiler calls at the end of $"...": the scratch buffer goes back at once.
        public string ToStringAndClear()
        {
            string result = ToString();
            Internal.Runtime.RuntimeMemory.Free(_buffer);
            _buffer = null;
            return result;
        }
        public ReadOnlySpan<char> Text => new ReadOnlySpan<char>(_buffer).Slice(0, _length);

        // Gives the scratch buffer back when the text was used without making a string.
        public void Free()
        {
            Internal.Runtime.RuntimeMemory.Free(_buffer);
            _buffer = null;
        }
    }
}
