using System.Runtime.CompilerServices;

namespace System.Text
{
    // Builds a report line by line into one growing buffer and makes one string at the end.
    // `text += ...` in a loop would leave every intermediate string behind, and there is no
    // collector to take them.
    public sealed class TextBuilder
    {
        private char[] buffer = new char[256];
        private int length;

        public void Append(scoped ReadOnlySpan<char> text)
        {
            if (length + text.Length > buffer.Length)
            {
                int size = buffer.Length * 2;
                while (size < length + text.Length) size *= 2;
                char[] bigger = new char[size];
                for (int i = 0; i < length; i++) bigger[i] = buffer[i];
                Internal.Runtime.RuntimeMemory.Free(buffer);
                buffer = bigger;
            }
            for (int i = 0; i < text.Length; i++) buffer[length++] = text[i];
        }

        public void Append(string text) => Append((ReadOnlySpan<char>)text);

        // $"..." appends without making a string of its own.
        public void Append(DefaultInterpolatedStringHandler text)
        {
            Append(text.Text);
            text.Free();
        }

        // The text built; the builder itself is gone afterwards.
        public string Finish()
        {
            string text = string.FromSpan(new ReadOnlySpan<char>(buffer).Slice(0, length));
            Internal.Runtime.RuntimeMemory.Free(buffer);
            Internal.Runtime.RuntimeMemory.Free(this);
            return text;
        }
    }
}
