using System;
using Nooks.Abi;
using Nooks.Kernel.Info;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // info(name, buffer): a KernelInfo report copied out as ASCII.
    public static class InfoCalls
    {
        private const long MaxNameLength = 64;

        // Returns the report's full length; the caller asks again with a larger buffer if that
        // exceeds its capacity.
        public static long Info(Process process, long name, long nameLength, long buffer, long capacity)
        {
            if (nameLength < 0 || nameLength > MaxNameLength) return Errno.InvalidArgument;
            if (!UserMemory.TryWrite(process.Space, (ulong)buffer, capacity, out Span<byte> output)) return Errno.BadAddress;
            string reportName = UserMemory.ReadString(process.Space, (ulong)name, nameLength);
            if (reportName == null) return Errno.BadAddress;
            string report = KernelInfo.Read(reportName);
            KernelHeap.FreeObject(reportName);
            if (report == null) return Errno.NoSuchEntry;
            int n = report.Length < output.Length ? report.Length : output.Length;
            for (int i = 0; i < n; i++) output[i] = report[i] < 0x80 ? (byte)report[i] : (byte)'?';
            long length = report.Length;
            KernelHeap.FreeObject(report);   // reports belong to their reader (KernelInfo)
            return length;
        }
    }
}
