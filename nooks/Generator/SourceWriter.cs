using System.Text;

namespace Nooks.Generator
{
    // Indented C# text; Open/Close write the braces so blocks cannot be left unbalanced.
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _depth;

        public SourceWriter Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
            _text.Append('\n');
            return this;
        }

        public SourceWriter Open(string header)
        {
            Line(header).Line("{");
            _depth++;
            return this;
        }

        public SourceWriter Close(string after = "")
        {
            _depth--;
            return Line("}" + after);
        }

        public SourceWriter Indented(string line)
        {
            _depth++;
            Line(line);
            _depth--;
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
