using Nooks.Kernel.Console;

namespace Nooks.Diagnostics
{
    // Every extension fault and what recovery did about it, numbered, for `nooks events` and for
    // the user-mode agent (which reads the events after the last one it saw).
    public static class FaultLog
    {
        private const int Capacity = 64;
        private static readonly string[] lines = new string[Capacity];
        private static long next = 1;

        public static long LastSequence => next - 1;

        public static void Record(string extension, string what)
        {
            ulong micros = Log.Now() / 1000;
            Kernel.Memory.KernelHeap.FreeObject(lines[next % Capacity]);
            lines[next % Capacity] = $"{next} {micros / 1000000}.{micros % 1000000:D6} {extension} {what}";
            next++;
        }

        // Events numbered after `sequence`, oldest first, one a line.
        public static string Since(long sequence)
        {
            long first = sequence + 1;
            if (first < next - Capacity) first = next - Capacity;
            if (first < 1) first = 1;
            string text = "";
            for (long s = first; s < next; s++) text += lines[s % Capacity] + "\n";
            return text;
        }

        public static string Report() => LastSequence == 0 ? "no extension faults\n" : "SEQ TIME EXTENSION EVENT\n" + Since(0);
    }
}
