using Nooks.Kernel.Info;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // info(name, buffer): a KernelInfo report copied out as ASCII.
    public static unsafe class InfoCalls
    {
        private const long MaxNameLength = 64;

        // Returns the report's full length; the caller asks again with a larger buffer if that
        // exceeds its capacity.
        public static long Info(Process process, long name, long nameLength, long buffer, long capacity) =>
            TextExchange.Run(process, name, nameLength, MaxNameLength, buffer, capacity, &KernelInfo.Read, out _);
    }
}
