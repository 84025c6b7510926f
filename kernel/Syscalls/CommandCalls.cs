using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // command(line, buffer): runs a kernel command (nooks/Commands) and copies its output out.
    public static unsafe class CommandCalls
    {
        private const long MaxLineLength = 256;

        // Returns the length copied: a command cannot be run again to fetch what did not fit.
        public static long Run(Process process, long line, long lineLength, long buffer, long capacity)
        {
            long result = TextExchange.Run(process, line, lineLength, MaxLineLength, buffer, capacity,
                &Nooks.Commands.KernelCommands.Execute, out int copied);
            return result < 0 ? result : copied;
        }
    }
}
