namespace System.Text;

// The kernel core library's TextBuilder (kernel/corelib/Text/TextBuilder.cs), for kernel sources
// compiled into these tests: the same calls, over the host's StringBuilder.
public sealed class TextBuilder
{
    private readonly StringBuilder text = new();

    public void Append(ReadOnlySpan<char> value) => text.Append(value);

    public void Append(string value) => text.Append(value);

    public string Finish() => text.ToString();
}
