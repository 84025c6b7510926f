namespace Nooks.Extension
{
    // Text an extension's shell command handler writes into the output buffer the kernel gave it.
    public unsafe ref struct CommandReply
    {
        private readonly byte* buffer;
        private readonly int capacity;
        public int Length;

        public CommandReply(byte* buffer, int capacity) { this.buffer = buffer; this.capacity = capacity; Length = 0; }

        public void Line(string text)
        {
            for (int i = 0; i < text.Length && Length < capacity - 1; i++) buffer[Length++] = text[i] < 0x80 ? (byte)text[i] : (byte)'?';
            if (Length < capacity) buffer[Length++] = (byte)'\n';
        }
    }
}
