using Nooks.Api;

namespace Nooks.Extension
{
    // Logging for extensions: text goes to the kernel log, tagged with the extension's name.
    public static unsafe class Klog
    {
        private const int MaxLine = 1024;

        public static void Info(string message) => Write(LogLevel.Info, message);
        public static void Warn(string message) => Write(LogLevel.Warn, message);
        public static void Error(string message) => Write(LogLevel.Error, message);

        public static void Write(LogLevel level, string message)
        {
            int length = message.Length < MaxLine ? message.Length : MaxLine;
            byte* text = stackalloc byte[length];
            for (int i = 0; i < length; i++) text[i] = message[i] < 0x80 ? (byte)message[i] : (byte)'?';
            Kernel.Log(level, text, length);
        }
    }
}
